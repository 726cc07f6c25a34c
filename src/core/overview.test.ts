import { describe, expect, it } from 'vitest';
import type { Annotation, Details } from './model';
import { computeOverview, sortFigures } from './overview';
import type { OverviewSource } from './overview';
import { BUILT_IN_TAGS } from './tags';

let n = 0;
function annotation(
  documentId: string,
  tag: string,
  quote: string,
  details: Details = {},
  orphan = false,
): Annotation {
  n++;
  return {
    id: `a-${n}`,
    documentId,
    tag,
    start: n,
    end: n + quote.length,
    quote,
    prefix: '',
    suffix: '',
    textHash: '0'.repeat(64),
    note: '',
    details,
    ...(orphan ? { orphan: true as const } : {}),
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  };
}

const doc = (id: string, title: string, annotations: Annotation[]): OverviewSource => ({
  meta: { id, title },
  annotations,
});

const sources = [
  doc('d1', 'Sea wall', [
    annotation('d1', 'figure', '4.2 kilometres', { value: 4.2, unit: 'km' }),
    annotation('d1', 'quote', '"We cannot wait"', { speaker: 'Ilse Brandt' }),
    annotation('d1', 'claim', 'the plan ignores', { status: 'disputed' }),
    annotation('d1', 'figure', 'many boats', {}),
    annotation('d1', 'location', 'Nordhafen', { name: 'Nordhafen', lat: 54, lon: 10 }),
    annotation('d1', 'claim', 'it will hold', {}),
  ]),
  doc('d2', 'Harbour', [
    annotation('d2', 'figure', '$18 million', { value: 18_000_000, unit: 'USD' }),
    annotation('d2', 'quote', '"Soon"', { speaker: ' ilse  brandt ' }),
    annotation('d2', 'quote', '"Never"', {}),
    annotation('d2', 'quote', '"Maybe"', { speaker: 'Jon Carter' }),
    annotation('d2', 'figure', '60 boats', { value: 60, unit: 'boats' }, true),
    annotation('d2', 'location', 'the docks', { name: 'the docks' }),
    annotation('d2', 'claim', 'it is safe', { status: 'supported' }),
    annotation('d2', 'hazard', 'storm', {}),
  ]),
];

describe('computeOverview', () => {
  const overview = computeOverview(sources, BUILT_IN_TAGS);

  it('counts per tag in the tag order, unknown tags after, zero counts kept', () => {
    expect(overview.scope).toBe('workspace');
    expect(overview.total).toBe(14);
    expect(overview.orphans).toBe(1);
    expect(overview.byTag.map((t) => [t.tagId, t.name, t.count])).toEqual([
      ['claim', 'Claim', 3],
      ['quote', 'Quote', 4],
      ['location', 'Location', 2],
      ['figure', 'Figure', 4],
      ['hazard', 'hazard', 1],
    ]);
    expect(overview.byTag[0]!.color).toBe('#e8590c');
  });

  it('counts per document, in all and per tag, orphans included', () => {
    expect(overview.byDocument.map((d) => [d.documentId, d.title, d.count, d.orphans])).toEqual([
      ['d1', 'Sea wall', 6, 0],
      ['d2', 'Harbour', 8, 1],
    ]);
    expect(overview.byDocument[0]!.byTag.map((t) => t.count)).toEqual([2, 1, 1, 2]);
  });

  it('lists the figures with their details; an orphan says it has no passage', () => {
    expect(overview.figures.map((f) => [f.quote, f.value, f.unit, f.orphan])).toEqual([
      ['4.2 kilometres', 4.2, 'km', false],
      ['many boats', null, '', false],
      ['$18 million', 18_000_000, 'USD', false],
      ['60 boats', 60, 'boats', true],
    ]);
    expect(overview.figures[2]).toMatchObject({ documentId: 'd2', documentTitle: 'Harbour' });
  });

  it('groups quotes by speaker, however written, largest first and the unknown last', () => {
    expect(overview.quotes.map((g) => [g.speaker, g.items.map((i) => i.quote)])).toEqual([
      ['Ilse Brandt', ['"We cannot wait"', '"Soon"']],
      ['Jon Carter', ['"Maybe"']],
      [null, ['"Never"']],
    ]);
  });

  it('groups claims by status in the order of the statuses, no status counting as unverified', () => {
    expect(overview.claims.map((g) => [g.status, g.items.map((i) => i.quote)])).toEqual([
      ['unverified', ['it will hold']],
      ['supported', ['it is safe']],
      ['disputed', ['the plan ignores']],
    ]);
  });

  it('counts the places tagged and those with coordinates', () => {
    expect(overview.places).toEqual({ tagged: 2, located: 1 });
  });

  it('is of one document when given one', () => {
    const one = computeOverview([sources[0]!], BUILT_IN_TAGS);
    expect(one.scope).toBe('document');
    expect(one.total).toBe(6);
    expect(one.byTag.map((t) => t.tagId)).toEqual(['claim', 'quote', 'location', 'figure']);
  });

  it('is empty for no documents', () => {
    const none = computeOverview([], BUILT_IN_TAGS, 'workspace');
    expect(none).toMatchObject({ total: 0, figures: [], quotes: [], claims: [] });
    expect(none.byTag.every((t) => t.count === 0)).toBe(true);
  });
});

describe('sortFigures', () => {
  const figures = computeOverview(sources, BUILT_IN_TAGS).figures;
  const quotes = (rows: { quote: string }[]) => rows.map((r) => r.quote);

  it('sorts by value both ways, figures without a number last', () => {
    expect(quotes(sortFigures(figures, 'value', 'asc'))).toEqual([
      '4.2 kilometres',
      '60 boats',
      '$18 million',
      'many boats',
    ]);
    expect(quotes(sortFigures(figures, 'value', 'desc'))).toEqual([
      '$18 million',
      '60 boats',
      '4.2 kilometres',
      'many boats',
    ]);
  });

  it('sorts by unit, figures without one last', () => {
    expect(quotes(sortFigures(figures, 'unit', 'asc'))).toEqual([
      '60 boats',
      '4.2 kilometres',
      '$18 million',
      'many boats',
    ]);
    expect(quotes(sortFigures(figures, 'unit', 'desc'))).toEqual([
      '$18 million',
      '4.2 kilometres',
      '60 boats',
      'many boats',
    ]);
  });

  it('sorts by document, keeping the text order within one', () => {
    expect(quotes(sortFigures(figures, 'document', 'asc'))).toEqual([
      '$18 million',
      '60 boats',
      '4.2 kilometres',
      'many boats',
    ]);
    expect(quotes(sortFigures(figures, 'document', 'desc'))).toEqual([
      '4.2 kilometres',
      'many boats',
      '$18 million',
      '60 boats',
    ]);
  });

  it('sorts by passage and leaves its input alone', () => {
    const before = quotes(figures);
    expect(quotes(sortFigures(figures, 'passage', 'asc'))[0]).toBe('$18 million');
    expect(quotes(figures)).toEqual(before);
  });

  it('uses the upper end of a range to break ties', () => {
    const rows = [
      { ...figures[0]!, quote: 'b', value: 10, valueMax: 12 },
      { ...figures[0]!, quote: 'a', value: 10, valueMax: null },
    ];
    expect(quotes(sortFigures(rows, 'value', 'asc'))).toEqual(['a', 'b']);
  });
});
