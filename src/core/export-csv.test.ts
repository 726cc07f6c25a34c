import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildCsv, CSV_COLUMNS } from './export-csv';
import { pageAt } from './structure';
import type { ExportInput, ExportSource } from './export-input';
import type { Annotation, Details, DocumentMeta } from './model';
import type { PageSpan } from './structure';
import { BUILT_IN_TAGS } from './tags';

const HASH = 'b'.repeat(64);
const EXPORTED = new Date('2026-11-25T10:00:00.000Z');

function meta(id: string, title: string): DocumentMeta {
  return {
    id,
    title,
    format: 'text',
    sourceName: `${id}.txt`,
    rawHash: 'a'.repeat(64),
    textHash: HASH,
    length: 0,
    added: '2026-01-01T00:00:00.000Z',
  };
}

interface Spec {
  quote: string;
  tag: string;
  /** Which occurrence of the quote (default the first). */
  nth?: number;
  note?: string;
  details?: Details;
  orphan?: true;
  prefix?: string;
}

let counter = 0;
function source(title: string, text: string, specs: Spec[], pages: PageSpan[] = []): ExportSource {
  const id = `d${++counter}`;
  const annotations = specs.map((s): Annotation => {
    let start = text.indexOf(s.quote);
    for (let n = s.nth ?? 0; n > 0; n--) start = text.indexOf(s.quote, start + 1);
    if (start < 0 && !s.orphan) throw new Error(`not in text: ${s.quote}`);
    if (start < 0) start = 5;
    const end = start + s.quote.length;
    return {
      id: `a${++counter}`,
      documentId: id,
      tag: s.tag,
      start,
      end,
      quote: s.quote,
      prefix: s.prefix ?? whole(text.slice(Math.max(0, start - 32), start)),
      suffix: whole(text.slice(end, end + 32)),
      textHash: HASH,
      note: s.note ?? '',
      details: s.details ?? {},
      ...(s.orphan ? { orphan: true as const } : {}),
      created: '2026-01-02T00:00:00.000Z',
      modified: '2026-01-03T00:00:00.000Z',
    };
  });
  return { meta: { ...meta(id, title), length: text.length }, text, annotations, pages };
}

/** Without a half surrogate pair at either end (as Gloss's own context never has). */
function whole(s: string): string {
  return s.replace(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/g, '');
}

function input(...documents: ExportSource[]): ExportInput {
  return { documents, tags: [...BUILT_IN_TAGS], exported: EXPORTED };
}

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

function readBack(csv: string): Row[] {
  return parse(csv, { bom: true, columns: true }) as Row[];
}

