import { open, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Migration } from '../core/migrations';
import { MIGRATIONS, migrate, schemaVersionOf } from '../core/migrations';
import type { AnnotationFile, WorkspaceIndex } from '../core/model';
import {
  AnnotationFileSchema,
  SCHEMA_VERSION,
  WorkspaceIndexSchema,
  idSchema,
} from '../core/model';
import type { BackupInfo } from '../shared/api';
import { ensureFolder, syncFolder, writeFileDurably } from './durable-write';
import { isErrno, pathExists, plainReason } from './fs-errors';
import { Serial } from './serial';
import { summarizeIssues } from './zod-summary';

// Rotating, verified backups of a workspace: backups/backup-<UTC time>.json, each holding the
// index and every document's annotations (texts are content addressed and never deleted, so
// they are not copied). A backup is read back and validated before older ones are let go.

export const BACKUP_FOLDER = 'backups';
export const BACKUP_FORMAT = 'gloss-backup';

/** Keep the newest 20, plus the newest of each of the last 7 days (today included). */
export const RETENTION = { newest: 20, days: 7 };

/** A backup is taken this long after the last change… */
export const BACKUP_IDLE_MS = 15_000;
/** …but not sooner than this after the previous one. */
export const BACKUP_MIN_INTERVAL_MS = 10 * 60_000;

/** What a backup holds, before it is written. */
export interface BackupContent {
  /** The format version of the index in it (older than ours in the backup before a migration). */
  schemaVersion: number;
  created: string;
  documents: number;
  annotations: number;
  index: unknown;
  /** Every document's annotations, by document id, journal folded in. */
  annotationFiles: Record<string, unknown>;
}

/** A backup read back, updated to this version's format where it was older, and validated. */
export interface VerifiedBackup {
  index: WorkspaceIndex;
  annotationFiles: Map<string, AnnotationFile>;
  documents: number;
  annotations: number;
}

/** A backup that could not be made or read: why, in plain words. */
export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

// backup-2026-11-25T15-04-05.123Z.json, or …123Z-2.json for a second one in the same millisecond.
const NAME = /^backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z(?:-(\d{1,4}))?\.json$/;

/** The file name of a backup taken at `date`: sorts by time, safe on every platform. */
export function backupName(date: Date, attempt = 1): string {
  const stamp = date.toISOString().replace(/:/g, '-');
  return `backup-${stamp}${attempt > 1 ? `-${attempt}` : ''}.json`;
}

/** When a backup was taken, read from its name; null for any other name. */
export function backupTime(name: string): { time: number; attempt: number } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const time = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(time) ? null : { time, attempt: Number(m[6] ?? 1) };
}

/** Newest first: by the time in the name, then by attempt. */
function newestFirst(a: string, b: string): number {
  const ta = backupTime(a)!;
  const tb = backupTime(b)!;
  return tb.time - ta.time || tb.attempt - ta.attempt;
}

/**
 * The backup's JSON. The counts come first, so that listing reads a few hundred bytes of each
 * file instead of parsing it whole.
 */
export function serializeBackup(content: BackupContent): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    schemaVersion: content.schemaVersion,
    created: content.created,
    documents: content.documents,
    annotations: content.annotations,
    index: content.index,
    annotationFiles: content.annotationFiles,
  });
}

const HEADER =
  /^\{"format":"gloss-backup","schemaVersion":(\d{1,6}),"created":"([0-9T:.Z+-]{10,40})","documents":(\d{1,9}),"annotations":(\d{1,12}),/;
const HEADER_BYTES = 512;

async function readHeader(path: string): Promise<Omit<BackupInfo, 'name'> | null> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = new Uint8Array(HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
    const m = HEADER.exec(new TextDecoder().decode(buffer.subarray(0, bytesRead)));
    if (!m) return null;
    return { created: m[2]!, documents: Number(m[3]), annotations: Number(m[4]) };
  } catch {
    return null; // unreadable: not listed, never restored, never deleted
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

async function backupNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(join(dir, BACKUP_FOLDER))).filter((n) => backupTime(n) !== null);
  } catch (error) {
    if (isErrno(error, 'ENOENT', 'ENOTDIR')) return [];
    throw error;
  }
}

/** The workspace's backups, newest first, read from the first bytes of each file. */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  const names = (await backupNames(dir)).sort(newestFirst);
  const infos = await Promise.all(
    names.map(async (name) => {
      const header = await readHeader(join(dir, BACKUP_FOLDER, name));
      return header ? { name, ...header } : null;
    }),
  );
  return infos.filter((i): i is BackupInfo => i !== null);
}

/** Local midnight of the day `days` before the one holding `now`. */
function dayStart(now: Date, days: number): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - days).getTime();
}

/**
 * The backups to keep: the newest `newest`, plus the newest of each of the last `days` days
 * (local calendar days, today included). Names newest first in, names to keep out.
 */
