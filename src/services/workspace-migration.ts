import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Migration } from '../core/migrations';
import { MigrationError, migrate, schemaVersionOf } from '../core/migrations';
import type { AnnotationFile, WorkspaceIndex } from '../core/model';
import { AnnotationFileSchema, SCHEMA_VERSION, WorkspaceIndexSchema } from '../core/model';
import { journalPathFor, parseRawJournal, replayJournal } from './annotation-journal';
import { BackupError, writeBackup } from './backups';
import { CorruptFileError, NewerFormatError } from './durable-json-file';
import { syncFolder, writeFileDurably } from './durable-write';
import { isErrno, plainReason } from './fs-errors';
import { summarizeIssues } from './zod-summary';

// Updating a workspace written by an older Gloss, as a whole, when it opens: every file is read
// and updated in memory first; then a verified backup of the files as they were is taken; only
// then are the updated files written, the annotation files first and gloss.json last, so that
// an interruption leaves gloss.json old and the next open simply does it again (files already
// updated are taken as they are). Nothing is written when any step fails.

/** Why the workspace could not be updated; it stays as it was, and read-only. */
export class WorkspaceMigrationProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceMigrationProblem';
  }
}

export type MigrationOutcome =
  { migrated: false } | { migrated: true; from: number; to: number; backup: string };

interface AnnotationUpdate {
  id: string;
  /** The file as it was (journal folded in), for the backup. */
  before: unknown;
  after: AnnotationFile;
  snapshotPath: string;
  journalPath: string;
  journalFound: boolean;
}

async function readIfPresent(path: string): Promise<Uint8Array | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
}

function parseJson(bytes: Uint8Array, path: string): unknown {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (cause) {
    throw new CorruptFileError(path, 'not valid JSON', { cause });
  }
}

const copy = <T>(value: T): T => structuredClone(value);

/**
 * Updates the workspace in `dir` to SCHEMA_VERSION when its gloss.json is older (`target` and
 * `registry` are for tests). Returns what it did; throws WorkspaceMigrationProblem, with a
 * message naming the file and the versions, when it could not (nothing was written then,
 * unless the message says otherwise). A missing or unreadable gloss.json is not its concern.
 */
export async function migrateWorkspace(
  dir: string,
  indexFile: string,
  options: { registry: readonly Migration[]; now: () => Date; target?: number },
): Promise<MigrationOutcome> {
  const target = options.target ?? SCHEMA_VERSION;
  const indexPath = join(dir, indexFile);
  const bytes = await readIfPresent(indexPath).catch(() => null);
  if (!bytes) return { migrated: false };
  let rawIndex: unknown;
  try {
    rawIndex = parseJson(bytes, indexPath);
  } catch {
    return { migrated: false }; // damaged: reading it the usual way says so
  }
  const from = schemaVersionOf(rawIndex);
  if (typeof from !== 'number' || from >= target) return { migrated: false };

  const where = (file: string) => `${file} in ${dir}`;
  const failed = (file: string, reason: string) =>
    new WorkspaceMigrationProblem(
      `This workspace was saved by an older version of Gloss (format version ${from}) and needs updating to version ${target}, ` +
        `but ${where(file)} could not be updated (${reason}). Gloss has left every file as it was and is read-only.`,
    );

  // 1. Everything updated in memory, and checked.
  let index: WorkspaceIndex;
  try {
    index = validIndex(migrate(copy(rawIndex), 'index', from, target, options.registry));
  } catch (error) {
    throw failed(indexFile, reasonOf(error));
  }
  const updates: AnnotationUpdate[] = [];
  for (const meta of index.documents) {
    const file = `annotations/${meta.id}.json`;
    const snapshotPath = join(dir, 'annotations', `${meta.id}.json`);
    const journalPath = journalPathFor(snapshotPath);
    try {
      const update = await updateAnnotations(
        meta.id,
        snapshotPath,
        journalPath,
        from,
        target,
        options.registry,
      );
      if (update) updates.push(update);
    } catch (error) {
      const named =
        error instanceof CorruptFileError || error instanceof NewerFormatError
          ? error.path === journalPath
            ? `annotations/${meta.id}.journal`
            : file
          : file;
      throw failed(named, reasonOf(error));
    }
  }

  // 2. A verified backup of the files as they were, before anything is written.
  const annotationFiles: Record<string, unknown> = {};
  for (const meta of index.documents) {
    const update = updates.find((u) => u.id === meta.id);
    annotationFiles[meta.id] = update
      ? update.before
      : { schemaVersion: from, documentId: meta.id, annotations: [] };
  }
  const now = options.now();
  let backup: string;
  try {
    const written = await writeBackup(
      dir,
      {
        schemaVersion: from,
        created: now.toISOString(),
        documents: index.documents.length,
        annotations: updates.reduce((n, u) => n + u.after.annotations.length, 0),
        index: rawIndex,
        annotationFiles,
      },
      { now, registry: options.registry },
    );
    backup = written.name;
  } catch (error) {
    const reason = error instanceof BackupError ? error.message : plainReason(error);
    throw new WorkspaceMigrationProblem(
      `This workspace was saved by an older version of Gloss (format version ${from}) and needs updating to version ${target}. ` +
        `Gloss takes a backup before updating it, and the backup could not be made (${reason}), ` +
        `so Gloss has changed nothing and is read-only.`,
    );
  }

  // 3. The updated files: annotations first, gloss.json last.
  try {
    for (const update of updates) {
      await writeFileDurably(update.snapshotPath, JSON.stringify(update.after));
      if (update.journalFound) {
        await rm(update.journalPath, { force: true });
        await syncFolder(join(dir, 'annotations'));
      }
    }
    await writeFileDurably(indexPath, JSON.stringify(index));
  } catch (error) {
    throw new WorkspaceMigrationProblem(
      `Gloss could not finish updating this workspace from format version ${from} to ${target} (${plainReason(error)}). ` +
        `A backup of it as it was is in backups/${backup}. Gloss is read-only; it will try again when the workspace is next opened.`,
    );
  }
  return { migrated: true, from, to: target, backup };
}

