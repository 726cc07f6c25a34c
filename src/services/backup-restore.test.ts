import { hostname } from 'node:os';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestSchemas } from '../core/api-schema';
import { BACKUP_FOLDER, listBackups, readBackup } from './backups';
import { dispatch } from './dispatch';
import { RESTORE_MARKER } from './restore';
import type { AppServices, ServicesOptions } from './services';
import {
  fakeTimers,
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

/** Services holding the workspace's lock, as the app and the web host do. */
async function open(options: Partial<ServicesOptions> = {}): Promise<AppServices> {
  await services?.close();
  services = await openTestServices(ws, {
    lockAs: 'the test',
    newId: () => `id-${Math.random().toString(36).slice(2)}`,
    ...options,
  });
  return services;
}

async function close(): Promise<void> {
  await services?.close();
  services = null;
}

const TEXT_A = 'Harbour report\n\nThe council approved 4.2 km of new sea wall on Tuesday.\n';
const TEXT_B = 'Field notes\n\nThe convoy left Haditha at dawn with 40 trucks.\n';

async function importText(s: AppServices, text: string, name: string) {
  return unwrap(await s.importFile({ name, bytes: utf8(text) })).document;
}

async function annotate(s: AppServices, documentId: string, start: number, end: number) {
  return unwrap(await s.createAnnotation({ documentId, start, end, tag: 'claim' })).changes[0]!
    .annotation!;
}

/** Two documents with annotations; the first has had two saves (snapshot and journal). */
async function seed(s: AppServices) {
  const a = await importText(s, TEXT_A, 'a.txt');
  const b = await importText(s, TEXT_B, 'b.txt');
  await annotate(s, a.id, 16, 23);
  await annotate(s, a.id, 29, 35);
  await annotate(s, b.id, 13, 19);
  return { a, b };
}

const names = async (folder: string) => (await readdir(folder).catch(() => [])).sort();

describe('automatic backups', () => {
  it('backs up the whole workspace 15 s after the last change, read back and verified', async () => {
    const timers = fakeTimers();
    const s = await open({ backupTimers: timers });
    const { a, b } = await seed(s);
    await timers.advance(14_000);
    expect(await listBackups(ws)).toEqual([]);
    await timers.advance(1_000);
    await vi.waitFor(async () => expect(await listBackups(ws)).toHaveLength(1));
    const [info] = await listBackups(ws);
    expect(info).toMatchObject({ documents: 2, annotations: 3 });
    const backup = await readBackup(ws, info!.name);
    expect(backup.index.documents.map((d) => d.id)).toEqual([a.id, b.id]);
    expect(backup.annotationFiles.get(a.id)?.annotations).toHaveLength(2);
    expect(backup.annotationFiles.get(b.id)?.annotations).toHaveLength(1);
  });

  it('holds the annotations of documents not opened since the start', async () => {
    const s = await open();
    const { a, b } = await seed(s);
    await close();
    const again = await open();
    await annotate(again, a.id, 40, 44); // b is never loaded by this session
    const info = await again.backupNow();
    const backup = await readBackup(ws, info!.name);
    expect(backup.annotationFiles.get(a.id)?.annotations).toHaveLength(3);
    expect(backup.annotationFiles.get(b.id)?.annotations).toHaveLength(1);
    expect(info).toMatchObject({ documents: 2, annotations: 4 });
  });

  it('backs up at close when something changed since the last backup, and only then', async () => {
    const s = await open();
    await seed(s);
    await close();
    expect(await listBackups(ws)).toHaveLength(1);
    await open();
    await close();
    expect(await listBackups(ws)).toHaveLength(1);
  });

  it('gives a workspace that has none its first backup, without waiting for a change', async () => {
    const s = await openTestServices(ws, {}); // no lock: an earlier Gloss, say
    await seed(s);
    await s.close();
    expect(await listBackups(ws)).toEqual([]);
    const timers = fakeTimers();
    await open({ backupTimers: timers });
    await vi.waitFor(() => expect(timers.armed()).toBe(1));
    await timers.advance(15_000);
    await vi.waitFor(async () => expect(await listBackups(ws)).toHaveLength(1));
  });

  it('takes no backup without the workspace’s lock (the command line, a second Gloss)', async () => {
    const s = await openTestServices(ws, {});
    services = s;
    await seed(s);
    await close();
    expect(await names(join(ws, BACKUP_FOLDER))).toEqual([]);
  });

  it('backs up nothing while the workspace is read-only', async () => {
    const s = await open();
    await seed(s);
    await close();
    const before = await listBackups(ws);
    await writeFile(join(ws, 'gloss.json'), '{not json');
    const damaged = await open();
    expect(unwrap(await damaged.getWorkspace()).readOnly).toBe(true);
    expect(await damaged.backupNow()).toBeNull();
    await close();
    expect(await listBackups(ws)).toEqual(before);
  });

  it('reports a backup that could not be made, and keeps the work', async () => {
    const s = await open();
    const { a } = await seed(s);
    await rm(join(ws, BACKUP_FOLDER), { recursive: true, force: true });
    await writeFile(join(ws, BACKUP_FOLDER), 'a file where the folder should be');
    await expect(s.backupNow()).rejects.toThrow(/could not be written/);
    const state = unwrap(await s.getWorkspace());
    expect(state.backupProblem).toMatch(/^Gloss could not back up this workspace: /);
    expect(state.readOnly).toBe(false);
    await annotate(s, a.id, 40, 44);
  });

  it('waits GLOSS_BACKUP_IDLE_MS when the environment sets it', async () => {
    vi.stubEnv('GLOSS_BACKUP_IDLE_MS', '30');
    try {
      const s = await open();
      await seed(s);
      await vi.waitFor(async () => expect(await listBackups(ws)).toHaveLength(1), {
        timeout: 5_000,
      });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('restoreBackup', () => {
  /** A workspace with one backup of `seed`, closed. */
  async function backedUp() {
    const s = await open();
    const docs = await seed(s);
    const info = (await s.backupNow())!;
    await close();
    return { ...docs, info };
  }

  it('brings back a workspace whose gloss.json was damaged, keeping the damaged file', async () => {
    const { a, b, info } = await backedUp();
    await writeFile(join(ws, 'gloss.json'), '{not json');
    const s = await open({ now: () => new Date('2026-11-25T09:38:05.123Z') });
    expect(unwrap(await s.getWorkspace())).toMatchObject({ readOnly: true, documents: [] });
    expect(unwrap(await s.listBackups())).toEqual([info]);

    const report = unwrap(await s.restoreBackup({ name: info.name }));
    expect(report.backup).toEqual(info);
    expect(report.keptIn).toBe('before-restore-2026-11-25T09-38-05-123Z');
    expect(report.workspace).toMatchObject({ readOnly: false, problem: null });
    expect(report.workspace.documents.map((d) => d.id)).toEqual([a.id, b.id]);
    expect(unwrap(await s.openDocument({ documentId: a.id })).annotations).toHaveLength(2);
    expect(unwrap(await s.openDocument({ documentId: b.id })).annotations).toHaveLength(1);

    const kept = join(ws, report.keptIn!);
    const damaged = (await names(kept)).filter((n) => n.startsWith('gloss.corrupt-'));
    expect(damaged).toHaveLength(1);
    expect(await readFile(join(kept, damaged[0]!), 'utf8')).toBe('{not json');
    expect(await names(join(kept, 'annotations'))).toEqual(
      [`${a.id}.journal`, `${a.id}.json`, `${b.id}.json`].sort(),
    );

    // Writable again, now and at the next start.
    await annotate(s, b.id, 35, 40);
    const again = await open();
    expect(unwrap(await again.getWorkspace()).readOnly).toBe(false);
    expect(unwrap(await again.openDocument({ documentId: b.id })).annotations).toHaveLength(2);
  });

  it('brings back annotations whose journal was damaged', async () => {
    const { a, info } = await backedUp();
    await writeFile(join(ws, 'annotations', `${a.id}.journal`), 'garbage\nmore garbage\n');
    const s = await open();
    await s.openDocument({ documentId: a.id });
    expect(unwrap(await s.getWorkspace()).readOnly).toBe(true);
    const report = unwrap(await s.restoreBackup({ name: info.name }));
    expect(report.workspace.readOnly).toBe(false);
    expect(unwrap(await s.openDocument({ documentId: a.id })).annotations).toHaveLength(2);
    await annotate(s, a.id, 40, 44);
    const again = await open();
    await again.openDocument({ documentId: a.id });
    expect(unwrap(await again.getWorkspace()).readOnly).toBe(false);
  });

  it('replaces a healthy workspace’s annotations, keeping its files aside and forgetting undo', async () => {
    const { a, info } = await backedUp();
    const s = await open();
    const later = await annotate(s, a.id, 40, 44);
    const tag = unwrap(await s.createTag({ name: 'Later tag', color: '#123456' }));
    expect(tag.history.canUndo).toBe(true);
    const current = await snapshotFolder(ws);
    const texts = await names(join(ws, 'documents'));

    const report = unwrap(await s.restoreBackup({ name: info.name }));
    expect(report.workspace.history).toEqual({ canUndo: false, canRedo: false });
    expect(report.workspace.tags.map((t) => t.name)).not.toContain('Later tag');
    const opened = unwrap(await s.openDocument({ documentId: a.id }));
    expect(opened.annotations.map((x) => x.id)).not.toContain(later.id);
    expect(opened.annotations).toHaveLength(2);
    // The replaced files are kept byte for byte.
    const kept = await snapshotFolder(join(ws, report.keptIn!));
    expect(kept['gloss.json']).toBe(current['gloss.json']);
    expect(kept[`annotations/${a.id}.json`]).toBe(current[`annotations/${a.id}.json`]);
    expect(kept[`annotations/${a.id}.journal`]).toBe(current[`annotations/${a.id}.journal`]);
    // Texts, trash and backups stay where they are.
    expect(await names(join(ws, 'documents'))).toEqual(texts);
    expect(await listBackups(ws)).toContainEqual(info);
  });

  it('restores a document whose text file is gone; opening it says the text is missing', async () => {
    const { a, b, info } = await backedUp();
    await rm(join(ws, 'documents', `${a.textHash}.txt`));
    await writeFile(join(ws, 'gloss.json'), '{not json');
    const s = await open();
    const report = unwrap(await s.restoreBackup({ name: info.name }));
    expect(report.workspace.documents).toHaveLength(2);
    const opened = await s.openDocument({ documentId: a.id });
    expect(opened).toMatchObject({ ok: false });
    if (!opened.ok) {
      expect(opened.error.message).toContain(`The text of "${a.title}" is missing`);
      expect(opened.error.message).toContain('import its file again');
    }
    expect(unwrap(await s.openDocument({ documentId: b.id })).annotations).toHaveLength(1);
    // Importing the same file again brings the text back, and the annotations with it.
    const again = unwrap(await s.importFile({ name: 'a.txt', bytes: utf8(TEXT_A) }));
    expect(again).toMatchObject({ existed: true, document: { id: a.id } });
    expect(unwrap(await s.openDocument({ documentId: a.id })).annotations).toHaveLength(2);
  });

  it('refuses any name that is not one of the listed backups, touching nothing', async () => {
    const { info } = await backedUp();
    await writeFile(join(ws, BACKUP_FOLDER, 'backup-2026-01-01T00-00-00.000Z.json'), 'damaged');
    const s = await open();
    const before = await snapshotFolder(ws);
    const hostile = [
      '../gloss.json',
      `../${BACKUP_FOLDER}/${info.name}`,
      `${BACKUP_FOLDER}/${info.name}`,
      '/etc/passwd',
      'backup-..\\..\\gloss.json',
      `${info.name}\u0000`,
      'gloss.json',
      '',
    ];
    for (const name of hostile) {
      const result = await dispatch(s, 'restoreBackup', { name });
      expect(result, JSON.stringify(name)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    for (const name of [
      'backup-2026-01-01T00-00-00.000Z.json', // unreadable: not listed
      'backup-2030-01-01T00-00-00.000Z.json', // not there
      'backup-...json',
    ]) {
      const result = await dispatch(s, 'restoreBackup', { name });
      expect(result, name).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    expect(await dispatch(s, 'restoreBackup', { name: info.name, extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(requestSchemas.restoreBackup.safeParse({ name: info.name }).success).toBe(true);
    expect(await snapshotFolder(ws)).toEqual(before);
  });

  it('refuses a listed backup that fails its check, touching nothing', async () => {
    const { info } = await backedUp();
    const text = await readFile(join(ws, BACKUP_FOLDER, info.name), 'utf8');
    const forged = 'backup-2030-01-01T00-00-00.000Z.json';
    // The header is intact, so it is listed; the body lost its last document's annotations.
    const parsed = JSON.parse(text) as { annotationFiles: Record<string, unknown> };
    const ids = Object.keys(parsed.annotationFiles);
    delete parsed.annotationFiles[ids.at(-1)!];
    await writeFile(join(ws, BACKUP_FOLDER, forged), JSON.stringify(parsed));
    const s = await open();
    expect(unwrap(await s.listBackups()).map((b) => b.name)).toEqual([forged, info.name]);
    const before = await snapshotFolder(ws);
    const result = await s.restoreBackup({ name: forged });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-file' } });
    if (!result.ok)
      expect(result.error.message).toMatch(/no annotations entry for .* Nothing was changed\./);
    expect(await snapshotFolder(ws)).toEqual(before);
    expect(unwrap(await s.getWorkspace()).readOnly).toBe(false);
  });

  it('stays read-only after an interrupted restore, until a backup is restored again', async () => {
    const { info } = await backedUp();
    await writeFile(
      join(ws, RESTORE_MARKER),
      JSON.stringify({ backup: info.name, keptIn: 'before-restore-x' }),
    );
    const s = await open();
    const state = unwrap(await s.getWorkspace());
    expect(state.readOnly).toBe(true);
    expect(state.problem).toContain(`from the backup ${info.name} was interrupted`);
    expect(state.problem).toContain('before-restore-x');
    unwrap(await s.restoreBackup({ name: info.name }));
    expect(await names(ws)).not.toContain(RESTORE_MARKER);
    expect(unwrap(await s.getWorkspace()).readOnly).toBe(false);
  });

  it('refuses while another Gloss holds the workspace', async () => {
    const { info } = await backedUp();
    await writeFile(
      join(ws, 'gloss.lock'),
      JSON.stringify({
        pid: process.ppid,
        host: hostname(),
        since: new Date().toISOString(),
        by: 'Gloss',
      }),
    );
    const s = await open();
    const result = await s.restoreBackup({ name: info.name });
    expect(result).toMatchObject({ ok: false, error: { code: 'read-only' } });
    if (!result.ok) expect(result.error.message).toContain('Close it before restoring a backup');
  });

  it('restores with no backup under way, and takes the next one after the next change', async () => {
    const timers = fakeTimers();
    const s = await open({ backupTimers: timers, backupMinIntervalMs: 0 });
    const { a } = await seed(s);
    const info = (await s.backupNow())!;
    await annotate(s, a.id, 40, 44);
    const [restored] = await Promise.all([s.restoreBackup({ name: info.name }), s.backupNow()]);
    unwrap(restored);
    await timers.advance(60_000);
    expect(timers.armed()).toBe(0);
    await annotate(s, a.id, 50, 54);
    await timers.advance(15_000);
    await vi.waitFor(async () => expect((await listBackups(ws))[0]?.annotations).toBe(4));
  });
});

describe('listBackups', () => {
  it('answers newest first with their counts, and nothing when there are none', async () => {
    const s = await open();
    expect(unwrap(await s.listBackups())).toEqual([]);
    const { a } = await seed(s);
    const first = (await s.backupNow())!;
    await annotate(s, a.id, 40, 44);
    const second = (await s.backupNow())!;
    const list = unwrap(await s.listBackups());
    expect(list).toEqual([second, first]);
    expect(second).toMatchObject({ documents: 2, annotations: 4 });
    expect(Date.parse(second.created)).toBeGreaterThan(Date.parse(first.created));
  });
});
