import { rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Low } from 'lowdb';
import type { Migration } from '../core/migrations';
import { MIGRATIONS } from '../core/migrations';
import type { DocumentMeta, Tag, WorkspaceIndex } from '../core/model';
import { SCHEMA_VERSION, WorkspaceIndexSchema, emptyIndex } from '../core/model';
import { BUILT_IN_TAGS } from '../core/tags';
import { journalPathFor } from './annotation-journal';
import { AnnotationSet } from './annotation-set';
import { DocumentLayouts } from './document-layouts';
import { DocumentTexts } from './document-texts';
import {
  CorruptFileError,
  DurableJsonFile,
  NewerFormatError,
  OlderFormatError,
} from './durable-json-file';
import { ensureFolder, writeFileDurably } from './durable-write';
import { isErrno, plainReason } from './fs-errors';
import { removeLeftoverTemps } from './leftovers';
import { findSetAside, moveAside } from './quarantine';
import { readRestoreMarker } from './restore';
import { ServiceError } from './service-error';
import { refuseLinksOut } from './safe-paths';
import type { MigrationOutcome } from './workspace-migration';
import { WorkspaceMigrationProblem, migrateWorkspace } from './workspace-migration';
import { WriteQueue } from './write-queue';

/** The workspace index file's name. */
export const INDEX_FILE = 'gloss.json';

const READ_ONLY_UNTIL = 'Gloss is read-only until you restore it from a backup or move it back.';

export interface WorkspaceStoreOptions {
  /** Schema migrations for files of older versions (default: the real registry); for tests. */
  migrations?: readonly Migration[];
  /**
   * This process holds the workspace's lock: leftover temp files may be deleted, and a workspace
   * of an older format updated. Without it, an older workspace stays read-only, untouched.
   */
  owner?: boolean;
}

/**
 * A workspace folder on disk: gloss.json (tags and document metadata), documents/<sha256>.txt
 * and annotations/<documentId>.json with its journal of latest changes, <documentId>.journal.
 * Files that exist but do not parse or validate are moved aside, never overwritten, and the
 * workspace turns read-only with a problem to show.
 */
export class WorkspaceStore {
  readonly texts: DocumentTexts;
  readonly layouts: DocumentLayouts;
  private readonly annotationSets = new Map<string, Promise<AnnotationSet>>();
  private readonly indexQueue: WriteQueue;
  private problemText: string | null = null;
  private changeListener: (() => void) | null = null;
  /** What opening did to a workspace of an older format. */
  migration: MigrationOutcome = { migrated: false };
  /** Leftover temp files deleted at open (relative paths). */
  removedLeftovers: string[] = [];

  private constructor(
    readonly dir: string,
    private readonly db: Low<WorkspaceIndex>,
    private readonly now: () => Date,
    private readonly options: WorkspaceStoreOptions,
  ) {
    this.texts = new DocumentTexts(join(dir, 'documents'), now);
    this.layouts = new DocumentLayouts(join(dir, 'documents'));
    this.indexQueue = new WriteQueue(() => db.write());
  }

  /**
   * Opens (creating if needed) the workspace in `dir`. As its owner, first deletes the temp
   * files a crash left, and updates a workspace of an older format (after a verified backup).
   */
  static async open(
    dir: string,
    now: () => Date,
    options: WorkspaceStoreOptions = {},
  ): Promise<WorkspaceStore> {
    await ensureFolder(dir);
    // Writes must stay inside the workspace: a symbolic link in it could lead them anywhere.
    await refuseLinksOut(dir);
    const path = join(dir, INDEX_FILE);
    const adapter = new DurableJsonFile<WorkspaceIndex>(path, {
      schema: WorkspaceIndexSchema,
      schemaVersion: SCHEMA_VERSION,
    });
    const store = new WorkspaceStore(
      dir,
      new Low(adapter, emptyIndex(BUILT_IN_TAGS)),
      now,
      options,
    );
    if (options.owner) store.removedLeftovers = await removeLeftoverTemps(dir);
    await store.load();
    return store;
  }

