import { readdir, rename } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { syncFolder } from './durable-write';
import { isErrno, pathExists } from './fs-errors';

/** A timestamp safe in file names on every platform: 2026-11-25T09-38-05-123Z. */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** The name a damaged file is moved to: `gloss.json` -> `gloss.corrupt-<time>.json`. */
export function setAsideName(fileName: string, date: Date, attempt = 1): string {
  const ext = extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  const suffix = attempt > 1 ? `-${attempt}` : '';
  return `${stem}.corrupt-${fileTimestamp(date)}${suffix}${ext}`;
}

/**
 * Moves a damaged file aside in its own folder, bytes untouched (a rename), never replacing
 * another file. Returns the new path.
 */
export async function moveAside(path: string, date: Date): Promise<string> {
  const folder = dirname(path);
  for (let attempt = 1; ; attempt++) {
    const target = join(folder, setAsideName(basename(path), date, attempt));
    if (await pathExists(target)) continue;
    await rename(path, target);
    await syncFolder(folder);
    return target;
  }
}

/** Names of files set aside earlier for `fileName` in `folder`, oldest first. */
export async function findSetAside(folder: string, fileName: string): Promise<string[]> {
  const ext = extname(fileName);
  const prefix = `${fileName.slice(0, fileName.length - ext.length)}.corrupt-`;
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (isErrno(error, 'ENOENT', 'ENOTDIR')) return [];
    throw error;
  }
  return names.filter((n) => n.startsWith(prefix) && n.endsWith(ext)).sort();
}
