import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import type { Annotation, AnnotationFile } from '../core/model';
import { AnnotationFileSchema, SCHEMA_VERSION } from '../core/model';
import type { JournalEntry } from './annotation-journal';
import {
  JOURNAL_VERSION,
  JournalFile,
  journalLine,
  journalPathFor,
  readJournal,
  replayJournal,
} from './annotation-journal';
import { CorruptFileError, DurableJsonFile } from './durable-json-file';
import { ensureFolder } from './durable-write';
import { WriteQueue } from './write-queue';

/**
 * The journal is folded into the snapshot once it holds more than this many bytes, or half the
 * snapshot's size if that is more. Rewriting a snapshot of S bytes then happens at most once
 * per S/2 bytes appended, so a save costs a bounded multiple of its own changes on average,
 * whatever the document's size; and reading a document never replays more than about half its
 * snapshot again. The floor keeps small documents from being rewritten every few saves.
 */
export const MIN_COMPACTION_BYTES = 64 * 1024;

/** What was on disk when a set was loaded. */
export interface StoredFiles {
  /** annotations/<id>.json was there. */
  snapshot: boolean;
  /** annotations/<id>.journal was there. */
  journal: boolean;
}

interface PendingChange {
  /** The annotation as it is now; null once removed. */
  annotation: Annotation | null;
  /**
   * It was removed, or added at the end of the list (perhaps after a removal): replay removes
   * it before putting it, which appends it again, in the order of the line's `put`.
   */
  removed: boolean;
}

/**
 * The changes made since the last write, recorded so that replaying them as one journal line
 * (removes first, then puts in this order) gives exactly the list held in memory, order
 * included. An annotation that was appended is listed in `remove` as well as in `put`: replayed
 * onto a state that already holds the line, it is taken out and appended again in the same
 * order, so the replay is idempotent, order included, which is what makes compaction safe.
 */
class PendingChanges {
  private readonly changes = new Map<string, PendingChange>();
  private readonly rejects: string[] = [];

  get empty(): boolean {
    return this.changes.size === 0 && this.rejects.length === 0;
  }

  /** Records a put that replaced the annotation in place, or (`appended`) added it at the end. */
  put(annotation: Annotation, appended: boolean): void {
    const change = this.changes.get(annotation.id);
    if (appended) {
      // At the end of the list in memory, so at the end of the line's puts here.
      this.changes.delete(annotation.id);
      this.changes.set(annotation.id, { annotation, removed: true });
    } else {
      this.changes.set(annotation.id, { annotation, removed: change?.removed ?? false });
    }
  }

  remove(id: string): void {
    this.changes.set(id, { annotation: null, removed: true });
  }

  reject(key: string): void {
    this.rejects.push(key);
  }

  /** Records `later`'s changes after these, as if they had been made here. */
  absorb(later: PendingChanges): void {
    for (const [id, change] of later.changes) {
      if (change.annotation) this.put(change.annotation, change.removed);
      else this.remove(id);
    }
    for (const key of later.rejects) if (!this.rejects.includes(key)) this.rejects.push(key);
  }

  entry(): JournalEntry {
    const put: Annotation[] = [];
    const remove: string[] = [];
    for (const [id, change] of this.changes) {
      if (change.removed) remove.push(id);
      if (change.annotation) put.push(change.annotation);
    }
    return {
      v: JOURNAL_VERSION,
      ...(put.length ? { put } : {}),
      ...(remove.length ? { remove } : {}),
      ...(this.rejects.length ? { reject: [...this.rejects] } : {}),
    };
  }
}

function emptyFile(documentId: string): AnnotationFile {
  return { schemaVersion: SCHEMA_VERSION, documentId, annotations: [] };
}

function snapshotAdapter(path: string): DurableJsonFile<AnnotationFile> {
  return new DurableJsonFile<AnnotationFile>(path, {
    schema: AnnotationFileSchema,
    schemaVersion: SCHEMA_VERSION,
  });
}

async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}

export interface AnnotationSetOptions {
  /** The journal file; tests pass one that fails. */
  journal?: JournalFile;
  /** The journal size below which it is never compacted (MIN_COMPACTION_BYTES); for tests. */
  compactionFloor?: number;
  /** Told of every save asked for (the workspace schedules its backups by them). */
  onSave?: () => void;
}

