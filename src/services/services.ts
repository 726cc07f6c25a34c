import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MAX_IMPORT_BYTES } from '../core/api-schema';
import type { RequestOf } from '../core/api-schema';
import { titleFor } from '../core/document-title';
import { buildGlossExport } from '../core/export-json';
import type { AnnotationStep } from '../core/history';
import { UndoHistory } from '../core/history';
import type { Annotation, DocumentMeta } from '../core/model';
import { AnnotationSchema, DocumentMetaSchema } from '../core/model';
import type { Result } from '../core/result';
import { err, fail, ok } from '../core/result';
import { createSelectors } from '../core/selectors';
import type {
  ExportFile,
  GlossServices,
  ImportResult,
  Mutation,
  OpenedDocument,
  WorkspaceState,
} from '../shared/api';
import type { AnnotationSet } from './annotation-set';
import { isErrno, plainReason } from './fs-errors';
import type { PreparedImport } from './import-source';
import { isSupportedName, prepareImport, readImportPath } from './import-source';
import { Serial } from './serial';
import { ServiceError, toAppError } from './service-error';
import { INDEX_FILE, WorkspaceStore } from './workspace-store';

export interface ServicesOptions {
  workspaceDir: string;
  /** Folder of bundled sample documents for importSamples. */
  samplesDir?: string;
  now?: () => Date;
  newId?: () => string;
  /** Largest file accepted for import (default MAX_IMPORT_BYTES, 50 MB). */
  maxImportBytes?: number;
}

export interface AppServices extends GlossServices {
  /** Imports a file from disk by path (command line, native dialog). */
  importPath(path: string): Promise<Result<ImportResult>>;
  /** Marks the document the UI should open first (first file given on the command line). */
  setOpenOnStart(documentId: string): void;
  /** Resolves once every accepted change is on disk. */
  flush(): Promise<void>;
  /** Flushes and releases the workspace. */
  close(): Promise<void>;
}

