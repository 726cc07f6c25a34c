import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Migration } from '../core/migrations';
import { BACKUP_FOLDER, listBackups } from './backups';
import type { AppServices, ServicesOptions } from './services';
import {
  openTestServices,
  removeFolder,
  snapshotFolder,
  tempFolder,
  unwrap,
  utf8,
} from './test-support';

// The migration machinery, exercised with a made-up format 0 that today's format 1 replaced:
// format 0 called the index's tags `labels` and an annotation's note its `comment`.

type Json = Record<string, unknown>;

const renameNotes = (list: Json[], from: string, to: string) =>
  list.map(({ [from]: value, ...rest }) => ({ ...rest, [to]: value }));

const ZERO_TO_ONE: Migration = {
  from: 0,
  to: 1,
  index: (raw) => {
    const { labels, ...rest } = raw as Json;
    return { ...rest, tags: labels };
  },
  annotationFile: (raw) => {
    const file = raw as Json & { annotations: Json[] };
    return { ...file, annotations: renameNotes(file.annotations, 'comment', 'note') };
  },
};

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

async function open(options: Partial<ServicesOptions> = {}): Promise<AppServices> {
  await services?.close();
  services = await openTestServices(ws, {
    lockAs: 'the test',
    migrations: [ZERO_TO_ONE],
    newId: () => `id-${Math.random().toString(36).slice(2)}`,
    ...options,
  });
  return services;
}

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as Json;
const writeJson = (path: string, value: unknown) => writeFile(path, JSON.stringify(value));

/**
 * A workspace of format 0: one document with two annotations, the second only in the journal,
 * each with a note. `keep` leaves those files in today's format (an update cut short).
 */
async function formatZeroWorkspace(keep: { annotations?: boolean } = {}) {
  const s = await openTestServices(ws, {
    newId: () => `id-${Math.random().toString(36).slice(2)}`,
  });
  const doc = unwrap(
    await s.importFile({ name: 'a.txt', bytes: utf8('The council approved 4.2 km of sea wall.') }),
  ).document;
  for (const [start, end, note] of [
    [4, 11, 'first'],
    [21, 27, 'second'],
  ] as const) {
    const made = unwrap(await s.createAnnotation({ documentId: doc.id, start, end, tag: 'claim' }));
    unwrap(await s.updateAnnotation({ documentId: doc.id, id: made.changes[0]!.id, note }));
  }
  await s.close();

  const indexPath = join(ws, 'gloss.json');
  const { tags, ...index } = await readJson(indexPath);
  await writeJson(indexPath, { ...index, schemaVersion: 0, labels: tags });
  const snapshot = join(ws, 'annotations', `${doc.id}.json`);
  const journal = join(ws, 'annotations', `${doc.id}.journal`);
  if (!keep.annotations) {
    const file = (await readJson(snapshot)) as Json & { annotations: Json[] };
    await writeJson(snapshot, {
      ...file,
      schemaVersion: 0,
      annotations: renameNotes(file.annotations, 'note', 'comment'),
    });
    const lines = (await readFile(journal, 'utf8')).trimEnd().split('\n');
    await writeFile(
      journal,
      lines
        .map((line) => {
          const entry = JSON.parse(line) as Json & { put?: Json[] };
          return JSON.stringify(
            entry.put ? { ...entry, put: renameNotes(entry.put, 'note', 'comment') } : entry,
          );
        })
        .join('\n') + '\n',
    );
  }
  return { doc, snapshot, journal, indexPath };
}

/** The workspace's files, without the lock the test's own services hold. */
async function files(): Promise<Record<string, string>> {
  const all = await snapshotFolder(ws);
  delete all['gloss.lock'];
  return all;
}