/**
 * The annotations of one document. They are kept in a snapshot, annotations/<id>.json (lowdb),
 * and a write-ahead journal beside it, annotations/<id>.journal (see annotation-journal.ts): a
 * save appends just the changes made since the last save to the journal and syncs it, so its
 * cost does not grow with the number of annotations. Once the journal is large enough it is
 * folded into a rewritten snapshot and emptied. Annotations are replaced, never mutated in
 * place, so undo steps (and a snapshot being written) can hold them safely.
 */
export class AnnotationSet {
  readonly journalPath: string;
  private readonly queue: WriteQueue;
  private readonly journal: JournalFile;
  private pending = new PendingChanges();
  /** The snapshot's size on disk; null while there is none. */
  private snapshotBytes: number | null;
  /** Bytes of complete, acknowledged lines in the journal: where the next line goes. */
  private journalBytes: number;
  /** The journal file exists (when it does not, creating it must sync the folder). */
  private journalExists: boolean;
  /** The journal may hold bytes after `journalBytes` (a torn or failed append): cut them first. */
  private journalDirty: boolean;
  /** The journal is to be folded into the snapshot by the next write. */
  private compactionDue = false;
  private readonly compactionFloor: number;
  private readonly onSave: (() => void) | undefined;

  constructor(
    readonly documentId: string,
    readonly path: string,
    private readonly db: Low<AnnotationFile>,
    stored: {
      snapshotBytes: number | null;
      journal: { goodBytes: number; tornBytes: number } | null;
    } = { snapshotBytes: null, journal: null },
    options: AnnotationSetOptions = {},
  ) {
    this.journalPath = journalPathFor(path);
    this.journal = options.journal ?? new JournalFile(this.journalPath);
    this.compactionFloor = options.compactionFloor ?? MIN_COMPACTION_BYTES;
    this.onSave = options.onSave;
    this.snapshotBytes = stored.snapshotBytes;
    this.journalBytes = stored.journal?.goodBytes ?? 0;
    this.journalExists = stored.journal !== null;
    this.journalDirty = (stored.journal?.tornBytes ?? 0) > 0;
    this.queue = new WriteQueue(() => this.write());
  }

  /**
   * Reads a document's annotations: the snapshot (validated), then the journal replayed onto it.
   * Throws CorruptFileError (naming the damaged file) or NewerFormatError.
   */
  static async load(
    documentId: string,
    path: string,
    options: AnnotationSetOptions = {},
  ): Promise<{ set: AnnotationSet; found: StoredFiles }> {
    const adapter = snapshotAdapter(path);
    const snapshot = await adapter.read();
    if (snapshot && snapshot.documentId !== documentId) {
      throw new CorruptFileError(
        path,
        `it holds the annotations of another document, ${snapshot.documentId}`,
      );
    }
    const snapshotBytes = snapshot ? await fileSize(path) : null;
    const journalPath = options.journal?.path ?? journalPathFor(path);
    const journal = await readJournal(journalPath, documentId);
    const data = snapshot ?? emptyFile(documentId);
    if (journal) replayJournal(data, journal.entries);
    const set = new AnnotationSet(
      documentId,
      path,
      new Low(adapter, data),
      { snapshotBytes, journal },
      options,
    );
    return { set, found: { snapshot: snapshot !== null, journal: journal !== null } };
  }

  /** A set with no annotations, as a document has before its first save. */
  static empty(documentId: string, path: string, options: AnnotationSetOptions = {}) {
    return new AnnotationSet(
      documentId,
      path,
      new Low(snapshotAdapter(path), emptyFile(documentId)),
      undefined,
      options,
    );
  }

  /** Every annotation, in stored order. */
  list(): readonly Annotation[] {
    return this.db.data.annotations;
  }

  /** One annotation by id. */
  get(id: string): Annotation | undefined {
    return this.db.data.annotations.find((a) => a.id === id);
  }

  /** Adds an annotation or replaces the one with its id. */
  put(annotation: Annotation): void {
    const list = this.db.data.annotations;
    const at = list.findIndex((a) => a.id === annotation.id);
    if (at === -1) list.push(annotation);
    else list[at] = annotation;
    this.pending.put(annotation, at === -1);
  }

