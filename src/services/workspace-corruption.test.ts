import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../core/result';
import type { AppServices } from './services';
import {
  openTestServices,
  removeFolder,
  snapshotFolder,
  tempFolder,
  unwrap,
  utf8,
} from './test-support';

let root: string;
let ws: string;
let services: AppServices | null;

beforeEach(async () => {
  root = await tempFolder();
  ws = join(root, 'workspace');
  services = null;
});
afterEach(async () => {
  await services?.close();
  await removeFolder(root);
});

async function open(): Promise<AppServices> {
  await services?.close();
  // Real uuids: each open would otherwise count ids from 1 again.
  services = await openTestServices(ws, {
    now: () => new Date('2026-11-25T09:38:05.123Z'),
    newId: undefined,
  });
  return services;
}

const CORRUPT_NAME = 'gloss.corrupt-2026-11-25T09-38-05-123Z.json';

/** Every mutating call, each of which must answer read-only and write nothing. */
async function everyMutation(
  s: AppServices,
  documentId = 'doc',
  id = 'ann',
): Promise<Result<unknown>[]> {
  const path = join(root, 'new.txt');
  await writeFile(path, 'A new file');
  return [
    await s.importFile({ name: 'x.txt', bytes: utf8('Some text') }),
    await s.importPath(path),
    await s.importSamples(),
    await s.createAnnotation({ documentId, start: 0, end: 4, tag: 'claim' }),
    await s.updateAnnotation({ documentId, id, note: 'x' }),
    await s.deleteAnnotation({ documentId, id }),
    await s.undo(),
    await s.redo(),
  ];
}

/** A workspace with one document and one annotation, closed again. */
async function seed(): Promise<{ documentId: string; annotationId: string }> {
  const s = await open();
  const doc = unwrap(
    await s.importFile({ name: 'a.txt', bytes: utf8('Alpha beta gamma') }),
  ).document;
  const created = unwrap(
    await s.createAnnotation({ documentId: doc.id, start: 0, end: 5, tag: 'claim' }),
  );
  await s.close();
  services = null;
  return { documentId: doc.id, annotationId: created.changes[0]?.id ?? '' };
}

describe('a damaged gloss.json', () => {
  const damaged: [string, string, string][] = [
    ['not JSON', 'this is not json {', 'not valid JSON'],
    ['truncated', '{"schemaVersion":1,"tags":[{"id":"claim","name":"Cl', 'not valid JSON'],
    [
      'failing the schema',
      JSON.stringify({ schemaVersion: 1, tags: 'nope', documents: [] }),
      'it does not have the expected content: tags: ',
    ],
    ['empty', '', 'the file is empty'],
  ];

  for (const [label, content, reason] of damaged) {
    it(`is moved aside with its bytes intact and the workspace turns read-only (${label})`, async () => {
      await mkdir(ws, { recursive: true });
      await writeFile(join(ws, 'gloss.json'), content);
      const s = await open();
      expect((await readdir(ws)).sort()).toEqual([CORRUPT_NAME]);
      expect(await readFile(join(ws, CORRUPT_NAME), 'utf8')).toBe(content);

      const state = unwrap(await s.getWorkspace());
      expect(state.readOnly).toBe(true);
      expect(state.problem).toContain(`gloss.json in ${ws} could not be read (${reason}`);
      expect(state.problem).toContain(
        `was moved to ${CORRUPT_NAME}. Gloss is read-only until you restore it from a backup or move it back.`,
      );
      expect(state.documents).toEqual([]);

      const before = await snapshotFolder(ws);
      for (const result of await everyMutation(s)) {
        expect(result).toEqual({ ok: false, error: { code: 'read-only', message: state.problem } });
      }
      await s.flush();
      expect(await snapshotFolder(ws)).toEqual(before);
    });
  }

  it('keeps the workspace read-only on the next start, until the user acts', async () => {
    await mkdir(ws, { recursive: true });
    await writeFile(join(ws, 'gloss.json'), '{oops');
    await open();
    const s = await open(); // gloss.json is gone now, its damaged copy set aside
    const state = unwrap(await s.getWorkspace());
    expect(state.readOnly).toBe(true);
    expect(state.problem).toContain(`a damaged copy was moved aside earlier as ${CORRUPT_NAME}`);
    expect(await s.importFile({ name: 'x.txt', bytes: utf8('x') })).toMatchObject({
      ok: false,
      error: { code: 'read-only' },
    });
    expect(await readdir(ws)).toEqual([CORRUPT_NAME]);
  });

  it('never replaces an earlier set-aside copy', async () => {
    await mkdir(ws, { recursive: true });
    await writeFile(join(ws, CORRUPT_NAME), 'earlier');
    await writeFile(join(ws, 'gloss.json'), 'later');
    const s = await open();
    const second = 'gloss.corrupt-2026-11-25T09-38-05-123Z-2.json';
    expect((await readdir(ws)).sort()).toEqual([CORRUPT_NAME, second].sort());
    expect(await readFile(join(ws, CORRUPT_NAME), 'utf8')).toBe('earlier');
    expect(await readFile(join(ws, second), 'utf8')).toBe('later');
    expect(unwrap(await s.getWorkspace()).problem).toContain(second);
  });

  it('leaves a file from a newer Gloss where it is, read-only', async () => {
    await mkdir(ws, { recursive: true });
    const content = JSON.stringify({ schemaVersion: 2, tags: [], documents: [], shelves: [] });
    await writeFile(join(ws, 'gloss.json'), content);
    const s = await open();
    const state = unwrap(await s.getWorkspace());
    expect(state.readOnly).toBe(true);
    expect(state.problem).toMatch(/was saved by a newer version of Gloss \(format version 2\)/);
    expect(await readdir(ws)).toEqual(['gloss.json']);
    expect(await readFile(join(ws, 'gloss.json'), 'utf8')).toBe(content);
  });
});

