import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { DocumentFormat } from '../core/model';
import type { DocumentMetadata } from '../core/structure';
import type { Layout } from '../shared/api';
import type { AppError, Result } from '../core/result';
import { err, ok } from '../core/result';
import { isErrno } from './fs-errors';
import { sha256Hex } from './hash';
import { convertDocument, formatOfName } from './loaders';

/** A file turned into canonical text and layout, ready to be added to a workspace. */
export interface PreparedImport {
  sourceName: string;
  sourcePath?: string;
  format: DocumentFormat;
  rawHash: string;
  text: string;
  textHash: string;
  layout: Layout;
  metadata: DocumentMetadata;
}

/** Options of one import: progress for long files, and plain text for unknown kinds. */
export interface ImportOptions {
  asText?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Where the file is converted (default: convertDocument, in this thread). */
  convert?: typeof convertDocument;
}

/** The file name part of a path or of a name a browser sent (which may carry either slash). */
export function fileNameOf(name: string): string {
  return name.split(/[\\/]/).pop() || name;
}

/** True when Gloss can import files with this name (by extension). */
export function isSupportedName(name: string): boolean {
  return formatOfName(name) !== undefined;
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

/** Refuses a file of an unknown kind, offering to open it as plain text instead. */
function checkKind(name: string, asText: boolean): Result<void> {
  if (asText || isSupportedName(name)) return ok(undefined);
  const ext = extname(name).toLowerCase();
  const kind = ext
    ? `${ext} files are not a kind Gloss knows`
    : 'it has no extension, so Gloss cannot tell its kind';
  return err({
    code: 'unsupported-format',
    message: `"${name}" cannot be opened: ${kind} (it opens .txt, .md, .html, .docx and .pdf). It can still be opened as plain text if it is text.`,
  });
}

/** Checks a file's name and size, converts it, and makes its canonical text and layout. */
export async function prepareImport(
  name: string,
  bytes: Uint8Array,
  maxBytes: number,
  sourcePath?: string,
  options: ImportOptions = {},
): Promise<Result<PreparedImport>> {
  const sourceName = fileNameOf(name);
  const kind = checkKind(sourceName, options.asText ?? false);
  if (!kind.ok) return kind;
  if (bytes.byteLength > maxBytes) return tooLarge(sourceName, bytes.byteLength, maxBytes);
  const convert = options.convert ?? convertDocument;
  const converted = await convert(sourceName, bytes, {
    ...(options.asText ? { asText: true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (!converted.ok) return cannotOpen(sourceName, converted.error.message);
  const { text, blocks, marks, pages, metadata } = converted.value.document;
  return ok({
    sourceName,
    ...(sourcePath === undefined ? {} : { sourcePath }),
    format: converted.value.format,
    rawHash: sha256Hex(bytes),
    text,
    textHash: sha256Hex(text),
    layout: pages ? { blocks, marks, pages } : { blocks, marks },
    metadata,
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
  asText = false,
): Promise<Result<{ name: string; path: string; bytes: Uint8Array }>> {
  const absolute = resolve(path);
  const name = basename(absolute) || absolute;
  let info;
  try {
    info = await stat(absolute);
  } catch (error) {
    if (isErrno(error, 'ENOENT', 'ENOTDIR'))
      return cannotOpen(name, `there is no file at ${absolute}`);
    if (isErrno(error, 'ELOOP'))
      return cannotOpen(name, 'it is a symbolic link that leads round in a loop');
    if (isErrno(error, 'EACCES', 'EPERM'))
      return cannotOpen(name, 'Gloss is not allowed to read it');
    throw error;
  }
  if (info.isDirectory()) return cannotOpen(name, 'it is a folder, not a file');
  if (!info.isFile())
    return cannotOpen(name, 'it is not a regular file (it is a pipe, socket or device)');
  const kind = checkKind(name, asText);
  if (!kind.ok) return kind;
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
