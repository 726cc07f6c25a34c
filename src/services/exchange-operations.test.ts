import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppServices } from './services';
import { openTestServices, removeFolder, tempFolder, unwrap } from './test-support';

// Emoji and Arabic before the passages: W3C offsets (code points) differ from JS indices here.
const TEXT =
  '🇺🇦 Kyiv, 👩‍👩‍👧 families: قال الوزير "سنبني الجدار" on Monday. The ministry built 4.2 km of wall.\n';

describe('exchange', () => {
  let dir: string;
  let a: AppServices;
  let b: AppServices;
  let documentId: string;

  const annotate = async (s: AppServices, docId: string, passage: string, tag: string) => {
    const start = TEXT.indexOf(passage);
    return unwrap(
      await s.createAnnotation({ documentId: docId, tag, start, end: start + passage.length }),
    ).changes[0]!.id;
  };

  beforeEach(async () => {
    dir = await tempFolder();
    a = await openTestServices(join(dir, 'a'));
    b = await openTestServices(join(dir, 'b'));
    documentId = unwrap(
      await a.importFile({ name: 'wall.txt', bytes: new TextEncoder().encode(TEXT) }),
    ).document.id;
    const fig = await annotate(a, documentId, '4.2 km', 'figure');
    unwrap(await a.updateAnnotation({ documentId, id: fig, note: 'Check the plan' }));
    await annotate(a, documentId, '"سنبني الجدار"', 'quote');
    await annotate(a, documentId, 'Kyiv', 'location');
  });

  afterEach(async () => {
    await a.close();
    await b.close();
    await removeFolder(dir);
  });

  const annotationsOf = async (s: AppServices, docId: string) =>
    unwrap(await s.openDocument({ documentId: docId })).annotations.map((x) => ({
      id: x.id,
      tag: x.tag,
      start: x.start,
      end: x.end,
      quote: x.quote,
      note: x.note,
      details: x.details,
    }));

  it('Gloss JSON round trip: an empty workspace gets the documents and identical annotations', async () => {
    const file = unwrap(await a.exportDocuments({ format: 'json' }));
    const report = unwrap(await b.importAnnotations({ name: 'a.json', content: file.content }));
    expect(report).toMatchObject({
      added: 3,
      skipped: 0,
      orphans: 0,
      conflicts: [],
      newDocuments: [expect.stringContaining('Kyiv')],
    });
    expect(await annotationsOf(b, documentId)).toEqual(await annotationsOf(a, documentId));
    const again = unwrap(await b.exportDocuments({ format: 'json' }));
    const strip = (c: string) => ({ ...JSON.parse(c), exported: null });
    expect(strip(again.content)).toEqual(strip(file.content));
  });

  it('W3C round trip into a workspace with the document: tags, notes, positions and details', async () => {
    const other = unwrap(
      await b.importFile({ name: 'wall.txt', bytes: new TextEncoder().encode(TEXT) }),
    ).document.id;
    const file = unwrap(await a.exportDocuments({ format: 'w3c' }));
    const report = unwrap(await b.importAnnotations({ name: 'a.jsonld', content: file.content }));
    expect(report).toMatchObject({ added: 3, orphans: 0, conflicts: [] });
    expect(await annotationsOf(b, other)).toEqual(await annotationsOf(a, documentId));
  });

  it('is one step: Undo takes the whole import back', async () => {
    const file = unwrap(await a.exportDocuments({ format: 'json' }));
    unwrap(await b.importAnnotations({ name: 'a.json', content: file.content }));
    unwrap(await b.undo());
    expect(await annotationsOf(b, documentId)).toEqual([]);
    unwrap(await b.redo());
    expect(await annotationsOf(b, documentId)).toHaveLength(3);
  });

  it('reports a conflicting edit instead of overwriting it', async () => {
    const file = unwrap(await a.exportDocuments({ format: 'json' }));
    unwrap(await b.importAnnotations({ name: 'a.json', content: file.content }));
    const [first] = await annotationsOf(b, documentId);
    unwrap(await b.updateAnnotation({ documentId, id: first!.id, note: 'Edited in b' }));
    const report = unwrap(await b.importAnnotations({ name: 'a.json', content: file.content }));
    expect(report.added).toBe(0);
    expect(report.skipped).toBe(2);
    expect(report.conflicts).toHaveLength(1);
    expect((await annotationsOf(b, documentId))[0]!.note).toBe('Edited in b');
  });

  /** The parts of an export file the cases below spoil. */
  type ExportJson = {
    documents: { text: string }[];
    annotations: { start: number; end: number }[];
  };

  it.each<[string, (json: ExportJson) => unknown, RegExp]>([
    [
      'a text that does not match its hash',
      (j) => ((j.documents[0].text = 'Forged text'), j),
      /does not match its textHash/,
    ],
    [
      'an offset past the text',
      (j) => ((j.annotations[0].start = 1e9), (j.annotations[0].end = 1e9 + 1), j),
      /./,
    ],
    [
      'a polluting key',
      (j) =>
        JSON.parse(JSON.stringify(j).replace('"details":{', '"details":{"__proto__":{"x":1},')),
      /__proto__/,
    ],
  ])('refuses %s and changes nothing', async (_, spoil, message) => {
    const file = unwrap(await a.exportDocuments({ format: 'json' }));
    const bad = JSON.stringify(spoil(JSON.parse(file.content)));
    const result = await b.importAnnotations({ name: 'bad.json', content: bad });
    if (result.ok) {
      // An offset past the text is not fatal: the quote is found by its context instead.
      expect(result.value.added).toBe(3);
      return;
    }
    expect(result.error.message).toMatch(message);
    expect(unwrap(await b.getWorkspace()).documents).toEqual([]);
  });

  it('exports only the chosen documents and tags', async () => {
    const csv = unwrap(
      await a.exportDocuments({ format: 'csv', documentIds: [documentId], tags: ['figure'] }),
    );
    // Named after the one document chosen.
    expect(csv.fileName).toMatch(/^kyiv-families-on-monday.*-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.content.trim().split('\r\n')).toHaveLength(2);
  });
});