  /**
   * Reads the workspace again from disk, as if just opened: after a restore has replaced its
   * files. Loaded annotations are dropped and the read-only problem cleared (unless the files
   * read now have one). Call it with every write flushed and held back.
   */
  async reopen(): Promise<void> {
    this.annotationSets.clear();
    this.problemText = null;
    this.db.data = emptyIndex(BUILT_IN_TAGS);
    await this.load();
  }

  private async load(): Promise<void> {
    const interrupted = await readRestoreMarker(this.dir);
    if (interrupted) {
      this.markReadOnly(
        `A restore of ${this.dir} from the backup ${interrupted.backup} was interrupted before it finished; ` +
          `the files it was replacing are in ${interrupted.keptIn}. Gloss is read-only until you restore a backup again.`,
      );
    } else if (this.options.owner) {
      try {
        this.migration = await migrateWorkspace(this.dir, INDEX_FILE, {
          registry: this.options.migrations ?? MIGRATIONS,
          now: this.now,
        });
      } catch (error) {
        if (!(error instanceof WorkspaceMigrationProblem)) throw error;
        this.markReadOnly(error.message);
      }
    }
    await this.readIndex(join(this.dir, INDEX_FILE));
  }

  /** Calls `listener` whenever a change is being saved (one listener: the backups). */
  onChange(listener: (() => void) | null): void {
    this.changeListener = listener;
  }

  private changed(): void {
    this.changeListener?.();
  }

  private async readIndex(path: string): Promise<void> {
    let found: WorkspaceIndex | null;
    try {
      found = await this.db.adapter.read();
    } catch (error) {
      const where = `${INDEX_FILE} in ${this.dir}`;
      if (error instanceof CorruptFileError) {
        const aside = await this.setAside(path);
        const moved =
          'movedTo' in aside
            ? `was moved to ${aside.movedTo}`
            : `could not be moved aside (${aside.notMoved}), so it was left where it is`;
        this.markReadOnly(
          `${where} could not be read (${error.reason}) and ${moved}. ${READ_ONLY_UNTIL}`,
        );
      } else if (error instanceof NewerFormatError) {
        this.markReadOnly(newerVersionProblem(where, error.found));
      } else if (error instanceof OlderFormatError) {
        this.markReadOnly(
          `${where} was saved by an older version of Gloss (format version ${error.found}). ` +
            'Gloss updates an older workspace when it opens it as its only user, taking a backup first; it did not here, ' +
            'so it has changed nothing and is read-only. Close any other Gloss using this workspace and open it again.',
        );
      } else {
        this.markReadOnly(
          `${where} could not be read (${plainReason(error)}). Gloss is read-only until the file can be read.`,
        );
      }
      return;
    }
    if (found) {
      this.db.data = found;
      return;
    }
    // No index, but a damaged one was set aside before: starting afresh now would let new work
    // collide with the one being restored, so stay read-only until the user decides.
    const earlier = await findSetAside(this.dir, INDEX_FILE);
    if (earlier.length > 0) {
      this.markReadOnly(
        `${INDEX_FILE} is missing from ${this.dir}; a damaged copy was moved aside earlier as ${earlier.join(', ')}. ` +
          `Gloss is read-only until you restore ${INDEX_FILE} from a backup or move that file back (or remove it to start an empty workspace).`,
      );
    }
  }

  // Moves a damaged file aside; says where it went, or why it could not be moved.
  private async setAside(path: string): Promise<{ movedTo: string } | { notMoved: string }> {
    try {
      return { movedTo: basename(await moveAside(path, this.now())) };
    } catch (error) {
      return { notMoved: plainReason(error) };
    }
  }

  /** True once a damaged or unreadable file was found: nothing more is written. */
  get readOnly(): boolean {
    return this.problemText !== null;
  }

  /** The plain-language problem that made the workspace read-only. */
  get problem(): string | null {
    return this.problemText;
  }

  /** Throws the read-only error when writing is not allowed. */
  assertWritable(): void {
    if (this.problemText !== null) throw new ServiceError('read-only', this.problemText);
  }

  // The first problem is the one to fix first; later ones usually follow from it.
  /** Makes the workspace read-only for a reason found outside its files (another writer). */
  refuseWrites(problem: string): void {
    this.markReadOnly(problem);
  }

