import { appendFile, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, AnnotationFile } from '../core/model';
import { AnnotationFileSchema } from '../core/model';
import { JournalFile, journalLine, parseJournal } from './annotation-journal';
import type { AnnotationSetOptions } from './annotation-set';
import { AnnotationSet, MIN_COMPACTION_BYTES } from './annotation-set';
import { DurableJsonFile } from './durable-json-file';
import type { AppServices } from './services';
import {
  openTestServices,
  removeFolder,
  snapshotFolder,
  tempFolder,
  unwrap,
  utf8,
} from './test-support';

const HASH = '3f'.repeat(32);
const QUOTE = 'The council voted to build 4.2 km of wall';

/** An annotation of about 330 bytes of JSON, as the app makes them. */
function annotation(n: number, over: Partial<Annotation> = {}): Annotation {
  return {
    id: `0b7c9e2a-5d1f-4c3b-9a8e-${String(n).padStart(12, '0')}`,
    documentId: 'doc',
    tag: 'claim',
    start: n * 100,
    end: n * 100 + QUOTE.length,
    quote: QUOTE,
    prefix: 'Sea wall vote\n\n',
    suffix: '.\n\nResidents of Nordhafen objected.',
    textHash: HASH,
    note: '',
    details: {},
    created: '2026-03-04T05:06:07.000Z',
    modified: '2026-03-04T05:06:07.000Z',
    ...over,
  };
}

let dir: string;
let path: string;
let journalPath: string;

beforeEach(async () => {
  dir = await tempFolder();
  path = join(dir, 'annotations', 'doc.json');
  journalPath = join(dir, 'annotations', 'doc.journal');
});
afterEach(async () => {
  await removeFolder(dir);
});

async function load(options?: AnnotationSetOptions): Promise<AnnotationSet> {
  return (await AnnotationSet.load('doc', path, options)).set;
}

/** What a fresh load finds on disk. */
async function stored(): Promise<{ annotations: readonly Annotation[]; rejected: string[] }> {
  return state(await load());
}

function state(set: AnnotationSet) {
  return { annotations: [...set.list()], rejected: [...set.rejected()] };
}

async function snapshotFile(): Promise<AnnotationFile> {
  return AnnotationFileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}