  /** Removes an annotation by id (no-op when absent). */
  remove(id: string): void {
    const list = this.db.data.annotations;
    const at = list.findIndex((a) => a.id === id);
    if (at === -1) return;
    list.splice(at, 1);
    this.pending.remove(id);
  }

  /** Keys of the suggestions rejected in this document. */
  rejected(): ReadonlySet<string> {
    return new Set(this.db.data.rejected ?? []);
  }

  /** Remembers a rejected suggestion. */
  reject(key: string): void {
    const list = (this.db.data.rejected ??= []);
    if (list.includes(key)) return;
    list.push(key);
    this.pending.reject(key);
  }

  /** Resolves once the current state is on disk (writes are coalesced). */
  save(): Promise<void> {
    this.onSave?.();
    return this.queue.schedule();
  }

  /**
   * The annotations as they are now, as the content of a snapshot file: a copy of the lists (the
   * annotations themselves are never mutated, so they can be shared).
   */
  state(): AnnotationFile {
    const data = this.db.data;
    return {
      ...data,
      annotations: [...data.annotations],
      ...(data.rejected ? { rejected: [...data.rejected] } : {}),
    };
  }

  /** Resolves once nothing is left to write; retries a failed write. */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  // One write of the queue: whatever is pending when it starts goes in it.
  private async write(): Promise<void> {
    if (this.snapshotBytes === null || this.compactionDue) {
      await this.compact();
      return;
    }
    if (this.pending.empty) return;
    const batch = this.takePending();
    try {
      await this.append(batch);
    } catch (error) {
      this.putBack(batch);
      throw error;
    }
    if (this.journalBytes > Math.max(this.compactionFloor, this.snapshotBytes / 2)) {
      // As the next write, so the save just acknowledged does not wait for it.
      this.compactionDue = true;
      void this.queue.schedule();
    }
  }

  /**
   * Folds the journal into a rewritten snapshot, then deletes it. The snapshot holds exactly
   * the journal's state (pending changes are appended first), so a crash before the journal is
   * deleted leaves a journal whose replay onto the new snapshot changes nothing (see
   * PendingChanges). Were the snapshot to hold changes the journal lacks, replaying the
   * journal's older versions of those annotations would undo them.
   */
  private async compact(): Promise<void> {
    const batch = this.takePending();
    // The state to write, taken now: later changes stay pending, outside this snapshot.
    const state = this.state();
    let durable = false;
    try {
      if (this.journalBytes > 0 && !batch.empty) {
        await this.append(batch);
        durable = true;
      }
      await ensureFolder(dirname(this.path));
      // lowdb's adapter (DurableJsonFile): temp file, flushed, renamed over, folder synced.
      await this.db.adapter.write(state);
      durable = true;
      this.snapshotBytes = await fileSize(this.path);
      if (this.journalExists || this.journalDirty) await this.journal.remove();
      this.journalBytes = 0;
      this.journalExists = false;
      this.journalDirty = false;
      this.compactionDue = false;
    } catch (error) {
      if (!durable) {
        this.putBack(batch);
        throw error;
      }
      // The changes are on disk (in the journal, or in the snapshot, which the journal's replay
      // leaves as it is): the save succeeded. Compaction is tried again once the journal grows.
      this.compactionDue = false;
    }
  }

  // Appends a batch as one journal line, after cutting off whatever a failed append left.
  private async append(batch: PendingChanges): Promise<void> {
    const line = journalLine(batch.entry());
    if (this.journalDirty) await this.journal.truncate(this.journalBytes);
    // Until the append is acknowledged, the bytes past `journalBytes` are unknown.
    this.journalDirty = true;
    await this.journal.append(line, !this.journalExists);
    this.journalExists = true;
    this.journalDirty = false;
    this.journalBytes += Buffer.byteLength(line);
  }

  private takePending(): PendingChanges {
    const batch = this.pending;
    this.pending = new PendingChanges();
    return batch;
  }

  // A failed write's changes go back in front of those made since, for the next write.
  private putBack(batch: PendingChanges): void {
    batch.absorb(this.pending);
    this.pending = batch;
  }
}
