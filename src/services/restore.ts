import { readFile, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { VerifiedBackup } from './backups';
import { ensureFolder, syncFolder, writeFileDurably } from './durable-write';
import { isErrno } from './fs-errors';
import { fileTimestamp } from './quarantine';

// Putting a verified backup in place of the workspace's index and annotation files. Nothing is
// deleted: the files it replaces (damaged or not, and the damaged copies set aside earlier) are
// moved into a folder of their own, before-restore-<time>/, with their names and layout.
// Texts (documents/), the trash and the backups themselves are left alone.

/** Present while a restore is under way; found at open, it means one was interrupted. */
export const RESTORE_MARKER = 'restore-in-progress.json';

export interface RestoreMarker {
  backup: string;
  keptIn: string;
}

async function listFolder(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (error) {
    if (isErrno(error, 'ENOENT', 'ENOTDIR')) return [];
    throw error;
  }
}

/** A new folder name in `dir`: before-restore-<time>, or …-2 when taken. */
async function keptFolder(dir: string, date: Date): Promise<string> {
  const taken = new Set(await listFolder(dir));
  const base = `before-restore-${fileTimestamp(date)}`;
  let name = base;
  for (let attempt = 2; taken.has(name); attempt++) name = `${base}-${attempt}`;
  return name;
}

/** The interrupted restore a workspace holds the marker of, or null. */
export async function readRestoreMarker(dir: string): Promise<RestoreMarker | null> {
  let text: string;
  try {
    text = await readFile(join(dir, RESTORE_MARKER), 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    return { backup: 'a backup', keptIn: 'a before-restore folder' };
  }
  try {
    const parsed = JSON.parse(text) as Partial<RestoreMarker>;
    return {
      backup: typeof parsed.backup === 'string' ? parsed.backup : 'a backup',
      keptIn: typeof parsed.keptIn === 'string' ? parsed.keptIn : 'a before-restore folder',
    };
  } catch {
    return { backup: 'a backup', keptIn: 'a before-restore folder' };
  }
}

/**
 * Replaces the index and annotation files of the workspace in `dir` with a verified backup's.
 * The files it replaces, and the damaged copies of them set aside earlier (`<name>.corrupt-…`),
 * are moved into before-restore-<time>/ first. A marker file is kept while this runs, so an
 * interruption is noticed at the next open. Returns the kept folder's name, or null when there
 * was nothing to keep. The caller holds every write back meanwhile.
 */
export async function restoreWorkspaceFiles(
  dir: string,
  indexFile: string,
  backupName: string,
  backup: VerifiedBackup,
  date: Date,
): Promise<string | null> {
  const kept = await keptFolder(dir, date);
  const marker: RestoreMarker = { backup: backupName, keptIn: kept };
  await writeFileDurably(join(dir, RESTORE_MARKER), JSON.stringify(marker));

  const indexExt = extname(indexFile);
  const indexStem = indexFile.slice(0, indexFile.length - indexExt.length);
  const rootFiles = (await listFolder(dir)).filter(
    (n) => n === indexFile || (n.startsWith(`${indexStem}.corrupt-`) && n.endsWith(indexExt)),
  );
  const annotationsDir = join(dir, 'annotations');
  const annotationFiles = (await listFolder(annotationsDir)).filter(
    (n) => n.endsWith('.json') || n.endsWith('.journal'),
  );
  let moved = 0;
  if (rootFiles.length + annotationFiles.length > 0) {
    await ensureFolder(join(dir, kept, 'annotations'));
    for (const name of rootFiles) {
      await rename(join(dir, name), join(dir, kept, name));
      moved++;
    }
    for (const name of annotationFiles) {
      await rename(join(annotationsDir, name), join(dir, kept, 'annotations', name));
      moved++;
    }
    await syncFolder(join(dir, kept, 'annotations'));
    await syncFolder(join(dir, kept));
    if (annotationFiles.length) await syncFolder(annotationsDir);
    // An empty annotations/ inside the kept folder says nothing: leave only what was moved.
    if (annotationFiles.length === 0) await rmdir(join(dir, kept, 'annotations'));
  }

  await ensureFolder(annotationsDir);
  for (const [id, file] of backup.annotationFiles) {
    await writeFileDurably(join(annotationsDir, `${id}.json`), JSON.stringify(file));
  }
  // The index last: until it is there, the marker says the restore is not finished.
  await writeFileDurably(join(dir, indexFile), JSON.stringify(backup.index));
  await rm(join(dir, RESTORE_MARKER), { force: true });
  await syncFolder(dir);
  return moved > 0 ? kept : null;
}
