/** A serialisable outcome: crosses IPC and HTTP unchanged (no Error objects, no classes). */
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

/** Error codes the UI can react to; `message` is written for the analyst and names the problem. */
export type ErrorCode =
  | 'invalid-request'
  | 'not-found'
  | 'read-only'
  | 'bad-file'
  /** A file of a kind Gloss does not know; it may still be opened as plain text. */
  | 'unsupported-format'
  | 'io'
  | 'unauthorized'
  | 'internal';

/** An error that crosses a process boundary: a code for logic, a sentence for people. */
export interface AppError {
  code: ErrorCode;
  message: string;
}

/** Wraps a value as a successful Result. */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

/** Wraps an error as a failed Result. */
export const err = <E = AppError>(error: E): Result<never, E> => ({ ok: false, error });

/** Builds a failed Result from a code and a message. */
export const fail = (code: ErrorCode, message: string): Result<never, AppError> =>
  err({ code, message });
