import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isErrno } from './fs-errors';

/**
 * Replaces a file atomically and durably: writes a uniquely named temp file beside it, flushed
 * to disk, renames it over the target, then fsyncs the folder so the rename itself survives a
 * power cut. A reader sees the old file or the new one, never a mix.
 */
export async function writeFileDurably(target: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(target);
  // Unique per process and per call: two writers (or two instances) never share a temp file.
  const temp = join(
    folder,
    `${basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temp, data, { flush: true, flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

// Platforms and file systems that cannot fsync a folder say so with one of these.
const CANNOT_SYNC_FOLDER = ['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF'];

/** fsyncs a folder so renames and new entries in it are durable; a no-op where unsupported. */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    if (!isErrno(error, ...CANNOT_SYNC_FOLDER)) throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Creates a folder (and its parents) if missing, fsyncing the parents so the new entries last. */
export async function ensureFolder(path: string): Promise<void> {
  const firstCreated = await mkdir(path, { recursive: true });
  if (firstCreated === undefined) return;
  // Every folder from the first one created down to `path` is a new entry in its parent.
  for (let folder = path; ; folder = dirname(folder)) {
    await syncFolder(dirname(folder));
    if (folder === firstCreated || dirname(folder) === folder) break;
  }
}