  private markReadOnly(problem: string): void {
    this.problemText ??= problem;
  }

  /** The index as it is in memory (tags and documents). */
  get index(): WorkspaceIndex {
    return this.db.data;
  }

  /** A document's metadata by id. */
  findDocument(id: string): DocumentMeta | undefined {
    return this.db.data.documents.find((d) => d.id === id);
  }

  /** The document with this canonical text, if any. */
  findByTextHash(textHash: string): DocumentMeta | undefined {
    return this.db.data.documents.find((d) => d.textHash === textHash);
  }

  /** Adds a document to the index in memory; call saveIndex to persist. */
  addDocument(meta: DocumentMeta): void {
    this.assertWritable();
    this.db.data.documents.push(meta);
  }

  /** Replaces a document's metadata in memory (same id); call saveIndex to persist. */
  replaceDocument(meta: DocumentMeta): void {
    this.assertWritable();
    const list = this.db.data.documents;
    const at = list.findIndex((d) => d.id === meta.id);
    if (at === -1)
      throw new ServiceError('not-found', `There is no document ${meta.id} in this workspace.`);
    list[at] = meta;
  }

  /**
   * Takes a document out of the workspace, keeping a recoverable copy of it and its annotations
   * in trash/<id>-<time>.json (its text stays in documents/). Returns that copy's relative path.
   */
  async removeDocument(meta: DocumentMeta): Promise<string> {
    this.assertWritable();
    const set = await this.annotations(meta);
    await set.flush();
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const keptAt = join('trash', `${meta.id}-${stamp}.json`);
    await ensureFolder(join(this.dir, 'trash'));
    await writeFileDurably(
      join(this.dir, keptAt),
      JSON.stringify(
        { removed: this.now().toISOString(), document: meta, annotations: set.list() },
        null,
        2,
      ),
    );
    // The journal first: were the snapshot to go first, a crash in between would leave the
    // latest changes alone, without the annotations they apply to.
    await rm(set.journalPath, { force: true });
    await rm(set.path, { force: true });
    this.annotationSets.delete(meta.id);
    const list = this.db.data.documents;
    const at = list.findIndex((d) => d.id === meta.id);
    if (at !== -1) list.splice(at, 1);
    return keptAt;
  }

  /** Replaces the workspace's tag set in memory; call saveIndex to persist. */
  setTags(tags: readonly Tag[]): void {
    this.assertWritable();
    this.db.data.tags = tags.map((t) => ({ ...t }));
  }

  /** Resolves once the index as it is now is on disk. */
  saveIndex(): Promise<void> {
    this.assertWritable();
    this.changed();
    return this.indexQueue.schedule();
  }

  /** The annotations of a document, loaded on first use and kept. */
  annotations(meta: DocumentMeta): Promise<AnnotationSet> {
    let set = this.annotationSets.get(meta.id);
    if (!set) {
      set = this.loadAnnotations(meta);
      this.annotationSets.set(meta.id, set);
      // A failed read (say, permission denied) may succeed later: do not cache the failure.
      set.catch(() => this.annotationSets.delete(meta.id));
    }
    return set;
  }

  /** The annotation sets loaded so far. */
  async loadedAnnotationSets(): Promise<AnnotationSet[]> {
    const settled = await Promise.allSettled(this.annotationSets.values());
    return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  }

