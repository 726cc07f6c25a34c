import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, AnnotationFile, DocumentMeta, WorkspaceIndex } from '../core/model';
import { SCHEMA_VERSION, emptyIndex } from '../core/model';
import { BUILT_IN_TAGS } from '../core/tags';
import type { BackupContent } from './backups';
import {
  BACKUP_FOLDER,
  BackupError,
  BackupScheduler,
  backupName,
  backupTime,
  backupsToKeep,
  listBackups,
  pruneBackups,
  readBackup,
  serializeBackup,
  verifyBackup,
  writeBackup,
} from './backups';
import { fakeTimers, removeFolder, tempFolder } from './test-support';

const HASH = 'a'.repeat(64);

function meta(id: string): DocumentMeta {
  return {
    id,
    title: `Document ${id}`,
    format: 'text',
    sourceName: `${id}.txt`,
    rawHash: HASH,
    textHash: HASH,
    length: 100,
    added: '2026-03-04T05:06:07.000Z',
  };
}

function annotation(documentId: string, n: number): Annotation {
  return {
    id: `${documentId}-a${n}`,
    documentId,
    tag: 'claim',
    start: n,
    end: n + 4,
    quote: 'text',
    prefix: '',
    suffix: '',
    textHash: HASH,
    note: '',
    details: {},
    created: '2026-03-04T05:06:07.000Z',
    modified: '2026-03-04T05:06:07.000Z',
  };
}

/** A workspace of `docs` documents with `each` annotations apiece, as a backup holds it. */
function content(docs = 2, each = 3, created = '2026-11-25T15:04:05.123Z'): BackupContent {
  const index: WorkspaceIndex = {
    ...emptyIndex(BUILT_IN_TAGS),
    documents: Array.from({ length: docs }, (_, i) => meta(`doc-${i}`)),
  };
  const annotationFiles: Record<string, AnnotationFile> = {};
  for (const d of index.documents)
    annotationFiles[d.id] = {
      schemaVersion: SCHEMA_VERSION,
      documentId: d.id,
      annotations: Array.from({ length: each }, (_, n) => annotation(d.id, n)),
    };
  return {
    schemaVersion: SCHEMA_VERSION,
    created,
    documents: docs,
    annotations: docs * each,
    index,
    annotationFiles,
  };
}

let dir: string;
beforeEach(async () => {
  dir = await tempFolder();
});
afterEach(async () => {
  await removeFolder(dir);
});

const names = async () => (await readdir(join(dir, BACKUP_FOLDER))).sort();

describe('backupName', () => {
  it('names a backup by its UTC time so that names sort by time', () => {
    const date = new Date('2026-11-25T15:04:05.123Z');
    expect(backupName(date)).toBe('backup-2026-11-25T15-04-05.123Z.json');
    expect(backupName(date, 2)).toBe('backup-2026-11-25T15-04-05.123Z-2.json');
    expect(backupTime(backupName(date))).toEqual({ time: date.getTime(), attempt: 1 });
    expect(backupTime(backupName(date, 2))).toEqual({ time: date.getTime(), attempt: 2 });
  });

  it('recognises no other name', () => {
    for (const name of [
      'backup-2026-11-25T15-04-05.123Z.json.tmp',
      'backup-2026-11-25T15:04:05.123Z.json',
      '../backup-2026-11-25T15-04-05.123Z.json',
      'backup-latest.json',
      'gloss.json',
    ])
      expect(backupTime(name), name).toBeNull();
  });
});