async function journalLines(): Promise<string[]> {
  const text = await readFile(journalPath, 'utf8');
  return text.split('\n').filter((l) => l !== '');
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** A set saved with `n` annotations: its snapshot written, no journal. */
async function seeded(n: number, options?: AnnotationSetOptions): Promise<AnnotationSet> {
  const set = await load(options);
  for (let i = 1; i <= n; i++) set.put(annotation(i));
  await set.save();
  expect(await exists(journalPath)).toBe(false);
  return set;
}

describe('AnnotationSet', () => {
  it('writes nothing for a new document until the first save, which writes the snapshot', async () => {
    const set = await load();
    expect(set.list()).toEqual([]);
    await set.flush();
    expect(await exists(join(dir, 'annotations'))).toBe(false);
    set.put(annotation(1));
    await set.save();
    expect(await readdir(join(dir, 'annotations'))).toEqual(['doc.json']);
    expect((await snapshotFile()).annotations).toEqual([annotation(1)]);
  });

  it('reads a workspace written before the journal existed (snapshot only)', async () => {
    const data: AnnotationFile = {
      schemaVersion: 1,
      documentId: 'doc',
      annotations: [annotation(1), annotation(2)],
      rejected: ['k'],
    };
    await mkdir(join(dir, 'annotations'));
    await writeFile(path, JSON.stringify(data));
    expect(await stored()).toEqual({ annotations: data.annotations, rejected: ['k'] });
  });

  it('persists puts, removes and rejections: a fresh load sees exactly the same state', async () => {
    const set = await seeded(3);
    set.put(annotation(1, { note: 'edited', modified: '2026-03-04T06:00:00.000Z' }));
    set.remove(annotation(2).id);
    set.put(annotation(4));
    set.reject('claim:10:20');
    await set.save();
    // Taken out and put back (undo of a delete): it moves to the end, on disk as in memory.
    set.remove(annotation(1).id);
    set.put(annotation(5));
    set.put(annotation(1, { note: 'back' }));
    set.remove(annotation(4).id);
    set.put(annotation(2, { tag: 'quote' }));
    set.reject('figure:1:4');
    set.reject('claim:10:20'); // already known
    set.remove('no-such-id');
    await set.save();

    expect(state(set)).toEqual({
      annotations: [
        annotation(3),
        annotation(5),
        annotation(1, { note: 'back' }),
        annotation(2, { tag: 'quote' }),
      ],
      rejected: ['claim:10:20', 'figure:1:4'],
    });
    expect(await stored()).toEqual(state(set));
    expect(await journalLines()).toHaveLength(2);
    // The snapshot is still the one of the first save.
    expect((await snapshotFile()).annotations).toEqual([
      annotation(1),
      annotation(2),
      annotation(3),
    ]);
  });

  it('saves one change by appending one line, leaving the snapshot alone', async () => {
    const set = await seeded(200);
    const before = await stat(path);
    const bytes = await readFile(path);
    const changed = annotation(7, { note: 'A second look', modified: '2026-03-04T06:00:00.000Z' });
    set.put(changed);
    await set.save();
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);
    expect((await readFile(path)).equals(bytes)).toBe(true);
    const oneLine = JSON.stringify({ v: 1, put: [changed] }) + '\n';
    expect(await readFile(journalPath, 'utf8')).toBe(oneLine);
    expect(utf8(oneLine).length).toBeLessThan(JSON.stringify(changed).length + 20);

    set.remove(annotation(8).id);
    await set.save();
    expect(await journalLines()).toEqual([
      oneLine.trim(),
      `{"v":1,"remove":["${annotation(8).id}"]}`,
    ]);
    expect((await readFile(path)).equals(bytes)).toBe(true);
    expect(await stored()).toEqual(state(set));
  });

  it('writes nothing when nothing changed', async () => {
    const set = await seeded(2);
    const before = await snapshotFolder(dir);
    await set.save();
    set.remove('absent');
    await set.save();
    expect(await snapshotFolder(dir)).toEqual(before);
    set.reject('k');
    await set.save();
    set.reject('k'); // already known
    await set.save();
    expect(await journalLines()).toEqual(['{"v":1,"reject":["k"]}']);
  });

  it('folds the journal into the snapshot past 64 KB, leaving an equal state and no journal', async () => {
    const set = await seeded(10);
    const note = 'n'.repeat(1000);
    let largest = 0;
    let saves = 0;
    while (saves < 200) {
      set.put(annotation(1 + (saves % 10), { note: `${saves} ${note}` }));
      await set.save();
      await set.flush(); // a compaction runs after the save that crossed the threshold
      saves++;
      if (!(await exists(journalPath))) break;
      largest = Math.max(largest, (await stat(journalPath)).size);
    }
    await set.flush();
    expect(await exists(journalPath)).toBe(false);
    // It ran once the journal passed the floor, not before.
    expect(largest).toBeGreaterThan(MIN_COMPACTION_BYTES - 2000);
    expect(largest).toBeLessThanOrEqual(MIN_COMPACTION_BYTES + 2000);
    expect(saves).toBeLessThan(200);
    expect((await snapshotFile()).annotations).toEqual(set.list());
    expect(await stored()).toEqual(state(set));

    // And appending starts again after it.
    set.put(annotation(11));
    await set.save();
    expect(await journalLines()).toHaveLength(1);
    expect(await stored()).toEqual(state(set));
  });

  it('lets the journal grow to half the snapshot before folding it in, for large documents', async () => {
    const set = await seeded(600); // a snapshot of about 200 KB
    const snapshotBytes = (await stat(path)).size;
    expect(snapshotBytes / 2).toBeGreaterThan(MIN_COMPACTION_BYTES);
    const note = 'n'.repeat(2000);
    let journalBytes = 0;
    for (let i = 0; ; i++) {
      set.put(annotation(i + 1, { note }));
      await set.save();
      await set.flush();
      if (!(await exists(journalPath))) break;
      journalBytes = (await stat(journalPath)).size;
      expect(journalBytes).toBeLessThanOrEqual(snapshotBytes / 2);
    }
    expect(journalBytes).toBeGreaterThan(snapshotBytes / 2 - 2200);
    expect(await stored()).toEqual(state(set));
  });

  it('ignores a torn last line, and the next save cuts it off before appending', async () => {
    const set = await seeded(3);
    set.put(annotation(4));
    await set.save();
    const good = await readFile(journalPath, 'utf8');
    // A crash in the middle of the next append: it was never acknowledged.
    const torn = journalLine({ v: 1, put: [annotation(5)] }).slice(0, 50);
    await appendFile(journalPath, torn);

    const again = await load();
    expect(state(again)).toEqual(state(set));
    again.put(annotation(6));
    await again.save();
    expect(await readFile(journalPath, 'utf8')).toBe(
      good + journalLine({ v: 1, put: [annotation(6)], remove: [annotation(6).id] }),
    );
    expect((await stored()).annotations.map((a) => a.start)).toEqual([100, 200, 300, 400, 600]);
  });

  it('coalesces concurrent saves into one next write, resolving every caller', async () => {
    const set = await seeded(3);
    const saves: Promise<void>[] = [];
    for (let i = 4; i <= 13; i++) {
      set.put(annotation(i));
      saves.push(set.save());
    }
    await Promise.all(saves);
    // The first save's write carries annotation 4; the nine that arrived meanwhile share one.
    const lines = await journalLines();
    expect(lines).toHaveLength(2);
    expect((JSON.parse(lines[1]!) as { put: unknown[] }).put).toHaveLength(9);
    expect(await stored()).toEqual(state(set));
  });

  it('loses nothing when appends fail: the next write cuts off the partial line and writes it all', async () => {
    class FailingJournal extends JournalFile {
      failures = 0;
      override async append(text: string, created: boolean): Promise<void> {
        if (this.failures > 0) {
          this.failures--;
          // Half the line reaches the file before the disk fills up.
          await appendFile(this.path, text.slice(0, text.length / 2));
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        }
        await super.append(text, created);
      }
    }
    const journal = new FailingJournal(journalPath);
    const set = await seeded(2, { journal });
    journal.failures = 0;
    set.put(annotation(1, { note: 'first' }));
    await set.save();
    journal.failures = 2;
    set.put(annotation(3));
    await expect(set.save()).rejects.toThrow('ENOSPC');
    set.remove(annotation(2).id);
    set.reject('k');
    await expect(set.save()).rejects.toThrow('ENOSPC');
    // Meanwhile a fresh reader sees the acknowledged state only: the partial line is ignored.
    expect((await stored()).annotations).toEqual([annotation(1, { note: 'first' }), annotation(2)]);

    await set.flush(); // the disk has room again
    const bytes = await readFile(journalPath);
    const parsed = parseJournal(bytes, journalPath, 'doc');
    expect(parsed.tornBytes).toBe(0);
    expect(parsed.entries).toEqual([
      { v: 1, put: [annotation(1, { note: 'first' })] },
      { v: 1, put: [annotation(3)], remove: [annotation(3).id, annotation(2).id], reject: ['k'] },
    ]);
    expect(await stored()).toEqual(state(set));
    expect(state(set)).toEqual({
      annotations: [annotation(1, { note: 'first' }), annotation(3)],
      rejected: ['k'],
    });
  });

  it('keeps a first save that failed pending until the folder can be written', async () => {
    const set = await load();
    await writeFile(join(dir, 'annotations'), 'a file where the folder belongs');
    set.put(annotation(1));
    await expect(set.save()).rejects.toThrow();
    set.put(annotation(2));
    await expect(set.flush()).rejects.toThrow();
    await rm(join(dir, 'annotations'));
    await set.flush();
    expect(await stored()).toEqual({ annotations: [annotation(1), annotation(2)], rejected: [] });
  });

  it('reads the same state when a compaction stopped between the snapshot and the journal', async () => {
    // A crash after the new snapshot is in place but before the journal is deleted.
    class UndeletableJournal extends JournalFile {
      override remove(): Promise<void> {
        return Promise.reject(new Error('crashed'));
      }
    }
    const journal = new UndeletableJournal(journalPath);
    const set = await seeded(4, { journal, compactionFloor: 1 });
    set.put(annotation(1, { note: 'edited' }));
    set.remove(annotation(2).id);
    set.reject('k1');
    await set.save();
    set.remove(annotation(3).id);
    set.put(annotation(5));
    set.put(annotation(3, { note: 'back' }));
    set.put(annotation(6));
    set.reject('k2');
    await set.save();
    await set.flush();
    const lines = await journalLines();
    expect(lines.length).toBeGreaterThan(0);
    // The snapshot holds the whole state, and the journal's replay onto it changes nothing,
    // not even the order of the annotations taken out and put back or added.
    const snapshot = await new DurableJsonFile<AnnotationFile>(path).read();
    expect({ annotations: snapshot?.annotations, rejected: snapshot?.rejected }).toEqual(
      state(set),
    );
    expect(state(set).annotations.map((a) => a.start)).toEqual([100, 400, 500, 300, 600]);
    expect(await stored()).toEqual(state(set));
  });

  it('reads back exactly what is in memory after any mix of changes, compactions included', async () => {
    // Deletion of the journal fails, as in a crash right after a compaction's snapshot: every
    // later read replays the whole journal onto snapshots that already hold parts of it.
    class UndeletableJournal extends JournalFile {
      override remove(): Promise<void> {
        return Promise.reject(new Error('crashed'));
      }
    }
    for (const journal of [undefined, new UndeletableJournal(journalPath)]) {
      await rm(join(dir, 'annotations'), { recursive: true, force: true });
      const set = await seeded(5, { journal, compactionFloor: 1 });
      let seed = 42; // mulberry32: the same sequence every run
      const random = (n: number) => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
      };
      let next = 6;
      for (let round = 0; round < 60; round++) {
        for (let op = random(8) + 1; op > 0; op--) {
          const list = set.list();
          // Mostly the last few, so that one save often touches an annotation twice.
          const pick = list[Math.max(0, list.length - 1 - random(4))];
          const choice = random(6);
          if (choice === 0 || !pick) set.put(annotation(next++));
          else if (choice === 1) set.put({ ...pick, note: `round ${round}` });
          else if (choice === 2) set.remove(pick.id);
          else if (choice === 3) {
            set.remove(pick.id); // and put back, as undo does
            set.put({ ...pick, note: 'back' });
          } else if (choice === 4) set.reject(`claim:${random(20)}`);
          else set.put(annotation(random(next) + 1, { tag: 'quote' }));
        }
        await set.save();
        await set.flush();
        expect(await stored()).toEqual(state(set));
      }
    }
  });
});