export function backupsToKeep(
  names: readonly string[],
  now: Date,
  retention: { newest: number; days: number } = RETENTION,
): Set<string> {
  const sorted = [...names].sort(newestFirst);
  const keep = new Set(sorted.slice(0, retention.newest));
  for (let d = 0; d < retention.days; d++) {
    const from = dayStart(now, d);
    const to = dayStart(now, d - 1);
    const newestThatDay = sorted.find((n) => {
      const t = backupTime(n)!.time;
      return t >= from && t < to;
    });
    if (newestThatDay) keep.add(newestThatDay);
  }
  return keep;
}

/** Deletes the backups the retention rule lets go; only listed (readable) backups are candidates. */
export async function pruneBackups(dir: string, now: Date): Promise<string[]> {
  const listed = (await listBackups(dir)).map((b) => b.name);
  const keep = backupsToKeep(listed, now);
  const dropped = listed.filter((n) => !keep.has(n));
  for (const name of dropped) await rm(join(dir, BACKUP_FOLDER, name), { force: true });
  if (dropped.length) await syncFolder(join(dir, BACKUP_FOLDER));
  return dropped;
}

const BackupFileSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().min(0),
  created: z.string().datetime({ offset: true }),
  documents: z.number().int().nonnegative(),
  annotations: z.number().int().nonnegative(),
  index: z.unknown(),
  annotationFiles: z.record(idSchema, z.unknown()),
});

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Takes one file of a backup to this version's format (when older) and validates it. */
function upToDate<T>(
  raw: unknown,
  file: 'index' | 'annotationFile',
  what: string,
  schema: z.ZodType<T>,
  registry: readonly Migration[],
): T {
  const version = schemaVersionOf(raw);
  if (typeof version !== 'number') throw new BackupError(`${what} has no valid format version`);
  if (version > SCHEMA_VERSION)
    throw new BackupError(`${what} was saved by a newer version of Gloss (format ${version})`);
  const value =
    version < SCHEMA_VERSION ? migrate(raw, file, version, SCHEMA_VERSION, registry) : raw;
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new BackupError(
      `${what} does not have the expected content: ${summarizeIssues(parsed.error, 2)}`,
    );
  return parsed.data;
}

/**
 * Checks a parsed backup through and through: its envelope, the index and every annotation
 * file against the model's schemas (after updating older formats in memory), one annotation
 * file per document, and the counts in its header. Throws BackupError saying what is wrong.
 * Yields between documents so that checking a large backup does not hold up edits.
 */
export async function verifyBackup(
  parsed: unknown,
  registry: readonly Migration[] = MIGRATIONS,
): Promise<VerifiedBackup> {
  const envelope = BackupFileSchema.safeParse(parsed);
  if (!envelope.success)
    throw new BackupError(`it is not a Gloss backup: ${summarizeIssues(envelope.error, 2)}`);
  const backup = envelope.data;
  try {
    const index = upToDate(backup.index, 'index', 'its index', WorkspaceIndexSchema, registry);
    const ids = new Set(index.documents.map((d) => d.id));
    const annotationFiles = new Map<string, AnnotationFile>();
    let annotations = 0;
    for (const [id, raw] of Object.entries(backup.annotationFiles)) {
      if (!ids.has(id)) throw new BackupError(`it holds annotations of an unknown document ${id}`);
      const file = upToDate(
        raw,
        'annotationFile',
        `the annotations of document ${id}`,
        AnnotationFileSchema,
        registry,
      );
      if (file.documentId !== id)
        throw new BackupError(`the annotations filed under ${id} belong to ${file.documentId}`);
      annotationFiles.set(id, file);
      annotations += file.annotations.length;
      await yieldToEvents();
    }
    const missing = index.documents.find((d) => !annotationFiles.has(d.id));
    if (missing) throw new BackupError(`it has no annotations entry for "${missing.title}"`);
    if (backup.documents !== index.documents.length || backup.annotations !== annotations)
      throw new BackupError(
        `it says ${backup.documents} documents and ${backup.annotations} annotations but holds ${index.documents.length} and ${annotations}`,
      );
    return { index, annotationFiles, documents: index.documents.length, annotations };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
}

/** Reads a backup file whole and verifies it (see verifyBackup). */
export async function readBackup(
  dir: string,
  name: string,
  registry: readonly Migration[] = MIGRATIONS,
): Promise<VerifiedBackup> {
  const text = await readFile(join(dir, BACKUP_FOLDER, name), 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new BackupError('it is not valid JSON', { cause });
  }
  return verifyBackup(parsed, registry);
}

export interface WriteBackupOptions {
  /** The time the backup is named after; also the "today" of the retention rule. */
  now: Date;
  /** Migrations used to check a backup of an older format (default: the real registry). */
  registry?: readonly Migration[];
}

/**
 * Writes a backup durably, reads it back and verifies it (bytes, then schemas and counts), and
 * only then lets old backups go by the retention rule. A backup that fails its check is deleted
 * and the old ones stay. Throws BackupError with the reason.
 */
export async function writeBackup(
  dir: string,
  content: BackupContent,
  options: WriteBackupOptions,
): Promise<BackupInfo> {
  const folder = join(dir, BACKUP_FOLDER);
  const json = serializeBackup(content);
  let name = backupName(options.now);
  let path = join(folder, name);
  try {
    await ensureFolder(folder);
    for (let attempt = 2; await pathExists(path); attempt++) {
      name = backupName(options.now, attempt);
      path = join(folder, name);
    }
    await writeFileDurably(path, json);
  } catch (error) {
    throw new BackupError(`the backup could not be written (${plainReason(error)})`, {
      cause: error,
    });
  }
  try {
    const back = await readFile(path, 'utf8');
    if (back !== json) throw new BackupError('what was read back differs from what was written');
    await verifyBackup(JSON.parse(back), options.registry);
  } catch (error) {
    await rm(path, { force: true }).catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackupError(`the backup ${name} failed its check (${reason}) and was deleted`, {
      cause: error,
    });
  }
  // The new backup is good: only now may older ones go. A failure here loses nothing.
  await pruneBackups(dir, options.now).catch(() => undefined);
  return {
    name,
    created: content.created,
    documents: content.documents,
    annotations: content.annotations,
  };
}

/** Timers the scheduler uses; tests pass fake ones. */
export interface BackupTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds, as Date.now(). */
  now(): number;
}