  private async loadAnnotations(meta: DocumentMeta): Promise<AnnotationSet> {
    const folder = join(this.dir, 'annotations');
    const fileName = `${meta.id}.json`;
    const path = join(folder, fileName);
    const where = `The annotations of "${meta.title}" (annotations/${fileName} in ${this.dir})`;
    const journalName = basename(journalPathFor(path));
    const journalWhere = `The latest annotation changes of "${meta.title}" (annotations/${journalName} in ${this.dir})`;
    const options = { onSave: () => this.changed() };
    try {
      const { set, found } = await AnnotationSet.load(meta.id, path, options);
      if (!found.snapshot) await this.checkNoSetAside(folder, fileName, where);
      if (!found.journal) await this.checkNoJournalSetAside(folder, journalName, journalWhere);
      return set;
    } catch (error) {
      if (error instanceof CorruptFileError && error.path !== path) {
        // The journal: the snapshot it applies to is intact and stays where it is.
        const aside = await this.setAside(error.path);
        const moved =
          'movedTo' in aside
            ? `were moved to ${aside.movedTo} in the same folder`
            : `could not be moved aside (${aside.notMoved}), so the file was left where it is`;
        this.markReadOnly(
          `${journalWhere} could not be read (${error.reason}) and ${moved}. ` +
            `The annotations saved before them, in ${fileName}, were left as they are. ` +
            'Gloss is read-only until you move the file back once it is repaired, or delete it to go on without those changes.',
        );
      } else if (error instanceof CorruptFileError) {
        const aside = await this.setAside(path);
        const moved =
          'movedTo' in aside
            ? `were moved to ${aside.movedTo} in the same folder`
            : `could not be moved aside (${aside.notMoved}), so the file was left where it is`;
        // The journal's changes apply to that snapshot only: they go with it.
        const journal = await this.setAsideIfPresent(join(folder, journalName));
        const journalMoved = !journal
          ? ''
          : 'movedTo' in journal
            ? ` The changes saved after it, in ${journalName}, were moved to ${journal.movedTo} with it.`
            : ` The changes saved after it, in ${journalName}, could not be moved aside (${journal.notMoved}).`;
        this.markReadOnly(
          `${where} could not be read (${error.reason}) and ${moved}.${journalMoved} ` +
            'Gloss is read-only until you restore the file from a backup or move it back.',
        );
      } else if (error instanceof NewerFormatError) {
        this.markReadOnly(
          newerVersionProblem(error.path === path ? where : journalWhere, error.found),
        );
      } else if (error instanceof OlderFormatError) {
        this.markReadOnly(olderVersionProblem(where, error));
      } else {
        throw error;
      }
      // The document still opens, without annotations; nothing is written while read-only.
      return AnnotationSet.empty(meta.id, path, options);
    }
  }

  // Moves a damaged file's companion aside when it exists; null when there is none.
  private async setAsideIfPresent(
    path: string,
  ): Promise<{ movedTo: string } | { notMoved: string } | null> {
    try {
      await stat(path);
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return null;
    }
    return this.setAside(path);
  }

  private async checkNoSetAside(folder: string, fileName: string, where: string): Promise<void> {
    const earlier = await findSetAside(folder, fileName);
    if (earlier.length === 0) return;
    this.markReadOnly(
      `${where} are missing; a damaged copy was moved aside earlier as ${earlier.join(', ')} in the same folder. ` +
        'Gloss is read-only until you restore the file from a backup or move it back (or remove it to start afresh).',
    );
  }

  // Without its journal, a snapshot lacks the latest changes: no new work on top of that.
  private async checkNoJournalSetAside(
    folder: string,
    journalName: string,
    where: string,
  ): Promise<void> {
    const earlier = await findSetAside(folder, journalName);
    if (earlier.length === 0) return;
    this.markReadOnly(
      `${where} are missing; a damaged copy was moved aside earlier as ${earlier.join(', ')} in the same folder. ` +
        'Gloss is read-only until you move it back once it is repaired, or delete it to go on without those changes.',
    );
  }

  /** Resolves once every accepted change is on disk; rejects if a write keeps failing. */
  async flush(): Promise<void> {
    const sets = await this.loadedAnnotationSets();
    const results = await Promise.allSettled([
      this.indexQueue.flush(),
      ...sets.map((s) => s.flush()),
    ]);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

function olderVersionProblem(where: string, error: OlderFormatError): string {
  return (
    `${where} was saved in format version ${error.found}, older than this workspace's ${error.expected}, and was not updated with it. ` +
    'Gloss has left the file untouched and is read-only; restore the workspace from a backup.'
  );
}

function newerVersionProblem(where: string, found: number): string {
  return (
    `${where} was saved by a newer version of Gloss (format version ${found}), which this version cannot read. ` +
    'Gloss has left the file untouched and is read-only; open this workspace with the newer Gloss.'
  );
}
