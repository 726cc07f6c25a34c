import { lstat } from 'node:fs/promises';

/** A Node system error (ENOENT, EACCES, …) as thrown by node:fs. */
export type ErrnoError = Error & { code: string; path?: string };

/** True when a thrown value is a Node system error, optionally with one of the given codes. */
export function isErrno(error: unknown, ...codes: string[]): error is ErrnoError {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (codes.length === 0 || codes.includes(code));
}

const PLAIN_REASONS: Record<string, string> = {
  ENOENT: 'it does not exist',
  EACCES: 'permission was denied',
  EPERM: 'the operation is not permitted',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EMFILE: 'too many files are open',
  EBUSY: 'the file is busy',
  EIO: 'the disk reported an input/output error',
};

/** A short plain-language reason for a file-system failure, for messages shown to people. */
export function plainReason(error: unknown): string {
  if (isErrno(error)) return PLAIN_REASONS[error.code] ?? `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** True when something (a file, a folder, a link) is at `path`; other failures are thrown. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return false;
    throw error;
  }
}