function validIndex(value: unknown): WorkspaceIndex {
  const parsed = WorkspaceIndexSchema.safeParse(value);
  if (!parsed.success)
    throw new Error(`it does not have the expected content: ${summarizeIssues(parsed.error, 2)}`);
  return parsed.data;
}

/** One document's annotations, journal folded in, updated and checked; null when it has none. */
async function updateAnnotations(
  documentId: string,
  snapshotPath: string,
  journalPath: string,
  indexVersion: number,
  target: number,
  registry: readonly Migration[],
): Promise<AnnotationUpdate | null> {
  const snapshotBytes = await readIfPresent(snapshotPath);
  const journalBytes = await readIfPresent(journalPath);
  if (!snapshotBytes && !journalBytes) return null;
  const raw: unknown = snapshotBytes
    ? parseJson(snapshotBytes, snapshotPath)
    : { schemaVersion: indexVersion, documentId, annotations: [] };
  const version = schemaVersionOf(raw);
  if (version === 'missing')
    throw new CorruptFileError(snapshotPath, 'it has no format version (schemaVersion)');
  if (version === 'invalid')
    throw new CorruptFileError(
      snapshotPath,
      'its format version (schemaVersion) is not a whole number',
    );
  if (version > target) throw new NewerFormatError(snapshotPath, version);
  const file = raw as { annotations?: unknown; rejected?: unknown };
  if (!Array.isArray(file.annotations) || !file.annotations.every(hasId))
    throw new CorruptFileError(
      snapshotPath,
      'its annotations are not a list of annotations with ids',
    );
  if (file.rejected !== undefined && !Array.isArray(file.rejected))
    throw new CorruptFileError(snapshotPath, 'its rejected suggestions are not a list');
  if (journalBytes) {
    const journal = parseRawJournal(journalBytes, journalPath);
    replayJournal(file as { annotations: { id: string }[]; rejected?: string[] }, journal.entries);
  }
  const before = copy(raw);
  const updated =
    version < target ? migrate(raw, 'annotationFile', version, target, registry) : raw;
  const parsed = AnnotationFileSchema.safeParse(updated);
  if (!parsed.success)
    throw new Error(`it does not have the expected content: ${summarizeIssues(parsed.error, 2)}`);
  if (parsed.data.documentId !== documentId)
    throw new Error(`it holds the annotations of another document, ${parsed.data.documentId}`);
  return {
    id: documentId,
    before,
    after: parsed.data,
    snapshotPath,
    journalPath,
    journalFound: journalBytes !== null,
  };
}

function hasId(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

function reasonOf(error: unknown): string {
  if (error instanceof MigrationError) return error.message;
  if (error instanceof CorruptFileError) return error.reason;
  if (error instanceof NewerFormatError)
    return `it was saved by a newer version of Gloss (format version ${error.found})`;
  return error instanceof Error ? error.message : String(error);
}
