import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MAX_IMPORT_BYTES } from '../core/api-schema';
import type { RequestOf } from '../core/api-schema';
import { titleFor } from '../core/document-title';
import type { AnnotationStep } from '../core/history';
import { UndoHistory } from '../core/history';
import type { Annotation, Details, DocumentMeta } from '../core/model';
import { AnnotationSchema, DocumentMetaSchema } from '../core/model';
import type { Result } from '../core/result';
import { err, fail, ok } from '../core/result';
import type { Selectors } from '../core/selectors';
import { createSelectors } from '../core/selectors';
import { applyDetailsPatch, detailsProblem } from '../core/details';
import { suggestDetails, withSuggestedDetails } from '../core/suggest-details';
import type {
  BackupInfo,
  GlossServices,
  ImportProgress,
  ImportResult,
  Mutation,
  OpenedDocument,
  WorkspaceState,
} from '../shared/api';
import type { Migration } from '../core/migrations';
import type { AnnotationSet } from './annotation-set';
import { backupOperations } from './backup-operations';
import type { BackupTimers } from './backups';
import { ensureFolder } from './durable-write';
import { isErrno, plainReason } from './fs-errors';
import type { PreparedImport } from './import-source';
import { isSupportedName, prepareImport, readImportPath } from './import-source';
import type { Analysis } from './analysis';
import { localAnalysis } from './analysis';
import type { Conversion } from './conversion';
import { localConversion } from './conversion';
import { documentOperations } from './document-operations';
import { placeOperations } from './place-operations';
import { overviewOperations } from './overview-operations';
import { searchOperations } from './search-operations';
import { exchangeOperations } from './exchange-operations';
import { tagOperations } from './tag-operations';
import { Serial } from './serial';
import { ServiceError, toAppError } from './service-error';
import { INDEX_FILE, WorkspaceStore } from './workspace-store';
import type { LockHolder } from './workspace-lock';
import { describeHolder, lockWorkspace } from './workspace-lock';

export interface ServicesOptions {
  workspaceDir: string;
  /** Folder of bundled sample documents for importSamples. */
  samplesDir?: string;
  now?: () => Date;
  newId?: () => string;
  /** Largest file accepted for import (default MAX_IMPORT_BYTES, 50 MB). */
  maxImportBytes?: number;
  /** The gazetteer file; without one, places stay plain names. */
  gazetteerPath?: string;
  /** Where detection runs (default: in this thread, over gazetteerPath). */
  analysis?: Analysis;
  /** Where files are converted to text (default: in this thread). */
  conversion?: Conversion;
  /** Hold the workspace's lock while open, under this name ("Gloss", "gloss import"). */
  lockAs?: string;
  /**
   * Back up the workspace by itself as it changes (default: when this process holds its lock,
   * the one writer).
   */
  backups?: boolean;
  /**
   * Quiet time after the last change before a backup (default 15 s; the environment variable
   * GLOSS_BACKUP_IDLE_MS overrides the default, for the end-to-end tests).
   */
  backupIdleMs?: number;
  /** Least time between two backups (default 10 minutes, or GLOSS_BACKUP_MIN_INTERVAL_MS). */
  backupMinIntervalMs?: number;
  /** The backups' timers; tests pass fake ones. */
  backupTimers?: BackupTimers;
  /** Schema migrations (default: the real registry); tests pass their own. */
  migrations?: readonly Migration[];
}

