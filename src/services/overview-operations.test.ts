import { describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { servicesForEachTest, unwrap, utf8 } from './test-support';

describe('overview', () => {
  const ws = servicesForEachTest();

  it('counts, lists figures, quotes and claims of one document or of the workspace', async () => {
    const a = unwrap(
      await ws.services.importFile({
        name: 'a.txt',
        bytes: utf8('The wall is 4.2 km long. "Soon," said Ilse Brandt. It will hold.\n'),
      }),
    ).document;
    const b = unwrap(
      await ws.services.importFile({ name: 'b.txt', bytes: utf8('It cost 18 million dollars.\n') }),
    ).document;
    const text = 'The wall is 4.2 km long. "Soon," said Ilse Brandt. It will hold.';
    const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    unwrap(
      await ws.services.createAnnotation({
        documentId: a.id,
        ...span('4.2 km'),
        tag: 'figure',
        details: { value: 4.2, unit: 'km' },
      }),
    );
    unwrap(
      await ws.services.createAnnotation({
        documentId: a.id,
        ...span('"Soon,"'),
        tag: 'quote',
        details: { speaker: 'Ilse Brandt' },
      }),
    );
    unwrap(
      await ws.services.createAnnotation({
        documentId: a.id,
        ...span('It will hold.'),
        tag: 'claim',
        details: { status: 'disputed' },
      }),
    );
    unwrap(
      await ws.services.createAnnotation({
        documentId: b.id,
        start: 8,
        end: 18,
        tag: 'figure',
        details: { value: 18_000_000, unit: 'USD' },
      }),
    );

    const all = unwrap(await ws.services.overview({}));
    expect(all.scope).toBe('workspace');
    expect(all.total).toBe(4);
    expect(all.byTag.map((t) => [t.tagId, t.count])).toEqual([
      ['claim', 1],
      ['quote', 1],
      ['location', 0],
      ['figure', 2],
    ]);
    expect(all.byDocument.map((d) => [d.documentId, d.count])).toEqual([
      [a.id, 3],
      [b.id, 1],
    ]);
    expect(all.figures.map((f) => [f.documentId, f.value, f.unit])).toEqual([
      [a.id, 4.2, 'km'],
      [b.id, 18_000_000, 'USD'],
    ]);
    expect(all.quotes).toMatchObject([{ speaker: 'Ilse Brandt', items: [{ quote: '"Soon,"' }] }]);
    expect(all.claims).toMatchObject([{ status: 'disputed', items: [{ documentId: a.id }] }]);

    const one = unwrap(await ws.services.overview({ documentId: b.id }));
    expect(one.scope).toBe('document');
    expect(one.total).toBe(1);
    expect(one.figures.map((f) => f.documentTitle)).toEqual([b.title]);
  });

  it('answers for an empty workspace, and refuses an unknown document or a stray field', async () => {
    expect(unwrap(await ws.services.overview({}))).toMatchObject({ total: 0, documents: 0 });
    expect((await dispatch(ws.services, 'overview', { documentId: 'nope' })).ok).toBe(false);
    expect((await dispatch(ws.services, 'overview', { scope: 'all' })).ok).toBe(false);
    expect((await dispatch(ws.services, 'overview', undefined)).ok).toBe(false);
  });
});
