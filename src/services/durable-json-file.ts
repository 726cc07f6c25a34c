import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Adapter } from 'lowdb';
import type { ZodType } from 'zod';
import { schemaVersionOf } from '../core/migrations';
import { writeFileDurably } from './durable-write';
import { isErrno } from './fs-errors';
import { summarizeIssues } from './zod-summary';

/** A file that exists but does not parse or validate: never overwrite it, move it aside. */
export class CorruptFileError extends Error {
  constructor(
    readonly path: string,
    /** Why, in a few plain words: "not valid JSON", "it does not have the expected content (…)". */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${basename(path)} could not be read (${reason})`, options);
    this.name = 'CorruptFileError';
  }
}

/** A file written by a newer Gloss: intact, so it is left where it is, but not ours to read. */
export class NewerFormatError extends Error {
  constructor(
    readonly path: string,
    readonly found: number,
  ) {
    super(`${basename(path)} was saved by a newer version of Gloss (format version ${found})`);
    this.name = 'NewerFormatError';
  }
}

/**
 * A file written by an older Gloss, met where it cannot be updated (the workspace is updated as
 * a whole when it opens): intact, so it is left where it is.
 */
export class OlderFormatError extends Error {
  constructor(
    readonly path: string,
    readonly found: number,
    readonly expected: number,
  ) {
    super(
      `${basename(path)} was saved in format version ${found}, older than this workspace's ${expected}`,
    );
    this.name = 'OlderFormatError';
  }
}

export interface DurableJsonFileOptions<T> {
  /** Validates what was read; a file that fails is reported as a CorruptFileError. */
  schema?: ZodType<T>;
  /**
   * The format version we write: a file with a higher `schemaVersion` is a NewerFormatError, a
   * lower one an OlderFormatError, and one without a whole `schemaVersion` is damaged.
   */
  schemaVersion?: number;
}

/**
 * A lowdb adapter that validates on every read and writes durably: compact JSON to a unique
 * temp file, flushed, renamed over the target, folder fsynced (lowdb's own JSONFile does none
 * of the syncing and shares one temp name between instances).
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly options: DurableJsonFileOptions<T> = {},
  ) {}

  /** Reads and validates the file; null when it does not exist. */
  async read(): Promise<T | null> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(this.path);
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return null;
      throw error;
    }
    const value = this.parse(bytes);
    return this.validate(value);
  }

  /** Replaces the file with `data` as compact JSON, durably. */
  async write(data: T): Promise<void> {
    // Serialised before the first await, so later changes to `data` cannot leak into this write.
    const json = JSON.stringify(data);
    await writeFileDurably(this.path, json);
  }

  private parse(bytes: Uint8Array): unknown {
    if (bytes.length === 0) throw new CorruptFileError(this.path, 'the file is empty');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (cause) {
      throw new CorruptFileError(this.path, 'not valid UTF-8 text', { cause });
    }
    try {
      // A BOM added by a text editor is harmless; JSON.parse would choke on it.
      return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    } catch (cause) {
      throw new CorruptFileError(this.path, 'not valid JSON', { cause });
    }
  }

  private validate(value: unknown): T {
    const { schema, schemaVersion } = this.options;
    if (schemaVersion !== undefined) {
      const found = schemaVersionOf(value);
      if (found === 'missing')
        throw new CorruptFileError(this.path, 'it has no format version (schemaVersion)');
      if (found === 'invalid')
        throw new CorruptFileError(
          this.path,
          'its format version (schemaVersion) is not a whole number',
        );
      if (found > schemaVersion) throw new NewerFormatError(this.path, found);
      if (found < schemaVersion) throw new OlderFormatError(this.path, found, schemaVersion);
    }
    if (!schema) return value as T;
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const reason = `it does not have the expected content: ${summarizeIssues(parsed.error, 2)}`;
      throw new CorruptFileError(this.path, reason);
    }
    return parsed.data;
  }
}