/** What a text cell should read as after the formula guard. */
function guarded(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

describe('buildCsv', () => {
  it('gives just the header for an empty input', () => {
    expect(buildCsv(input())).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
    expect(readBack(buildCsv(input()))).toEqual([]);
    expect(parse(buildCsv(input()), { bom: true })).toEqual([[...CSV_COLUMNS]]);
  });

  it('has exactly the documented columns, in order', () => {
    expect(CSV_COLUMNS).toEqual([
      'document',
      'tag',
      'quote',
      'prefix',
      'suffix',
      'start',
      'end',
      'page',
      'note',
      'value',
      'value_max',
      'unit',
      'qualifier',
      'counted',
      'place',
      'country',
      'lat',
      'lon',
      'speaker',
      'claimant',
      'status',
      'orphan',
      'id',
      'created',
      'modified',
    ]);
  });

  it('writes UTF-8 with a BOM, CRLF line ends and quotes only where needed', () => {
    const csv = buildCsv(
      input(
        source('Plain', 'The wall is 210 km long, "they" said.', [
          { quote: 'wall', tag: 'claim', note: 'line one\nline two' },
          { quote: '210 km long, "they"', tag: 'quote' },
        ]),
      ),
    );
    expect(csv.startsWith('\uFEFFdocument,tag,quote,')).toBe(true);
    const [header, first, ...rest] = csv.slice(1).split('\r\n');
    expect(header).toBe(CSV_COLUMNS.join(','));
    expect(first).toMatch(/^Plain,Claim,wall,The ,/);
    expect(first).toContain(',"line one\nline two",');
    expect(rest.join('\r\n')).toContain(',"210 km long, ""they""",');
    expect(csv.endsWith('\r\n')).toBe(true);
    // Every record ends with CRLF; the only bare LF is the one inside the quoted note.
    expect(csv.replace(/\r\n/g, '').match(/\n/g)).toHaveLength(1);
  });

  it('reads back as the input: commas, quotes, multiline notes, emoji, Arabic', () => {
    const arabic = 'قال الوزير إن الجدار يمتد ٢١٠ كيلومترات، "وهذا كذب".';
    const text = `Report 🌍🇿🇦 — "Quoted", with commas.\n\n${arabic}\n\nCape Town 🏙️ is at the tip.`;
    const docs = [
      source('Sea wall, "phase 2" — تقرير', text, [
        {
          quote: '"Quoted", with commas.',
          tag: 'claim',
          note: 'First line\r\nsecond, with "quotes"\n\nthird 😀',
          details: { claimant: 'Minister, "Ana" Lee', status: 'disputed' },
        },
        {
          quote: arabic,
          tag: 'quote',
          note: 'ملاحظة: مهم',
          details: { speaker: 'الوزير' },
        },
        {
          quote: 'Cape Town',
          tag: 'location',
          details: { name: 'Cape Town', country: 'South Africa', lat: -33.9249, lon: 18.4241 },
        },
        {
          quote: '٢١٠ كيلومترات',
          tag: 'figure',
          details: { value: 210, valueMax: 215.5, unit: 'km', qualifier: 'over', counted: 'km' },
        },
      ]),
    ];
    const rows = readBack(buildCsv(input(...docs)));
    const anns = docs[0]!.annotations;
    expect(rows).toHaveLength(4);
    rows.forEach((row, i) => {
      const a = anns[i]!;
      expect(row.document).toBe('Sea wall, "phase 2" — تقرير');
      expect(row.quote).toBe(a.quote);
      expect(row.prefix).toBe(guarded(a.prefix));
      expect(row.suffix).toBe(guarded(a.suffix));
      expect(row.note).toBe(guarded(a.note));
      expect(row.id).toBe(a.id);
      expect(row.created).toBe(a.created);
      expect(row.modified).toBe(a.modified);
      expect(row.orphan).toBe('');
      expect(row.page).toBe('');
    });
    expect(rows.map((r) => r.tag)).toEqual(['Claim', 'Quote', 'Location', 'Figure']);
    expect(rows[0]).toMatchObject({ claimant: 'Minister, "Ana" Lee', status: 'disputed' });
    expect(rows[1]).toMatchObject({ speaker: 'الوزير', note: 'ملاحظة: مهم' });
    expect(rows[2]).toMatchObject({
      place: 'Cape Town',
      country: 'South Africa',
      lat: '-33.9249',
      lon: '18.4241',
    });
    expect(rows[3]).toMatchObject({
      value: '210',
      value_max: '215.5',
      unit: 'km',
      qualifier: 'over',
      counted: 'km',
    });
  });

  it('counts offsets in code points, so they index the text outside JavaScript', () => {
    const text = '👩‍👩‍👧 family 🇿🇦 flag, then 𝒳 math and é. Target here.';
    const doc = source('Emoji', text, [
      { quote: 'family', tag: 'claim' },
      { quote: 'Target', tag: 'claim' },
      { quote: '👩‍👩‍👧', tag: 'claim' },
    ]);
    const rows = readBack(buildCsv(input(doc)));
    const points = [...text];
    for (const row of rows) {
      const slice = points.slice(Number(row.start), Number(row.end)).join('');
      expect(slice).toBe(row.quote);
    }
    expect(rows.map((r) => [r.start, r.end])).toEqual([
      ['6', '12'],
      [String(points.indexOf('T')), String(points.indexOf('T') + 6)],
      ['0', '5'],
    ]);
  });

  it('gives the PDF page a quote starts on', () => {
    const text = 'Page one text.\n\nPage two text.\n\nPage three text.';
    const pages = [
      { page: 1, start: 0, end: 14 },
      { page: 2, start: 16, end: 30 },
      { page: 3, start: 32, end: 48 },
    ];
    const doc = source('PDF', text, [
      { quote: 'one', tag: 'claim' },
      { quote: 'two text.\n\nPage three', tag: 'claim' },
      { quote: 'three', tag: 'claim' },
    ]);
    doc.pages = pages;
    expect(readBack(buildCsv(input(doc))).map((r) => r.page)).toEqual(['1', '2', '3']);
    expect(pageAt(pages, 15)).toBe(1);
    expect(pageAt(pages, 16)).toBe(2);
    expect(pageAt(pages, 100)).toBe(3);
    expect(pageAt([], 3)).toBeUndefined();
  });

  it('leaves an orphan’s offsets and page empty and flags it', () => {
    const doc = source(
      'Updated',
      'The new text.',
      [
        { quote: 'new', tag: 'claim' },
        { quote: 'gone from the text', tag: 'claim', orphan: true, note: 'kept' },
      ],
      [{ page: 1, start: 0, end: 13 }],
    );
    const rows = readBack(buildCsv(input(doc)));
    expect(rows[0]).toMatchObject({ start: '4', end: '7', page: '1', orphan: '' });
    expect(rows[1]).toMatchObject({
      quote: 'gone from the text',
      start: '',
      end: '',
      page: '',
      orphan: 'true',
      note: 'kept',
    });
  });

  it('writes only the details of the annotation’s own tag; unknown tags by id', () => {
    const doc = source('Tags', 'alpha beta gamma', [
      // Details left from when it was a figure, now a claim.
      { quote: 'alpha', tag: 'claim', details: { value: 5, unit: 'km', status: 'false' } },
      { quote: 'beta', tag: 'custom-tag', details: { speaker: 'X', name: 'Y' } },
      { quote: 'gamma', tag: 'location', details: { name: 'Gamma', kind: 'city' } },
    ]);
    const rows = readBack(buildCsv(input(doc)));
    expect(rows[0]).toMatchObject({ tag: 'Claim', value: '', unit: '', status: 'false' });
    expect(rows[1]).toMatchObject({ tag: 'custom-tag', speaker: '', place: '' });
    expect(rows[2]).toMatchObject({ place: 'Gamma', lat: '', lon: '' });
    const withName = readBack(
      buildCsv({ ...input(doc), tags: [{ id: 'custom-tag', name: 'Mine', color: '#000000' }] }),
    );
    expect(withName[1]!.tag).toBe('Mine');
  });

  describe('formula injection', () => {
    const payloads = [
      '=HYPERLINK("http://evil.example","click")',
      '+1+cmd|" /C calc"!A0',
      '-2+3',
      '@SUM(1+1)*cmd|" /C calc"!A0',
      '\t=1+1',
      '\r=1+1',
    ];

    it.each(payloads)('neutralises %j in every text column', (payload) => {
      const text = `${payload} and more text`;
      const doc = source(payload, text, [
        {
          quote: payload,
          tag: 'figure',
          note: payload,
          prefix: payload,
          details: { value: payload, valueMax: payload, unit: payload, counted: payload },
        },
        { quote: payload, tag: 'location', details: { name: payload, country: payload } },
        { quote: payload, tag: 'quote', details: { speaker: payload } },
        { quote: payload, tag: 'claim', details: { claimant: payload, status: payload } },
      ]);
      const rows = readBack(
        buildCsv({ ...input(doc), tags: [{ id: 'figure', name: payload, color: '#000000' }] }),
      );
      const safe = `'${payload}`;
      expect(rows[0]).toMatchObject({
        document: safe,
        tag: safe,
        quote: safe,
        prefix: safe,
        note: safe,
        value: safe,
        value_max: safe,
        unit: safe,
        counted: safe,
      });
      expect(rows[1]).toMatchObject({ place: safe, country: safe });
      expect(rows[2]).toMatchObject({ speaker: safe });
      expect(rows[3]).toMatchObject({ claimant: safe, status: safe });
      for (const row of rows)
        for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });

    it('leaves text that only contains those characters later alone', () => {
      const doc = source('A = B', 'x a-b @c +d', [
        { quote: 'a-b @c +d', tag: 'claim', note: 'total = 5, +3 -2 @home' },
      ]);
      const [row] = readBack(buildCsv(input(doc)));
      expect(row).toMatchObject({
        document: 'A = B',
        quote: 'a-b @c +d',
        note: 'total = 5, +3 -2 @home',
      });
    });

    it('keeps negative numbers in numeric columns as numbers', () => {
      const doc = source('Numbers', 'minus five at the Cape', [
        { quote: 'minus five', tag: 'figure', details: { value: -5, valueMax: -1.5, unit: '°C' } },
        { quote: 'Cape', tag: 'location', details: { name: 'Cape', lat: -33.9, lon: -0.5 } },
      ]);
      const csv = buildCsv(input(doc));
      expect(csv).toContain(',-5,-1.5,°C,');
      expect(csv).toContain(',-33.9,-0.5,');
      const rows = readBack(csv);
      expect(rows[0]).toMatchObject({ value: '-5', value_max: '-1.5' });
      expect(rows[1]).toMatchObject({ lat: '-33.9', lon: '-0.5' });
    });
  });

  it('keeps documents in order and annotations in text order', () => {
    const rows = readBack(
      buildCsv(
        input(
          source('First', 'one two', [
            { quote: 'one', tag: 'claim' },
            { quote: 'two', tag: 'claim' },
          ]),
          source('Second', 'three', [{ quote: 'three', tag: 'claim' }]),
        ),
      ),
    );
    expect(rows.map((r) => [r.document, r.quote])).toEqual([
      ['First', 'one'],
      ['First', 'two'],
      ['Second', 'three'],
    ]);
  });
});
