import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { toCanonicalText } from '../core/canonical-text';
import type { DocumentFormat } from '../core/model';
import type { AppError, Result } from '../core/result';
import { err, ok } from '../core/result';
import { isErrno } from './fs-errors';
import { sha256Hex } from './hash';

/** A file turned into canonical text, ready to be added to a workspace. */
export interface PreparedImport {
  sourceName: string;
  sourcePath?: string;
  format: DocumentFormat;
  rawHash: string;
  text: string;
  textHash: string;
}

const FORMATS: Record<string, DocumentFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
};

/** The file name part of a path or of a name a browser sent (which may carry either slash). */
export function fileNameOf(name: string): string {
  return name.split(/[\\/]/).pop() || name;
}

/** True when Gloss can import files with this name (by extension). */
export function isSupportedName(name: string): boolean {
  return extname(name).toLowerCase() in FORMATS;
}

function cannotOpen(name: string, reason: string): Result<never, AppError> {
  return err({ code: 'bad-file', message: `"${name}" cannot be opened: ${reason}.` });
}

/** A byte count for people: "812 bytes", "34 KB", "50 MB", "61.2 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

function formatFor(name: string): Result<DocumentFormat> {
  const ext = extname(name).toLowerCase();
  const format = FORMATS[ext];
  if (format) return ok(format);
  return cannotOpen(
    name,
    ext
      ? `${ext} files are not supported yet (use .txt or .md)`
      : 'files without an extension are not supported yet (use .txt or .md)',
  );
}

/** Checks a file's name, size and encoding and makes its canonical text. */
export function prepareImport(
  name: string,
  bytes: Uint8Array,
  maxBytes: number,
  sourcePath?: string,
): Result<PreparedImport> {
  const sourceName = fileNameOf(name);
  const format = formatFor(sourceName);
  if (!format.ok) return format;
  if (bytes.byteLength > maxBytes) return tooLarge(sourceName, bytes.byteLength, maxBytes);
  const text = toCanonicalText(bytes);
  if (!text.ok) return cannotOpen(sourceName, text.error.message);
  return ok({
    sourceName,
    ...(sourcePath === undefined ? {} : { sourcePath }),
    format: format.value,
    rawHash: sha256Hex(bytes),
    text: text.value,
    textHash: sha256Hex(text.value),
  });
}

function tooLarge(
  name: string,
  size: number | undefined,
  maxBytes: number,
): Result<never, AppError> {
  const limit = `the ${formatSize(maxBytes)} Gloss can import`;
  return cannotOpen(
    name,
    size === undefined
      ? `it is larger than ${limit}`
      : `it is ${formatSize(size)}, more than ${limit}`,
  );
}

/**
 * Reads a file given by path for import, refusing what is not a regular, supported file of at
 * most `maxBytes` before reading it (a FIFO or device is never read: it could block forever).
 */
export async function readImportPath(
  path: string,
  maxBytes: number,
): Promise<Result<{ name: string; path: string; bytes: Uint8Array }>> {
  const absolute = resolve(path);
  const name = basename(absolute) || absolute;
  let info;
  try {
    info = await stat(absolute);
  } catch (error) {
    if (isErrno(error, 'ENOENT', 'ENOTDIR'))
      return cannotOpen(name, `there is no file at ${absolute}`);
    if (isErrno(error, 'EACCES', 'EPERM'))
      return cannotOpen(name, 'Gloss is not allowed to read it');
    throw error;
  }
  if (info.isDirectory()) return cannotOpen(name, 'it is a folder, not a file');
  if (!info.isFile())
    return cannotOpen(name, 'it is not a regular file (it is a pipe, socket or device)');
  const format = formatFor(name);
  if (!format.ok) return format;
  if (info.size > maxBytes) return tooLarge(name, info.size, maxBytes);
  return readBounded(absolute, name, maxBytes);
}

// Opens without blocking (a path swapped for a FIFO after the stat must not hang us), checks
// again on the open handle, and never reads more than maxBytes + 1 (the file may be growing).
async function readBounded(
  path: string,
  name: string,
  maxBytes: number,
): Promise<Result<{ name: string; path: string; bytes: Uint8Array }>> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (isErrno(error, 'EACCES', 'EPERM'))
      return cannotOpen(name, 'Gloss is not allowed to read it');
    if (isErrno(error, 'ENOENT')) return cannotOpen(name, `there is no file at ${path}`);
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      return cannotOpen(name, 'it is not a regular file (it is a pipe, socket or device)');
    if (info.size > maxBytes) return tooLarge(name, info.size, maxBytes);
    const chunks: Uint8Array[] = [];
    let total = 0;
    const chunkSize = Math.min(Math.max(info.size + 1, 64 * 1024), maxBytes + 1);
    for (;;) {
      const buffer = new Uint8Array(chunkSize);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return tooLarge(name, undefined, maxBytes);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return ok({ name, path, bytes: concat(chunks, total) });
  } finally {
    await handle.close();
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