/** Real timers that do not keep the process alive. */
export const REAL_TIMERS: BackupTimers = {
  setTimeout: (run, ms) => {
    const handle = setTimeout(run, ms);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export interface BackupSchedulerOptions {
  idleMs?: number;
  minIntervalMs?: number;
  timers?: BackupTimers;
}

/**
 * Decides when to back up: `idleMs` after the last change, never sooner than `minIntervalMs`
 * after the previous attempt, and once more at close if anything changed since. Runs one at a
 * time; `exclusive` runs other work (a restore) with no backup under way.
 */
export class BackupScheduler {
  private dirty = false;
  private timer: unknown = null;
  private lastRun = Number.NEGATIVE_INFINITY;
  private stopped = false;
  private readonly serial = new Serial();
  private readonly idleMs: number;
  private readonly minIntervalMs: number;
  private readonly timers: BackupTimers;

  constructor(
    private readonly take: () => Promise<BackupInfo | null>,
    options: BackupSchedulerOptions = {},
  ) {
    this.idleMs = options.idleMs ?? BACKUP_IDLE_MS;
    this.minIntervalMs = options.minIntervalMs ?? BACKUP_MIN_INTERVAL_MS;
    this.timers = options.timers ?? REAL_TIMERS;
  }

  /** True when something changed since the last successful backup. */
  get pending(): boolean {
    return this.dirty;
  }

  /** Records an accepted change: a backup follows once changes pause. */
  noteChange(): void {
    if (this.stopped) return;
    this.dirty = true;
    this.arm();
  }

  /** Forgets pending changes (after a restore, the files are the backup's own). */
  markClean(): void {
    this.dirty = false;
    this.disarm();
  }

  /** Runs `work` while no backup is under way, and none starts until it is done. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.serial.run(work);
  }

  /** Backs up now, changed or not, whatever the interval; rejects with the reason it failed. */
  runNow(): Promise<BackupInfo | null> {
    return this.serial.run(async () => {
      this.disarm();
      const wasDirty = this.dirty;
      this.dirty = false;
      this.lastRun = this.timers.now();
      try {
        return await this.take();
      } catch (error) {
        this.dirty = wasDirty;
        if (wasDirty && !this.stopped) this.arm();
        throw error;
      }
    });
  }

  /** Backs up now if anything changed (whatever the interval), then stops for good. */
  async close(): Promise<void> {
    this.stopped = true;
    this.disarm();
    await this.serial.run(() => this.runOnce());
  }

  /** Resolves once the backup under way, if any, is done (for tests). */
  idle(): Promise<void> {
    return this.serial.run(async () => undefined);
  }

  private arm(): void {
    this.disarm();
    const now = this.timers.now();
    const at = Math.max(now + this.idleMs, this.lastRun + this.minIntervalMs);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.serial.run(() => this.runOnce());
    }, at - now);
  }

  private disarm(): void {
    if (this.timer === null) return;
    this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private async runOnce(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    this.lastRun = this.timers.now();
    try {
      await this.take();
    } catch {
      // Reported by `take`; the changes are still not backed up, so try again later.
      this.dirty = true;
      if (!this.stopped) this.arm();
    }
  }
}
