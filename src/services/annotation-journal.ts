import { open, readFile, rm } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { z } from 'zod';
import { AnnotationSchema, idSchema } from '../core/model';
import { CorruptFileError, NewerFormatError } from './durable-json-file';
import { ensureFolder, syncFolder } from './durable-write';
import { isErrno } from './fs-errors';
import { summarizeIssues } from './zod-summary';

// The write-ahead journal of one document's annotations: annotations/<documentId>.journal
// beside the snapshot annotations/<documentId>.json. UTF-8 JSON Lines, one line per save:
//
//   {"v":1,"put":[Annotation, …],"remove":["id", …],"reject":["key", …]}
//
// Replaying a line onto the state removes the ids in `remove` (when present), then puts each
// annotation of `put` (replacing the one with its id in place, or appending it), then adds the
// keys of `reject`. A line only ever holds the changes made since the previous line; an
// annotation it appended is in its `remove` too, which keeps replay idempotent (see below).

/** The journal line format we write; a line with a higher `v` is a NewerFormatError. */
export const JOURNAL_VERSION = 1;

export const JournalEntrySchema = z.strictObject({
  v: z.literal(JOURNAL_VERSION),
  put: z.array(AnnotationSchema).optional(),
  remove: z.array(idSchema).optional(),
  reject: z.array(z.string().max(200)).optional(),
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

/** annotations/<id>.json → annotations/<id>.journal */
export function journalPathFor(snapshotPath: string): string {
  const ext = extname(snapshotPath);
  return `${snapshotPath.slice(0, snapshotPath.length - ext.length)}.journal`;
}

/** One journal line, newline included. */
export function journalLine(entry: JournalEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

export interface ParsedJournal {
  /** The complete, valid lines, in order. */
  entries: JournalEntry[];
  /** Bytes taken by those lines: the offset where the next line belongs. */
  goodBytes: number;
  /**
   * Bytes after them: a torn last append (a crash mid-write). It was never acknowledged, so it
   * is ignored; the next write cuts it off before appending.
   */
  tornBytes: number;
}

const NEWLINE = 0x0a;
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Parses a journal's bytes. A damaged last line (no newline after it, or not JSON) is a torn
 * append and is ignored; any other line that does not parse or validate, or that holds an
 * annotation of another document, is a CorruptFileError naming `path` and the line.
 */
export function parseJournal(bytes: Uint8Array, path: string, documentId: string): ParsedJournal {
  return parseLines(bytes, path, (value, line) => validateEntry(value, path, documentId, line));
}

/** A journal line read without validating its annotations: for files of an older format. */
export interface RawJournalEntry {
  v: number;
  put?: { id: string }[];
  remove?: string[];
  reject?: string[];
}

const RawJournalEntrySchema = z.strictObject({
  v: z.literal(JOURNAL_VERSION),
  put: z.array(z.looseObject({ id: idSchema })).optional(),
  remove: z.array(idSchema).optional(),
  reject: z.array(z.string().max(200)).optional(),
});

/**
 * Parses a journal whose annotations are of an older format (the schema of the day cannot
 * check them): only the line structure and the ids are checked, torn last lines as above.
 */
export function parseRawJournal(
  bytes: Uint8Array,
  path: string,
): { entries: RawJournalEntry[]; goodBytes: number; tornBytes: number } {
  return parseLines(bytes, path, (value, line) => {
    checkLineVersion(value, path);
    const parsed = RawJournalEntrySchema.safeParse(value);
    if (!parsed.success)
      throw new CorruptFileError(
        path,
        `line ${line} does not have the expected content: ${summarizeIssues(parsed.error, 2)}`,
      );
    return parsed.data;
  });
}

function parseLines<E>(
  bytes: Uint8Array,
  path: string,
  validate: (value: unknown, line: number) => E,
): { entries: E[]; goodBytes: number; tornBytes: number } {
  const entries: E[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = BOM.every((b, i) => bytes[i] === b) ? BOM.length : 0;
  let goodBytes = 0;
  for (let line = 1; start < bytes.length; line++) {
    const end = bytes.indexOf(NEWLINE, start);
    // No newline: the last append was cut short, whatever its bytes say.
    if (end === -1) break;
    const isLast = end === bytes.length - 1;
    const text = decodeLine(decoder, bytes.subarray(start, end));
    if (text === null || text.trim() !== '') {
      const value = text === null ? undefined : parseJsonLine(text);
      if (value === undefined) {
        // A complete last line that is not JSON: garbage left by a crash mid-append.
        if (isLast) break;
        const what = text === null ? 'not valid UTF-8 text' : 'not valid JSON';
        throw new CorruptFileError(path, `line ${line} is ${what}`);
      }
      entries.push(validate(value, line));
    }
    start = end + 1;
    goodBytes = start;
  }
  return { entries, goodBytes, tornBytes: bytes.length - goodBytes };
}

function decodeLine(
  decoder: { decode(bytes: Uint8Array): string },
  bytes: Uint8Array,
): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

function parseJsonLine(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function checkLineVersion(value: unknown, path: string): void {
  if (typeof value === 'object' && value !== null) {
    const found = (value as { v?: unknown }).v;
    if (typeof found === 'number' && found > JOURNAL_VERSION) {
      throw new NewerFormatError(path, found);
    }
  }
}

function validateEntry(value: unknown, path: string, documentId: string, line: number) {
  checkLineVersion(value, path);
  const parsed = JournalEntrySchema.safeParse(value);
  if (!parsed.success) {
    throw new CorruptFileError(
      path,
      `line ${line} does not have the expected content: ${summarizeIssues(parsed.error, 2)}`,
    );
  }
  const stranger = parsed.data.put?.find((a) => a.documentId !== documentId);
  if (stranger) {
    throw new CorruptFileError(
      path,
      `line ${line} holds an annotation of another document, ${stranger.documentId}`,
    );
  }
  return parsed.data;
}

/** Reads and parses a journal; null when there is none. */
export async function readJournal(path: string, documentId: string): Promise<ParsedJournal | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
  return parseJournal(bytes, path, documentId);
}

/**
 * Replays journal lines onto a document's annotations, in order, in place. Replaying them onto
 * a state that already holds them changes nothing, order included, as long as each line lists
 * the annotations it appended in `remove` too (AnnotationSet writes them so): those are taken
 * out and appended again in the same order, the others are replaced where they stand, and
 * removes of absent ids and rejects of known keys do nothing.
 */
export function replayJournal<A extends { id: string }>(
  data: { annotations: A[]; rejected?: string[] | undefined },
  entries: readonly {
    v: number;
    put?: readonly A[];
    remove?: readonly string[];
    reject?: readonly string[];
  }[],
): void {
  if (entries.length === 0) return;
  // Removed slots become holes until the end, so every position in `at` stays valid.
  const list: (A | undefined)[] = [...data.annotations];
  const at = new Map(data.annotations.map((a, i) => [a.id, i]));
  const rejected = data.rejected ? [...data.rejected] : [];
  const known = new Set(rejected);
  for (const entry of entries) {
    for (const id of entry.remove ?? []) {
      const i = at.get(id);
      if (i === undefined) continue;
      list[i] = undefined;
      at.delete(id);
    }
    for (const annotation of entry.put ?? []) {
      const i = at.get(annotation.id);
      if (i === undefined) {
        at.set(annotation.id, list.length);
        list.push(annotation);
      } else {
        list[i] = annotation;
      }
    }
    for (const key of entry.reject ?? []) {
      if (known.has(key)) continue;
      known.add(key);
      rejected.push(key);
    }
  }
  data.annotations = list.filter((a): a is A => a !== undefined);
  if (rejected.length > 0 || data.rejected) data.rejected = rejected;
}

/**
 * The journal file on disk. Each call opens the file, does its work, syncs and closes it: no
 * handle is held between saves (which would keep the file locked on Windows), and the open and
 * close cost little next to the sync.
 */
export class JournalFile {
  constructor(readonly path: string) {}

  /**
   * Appends `text` with one write to a file opened for appending, then syncs its data. When the
   * file is new (`created`), its folder is synced too so the new entry itself is durable.
   */
  async append(text: string, created: boolean): Promise<void> {
    if (created) await ensureFolder(dirname(this.path));
    const handle = await open(this.path, 'a');
    try {
      await handle.writeFile(text);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    if (created) await syncFolder(dirname(this.path));
  }

  /** Cuts the file to its first `size` bytes, durably (nothing to do when it does not exist). */
  async truncate(size: number): Promise<void> {
    let handle;
    try {
      handle = await open(this.path, 'r+');
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return;
      throw error;
    }
    try {
      await handle.truncate(size);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Deletes the file, durably. */
  async remove(): Promise<void> {
    await rm(this.path, { force: true });
    await syncFolder(dirname(this.path));
  }
}