/** A whole number of milliseconds from the environment, for the end-to-end tests. */
function msFromEnvironment(name: string): number | undefined {
  const value = process.env[name];
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

export interface AppServices extends GlossServices {
  /** Imports a file from disk by path (command line, native dialog); asText for unknown kinds. */
  importPath(path: string, asText?: boolean): Promise<Result<ImportResult>>;
  /** Marks the document the UI should open first (first file given on the command line). */
  setOpenOnStart(documentId: string): void;
  /** Keeps a problem met at start (a bad file on the command line) for the UI to show. */
  noteStartupProblem(message: string): void;
  /** Who else holds the workspace's lock, when lockAs was asked for and it was taken. */
  lockedBy(): LockHolder | null;
  /** Resolves once every accepted change is on disk. */
  flush(): Promise<void>;
  /** Backs up the workspace now (null when read-only); rejects with the reason it failed. */
  backupNow(): Promise<BackupInfo | null>;
  /** Flushes, takes the last backup if anything changed, and releases the workspace. */
  close(): Promise<void>;
}

/** Opens the workspace folder (creating it if needed) and returns the services over it. */
export async function openServices(options: ServicesOptions): Promise<AppServices> {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => randomUUID());
  const maxImportBytes = options.maxImportBytes ?? MAX_IMPORT_BYTES;
  const dir = resolve(options.workspaceDir);
  // The lock first: only its holder may clean up after a crash or update an older workspace.
  await ensureFolder(dir);
  const lock = options.lockAs ? await lockWorkspace(dir, options.lockAs) : null;
  let store: WorkspaceStore;
  try {
    store = await WorkspaceStore.open(dir, now, {
      owner: lock?.ok === true,
      ...(options.migrations ? { migrations: options.migrations } : {}),
    });
  } catch (error) {
    if (lock?.ok) await lock.release();
    throw error;
  }
  const analysis = options.analysis ?? localAnalysis(options.gazetteerPath);
  const conversion = options.conversion ?? localConversion();
  const history = new UndoHistory();
  // Changes are applied one at a time, in call order; their disk writes still coalesce.
  const serial = new Serial();
  const running = new Set<Promise<unknown>>();
  let openOnStart: string | null = null;
  const startupProblems: string[] = [];
  // One writer per workspace: a second Gloss on the same folder may read, never write.
  if (lock && !lock.ok)
    store.refuseWrites(
      `This workspace is already open in ${describeHolder(lock.holder)}. ` +
        'Gloss opened it read-only here so that the two cannot overwrite each other’s work: ' +
        'close the other one, then open this workspace again to make changes.',
    );
  let progress: ImportProgress = null;

  /** Reads and converts a document's source file again, as it is on disk now. */
  async function readSource(meta: DocumentMeta): Promise<Result<PreparedImport>> {
    if (!meta.sourcePath)
      return fail('not-found', `Gloss does not know where "${meta.title}" came from.`);
    const read = await readImportPath(meta.sourcePath, maxImportBytes, meta.format === 'text');
    if (!read.ok) return read;
    return prepareImport(read.value.name, read.value.bytes, maxImportBytes, read.value.path, {
      asText: meta.format === 'text',
      convert: conversion.convert,
    });
  }
  let closing = false;

  /** Runs a service body, turning anything thrown into a failed Result. */
  function run<T>(action: string, body: () => Promise<Result<T>>): Promise<Result<T>> {
    if (closing) return Promise.resolve(fail('internal', 'The workspace is closed.'));
    const task = (async (): Promise<Result<T>> => {
      try {
        return await body();
      } catch (error) {
        return err(toAppError(error, action));
      }
    })();
    running.add(task);
    void task.then(() => running.delete(task));
    return task;
  }

  /** A new annotation of a document's current text, checked. */
  function newAnnotation(
    meta: DocumentMeta,
    tag: string,
    selectors: Selectors,
    details: Details,
    stamp: string,
  ): Annotation {
    return valid({
      id: newId(),
      documentId: meta.id,
      tag,
      ...selectors,
      textHash: meta.textHash,
      note: '',
      details,
      created: stamp,
      modified: stamp,
    });
  }

  /** The details read from a new annotation's passage; a place is looked up in the gazetteer. */
  async function detailsFor(tag: string, text: string, start: number, end: number) {
    return tag === 'location'
      ? analysis.locationDetails(text, text.slice(start, end))
      : suggestDetails(tag, text, start, end);
  }

  /** The gazetteer's likeliest place for an annotation's passage (when it is retagged a place). */
  async function placeFor(documentId: string, id: string): Promise<Details | undefined> {
    const meta = documentOrThrow(documentId);
    const annotation = (await store.annotations(meta)).get(id);
    if (!annotation || annotation.orphan) return undefined;
    const text = await store.texts.read(meta);
    return analysis.locationDetails(text, text.slice(annotation.start, annotation.end));
  }

  function documentOrThrow(documentId: string): DocumentMeta {
    const meta = store.findDocument(documentId);
    if (!meta)
      throw new ServiceError('not-found', `There is no document ${documentId} in this workspace.`);
    return meta;
  }

  function requireTag(tag: string): void {
    if (!store.index.tags.some((t) => t.id === tag)) {
      throw new ServiceError('invalid-request', `There is no tag "${tag}" in this workspace.`);
    }
  }

  function valid(annotation: Annotation): Annotation {
    const parsed = AnnotationSchema.safeParse(annotation);
    if (!parsed.success) {
      throw new ServiceError(
        'internal',
        `The annotation came out malformed: ${parsed.error.issues[0]?.message ?? ''}`,
      );
    }
    return annotation;
  }

  /** Waits for an annotation write; a failure becomes a message that says what still holds. */
  async function saved(write: Promise<void>, meta: DocumentMeta | undefined): Promise<void> {
    try {
      await write;
    } catch (error) {
      throw new ServiceError(
        'io',
        `Gloss could not save ${meta ? `the annotations of "${meta.title}"` : 'the workspace'} (${plainReason(error)}). ` +
          'The change is kept for this session; Gloss will try to save it again with your next change.',
        { cause: error },
      );
    }
  }

  /** Applies one change under the serial lock, then waits for it to reach the disk. */
  async function change(
    documentId: string,
    apply: (set: AnnotationSet, meta: DocumentMeta) => Mutation['changes'],
  ): Promise<Result<Mutation>> {
    const applied = await serial.run(async () => {
      store.assertWritable();
      const meta = documentOrThrow(documentId);
      const set = await store.annotations(meta);
      store.assertWritable(); // loading may have found the file damaged
      const changes = apply(set, meta);
      return { meta, changes, saved: changes.length > 0 ? set.save() : Promise.resolve() };
    });
    await saved(applied.saved, applied.meta);
    return ok({ changes: applied.changes, history: history.state() });
  }

  async function replay(kind: 'undo' | 'redo'): Promise<Result<Mutation>> {
    const applied = await serial.run(async () => {
      store.assertWritable();
      const step = kind === 'undo' ? history.undo() : history.redo();
      if (!step) return null;
      const sets = new Map<string, { meta: DocumentMeta; set: AnnotationSet }>();
      try {
        for (const { documentId } of step.annotations) {
          if (sets.has(documentId)) continue;
          const meta = documentOrThrow(documentId);
          sets.set(documentId, { meta, set: await store.annotations(meta) });
        }
        store.assertWritable();
      } catch (error) {
        history.revert(kind);
        throw error;
      }
      const changes = step.annotations.map((a) => applyStep(sets.get(a.documentId)!.set, a));
      const writes = [...sets.values()].map(({ set }) => set.save());
      if (step.tags) {
        store.setTags(step.tags.after);
        writes.push(store.saveIndex());
      }
      const first = [...sets.values()][0]?.meta;
      return { first, changes, tags: step.tags?.after, saved: Promise.all(writes) };
    });
    if (!applied) return ok({ changes: [], history: history.state() });
    await saved(
      applied.saved.then(() => undefined),
      applied.first,
    );
    return ok({
      changes: applied.changes,
      history: history.state(),
      ...(applied.tags ? { tags: applied.tags.map((t) => ({ ...t })) } : {}),
    });
  }

  async function addDocument(prepared: PreparedImport): Promise<Result<ImportResult>> {
    const known = store.findByTextHash(prepared.textHash);
    if (known) {
      // Its text may be gone (restored from a backup, which holds no texts): this brings it back.
      if (!store.readOnly && !(await store.texts.has(prepared.textHash))) {
        await store.texts.write(prepared.textHash, prepared.text);
        await store.layouts.write(prepared.textHash, prepared.layout);
      }
      return ok({ document: { ...known }, existed: true });
    }
    store.assertWritable();
    await store.texts.write(prepared.textHash, prepared.text);
    await store.layouts.write(prepared.textHash, prepared.layout);
    const added = await serial.run(async () => {
      store.assertWritable();
      // Another import of the same text may have finished while this one wrote the file.
      const existing = store.findByTextHash(prepared.textHash);
      if (existing) return { meta: existing, saved: null };
      const meta: DocumentMeta = {
        id: newId(),
        title:
          (prepared.metadata.title ?? '').trim() || titleFor(prepared.text, prepared.sourceName),
        format: prepared.format,
        sourceName: prepared.sourceName,
        ...(prepared.sourcePath === undefined ? {} : { sourcePath: prepared.sourcePath }),
        rawHash: prepared.rawHash,
        textHash: prepared.textHash,
        length: prepared.text.length,
        added: now().toISOString(),
        ...(Object.keys(prepared.metadata).length ? { metadata: prepared.metadata } : {}),
      };
      const parsed = DocumentMetaSchema.safeParse(meta);
      if (!parsed.success) {
        throw new ServiceError(
          'internal',
          `The document record came out malformed: ${parsed.error.issues[0]?.message ?? ''}`,
        );
      }
      store.addDocument(meta);
      return { meta, saved: store.saveIndex() };
    });
    if (!added.saved) return ok({ document: { ...added.meta }, existed: true });
    await added.saved.catch((error: unknown) => {
      throw new ServiceError(
        'io',
        `Gloss could not save the workspace index ${INDEX_FILE} (${plainReason(error)}). ` +
          `"${added.meta.title}" is available for this session; Gloss will try to save it again with your next change.`,
        { cause: error },
      );
    });
    return ok({ document: { ...added.meta }, existed: false });
  }

  /** Converts a file with its progress shown, then adds it. */
  async function importBytes(
    name: string,
    bytes: Uint8Array,
    sourcePath: string | undefined,
    asText: boolean,
  ): Promise<Result<ImportResult>> {
    progress = { name, done: 0, total: 0, unit: '' };
    try {
      const prepared = await prepareImport(name, bytes, maxImportBytes, sourcePath, {
        asText,
        convert: conversion.convert,
        onProgress: (done, total) => (progress = { name, done, total, unit: 'pages' }),
      });
      if (!prepared.ok) return prepared;
      return await addDocument(prepared.value);
    } finally {
      progress = null;
    }
  }

  async function importFromPath(
    path: string,
    keepPath: boolean,
    asText = false,
  ): Promise<Result<ImportResult>> {
    store.assertWritable();
    const read = await readImportPath(path, maxImportBytes, asText);
    if (!read.ok) return read;
    return importBytes(
      read.value.name,
      read.value.bytes,
      keepPath ? read.value.path : undefined,
      asText,
    );
  }

  /** Reads a document's text and layout together. */
  async function opened(meta: DocumentMeta): Promise<OpenedDocument> {
    const text = await store.texts.read(meta);
    const layout = await store.layouts.read(meta, text);
    const set = await store.annotations(meta);
    return { document: copyMeta(meta), text, layout, annotations: sortedCopies(set.list()) };
  }

  function workspaceState(): WorkspaceState {
    const state: WorkspaceState = {
      path: store.dir,
      readOnly: store.readOnly,
      problem: store.problem,
      tags: store.index.tags.map((t) => ({ ...t })),
      documents: store.index.documents.map((d) => ({ ...d })),
      history: history.state(),
      openOnStart,
      startupProblems: [...startupProblems],
      ...(lock && !lock.ok ? { inUseElsewhere: true } : {}),
    };
    const backupProblem = backups.backupProblem();
    return backupProblem ? { ...state, backupProblem } : state;
  }

  const idleMs = options.backupIdleMs ?? msFromEnvironment('GLOSS_BACKUP_IDLE_MS');
  const minIntervalMs =
    options.backupMinIntervalMs ?? msFromEnvironment('GLOSS_BACKUP_MIN_INTERVAL_MS');
  const backups = backupOperations({
    run,
    serial,
    store,
    history,
    now,
    workspaceState,
    heldByOther: () => (lock && !lock.ok ? lock.holder : null),
    automatic: options.backups ?? lock?.ok === true,
    schedule: {
      ...(idleMs !== undefined ? { idleMs } : {}),
      ...(minIntervalMs !== undefined ? { minIntervalMs } : {}),
      ...(options.backupTimers ? { timers: options.backupTimers } : {}),
    },
    ...(options.migrations ? { migrations: options.migrations } : {}),
  });

  const services: AppServices = {
    getWorkspace: () =>
      run('read the workspace', async (): Promise<Result<WorkspaceState>> => ok(workspaceState())),

    // Requests are unpacked inside run(), so even a malformed direct call cannot throw.
    openDocument: (request: RequestOf<'openDocument'>) =>
      run('open the document', async (): Promise<Result<OpenedDocument>> => {
        return ok(await opened(documentOrThrow(request.documentId)));
      }),

    importFile: (request: RequestOf<'importFile'>) =>
      run('import the file', async () => {
        const { name, bytes, asText } = request;
        store.assertWritable();
        return importBytes(name, bytes, undefined, asText ?? false);
      }),

    importPath: (path: string, asText = false) =>
      run(`import ${String(path)}`, () => importFromPath(path, true, asText)),

    importSamples: () =>
      run('import the sample documents', async () => {
        store.assertWritable();
        const folder = options.samplesDir;
        const names = folder
          ? await readdir(folder).catch((error: unknown) => {
              if (isErrno(error, 'ENOENT', 'ENOTDIR')) return [];
              throw error;
            })
          : [];
        const samples = names.filter(isSupportedName).sort();
        if (!folder || samples.length === 0)
          return fail('not-found', 'This copy of Gloss has no sample documents.');
        const results: ImportResult[] = [];
        for (const name of samples) {
          // Samples live inside the app: their path means nothing to the analyst, so keep none.
          const result = await importFromPath(join(folder, name), false);
          if (!result.ok) return result;
          results.push(result.value);
        }
        return ok(results);
      }),

    createAnnotations: (request: RequestOf<'createAnnotations'>) =>
      run('save the annotations', async () => {
        const { documentId, annotations } = request;
        store.assertWritable();
        const meta = documentOrThrow(documentId);
        const text = await store.texts.read(meta);
        // Everything is checked before anything is added: all of them, or none.
        const prepared: { tag: string; selectors: Selectors; details: Details }[] = [];
        for (const [i, item] of annotations.entries()) {
          requireTag(item.tag);
          const selectors =
            Math.max(item.start, item.end) <= text.length
              ? createSelectors(text, { start: item.start, end: item.end })
              : null;
          if (!selectors)
            return fail(
              'invalid-request',
              `Annotation ${i + 1} (${item.start}–${item.end}) does not hold text of "${meta.title}".`,
            );
          const details =
            item.details ?? (await detailsFor(item.tag, text, selectors.start, selectors.end));
          prepared.push({ tag: item.tag, selectors, details });
        }
        return change(documentId, (set) => {
          const stamp = now().toISOString();
          const steps = prepared.map(({ tag, selectors, details }) => {
            const annotation = newAnnotation(meta, tag, selectors, details, stamp);
            set.put(annotation);
            return { documentId, before: null, after: annotation };
          });
          if (steps.length) history.recordStep({ annotations: steps });
          return steps.map((step) => ({
            documentId,
            id: step.after.id,
            annotation: copy(step.after),
          }));
        });
      }),

    createAnnotation: (request: RequestOf<'createAnnotation'>) =>
      run('save the annotation', async () => {
        const { documentId, start, end, tag, details } = request;
        store.assertWritable();
        requireTag(tag);
        const meta = documentOrThrow(documentId);
        const text = await store.texts.read(meta);
        if (Math.max(start, end) > text.length) {
          return fail(
            'invalid-request',
            `The selection (${start}–${end}) lies outside the text of "${meta.title}", which is ${text.length} characters long.`,
          );
        }
        const selectors = createSelectors(text, { start, end });
        if (!selectors) return fail('invalid-request', 'The selection holds no text.');
        const initial = details ?? (await detailsFor(tag, text, selectors.start, selectors.end));
        return change(documentId, (set) => {
          requireTag(tag);
          const annotation = newAnnotation(meta, tag, selectors, initial, now().toISOString());
          set.put(annotation);
          history.record({ documentId, before: null, after: annotation });
          return [{ documentId, id: annotation.id, annotation: copy(annotation) }];
        });
      }),

    updateAnnotation: (request: RequestOf<'updateAnnotation'>) =>
      run('save the annotation', async () => {
        const { documentId, id, tag, note, details, detailsPatch } = request;
        // A change of tag suggests the new tag's details from the passage (typed ones stay).
        const retagging = tag !== undefined && details === undefined && detailsPatch === undefined;
        const text = retagging ? await store.texts.read(documentOrThrow(documentId)) : null;
        // A place is looked up before the change: the gazetteer answers asynchronously.
        const place = retagging && tag === 'location' ? await placeFor(documentId, id) : undefined;
        return change(documentId, (set, meta) => {
          const before = set.get(id);
          if (!before)
            throw new ServiceError('not-found', `There is no annotation ${id} in "${meta.title}".`);
          if (tag !== undefined) requireTag(tag);
          const nextTag = tag ?? before.tag;
          const nextNote = note ?? before.note;
          const nextDetails = detailsPatch
            ? applyDetailsPatch(details ?? before.details, detailsPatch)
            : (details ??
              (text !== null && nextTag !== before.tag && !before.orphan
                ? withSuggestedDetails(
                    before.details,
                    nextTag,
                    text,
                    before.start,
                    before.end,
                    place,
                  )
                : before.details));
          const problem = detailsProblem(nextTag, nextDetails);
          if (problem) throw new ServiceError('invalid-request', problem);
          if (
            nextTag === before.tag &&
            nextNote === before.note &&
            JSON.stringify(nextDetails) === JSON.stringify(before.details)
          )
            return [];
          const after = valid({
            ...before,
            tag: nextTag,
            note: nextNote,
            details: { ...nextDetails },
            modified: now().toISOString(),
          });
          set.put(after);
          history.record({ documentId, before, after });
          return [{ documentId, id, annotation: copy(after) }];
        });
      }),

    deleteAnnotation: (request: RequestOf<'deleteAnnotation'>) =>
      run('delete the annotation', async () => {
        const { documentId, id } = request;
        return change(documentId, (set, meta) => {
          const before = set.get(id);
          if (!before)
            throw new ServiceError('not-found', `There is no annotation ${id} in "${meta.title}".`);
          set.remove(id);
          history.record({ documentId, before, after: null });
          return [{ documentId, id, annotation: null }];
        });
      }),

    undo: () => run('undo', () => replay('undo')),

    redo: () => run('redo', () => replay('redo')),

    setOpenOnStart(documentId: string): void {
      openOnStart = documentId;
    },

    noteStartupProblem(message: string): void {
      startupProblems.push(message);
    },

    suggest: (request: RequestOf<'suggest'>) =>
      run('look for suggestions', async () => {
        const meta = documentOrThrow(request.documentId);
        const text = await store.texts.read(meta);
        const set = await store.annotations(meta);
        return ok(await analysis.suggest(text, set.list(), [...set.rejected()]));
      }),

    rejectSuggestion: (request: RequestOf<'rejectSuggestion'>) =>
      run('reject the suggestion', async () => {
        const applied = await serial.run(async () => {
          store.assertWritable();
          const meta = documentOrThrow(request.documentId);
          const set = await store.annotations(meta);
          set.reject(request.key);
          return { meta, saved: set.save() };
        });
        await saved(applied.saved, applied.meta);
        return ok(null);
      }),

    importProgress: () =>
      run('read the import progress', async () => ok(progress ? { ...progress } : null)),

    ...tagOperations({ run, serial, store, history, now }),

    ...placeOperations({ run, store, analysis, documentOrThrow }),
    ...overviewOperations({ run, store, documentOrThrow }),
    ...searchOperations({ run, store, documentOrThrow }),

    ...exchangeOperations({ run, serial, store, history, now, newId, documentOrThrow }),

    ...documentOperations({
      run,
      serial,
      store,
      history,
      now,
      documentOrThrow,
      opened,
      readSource,
      copyMeta,
      change,
    }),

    listBackups: backups.listBackups,

    restoreBackup: backups.restoreBackup,

    lockedBy: () => (lock && !lock.ok ? lock.holder : null),

    async flush(): Promise<void> {
      await Promise.allSettled([...running]);
      await store.flush();
    },

    backupNow: () => backups.backupNow(),

    async close(): Promise<void> {
      if (closing) return;
      closing = true; // refuse new calls while the last writes finish
      await Promise.allSettled([...running]);
      try {
        // The last backup is taken even when a write failed: it holds what memory holds.
        const flushed = await store.flush().then(
          () => null,
          (error: unknown) => ({ error }),
        );
        await backups.close();
        if (flushed) throw flushed.error;
      } finally {
        await Promise.all([analysis.close(), conversion.close()]);
        if (lock?.ok) await lock.release();
      }
    },
  };
  return services;
}

function applyStep(set: AnnotationSet, step: AnnotationStep): Mutation['changes'][number] {
  const id = (step.after ?? step.before)?.id;
  if (id === undefined) throw new ServiceError('internal', 'The undo step is empty.');
  if (step.after) set.put(step.after);
  else set.remove(id);
  return { documentId: step.documentId, id, annotation: step.after ? copy(step.after) : null };
}

function copyMeta(meta: DocumentMeta): DocumentMeta {
  return structuredClone(meta);
}

function copy(annotation: Annotation): Annotation {
  return { ...annotation, details: { ...annotation.details } };
}

function sortedCopies(annotations: readonly Annotation[]): Annotation[] {
  return annotations.map(copy).sort((a, b) => a.start - b.start || a.end - b.end);
}

/** YYYY-MM-DD in local time, as people expect in a file name. */
