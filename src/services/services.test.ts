import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../core/model';
import { WorkspaceIndexSchema } from '../core/model';
import { AnnotationSet } from './annotation-set';
import { BUILT_IN_TAGS } from '../core/tags';
import { sha256Hex } from './hash';
import type { AppServices } from './services';
import { openServices } from './services';
import { suggestDetails } from '../core/suggest-details';
import { openTestServices, removeFolder, tempFolder, unwrap, utf8 } from './test-support';

let root: string;
let ws: string;
let files: string;
let services: AppServices | null;

beforeEach(async () => {
  root = await tempFolder();
  ws = join(root, 'workspace');
  files = join(root, 'files');
  await mkdir(files);
  services = null;
});
afterEach(async () => {
  await services?.close();
  await removeFolder(root);
});

async function open(options: Parameters<typeof openTestServices>[1] = {}): Promise<AppServices> {
  services = await openTestServices(ws, options);
  return services;
}

async function reopen(options: Parameters<typeof openTestServices>[1] = {}): Promise<AppServices> {
  await services?.close();
  return open({ newId: () => `reopened-${Math.random().toString(36).slice(2)}`, ...options });
}

const ARTICLE = 'Border report\n\nOfficials said 210 km of concrete walls were built in 2023.\n';

async function importArticle(s: AppServices, text = ARTICLE, name = 'report.txt') {
  return unwrap(await s.importFile({ name, bytes: utf8(text) })).document;
}

describe('the workspace', () => {
  it('is created with the built-in tags and nothing else on disk', async () => {
    const s = await open();
    const state = unwrap(await s.getWorkspace());
    expect(state).toEqual({
      path: ws,
      readOnly: false,
      problem: null,
      tags: BUILT_IN_TAGS,
      documents: [],
      history: { canUndo: false, canRedo: false },
      openOnStart: null,
      startupProblems: [],
    });
    // Nothing is written until something changes.
    expect(await readdir(ws)).toEqual([]);
  });

  it('creates a missing workspace folder, however deep', async () => {
    ws = join(root, 'a', 'b', 'c');
    const s = await open();
    await importArticle(s);
    expect((await readdir(ws)).sort()).toEqual(['documents', 'gloss.json']);
  });

  it('remembers the document to open on start', async () => {
    const s = await open();
    const doc = await importArticle(s);
    s.setOpenOnStart(doc.id);
    expect(unwrap(await s.getWorkspace()).openOnStart).toBe(doc.id);
  });
});

