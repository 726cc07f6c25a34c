import { describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { servicesForEachTest, unwrap } from './test-support';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('search', () => {
  const ws = servicesForEachTest();

  it('searches one document or the whole workspace, notes included', async () => {
    const a = unwrap(
      await ws.services.importFile({ name: 'a.txt', bytes: bytes('Drought in the Sāhel.\n') }),
    ).document;
    const b = unwrap(
      await ws.services.importFile({ name: 'b.txt', bytes: bytes('Rain over the Sahel.\n') }),
    ).document;
    const made = unwrap(
      await ws.services.createAnnotation({ documentId: a.id, start: 0, end: 7, tag: 'claim' }),
    );
    const id = made.changes[0]!.id;
    unwrap(
      await ws.services.updateAnnotation({ documentId: a.id, id, note: 'Compare the Sahel rains' }),
    );

    const one = unwrap(await ws.services.search({ query: 'sahel', documentId: b.id }));
    expect(one.capped).toBe(false);
    expect(one.hits).toMatchObject([{ documentId: b.id, kind: 'text', start: 14, end: 19 }]);

    const all = unwrap(await ws.services.search({ query: 'SAHEL' }));
    expect(all.hits.map((h) => [h.documentId, h.kind])).toEqual([
      [a.id, 'text'],
      [a.id, 'note'],
      [b.id, 'text'],
    ]);
    expect(all.hits[1]).toMatchObject({ annotationId: id, context: { match: 'Sahel' } });
  });

  it('caps the hits and says so', async () => {
    unwrap(await ws.services.importFile({ name: 'many.txt', bytes: bytes('ab '.repeat(600)) }));
    const found = unwrap(await ws.services.search({ query: 'ab' }));
    expect(found.hits).toHaveLength(500);
    expect(found.capped).toBe(true);
  });

  it('refuses an empty or overlong query', async () => {
    expect((await dispatch(ws.services, 'search', { query: '  ' })).ok).toBe(false);
    expect((await dispatch(ws.services, 'search', { query: 'x'.repeat(201) })).ok).toBe(false);
  });
});