describe('opening a workspace of an older format', () => {
  it('updates every file after a verified backup of them as they were, journal folded in', async () => {
    const { doc, snapshot, indexPath } = await formatZeroWorkspace();
    const before = await files();
    const s = await open();

    const state = unwrap(await s.getWorkspace());
    expect(state).toMatchObject({ readOnly: false, problem: null });
    expect(state.tags.map((t) => t.id)).toContain('claim');
    const opened = unwrap(await s.openDocument({ documentId: doc.id }));
    expect(opened.annotations.map((a) => a.note)).toEqual(['first', 'second']);

    // Rewritten at format 1; the journal folded into the snapshot.
    expect(await readJson(indexPath)).toMatchObject({ schemaVersion: 1, tags: state.tags });
    const updated = (await readJson(snapshot)) as Json & { annotations: Json[] };
    expect(updated.schemaVersion).toBe(1);
    expect(updated.annotations.map((a) => a['note'])).toEqual(['first', 'second']);
    expect(await readdir(join(ws, 'annotations'))).not.toContain(`${doc.id}.journal`);

    // The backup holds the files as they were, and checks out against the migrations.
    const [backup] = await listBackups(ws);
    expect(backup).toMatchObject({ documents: 1, annotations: 2 });
    const held = await readJson(join(ws, BACKUP_FOLDER, backup!.name));
    expect(held['schemaVersion']).toBe(0);
    expect(held['index']).toEqual(
      JSON.parse(Buffer.from(before['gloss.json']!, 'base64').toString()),
    );
    const heldFile = (held['annotationFiles'] as Record<string, Json & { annotations: Json[] }>)[
      doc.id
    ]!;
    expect(heldFile.schemaVersion).toBe(0);
    expect(heldFile.annotations.map((a) => a['comment'])).toEqual(['first', 'second']);

    // Writable, and the next start finds nothing to update.
    unwrap(await s.createAnnotation({ documentId: doc.id, start: 30, end: 34, tag: 'claim' }));
    const again = await open();
    expect(unwrap(await again.getWorkspace()).readOnly).toBe(false);
    expect(await listBackups(ws)).toHaveLength(2); // the one at close, after the new annotation
  });

  it('leaves every file as it was, read-only, when an update step fails, naming the file and versions', async () => {
    const { doc } = await formatZeroWorkspace();
    const before = await files();
    const failing: Migration = {
      ...ZERO_TO_ONE,
      annotationFile: () => {
        throw new Error('an annotation has no comment field');
      },
    };
    const s = await open({ migrations: [failing] });
    const state = unwrap(await s.getWorkspace());
    expect(state.readOnly).toBe(true);
    expect(state.problem).toContain(`annotations/${doc.id}.json in ${ws} could not be updated`);
    expect(state.problem).toContain('format version 0');
    expect(state.problem).toContain('the update from format version 0 to 1 failed');
    expect(state.problem).toContain('an annotation has no comment field');
    expect(await s.importFile({ name: 'b.txt', bytes: utf8('More') })).toMatchObject({
      ok: false,
      error: { code: 'read-only' },
    });
    await s.close();
    services = null;
    expect(await files()).toEqual(before);
  });

  it('leaves every file as it was when an updated file does not validate', async () => {
    await formatZeroWorkspace();
    const before = await files();
    const forgetful: Migration = { from: 0, to: 1 }; // keeps `labels`: not a format-1 index
    const s = await open({ migrations: [forgetful] });
    const state = unwrap(await s.getWorkspace());
    expect(state.readOnly).toBe(true);
    expect(state.problem).toMatch(
      /gloss\.json in .* could not be updated \(it does not have the expected content/,
    );
    expect(await files()).toEqual(before);
  });

  it('says there is no update when the registry has none for that version', async () => {
    await formatZeroWorkspace();
    const before = await files();
    const s = await open({ migrations: [] });
    expect(unwrap(await s.getWorkspace()).problem).toContain(
      'the update from format version 0 to 1 failed (this version of Gloss has no such update)',
    );
    expect(await files()).toEqual(before);
  });

  it('changes nothing, read-only, when the backup before the update cannot be made', async () => {
    await formatZeroWorkspace();
    await writeFile(join(ws, BACKUP_FOLDER), 'a file where the folder should be');
    const before = await files();
    const s = await open();
    const state = unwrap(await s.getWorkspace());
    expect(state.readOnly).toBe(true);
    expect(state.problem).toContain(
      'takes a backup before updating it, and the backup could not be made',
    );
    expect(state.problem).toContain('Gloss has changed nothing');
    expect(await files()).toEqual(before);
  });

  it('does not update a workspace it does not hold the lock of', async () => {
    await formatZeroWorkspace();
    const before = await files();
    services = await openTestServices(ws, { migrations: [ZERO_TO_ONE] });
    const state = unwrap(await services.getWorkspace());
    expect(state.readOnly).toBe(true);
    expect(state.problem).toContain('saved by an older version of Gloss (format version 0)');
    expect(await files()).toEqual(before);
  });

  it('finishes an update that was cut short (annotation files already updated)', async () => {
    const { doc, indexPath } = await formatZeroWorkspace({ annotations: true });
    const s = await open();
    expect(unwrap(await s.getWorkspace()).readOnly).toBe(false);
    expect(unwrap(await s.openDocument({ documentId: doc.id })).annotations).toHaveLength(2);
    expect((await readJson(indexPath))['schemaVersion']).toBe(1);
  });

  it('turns read-only when one annotation file is older than the rest of the workspace', async () => {
    const { doc, indexPath } = await formatZeroWorkspace();
    const index = await readJson(indexPath);
    const { labels, ...rest } = index;
    await writeJson(indexPath, { ...rest, schemaVersion: 1, tags: labels });
    const before = await files();
    const s = await open();
    await s.openDocument({ documentId: doc.id });
    const state = unwrap(await s.getWorkspace());
    expect(state.readOnly).toBe(true);
    expect(state.problem).toContain(
      `annotations/${doc.id}.json in ${ws}) was saved in format version 0, older than this workspace's 1`,
    );
    expect(await files()).toEqual(before);
  });

  it('treats a file without a format version as damaged, not old', async () => {
    await formatZeroWorkspace();
    const index = await readJson(join(ws, 'gloss.json'));
    delete index['schemaVersion'];
    await writeJson(join(ws, 'gloss.json'), index);
    const s = await open();
    const state = unwrap(await s.getWorkspace());
    expect(state.readOnly).toBe(true);
    expect(state.problem).toContain('could not be read (it has no format version (schemaVersion))');
    expect((await readdir(ws)).some((n) => n.startsWith('gloss.corrupt-'))).toBe(true);
  });
});