describe('writeBackup', () => {
  it('writes the backup with its counts first, reads it back and lists it', async () => {
    const info = await writeBackup(dir, content(), { now: new Date('2026-11-25T15:04:05.123Z') });
    expect(info).toEqual({
      name: 'backup-2026-11-25T15-04-05.123Z.json',
      created: '2026-11-25T15:04:05.123Z',
      documents: 2,
      annotations: 6,
    });
    const text = await readFile(join(dir, BACKUP_FOLDER, info.name), 'utf8');
    expect(
      text.startsWith(
        '{"format":"gloss-backup","schemaVersion":1,"created":"2026-11-25T15:04:05.123Z","documents":2,"annotations":6,"index":',
      ),
    ).toBe(true);
    expect(await listBackups(dir)).toEqual([info]);
    const back = await readBackup(dir, info.name);
    expect(back.index).toEqual(content().index);
    expect(back.annotationFiles.get('doc-1')?.annotations).toHaveLength(3);
  });

  it('never overwrites a backup taken in the same millisecond', async () => {
    const now = new Date('2026-11-25T15:04:05.123Z');
    await writeBackup(dir, content(1, 1), { now });
    const second = await writeBackup(dir, content(1, 2), { now });
    expect(second.name).toBe('backup-2026-11-25T15-04-05.123Z-2.json');
    expect((await listBackups(dir)).map((b) => [b.name, b.annotations])).toEqual([
      ['backup-2026-11-25T15-04-05.123Z-2.json', 2],
      ['backup-2026-11-25T15-04-05.123Z.json', 1],
    ]);
  });

  it('deletes and reports a backup that fails its check, keeping the older ones', async () => {
    const good = await writeBackup(dir, content(), { now: new Date('2026-11-25T10:00:00.000Z') });
    const lying = { ...content(), annotations: 7 };
    const error = await writeBackup(dir, lying, {
      now: new Date('2026-11-25T11:00:00.000Z'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(
      /the backup backup-2026-11-25T11-00-00\.000Z\.json failed its check \(it says 2 documents and 7 annotations but holds 2 and 6\) and was deleted/,
    );
    const malformed = content();
    (malformed.annotationFiles['doc-0'] as AnnotationFile).annotations[0]!.end = 0;
    const invalid = await writeBackup(dir, malformed, {
      now: new Date('2026-11-25T12:00:00.000Z'),
    }).catch((e: unknown) => e);
    expect((invalid as Error).message).toMatch(/annotations\[0\]\.end/);
    expect(await names()).toEqual([good.name]);
  });

  it('says why when the backups folder cannot be written', async () => {
    await writeFile(join(dir, BACKUP_FOLDER), 'a file where the folder should be');
    const error = await writeBackup(dir, content(), { now: new Date() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/could not be written/);
  });
});

describe('verifyBackup', () => {
  it('checks every annotation file belongs to a document of the index, and every document has one', async () => {
    const stranger = content();
    stranger.annotationFiles['doc-9'] = { ...(stranger.annotationFiles['doc-0'] as object) };
    await expect(verifyBackup(JSON.parse(serializeBackup(stranger)))).rejects.toThrow(
      /unknown document doc-9/,
    );
    const missing = content();
    delete missing.annotationFiles['doc-1'];
    await expect(verifyBackup(JSON.parse(serializeBackup(missing)))).rejects.toThrow(
      /no annotations entry for "Document doc-1"/,
    );
    const swapped = content();
    swapped.annotationFiles['doc-0'] = swapped.annotationFiles['doc-1']!;
    await expect(verifyBackup(JSON.parse(serializeBackup(swapped)))).rejects.toThrow(
      /filed under doc-0 belong to doc-1/,
    );
    await expect(verifyBackup({ format: 'something else' })).rejects.toThrow(/not a Gloss backup/);
    const newer = { ...content(), schemaVersion: 1 };
    (newer.index as { schemaVersion: number }).schemaVersion = SCHEMA_VERSION + 1;
    await expect(verifyBackup(JSON.parse(serializeBackup(newer)))).rejects.toThrow(/newer version/);
  });

  it('updates a backup of an older format with the migrations before checking it', async () => {
    const old = content(1, 1);
    const file = old.annotationFiles['doc-0'] as AnnotationFile;
    const oldFile = {
      ...file,
      schemaVersion: 0,
      annotations: file.annotations.map(({ note, ...rest }) => ({ ...rest, comment: note })),
    };
    const raw = JSON.parse(
      serializeBackup({
        ...old,
        schemaVersion: 0,
        index: { ...(old.index as object), schemaVersion: 0 },
        annotationFiles: { 'doc-0': oldFile },
      }),
    );
    await expect(verifyBackup(raw, [])).rejects.toThrow(/from format version 0 to 1/);
    const registry = [
      {
        from: 0,
        to: 1,
        annotationFile: (f: unknown) => {
          const v = f as { annotations: { comment: string }[] };
          return {
            ...v,
            annotations: v.annotations.map(({ comment, ...rest }) => ({ ...rest, note: comment })),
          };
        },
      },
    ];
    const verified = await verifyBackup(raw, registry);
    expect(verified.annotationFiles.get('doc-0')?.annotations[0]?.note).toBe('');
  });
});

describe('listBackups', () => {
  it('lists 30 large backups from their first bytes, newest first, skipping unreadable files', async () => {
    await mkdir(join(dir, BACKUP_FOLDER));
    const whole = serializeBackup(content(40, 100)); // about 1.5 MB
    // Only the header may be read: past its first 4 KB each file is blank, no longer JSON, so
    // a listing that parsed the files whole (seconds for 30 of them) would list none.
    const big = whole.slice(0, 4096) + ' '.repeat(whole.length - 4096);
    expect(() => JSON.parse(big) as unknown).toThrow();
    const start = Date.parse('2026-11-01T00:00:00.000Z');
    for (let i = 0; i < 30; i++)
      await writeFile(join(dir, BACKUP_FOLDER, backupName(new Date(start + i * 3_600_000))), big);
    await writeFile(join(dir, BACKUP_FOLDER, backupName(new Date(start - 1))), '{not json');
    await writeFile(join(dir, BACKUP_FOLDER, 'notes.txt'), 'mine');
    const list = await listBackups(dir);
    expect(list).toHaveLength(30);
    expect(list[0]).toMatchObject({
      name: 'backup-2026-11-02T05-00-00.000Z.json',
      documents: 40,
      annotations: 4_000,
    });
    expect(list.at(-1)?.name).toBe('backup-2026-11-01T00-00-00.000Z.json');
  });

  it('is empty when there is no backups folder', async () => {
    expect(await listBackups(dir)).toEqual([]);
  });
});

describe('backupsToKeep', () => {
  it('keeps the newest 20 and the newest of each of the last 7 days', () => {
    const now = new Date(2026, 10, 25, 18, 0); // local time
    const list: string[] = [];
    // 30 today, every 10 minutes from 08:00; one at 09:00 and 20:00 on each of the 10 days before.
    for (let i = 0; i < 30; i++) list.push(backupName(new Date(2026, 10, 25, 8, i * 10)));
    for (let d = 1; d <= 10; d++) {
      list.push(backupName(new Date(2026, 10, 25 - d, 9, 0)));
      list.push(backupName(new Date(2026, 10, 25 - d, 20, 0)));
    }
    const keep = backupsToKeep(list, now);
    const today = list.slice(0, 30).reverse(); // newest first
    for (const name of today.slice(0, 20)) expect(keep.has(name), name).toBe(true);
    for (const name of today.slice(20)) expect(keep.has(name), name).toBe(false);
    for (let d = 1; d <= 6; d++) {
      expect(keep.has(backupName(new Date(2026, 10, 25 - d, 20, 0))), `day -${d}`).toBe(true);
      expect(keep.has(backupName(new Date(2026, 10, 25 - d, 9, 0))), `day -${d} early`).toBe(false);
    }
    for (let d = 7; d <= 10; d++)
      expect(keep.has(backupName(new Date(2026, 10, 25 - d, 20, 0))), `day -${d}`).toBe(false);
    expect(keep.size).toBe(26);
  });

  it('keeps everything while there are 20 or fewer', () => {
    const list = Array.from({ length: 20 }, (_, i) => backupName(new Date(2020, 0, 1 + i)));
    expect(backupsToKeep(list, new Date()).size).toBe(20);
  });
});

describe('pruneBackups', () => {
  it('deletes only listed backups beyond the rule, never other files', async () => {
    await mkdir(join(dir, BACKUP_FOLDER));
    const now = new Date(2026, 10, 25, 18, 0);
    const body = serializeBackup(content(1, 1));
    for (let i = 0; i < 25; i++)
      await writeFile(join(dir, BACKUP_FOLDER, backupName(new Date(2026, 10, 25, 8, i))), body);
    const unreadable = backupName(new Date(2026, 10, 1));
    await writeFile(join(dir, BACKUP_FOLDER, unreadable), 'damaged');
    await writeFile(join(dir, BACKUP_FOLDER, 'keep-me.json'), '{}');
    const dropped = await pruneBackups(dir, now);
    expect(dropped).toHaveLength(5);
    const left = await names();
    expect(left).toHaveLength(22);
    expect(left).toContain(unreadable);
    expect(left).toContain('keep-me.json');
  });
});

describe('BackupScheduler', () => {
  function setup(fails = () => false) {
    const timers = fakeTimers();
    const runs: number[] = [];
    const scheduler = new BackupScheduler(
      async () => {
        runs.push(timers.now());
        if (fails()) throw new Error('disk full');
        return null;
      },
      { idleMs: 15_000, minIntervalMs: 600_000, timers },
    );
    return { timers, runs, scheduler };
  }

  it('backs up 15 s after the last change, once however many changes came before', async () => {
    const { timers, runs, scheduler } = setup();
    scheduler.noteChange();
    await timers.advance(10_000);
    scheduler.noteChange();
    await timers.advance(10_000);
    expect(runs).toEqual([]);
    await timers.advance(5_000);
    expect(runs).toEqual([25_000]);
    expect(scheduler.pending).toBe(false);
    await timers.advance(3_600_000);
    expect(runs).toEqual([25_000]);
  });

  it('waits 10 minutes after a backup before the next', async () => {
    const { timers, runs, scheduler } = setup();
    scheduler.noteChange();
    await timers.advance(15_000);
    scheduler.noteChange();
    await timers.advance(60_000);
    expect(runs).toEqual([15_000]);
    await timers.advance(600_000);
    expect(runs).toEqual([15_000, 615_000]);
  });

  it('tries again after a failure, no sooner than the interval', async () => {
    let failing = true;
    const { timers, runs, scheduler } = setup(() => failing);
    scheduler.noteChange();
    await timers.advance(15_000);
    expect(scheduler.pending).toBe(true);
    failing = false;
    await timers.advance(599_000);
    expect(runs).toHaveLength(1);
    await timers.advance(1_000);
    expect(runs).toEqual([15_000, 615_000]);
    expect(scheduler.pending).toBe(false);
  });

  it('backs up at close when something changed since, and not otherwise', async () => {
    const { timers, runs, scheduler } = setup();
    scheduler.noteChange();
    await scheduler.close();
    expect(runs).toEqual([0]);
    expect(timers.armed()).toBe(0);
    scheduler.noteChange(); // closed: ignored
    expect(timers.armed()).toBe(0);
    const other = setup();
    await other.scheduler.close();
    expect(other.runs).toEqual([]);
  });

  it('keeps a backup from running while exclusive work runs', async () => {
    const { timers, runs, scheduler } = setup();
    let release!: () => void;
    const work = scheduler.exclusive(() => new Promise<void>((r) => (release = r)));
    scheduler.noteChange();
    await timers.advance(15_000);
    expect(runs).toEqual([]);
    release();
    await work;
    await scheduler.idle();
    expect(runs).toEqual([15_000]);
  });
});
