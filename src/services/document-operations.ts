import { stat } from 'node:fs/promises';
import type { RequestOf } from '../core/api-schema';
import type { UndoHistory } from '../core/history';
import type { Annotation, DocumentMeta } from '../core/model';
import { reanchorAll } from '../core/reanchor';
import type { Result } from '../core/result';
import { fail, ok } from '../core/result';
import { createSelectors } from '../core/selectors';
import type {
  GlossServices,
  Mutation,
  OpenedDocument,
  SourceStatus,
  UpdateSummary,
} from '../shared/api';
import type { AnnotationSet } from './annotation-set';
import { isErrno } from './fs-errors';
import { sha256Hex } from './hash';
import type { PreparedImport } from './import-source';
import { readImportPath } from './import-source';
import type { Serial } from './serial';
import { ServiceError } from './service-error';
import type { WorkspaceStore } from './workspace-store';

/** What the document operations need of the services that host them. */
export interface OperationsContext {
  run<T>(action: string, body: () => Promise<Result<T>>): Promise<Result<T>>;
  serial: Serial;
  store: WorkspaceStore;
  history: UndoHistory;
  now(): Date;
  documentOrThrow(documentId: string): DocumentMeta;
  opened(meta: DocumentMeta): Promise<OpenedDocument>;
  readSource(meta: DocumentMeta): Promise<Result<PreparedImport>>;
  copyMeta(meta: DocumentMeta): DocumentMeta;
  change(
    documentId: string,
    apply: (set: AnnotationSet, meta: DocumentMeta) => Mutation['changes'],
  ): Promise<Result<Mutation>>;
}

type Operations = Pick<
  GlossServices,
  'renameDocument' | 'removeDocument' | 'checkSource' | 'updateFromDisk' | 'reattachAnnotation'
>;

