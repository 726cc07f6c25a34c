import type { AppError, ErrorCode } from '../core/result';
import { CorruptFileError, NewerFormatError, OlderFormatError } from './durable-json-file';
import { isErrno, plainReason } from './fs-errors';

/** An expected failure thrown deep inside a service, returned to the caller as its AppError. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ServiceError';
  }
}

/** Turns anything thrown while doing `action` ("open the document") into an AppError. */
export function toAppError(error: unknown, action: string): AppError {
  if (error instanceof ServiceError) return { code: error.code, message: error.message };
  if (
    error instanceof CorruptFileError ||
    error instanceof NewerFormatError ||
    error instanceof OlderFormatError
  ) {
    return { code: 'io', message: `Gloss could not ${action}: ${error.message}.` };
  }
  if (isErrno(error))
    return { code: 'io', message: `Gloss could not ${action}: ${plainReason(error)}.` };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Something went wrong while trying to ${action}: ${detail}` };
}