describe('a damaged annotation file', () => {
  it('is moved aside; the document opens without annotations and the workspace turns read-only', async () => {
    const { documentId, annotationId } = await seed();
    const file = join(ws, 'annotations', `${documentId}.json`);
    const content = (await readFile(file, 'utf8')).slice(0, 40); // truncated
    await writeFile(file, content);

    const s = await open();
    expect(unwrap(await s.getWorkspace()).readOnly).toBe(false); // loaded lazily
    const opened = unwrap(await s.openDocument({ documentId }));
    expect(opened.text).toBe('Alpha beta gamma');
    expect(opened.annotations).toEqual([]);

    const aside = `${documentId}.corrupt-2026-11-25T09-38-05-123Z.json`;
    expect(await readdir(join(ws, 'annotations'))).toEqual([aside]);
    expect(await readFile(join(ws, 'annotations', aside), 'utf8')).toBe(content);

    const state = unwrap(await s.getWorkspace());
    expect(state.readOnly).toBe(true);
    expect(state.problem).toBe(
      `The annotations of "Alpha beta gamma" (annotations/${documentId}.json in ${ws}) could not be read (not valid JSON) ` +
        `and were moved to ${aside} in the same folder. Gloss is read-only until you restore the file from a backup or move it back.`,
    );
    const before = await snapshotFolder(ws);
    for (const result of await everyMutation(s, documentId, annotationId)) {
      expect(result).toMatchObject({ ok: false, error: { code: 'read-only' } });
    }
    await s.flush();
    expect(await snapshotFolder(ws)).toEqual(before);
    // Reading still works: the document list and the export.
    expect(unwrap(await s.getWorkspace()).documents).toHaveLength(1);
    expect(JSON.parse(unwrap(await s.exportJson()).content)).toMatchObject({ annotations: [] });
  });

  it('fails validation when an annotation breaks the schema', async () => {
    const { documentId } = await seed();
    const file = join(ws, 'annotations', `${documentId}.json`);
    const data = JSON.parse(await readFile(file, 'utf8')) as { annotations: { end: number }[] };
    data.annotations[0] = { ...data.annotations[0], end: -3 };
    await writeFile(file, JSON.stringify(data));
    const s = await open();
    unwrap(await s.openDocument({ documentId }));
    expect(unwrap(await s.getWorkspace()).problem).toMatch(
      /could not be read \(it does not have the expected content: annotations\[0\]\.end: /,
    );
  });

  it('is refused when it belongs to another document', async () => {
    const { documentId } = await seed();
    const file = join(ws, 'annotations', `${documentId}.json`);
    await writeFile(
      file,
      JSON.stringify({ schemaVersion: 1, documentId: 'someone-else', annotations: [] }),
    );
    const s = await open();
    unwrap(await s.openDocument({ documentId }));
    expect(unwrap(await s.getWorkspace()).problem).toContain(
      'it holds the annotations of another document, someone-else',
    );
  });

  it('keeps the workspace read-only on the next start once the document is opened', async () => {
    const { documentId } = await seed();
    await writeFile(join(ws, 'annotations', `${documentId}.json`), '[');
    let s = await open();
    unwrap(await s.openDocument({ documentId }));
    s = await open();
    unwrap(await s.openDocument({ documentId }));
    const state = unwrap(await s.getWorkspace());
    expect(state.readOnly).toBe(true);
    expect(state.problem).toMatch(/are missing; a damaged copy was moved aside earlier/);
  });

  it('leaves the healthy parts of the workspace alone', async () => {
    const { documentId } = await seed();
    const s0 = await open();
    const other = unwrap(await s0.importFile({ name: 'b.txt', bytes: utf8('Other doc') })).document;
    unwrap(await s0.createAnnotation({ documentId: other.id, start: 0, end: 5, tag: 'quote' }));
    await writeFile(join(ws, 'annotations', `${documentId}.json`), 'garbage');
    const s = await open();
    unwrap(await s.openDocument({ documentId }));
    expect(unwrap(await s.openDocument({ documentId: other.id })).annotations).toHaveLength(1);
    expect(await readFile(join(ws, 'annotations', `${other.id}.json`), 'utf8')).toContain(
      '"quote"',
    );
  });
});