/** Renaming, removing, checking a document's file, updating from it, and re-attaching orphans. */
export function documentOperations(ctx: OperationsContext): Operations {
  const { run, serial, store, history } = ctx;
  // The last look at each source file: re-hash only when its size or time changed.
  const seen = new Map<string, { mtimeMs: number; size: number; rawHash: string }>();

  async function sourceStatus(meta: DocumentMeta): Promise<SourceStatus> {
    const path = meta.sourcePath;
    if (!path) return { status: 'unknown' };
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      if (isErrno(error, 'ENOENT', 'ENOTDIR')) return { status: 'missing', path };
      throw error;
    }
    let last = seen.get(meta.id);
    if (!last || last.mtimeMs !== info.mtimeMs || last.size !== info.size) {
      const read = await readImportPath(path, Number.MAX_SAFE_INTEGER, true);
      if (!read.ok) return { status: 'missing', path };
      last = { mtimeMs: info.mtimeMs, size: info.size, rawHash: sha256Hex(read.value.bytes) };
      seen.set(meta.id, last);
    }
    return { status: last.rawHash === meta.rawHash ? 'unchanged' : 'changed', path };
  }

  async function updateFromDisk(documentId: string) {
    const before = ctx.documentOrThrow(documentId);
    const source = await ctx.readSource(before);
    if (!source.ok) return source;
    const next = source.value;
    // The new text and layout are content addressed: writing them first changes nothing yet.
    await store.texts.write(next.textHash, next.text);
    await store.layouts.write(next.textHash, next.layout);
    const applied = await serial.run(async () => {
      store.assertWritable();
      const meta = ctx.documentOrThrow(documentId);
      const set = await store.annotations(meta);
      store.assertWritable();
      const summary: UpdateSummary = { exact: 0, moved: 0, orphaned: 0 };
      if (next.textHash !== meta.textHash) {
        const oldText = await store.texts.read(meta);
        placeAll(set, oldText, next, summary);
      } else {
        summary.exact = set.list().filter((a) => !a.orphan).length;
      }
      const versions = [...(meta.versions ?? [])];
      if (next.textHash !== meta.textHash) {
        versions.push({
          textHash: meta.textHash,
          rawHash: meta.rawHash,
          replaced: ctx.now().toISOString(),
        });
      }
      const updated: DocumentMeta = {
        ...meta,
        rawHash: next.rawHash,
        textHash: next.textHash,
        length: next.text.length,
        ...(Object.keys(next.metadata).length ? { metadata: next.metadata } : {}),
        ...(versions.length ? { versions } : {}),
      };
      store.replaceDocument(updated);
      // Steps recorded on the old text would land in the wrong places now.
      history.forgetDocument(documentId);
      seen.delete(documentId);
      return { meta: updated, summary, saved: Promise.all([set.save(), store.saveIndex()]) };
    });
    await applied.saved;
    return ok({ summary: applied.summary, opened: await ctx.opened(applied.meta) });
  }

  function placeAll(
    set: AnnotationSet,
    oldText: string,
    next: PreparedImport,
    summary: UpdateSummary,
  ) {
    const current = set.list().filter((a) => !a.orphan);
    const placements = reanchorAll(oldText, next.text, current);
    const byId = new Map(current.map((a) => [a.id, a]));
    for (const placement of placements) {
      const a = byId.get(placement.id);
      if (!a) continue;
      if (placement.status === 'orphan') {
        summary.orphaned++;
        set.put({ ...a, orphan: true });
        continue;
      }
      const selectors = createSelectors(next.text, { start: placement.start, end: placement.end });
      if (!selectors) {
        summary.orphaned++;
        set.put({ ...a, orphan: true });
        continue;
      }
      if (placement.status === 'exact') summary.exact++;
      else summary.moved++;
      set.put(withoutOrphan({ ...a, ...selectors, textHash: next.textHash }));
    }
  }

  return {
    renameDocument: (request: RequestOf<'renameDocument'>) =>
      run('rename the document', async () => {
        const saved = await serial.run(async () => {
          store.assertWritable();
          const meta = { ...ctx.documentOrThrow(request.documentId), title: request.title.trim() };
          store.replaceDocument(meta);
          return { meta, saved: store.saveIndex() };
        });
        await saved.saved;
        return ok(ctx.copyMeta(saved.meta));
      }),

    removeDocument: (request: RequestOf<'removeDocument'>) =>
      run('remove the document', async () => {
        const done = await serial.run(async () => {
          store.assertWritable();
          const meta = ctx.documentOrThrow(request.documentId);
          const keptAt = await store.removeDocument(meta);
          history.forgetDocument(meta.id);
          seen.delete(meta.id);
          return { meta, keptAt, saved: store.saveIndex() };
        });
        await done.saved;
        return ok({ removed: ctx.copyMeta(done.meta), keptAt: done.keptAt });
      }),

    checkSource: (request: RequestOf<'checkSource'>) =>
      run('check the document file', async () =>
        ok(await sourceStatus(ctx.documentOrThrow(request.documentId))),
      ),

    updateFromDisk: (request: RequestOf<'updateFromDisk'>) =>
      run('update the document from disk', () => updateFromDisk(request.documentId)),

    reattachAnnotation: (request: RequestOf<'reattachAnnotation'>) =>
      run('re-attach the annotation', async () => {
        const { documentId, id, start, end } = request;
        const meta = ctx.documentOrThrow(documentId);
        const text = await store.texts.read(meta);
        if (Math.max(start, end) > text.length) {
          return fail(
            'invalid-request',
            `The selection (${start}–${end}) lies outside the text of "${meta.title}".`,
          );
        }
        const selectors = createSelectors(text, { start, end });
        if (!selectors) return fail('invalid-request', 'The selection holds no text.');
        return ctx.change(documentId, (set, current) => {
          const before = set.get(id);
          if (!before)
            throw new ServiceError(
              'not-found',
              `There is no annotation ${id} in "${current.title}".`,
            );
          const after = withoutOrphan({
            ...before,
            ...selectors,
            textHash: current.textHash,
            modified: ctx.now().toISOString(),
          });
          set.put(after);
          history.record({ documentId, before, after });
          return [{ documentId, id, annotation: structuredClone(after) }];
        });
      }),
  };
}

function withoutOrphan(a: Annotation): Annotation {
  const rest = { ...a };
  delete rest.orphan;
  return rest;
}