describe('importing', () => {
  it('imports a text file: canonical text stored by hash, metadata in gloss.json', async () => {
    const s = await open();
    const raw = utf8('\uFEFFBorder report\r\n\r\nCafe\u0301 text.\r\n');
    const result = unwrap(await s.importFile({ name: 'C:\\Users\\me\\report.txt', bytes: raw }));
    const text = 'Border report\n\nCafé text.\n';
    expect(result).toEqual({
      existed: false,
      document: {
        id: 'id-1',
        title: 'Border report',
        format: 'text',
        sourceName: 'report.txt',
        rawHash: sha256Hex(raw),
        textHash: sha256Hex(text),
        length: text.length,
        added: '2026-03-04T05:06:07.000Z',
      },
    });
    expect(await readFile(join(ws, 'documents', `${sha256Hex(text)}.txt`), 'utf8')).toBe(text);
    const index = WorkspaceIndexSchema.parse(
      JSON.parse(await readFile(join(ws, 'gloss.json'), 'utf8')),
    );
    expect(index.documents).toEqual([result.document]);
    expect(unwrap(await s.getWorkspace()).documents).toEqual([result.document]);
  });

  it('marks .md and .markdown as markdown and takes the title from the first heading', async () => {
    const s = await open();
    const md = unwrap(
      await s.importFile({ name: 'notes.MD', bytes: utf8('# The heading\n\nBody') }),
    );
    expect(md.document).toMatchObject({ format: 'markdown', title: 'The heading' });
    const mk = unwrap(await s.importFile({ name: 'x.markdown', bytes: utf8('Other') }));
    expect(mk.document.format).toBe('markdown');
    const text = unwrap(await s.importFile({ name: 'y.text', bytes: utf8('Third') }));
    expect(text.document.format).toBe('text');
  });

  it('adds nothing when the same text is imported again, even with other line endings', async () => {
    const s = await open();
    const first = unwrap(await s.importFile({ name: 'a.txt', bytes: utf8('Same text\nhere') }));
    const again = unwrap(await s.importFile({ name: 'b.txt', bytes: utf8('Same text\r\nhere') }));
    expect(again).toEqual({ existed: true, document: first.document });
    expect(unwrap(await s.getWorkspace()).documents).toHaveLength(1);
  });

  it('adds a document once when the same text is imported concurrently', async () => {
    const s = await open();
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => s.importFile({ name: `${i}.txt`, bytes: utf8('Twice') })),
    );
    expect(results.map((r) => unwrap(r).existed).filter((e) => !e)).toHaveLength(1);
    expect(unwrap(await s.getWorkspace()).documents).toHaveLength(1);
  });

  it('imports by path and keeps the path', async () => {
    const s = await open();
    const path = join(files, 'brief.md');
    await writeFile(path, '# Brief\n\nText.');
    const result = unwrap(await s.importPath(path));
    expect(result.document).toMatchObject({
      sourceName: 'brief.md',
      sourcePath: path,
      format: 'markdown',
    });
  });

  describe('refuses bad input with a message naming the file', () => {
    async function refusal(path: string, options = {}) {
      const s = await open(options);
      const result = await s.importPath(path);
      expect(result.ok).toBe(false);
      expect(unwrap(await s.getWorkspace()).documents).toEqual([]);
      if (result.ok) throw new Error('unreachable');
      expect(['bad-file', 'unsupported-format']).toContain(result.error.code);
      return result.error.message;
    }

    it('a missing path', async () => {
      const path = join(files, 'nope.txt');
      expect(await refusal(path)).toBe(`"nope.txt" cannot be opened: there is no file at ${path}.`);
    });

    it('a folder', async () => {
      await mkdir(join(files, 'folder.txt'));
      expect(await refusal(join(files, 'folder.txt'))).toBe(
        '"folder.txt" cannot be opened: it is a folder, not a file.',
      );
    });

    it('a FIFO, without ever reading it', async (context) => {
      const fifo = join(files, 'pipe.txt');
      try {
        execFileSync('mkfifo', [fifo]);
      } catch {
        context.skip();
      }
      // Reading a FIFO with no writer would hang this test forever.
      expect(await refusal(fifo)).toBe(
        '"pipe.txt" cannot be opened: it is not a regular file (it is a pipe, socket or device).',
      );
    });

    it('a device', async (context) => {
      if (process.platform === 'win32') context.skip();
      expect(await refusal('/dev/zero')).toMatch(
        /^"zero" cannot be opened: it is not a regular file/,
      );
    });

    it('a file larger than the limit, before reading it', async () => {
      const path = join(files, 'big.txt');
      await writeFile(path, 'x'.repeat(2048));
      expect(await refusal(path, { maxImportBytes: 1024 })).toBe(
        '"big.txt" cannot be opened: it is 2 KB, more than the 1 KB Gloss can import.',
      );
    });

    it('a binary file', async () => {
      const path = join(files, 'image.txt');
      await writeFile(path, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
      expect(await refusal(path)).toBe(
        '"image.txt" cannot be opened: the file is binary (it contains NUL characters), not text.',
      );
    });

    it('invalid UTF-8', async () => {
      const path = join(files, 'latin1.txt');
      await writeFile(path, new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
      expect(await refusal(path)).toBe(
        '"latin1.txt" cannot be opened: the file is not valid UTF-8 text.',
      );
    });

    it('an empty file, or one of only white space', async () => {
      await writeFile(join(files, 'empty.txt'), '');
      expect(await refusal(join(files, 'empty.txt'))).toBe(
        '"empty.txt" cannot be opened: the file is empty.',
      );
      await writeFile(join(files, 'blank.md'), ' \r\n\t\n');
      await services?.close();
      expect(await refusal(join(files, 'blank.md'))).toBe(
        '"blank.md" cannot be opened: the file holds no text (only white space).',
      );
    });

    it('an unsupported extension, or none', async () => {
      await writeFile(join(files, 'paper.rtf'), '{\\rtf1 hello}');
      expect(await refusal(join(files, 'paper.rtf'))).toBe(
        '"paper.rtf" cannot be opened: .rtf files are not a kind Gloss knows (it opens .txt, .md, .html, .docx and .pdf). It can still be opened as plain text if it is text.',
      );
      await writeFile(join(files, 'README'), 'text');
      await services?.close();
      expect(await refusal(join(files, 'README'))).toBe(
        '"README" cannot be opened: it has no extension, so Gloss cannot tell its kind (it opens .txt, .md, .html, .docx and .pdf). It can still be opened as plain text if it is text.',
      );
      // …and it opens as plain text when the user says so.
      const s = await open();
      const asText = await s.importFile({
        name: 'paper.rtf',
        bytes: utf8('{\\rtf1 hello}'),
        asText: true,
      });
      expect(asText.ok && asText.value.document.format).toBe('text');
    });
  });

  it('applies the same checks to uploaded bytes', async () => {
    const s = await open({ maxImportBytes: 10 });
    expect(await s.importFile({ name: 'a.docx', bytes: utf8('x') })).toMatchObject({
      ok: false,
      error: { code: 'bad-file' },
    });
    expect(await s.importFile({ name: 'a.txt', bytes: utf8('x'.repeat(11)) })).toEqual({
      ok: false,
      error: {
        code: 'bad-file',
        message:
          '"a.txt" cannot be opened: it is 11 bytes, more than the 10 bytes Gloss can import.',
      },
    });
    expect(await s.importFile({ name: 'a.txt', bytes: new Uint8Array([0xff]) })).toMatchObject({
      ok: false,
      error: {
        code: 'bad-file',
        message: '"a.txt" cannot be opened: the file is not valid UTF-8 text.',
      },
    });
  });

  it('imports the samples in name order, without their paths', async () => {
    const samples = join(root, 'samples');
    await mkdir(samples);
    await writeFile(join(samples, 'b.md'), '# Second');
    await writeFile(join(samples, 'a.txt'), 'First');
    await writeFile(join(samples, 'ignored.json'), '{}');
    const s = await open({ samplesDir: samples });
    const results = unwrap(await s.importSamples());
    expect(results.map((r) => r.document.title)).toEqual(['First', 'Second']);
    expect(results.every((r) => r.document.sourcePath === undefined)).toBe(true);
    // Again: nothing new.
    expect(unwrap(await s.importSamples()).every((r) => r.existed)).toBe(true);
  });

  it('says so when there are no samples', async () => {
    const s = await open({ samplesDir: join(root, 'no-such-folder') });
    expect(await s.importSamples()).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('opening a document', () => {
  it('returns the document, its text and its annotations in text order', async () => {
    const s = await open();
    const doc = await importArticle(s);
    const later = ARTICLE.indexOf('concrete');
    unwrap(
      await s.createAnnotation({ documentId: doc.id, start: later, end: later + 8, tag: 'figure' }),
    );
    unwrap(await s.createAnnotation({ documentId: doc.id, start: 0, end: 6, tag: 'claim' }));
    const opened = unwrap(await s.openDocument({ documentId: doc.id }));
    expect(opened.document).toEqual(doc);
    expect(opened.text).toBe(ARTICLE);
    expect(opened.annotations.map((a) => a.quote)).toEqual(['Border', 'concrete']);
  });

  it('answers not-found for an unknown id', async () => {
    const s = await open();
    expect(await s.openDocument({ documentId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('refuses a text changed on disk after import', async () => {
    const s = await open();
    const doc = await importArticle(s);
    await writeFile(join(ws, 'documents', `${doc.textHash}.txt`), 'Tampered');
    const fresh = await reopen();
    const result = await fresh.openDocument({ documentId: doc.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(!result.ok && result.error.message).toContain(`documents/${doc.textHash}.txt`);
  });

  it('says when a text file is missing', async () => {
    const s = await open();
    const doc = await importArticle(s);
    await rm(join(ws, 'documents', `${doc.textHash}.txt`));
    const fresh = await reopen();
    const result = await fresh.openDocument({ documentId: doc.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(!result.ok && result.error.message).toMatch(/is missing from the workspace/);
  });
});

describe('annotations', () => {
  /** What is on disk: the snapshot with its journal replayed, read as the app reads it. */
  async function annotationFile(documentId: string) {
    const path = join(ws, 'annotations', `${documentId}.json`);
    return { annotations: (await AnnotationSet.load(documentId, path)).set.list() };
  }

  it('creates an annotation with trimmed, snapped selectors, on disk before answering', async () => {
    const s = await open();
    const doc = await importArticle(s);
    const at = ARTICLE.indexOf('210 km');
    const mutation = unwrap(
      await s.createAnnotation({ documentId: doc.id, start: at - 1, end: at + 7, tag: 'figure' }),
    );
    const expected: Annotation = {
      id: 'id-2',
      documentId: doc.id,
      tag: 'figure',
      start: at,
      end: at + 6,
      quote: '210 km',
      prefix: ARTICLE.slice(Math.max(0, at - 32), at),
      suffix: ARTICLE.slice(at + 6, at + 38),
      textHash: doc.textHash,
      note: '',
      // Read from the passage: see suggest-details and annotation-details.test.
      details: suggestDetails('figure', ARTICLE, at, at + 6),
      created: '2026-03-04T05:06:08.000Z',
      modified: '2026-03-04T05:06:08.000Z',
    };
    expect(mutation).toEqual({
      changes: [{ documentId: doc.id, id: 'id-2', annotation: expected }],
      history: { canUndo: true, canRedo: false },
    });
    expect((await annotationFile(doc.id)).annotations).toEqual([expected]);
  });

  it('refuses unknown tags, empty selections and selections past the end', async () => {
    const s = await open();
    const doc = await importArticle(s);
    expect(
      await s.createAnnotation({ documentId: doc.id, start: 0, end: 5, tag: 'nope' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: 'There is no tag "nope" in this workspace.' },
    });
    expect(
      await s.createAnnotation({ documentId: doc.id, start: 13, end: 15, tag: 'claim' }),
    ).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'The selection holds no text.' },
    });
    expect(
      await s.createAnnotation({
        documentId: doc.id,
        start: 0,
        end: ARTICLE.length + 1,
        tag: 'claim',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(
      await s.createAnnotation({ documentId: 'ghost', start: 0, end: 5, tag: 'claim' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(unwrap(await s.getWorkspace()).history.canUndo).toBe(false);
  });

  it('updates tag and note, bumping modified', async () => {
    const s = await open();
    const doc = await importArticle(s);
    const created = unwrap(
      await s.createAnnotation({ documentId: doc.id, start: 0, end: 6, tag: 'claim' }),
    );
    const id = created.changes[0]?.id ?? '';
    const updated = unwrap(
      await s.updateAnnotation({ documentId: doc.id, id, tag: 'quote', note: 'Check this' }),
    );
    expect(updated.changes[0]?.annotation).toMatchObject({
      tag: 'quote',
      note: 'Check this',
      created: '2026-03-04T05:06:08.000Z',
      modified: '2026-03-04T05:06:09.000Z',
    });
    expect((await annotationFile(doc.id)).annotations[0]).toMatchObject({
      tag: 'quote',
      note: 'Check this',
    });
    // Only a note:
    unwrap(await s.updateAnnotation({ documentId: doc.id, id, note: 'Second thought' }));
    expect((await annotationFile(doc.id)).annotations[0]).toMatchObject({
      tag: 'quote',
      note: 'Second thought',
    });
  });

  it('treats an update that changes nothing as no step', async () => {
    const s = await open();
    const doc = await importArticle(s);
    const id =
      unwrap(await s.createAnnotation({ documentId: doc.id, start: 0, end: 6, tag: 'claim' }))
        .changes[0]?.id ?? '';
    expect(
      unwrap(await s.updateAnnotation({ documentId: doc.id, id, tag: 'claim' })).changes,
    ).toEqual([]);
    unwrap(await s.undo());
    expect(unwrap(await s.getWorkspace()).history).toEqual({ canUndo: false, canRedo: true });
  });

  it('refuses updating or deleting what does not exist, and unknown tags', async () => {
    const s = await open();
    const doc = await importArticle(s);
    const id =
      unwrap(await s.createAnnotation({ documentId: doc.id, start: 0, end: 6, tag: 'claim' }))
        .changes[0]?.id ?? '';
    expect(await s.updateAnnotation({ documentId: doc.id, id: 'nope', note: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await s.deleteAnnotation({ documentId: doc.id, id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await s.updateAnnotation({ documentId: doc.id, id, tag: 'bogus' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('deletes, undoes and redoes, and every step persists', async () => {
    let s = await open();
    const doc = await importArticle(s);
    const a = unwrap(
      await s.createAnnotation({ documentId: doc.id, start: 0, end: 6, tag: 'claim' }),
    ).changes[0]?.annotation;
    if (!a) throw new Error('no annotation');
    unwrap(await s.updateAnnotation({ documentId: doc.id, id: a.id, note: 'edited' }));
    const deleted = unwrap(await s.deleteAnnotation({ documentId: doc.id, id: a.id }));
    expect(deleted.changes).toEqual([{ documentId: doc.id, id: a.id, annotation: null }]);
    expect((await annotationFile(doc.id)).annotations).toEqual([]);

    const undoDelete = unwrap(await s.undo());
    expect(undoDelete.changes[0]?.annotation).toMatchObject({ id: a.id, note: 'edited' });
    expect((await annotationFile(doc.id)).annotations).toMatchObject([
      { id: a.id, note: 'edited' },
    ]);

    const undoEdit = unwrap(await s.undo());
    expect(undoEdit.changes[0]?.annotation).toEqual(a);
    expect((await annotationFile(doc.id)).annotations).toEqual([a]);

    const undoCreate = unwrap(await s.undo());
    expect(undoCreate).toEqual({
      changes: [{ documentId: doc.id, id: a.id, annotation: null }],
      history: { canUndo: false, canRedo: true },
    });
    expect((await annotationFile(doc.id)).annotations).toEqual([]);
    expect(unwrap(await s.undo())).toEqual({
      changes: [],
      history: { canUndo: false, canRedo: true },
    });

    unwrap(await s.redo()); // create
    unwrap(await s.redo()); // edit
    s = await reopen();
    expect(unwrap(await s.openDocument({ documentId: doc.id })).annotations).toMatchObject([
      { id: a.id, note: 'edited' },
    ]);
    // History lives for a session.
    expect(unwrap(await s.getWorkspace()).history).toEqual({ canUndo: false, canRedo: false });
    expect(unwrap(await s.redo()).changes).toEqual([]);
  });

  it('persists across a reopen', async () => {
    let s = await open();
    const doc = await importArticle(s);
    unwrap(await s.createAnnotation({ documentId: doc.id, start: 0, end: 6, tag: 'claim' }));
    s = await reopen();
    const state = unwrap(await s.getWorkspace());
    expect(state.documents).toEqual([doc]);
    expect(unwrap(await s.openDocument({ documentId: doc.id })).annotations).toMatchObject([
      { quote: 'Border', tag: 'claim' },
    ]);
  });

  it('keeps every one of many concurrent changes', async () => {
    let s = await open({ newId: undefined });
    const doc = await importArticle(s);
    const words = [...ARTICLE.matchAll(/\S+/g)];
    const results = await Promise.all(
      words.map((m) =>
        s.createAnnotation({
          documentId: doc.id,
          start: m.index,
          end: m.index + m[0].length,
          tag: 'claim',
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    s = await reopen();
    expect(unwrap(await s.openDocument({ documentId: doc.id })).annotations).toHaveLength(
      words.length,
    );
  });

  it('keeps one annotation file per document', async () => {
    const s = await open();
    const one = await importArticle(s, 'First document');
    const two = await importArticle(s, 'Second document', 'two.txt');
    unwrap(await s.createAnnotation({ documentId: one.id, start: 0, end: 5, tag: 'claim' }));
    unwrap(await s.createAnnotation({ documentId: two.id, start: 0, end: 6, tag: 'quote' }));
    expect((await readdir(join(ws, 'annotations'))).sort()).toEqual(
      [`${one.id}.json`, `${two.id}.json`].sort(),
    );
    expect((await annotationFile(two.id)).annotations.map((a) => a.quote)).toEqual(['Second']);
  });

  it('reports a failed write, keeps the change, and saves it on flush', async () => {
    const s = await open();
    const doc = await importArticle(s);
    unwrap(await s.openDocument({ documentId: doc.id })); // loads its (empty) annotations
    // A file where the annotations folder should be makes the write fail.
    await writeFile(join(ws, 'annotations'), 'in the way');
    const result = await s.createAnnotation({ documentId: doc.id, start: 0, end: 6, tag: 'claim' });
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(!result.ok && result.error.message).toMatch(
      /^Gloss could not save the annotations of "Border report" \(/,
    );
    await rm(join(ws, 'annotations'));
    await s.flush();
    expect((await annotationFile(doc.id)).annotations).toMatchObject([{ quote: 'Border' }]);
  });
});

describe('export', () => {
  it('exports every document and annotation in the documented shape', async () => {
    let s = await open();
    const one = await importArticle(s);
    const two = await importArticle(s, 'Another text here', 'another.md');
    unwrap(await s.createAnnotation({ documentId: two.id, start: 8, end: 12, tag: 'quote' }));
    unwrap(await s.createAnnotation({ documentId: one.id, start: 0, end: 6, tag: 'claim' }));
    s = await reopen({ now: () => new Date(2026, 4, 6, 12, 0, 0) }); // annotation files load lazily
    const file = unwrap(await s.exportJson());
    expect(file.fileName).toBe('gloss-export-2026-05-06.json');
    expect(file.mimeType).toBe('application/json');
    const parsed = JSON.parse(file.content) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'format',
      'version',
      'exported',
      'documents',
      'annotations',
    ]);
    expect(parsed).toMatchObject({
      format: 'gloss',
      version: 1,
      exported: new Date(2026, 4, 6, 12).toISOString(),
    });
    // Each document carries its text and layout, so the file stands alone.
    expect(parsed.documents).toEqual([
      { ...one, text: expect.stringContaining('Border'), layout: expect.any(Object) },
      { ...two, text: 'Another text here', layout: expect.any(Object) },
    ]);
    const annotations = parsed.annotations as Record<string, unknown>[];
    expect(annotations.map((a) => a.quote)).toEqual(['Border', 'text']);
    expect(Object.keys(annotations[0] ?? {})).toEqual([
      'id',
      'documentId',
      'tag',
      'quote',
      'prefix',
      'suffix',
      'start',
      'end',
      'note',
      'details',
      'created',
      'modified',
    ]);
    expect(file.content).toContain('\n  "format": "gloss"'); // pretty-printed for people
  });
});

describe('closing', () => {
  it('flushes, then refuses further calls without throwing', async () => {
    const s = await open();
    const doc = await importArticle(s);
    const pending = s.createAnnotation({ documentId: doc.id, start: 0, end: 6, tag: 'claim' });
    await s.close();
    expect((await pending).ok).toBe(true);
    expect(await s.getWorkspace()).toMatchObject({ ok: false, error: { code: 'internal' } });
    await s.close(); // twice is fine
    services = null;
  });

  it('never throws, even when called with garbage directly', async () => {
    const s = await open();
    const anyServices = s as unknown as Record<string, (arg?: unknown) => Promise<unknown>>;
    for (const method of [
      'openDocument',
      'importFile',
      'createAnnotation',
      'updateAnnotation',
      'deleteAnnotation',
    ]) {
      for (const arg of [undefined, null, 42]) {
        const result = await anyServices[method]?.(arg);
        expect(result, `${method}(${String(arg)})`).toMatchObject({ ok: false });
      }
    }
    expect(await s.importPath(undefined as unknown as string)).toMatchObject({ ok: false });
  });
});

it('opens the same workspace in two services one after the other', async () => {
  const first = await openServices({ workspaceDir: ws });
  const doc = unwrap(
    await first.importFile({ name: 'a.txt', bytes: utf8('Hello there') }),
  ).document;
  await first.close();
  const second = await openServices({ workspaceDir: ws });
  expect(unwrap(await second.getWorkspace()).documents).toEqual([doc]);
  await second.close();
});