/** Opens the workspace folder (creating it if needed) and returns the services over it. */
export async function openServices(options: ServicesOptions): Promise<AppServices> {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => randomUUID());
  const maxImportBytes = options.maxImportBytes ?? MAX_IMPORT_BYTES;
  const store = await WorkspaceStore.open(resolve(options.workspaceDir), now);
  const history = new UndoHistory();
  // Changes are applied one at a time, in call order; their disk writes still coalesce.
  const serial = new Serial();
  const running = new Set<Promise<unknown>>();
  let openOnStart: string | null = null;
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
  async function saved(write: Promise<void>, meta: DocumentMeta): Promise<void> {
    try {
      await write;
    } catch (error) {
      throw new ServiceError(
        'io',
        `Gloss could not save the annotations of "${meta.title}" (${plainReason(error)}). ` +
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
      let set: AnnotationSet;
      let meta: DocumentMeta;
      try {
        meta = documentOrThrow(step.documentId);
        set = await store.annotations(meta);
        store.assertWritable();
      } catch (error) {
        history.revert(kind);
        throw error;
      }
      const change = applyStep(set, step);
      return { meta, change, saved: set.save() };
    });
    if (!applied) return ok({ changes: [], history: history.state() });
    await saved(applied.saved, applied.meta);
    return ok({ changes: [applied.change], history: history.state() });
  }

  async function addDocument(prepared: PreparedImport): Promise<Result<ImportResult>> {
    const known = store.findByTextHash(prepared.textHash);
    if (known) return ok({ document: { ...known }, existed: true });
    store.assertWritable();
    await store.texts.write(prepared.textHash, prepared.text);
    const added = await serial.run(async () => {
      store.assertWritable();
      // Another import of the same text may have finished while this one wrote the file.
      const existing = store.findByTextHash(prepared.textHash);
      if (existing) return { meta: existing, saved: null };
      const meta: DocumentMeta = {
        id: newId(),
        title: titleFor(prepared.text, prepared.sourceName),
        format: prepared.format,
        sourceName: prepared.sourceName,
        ...(prepared.sourcePath === undefined ? {} : { sourcePath: prepared.sourcePath }),
        rawHash: prepared.rawHash,
        textHash: prepared.textHash,
        length: prepared.text.length,
        added: now().toISOString(),
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

  async function importFromPath(path: string, keepPath: boolean): Promise<Result<ImportResult>> {
    store.assertWritable();
    const read = await readImportPath(path, maxImportBytes);
    if (!read.ok) return read;
    const prepared = prepareImport(
      read.value.name,
      read.value.bytes,
      maxImportBytes,
      keepPath ? read.value.path : undefined,
    );
    if (!prepared.ok) return prepared;
    return addDocument(prepared.value);
  }

  const services: AppServices = {
    getWorkspace: () =>
      run('read the workspace', async (): Promise<Result<WorkspaceState>> =>
        ok({
          path: store.dir,
          readOnly: store.readOnly,
          problem: store.problem,
          tags: store.index.tags.map((t) => ({ ...t })),
          documents: store.index.documents.map((d) => ({ ...d })),
          history: history.state(),
          openOnStart,
        }),
      ),

    // Requests are unpacked inside run(), so even a malformed direct call cannot throw.
    openDocument: (request: RequestOf<'openDocument'>) =>
      run('open the document', async (): Promise<Result<OpenedDocument>> => {
        const meta = documentOrThrow(request.documentId);
        const text = await store.texts.read(meta);
        const set = await store.annotations(meta);
        return ok({ document: { ...meta }, text, annotations: sortedCopies(set.list()) });
      }),

    importFile: (request: RequestOf<'importFile'>) =>
      run('import the file', async () => {
        const { name, bytes } = request;
        store.assertWritable();
        const prepared = prepareImport(name, bytes, maxImportBytes);
        if (!prepared.ok) return prepared;
        return addDocument(prepared.value);
      }),

    importPath: (path: string) => run(`import ${String(path)}`, () => importFromPath(path, true)),

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

    createAnnotation: (request: RequestOf<'createAnnotation'>) =>
      run('save the annotation', async () => {
        const { documentId, start, end, tag } = request;
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
        return change(documentId, (set) => {
          requireTag(tag);
          const stamp = now().toISOString();
          const annotation = valid({
            id: newId(),
            documentId,
            tag,
            ...selectors,
            textHash: meta.textHash,
            note: '',
            details: {},
            created: stamp,
            modified: stamp,
          });
          set.put(annotation);
          history.record({ documentId, before: null, after: annotation });
          return [{ documentId, id: annotation.id, annotation: copy(annotation) }];
        });
      }),

    updateAnnotation: (request: RequestOf<'updateAnnotation'>) =>
      run('save the annotation', async () => {
        const { documentId, id, tag, note } = request;
        return change(documentId, (set, meta) => {
          const before = set.get(id);
          if (!before)
            throw new ServiceError('not-found', `There is no annotation ${id} in "${meta.title}".`);
          if (tag !== undefined) requireTag(tag);
          const nextTag = tag ?? before.tag;
          const nextNote = note ?? before.note;
          if (nextTag === before.tag && nextNote === before.note) return [];
          const after = valid({
            ...before,
            tag: nextTag,
            note: nextNote,
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

    exportJson: () =>
      run('export the workspace', async (): Promise<Result<ExportFile>> => {
        const documents = store.index.documents;
        const annotations: Annotation[] = [];
        for (const meta of documents) annotations.push(...(await store.annotations(meta)).list());
        const at = now();
        const content = JSON.stringify(buildGlossExport(documents, annotations, at), null, 2);
        return ok({
          fileName: `gloss-export-${localDate(at)}.json`,
          mimeType: 'application/json',
          content,
        });
      }),

    setOpenOnStart(documentId: string): void {
      openOnStart = documentId;
    },

    async flush(): Promise<void> {
      await Promise.allSettled([...running]);
      await store.flush();
    },

    async close(): Promise<void> {
      if (closing) return;
      closing = true; // refuse new calls while the last writes finish
      await Promise.allSettled([...running]);
      await store.flush();
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

function copy(annotation: Annotation): Annotation {
  return { ...annotation, details: { ...annotation.details } };
}

function sortedCopies(annotations: readonly Annotation[]): Annotation[] {
  return annotations.map(copy).sort((a, b) => a.start - b.start || a.end - b.end);
}

/** YYYY-MM-DD in local time, as people expect in a file name. */
function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
