import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { syncFolder } from './durable-write';
import { isErrno } from './fs-errors';
import { processAlive } from './workspace-lock';

/** The temp files writeFileDurably writes beside its target: `<name>.<pid>-<12 hex>.tmp`. */
const TEMP_FILE = /^.+\.(\d{1,10})-[0-9a-f]{12}\.tmp$/;

/** The folders of a workspace that durable writes go to. */
export const WRITTEN_FOLDERS = ['.', 'annotations', 'backups', 'documents', 'trash'];

/**
 * Deletes the temp files a crash left behind in a workspace's folders: only names of that exact
 * pattern, and only those of a process that is gone (or of this one, which has not written
 * yet). Call it while holding the workspace's lock, before anything is written. Returns the
 * paths removed, relative to `dir`.
 */
export async function removeLeftoverTemps(dir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const folder of WRITTEN_FOLDERS) {
    const path = join(dir, folder);
    let names: string[];
    try {
      names = await readdir(path);
    } catch (error) {
      if (isErrno(error, 'ENOENT', 'ENOTDIR')) continue;
      throw error;
    }
    let any = false;
    for (const name of names) {
      const m = TEMP_FILE.exec(name);
      if (!m) continue;
      const pid = Number(m[1]);
      if (pid !== process.pid && processAlive(pid)) continue; // perhaps still writing it
      await rm(join(path, name), { force: true });
      removed.push(folder === '.' ? name : `${folder}/${name}`);
      any = true;
    }
    if (any) await syncFolder(path);
  }
  return removed;
}