describe('the workspace with journals', () => {
  let ws: string;
  let services: AppServices | null = null;
  const ARTICLE = 'Sea wall vote\n\nThe council voted to build 4.2 km of wall.\n';
  const STAMP = '2026-11-25T09-38-05-123Z';

  beforeEach(() => {
    ws = join(dir, 'ws');
  });
  afterEach(async () => {
    await services?.close();
    services = null;
  });

  async function open(): Promise<AppServices> {
    await services?.close();
    services = await openTestServices(ws, {
      now: () => new Date('2026-11-25T09:38:05.123Z'),
      newId: undefined,
    });
    return services;
  }

  /** A document with one annotation saved in the snapshot and two later edits in the journal. */
  async function seed() {
    const s = await open();
    const doc = unwrap(await s.importFile({ name: 'a.txt', bytes: utf8(ARTICLE) })).document;
    const id = unwrap(
      await s.createAnnotation({ documentId: doc.id, start: 15, end: 26, tag: 'claim' }),
    ).changes[0]!.id;
    unwrap(await s.updateAnnotation({ documentId: doc.id, id, note: 'first thought' }));
    unwrap(await s.updateAnnotation({ documentId: doc.id, id, note: 'second thought' }));
    const annotations = unwrap(await s.openDocument({ documentId: doc.id })).annotations;
    await s.close();
    services = null;
    const folder = join(ws, 'annotations');
    return {
      doc,
      annotations,
      folder,
      snapshot: join(folder, `${doc.id}.json`),
      journal: join(folder, `${doc.id}.journal`),
    };
  }

  it('opens with every saved change, read through the journal', async () => {
    const { doc, annotations, journal } = await seed();
    expect((await readFile(journal, 'utf8')).split('\n')).toHaveLength(3);
    const s = await open();
    const opened = unwrap(await s.openDocument({ documentId: doc.id }));
    expect(opened.annotations).toEqual(annotations);
    expect(opened.annotations[0]).toMatchObject({ note: 'second thought' });
    expect(unwrap(await s.getWorkspace()).readOnly).toBe(false);
  });

  it('moves a journal damaged in the middle aside and turns read-only, naming it', async () => {
    const { doc, folder, snapshot, journal } = await seed();
    const lines = (await readFile(journal, 'utf8')).split('\n');
    const damaged = [lines[0]!.slice(0, 40), ...lines.slice(1)].join('\n');
    await writeFile(journal, damaged);
    const snapshotBytes = await readFile(snapshot);

    const s = await open();
    expect(unwrap(await s.openDocument({ documentId: doc.id })).annotations).toEqual([]);
    const aside = `${doc.id}.corrupt-${STAMP}.journal`;
    expect((await readdir(folder)).sort()).toEqual([aside, `${doc.id}.json`].sort());
    expect(await readFile(join(folder, aside), 'utf8')).toBe(damaged);
    expect(await readFile(snapshot)).toEqual(snapshotBytes);
    const state = unwrap(await s.getWorkspace());
    expect(state.readOnly).toBe(true);
    expect(state.problem).toBe(
      `The latest annotation changes of "Sea wall vote" (annotations/${doc.id}.journal in ${ws}) ` +
        `could not be read (line 1 is not valid JSON) and were moved to ${aside} in the same folder. ` +
        `The annotations saved before them, in ${doc.id}.json, were left as they are. ` +
        'Gloss is read-only until you move the file back once it is repaired, or delete it to go on without those changes.',
    );
    expect(
      await s.createAnnotation({ documentId: doc.id, start: 0, end: 3, tag: 'claim' }),
    ).toMatchObject({ ok: false, error: { code: 'read-only' } });

    // Still read-only on the next start: the snapshot alone lacks those changes.
    const again = await open();
    unwrap(await again.openDocument({ documentId: doc.id }));
    expect(unwrap(await again.getWorkspace()).problem).toContain(
      `(annotations/${doc.id}.journal in ${ws}) are missing; a damaged copy was moved aside earlier as ${aside}`,
    );
    expect(await readFile(join(folder, aside), 'utf8')).toBe(damaged);
  });

  it('moves the journal aside with a damaged snapshot, since its changes apply to it', async () => {
    const { doc, folder, snapshot, journal } = await seed();
    const journalText = await readFile(journal, 'utf8');
    await writeFile(snapshot, '{"schemaVersion":1,');
    const s = await open();
    expect(unwrap(await s.openDocument({ documentId: doc.id })).annotations).toEqual([]);
    const asideJson = `${doc.id}.corrupt-${STAMP}.json`;
    const asideJournal = `${doc.id}.corrupt-${STAMP}.journal`;
    expect((await readdir(folder)).sort()).toEqual([asideJson, asideJournal].sort());
    expect(await readFile(join(folder, asideJournal), 'utf8')).toBe(journalText);
    expect(unwrap(await s.getWorkspace()).problem).toBe(
      `The annotations of "Sea wall vote" (annotations/${doc.id}.json in ${ws}) could not be read (not valid JSON) ` +
        `and were moved to ${asideJson} in the same folder. The changes saved after it, in ${doc.id}.journal, ` +
        `were moved to ${asideJournal} with it. Gloss is read-only until you restore the file from a backup or move it back.`,
    );
  });

  it('ignores a torn last line on open and keeps saving', async () => {
    const { doc, annotations, journal } = await seed();
    await appendFile(journal, '{"v":1,"put":[{"id":"half');
    const s = await open();
    expect(unwrap(await s.openDocument({ documentId: doc.id })).annotations).toEqual(annotations);
    const id = annotations[0]!.id;
    unwrap(await s.updateAnnotation({ documentId: doc.id, id, note: 'third thought' }));
    const again = await open();
    const opened = unwrap(await again.openDocument({ documentId: doc.id }));
    expect(opened.annotations[0]).toMatchObject({ note: 'third thought' });
    expect(unwrap(await again.getWorkspace()).readOnly).toBe(false);
  });

  it('removes the journal with the document, after keeping its annotations in trash/', async () => {
    const { doc, folder } = await seed();
    const s = await open();
    const { keptAt } = unwrap(await s.removeDocument({ documentId: doc.id }));
    expect(await readdir(folder)).toEqual([]);
    const kept = JSON.parse(await readFile(join(ws, keptAt), 'utf8')) as {
      annotations: Annotation[];
    };
    expect(kept.annotations[0]).toMatchObject({ note: 'second thought' });
  });
});
