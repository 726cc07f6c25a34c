import type { Dispatch } from 'react';
import { flushSync } from 'react-dom';
import { useCallback, useLayoutEffect, useMemo, useReducer, useRef } from 'react';
import type {
  AnnotationChange,
  AnnotationPatch,
  AppError,
  BackupInfo,
  ImportReport,
  ImportResult,
  Mutation,
  RequestOf,
  Result,
  Suggestion,
} from '../../../shared/api';
import type { GlossClient } from '../api/client';
import { backupTime } from '../backup-time';
import { mark } from '../perf-marks';
import { initialState, reduce } from './store';
import type { StartingPoint } from './starting-point';
import { fetchStartingPoint } from './starting-point';
import {
  isProvisional,
  patchedAnnotation,
  provisionalAnnotation,
  provisionalId,
} from './optimistic';
import type { Action } from './store';
import type { TextOffer } from './store';

/** Counts work that writes as pending ("Saving…") until it settles, whatever its outcome. */
async function tracked<T>(dispatch: Dispatch<Action>, run: () => Promise<T>): Promise<T> {
  dispatch({ type: 'write-started' });
  try {
    return await run();
  } finally {
    dispatch({ type: 'write-finished' });
  }
}

export interface Span {
  start: number;
  end: number;
}

interface MutateOptions {
  /** Which annotation the answer should select. */
  select?: (m: Mutation) => string | null;
  /** Shown at once, and taken back with `undo` if the services refuse or fail. */
  preview?: { show: AnnotationChange[]; undo: AnnotationChange[]; select?: string };
  /** The annotation this change edits: answers to earlier edits of it are not shown. */
  touches?: string;
  /** The provisional annotation a create showed, replaced by the one the services made. */
  provisional?: { documentId: string; id: string };
}

/** The analyst's commands, each one call to the services plus its effect on the UI state. */
export function useGloss(client: GlossClient) {
  const [state, dispatch] = useReducer(reduce, initialState);
  // Commands read the latest state without re-creating themselves on every change.
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  });

  const report = useCallback(
    (error: AppError) => dispatch({ type: 'error', message: error.message }),
    [],
  );

  const openDocument = useCallback(
    async (documentId: string) => {
      const opened = await client.services.openDocument({ documentId });
      // For the scale benchmark (bench/scale): the text has reached the renderer.
      mark('gloss:document-arrived');
      if (opened.ok) dispatch({ type: 'document-opened', opened: opened.value });
      else report(opened.error);
    },
    [client, report],
  );

  const load = useCallback(
    async (start: Promise<StartingPoint> = fetchStartingPoint(client)) => {
      const { workspace: ws, opened } = await start;
      if (!ws.ok) {
        report(ws.error);
        return;
      }
      dispatch({ type: 'workspace-loaded', workspace: ws.value });
      if (ws.value.problem) dispatch({ type: 'error', message: ws.value.problem });
      if (!opened) return;
      mark('gloss:document-arrived');
      if (opened.ok) dispatch({ type: 'document-opened', opened: opened.value });
      else report(opened.error);
    },
    [client, report],
  );

  // Annotations created under a provisional id -> their real id (null if the creation failed).
  const creations = useRef(new Map<string, Promise<string | null>>());
  const provisionalCount = useRef(0);
  // Changes in flight per annotation: only the last one's answer is shown, so an earlier answer
  // cannot briefly undo a later change already on screen.
  const inFlight = useRef(new Map<string, number>());

  /**
   * Runs a data change: shows its preview at once, counts it as pending until the services say
   * it is on disk, then shows what they saved (or takes the preview back and says why not).
   */
  const mutate = useCallback(
    async (run: () => Promise<Result<Mutation>>, options: MutateOptions = {}) => {
      const { preview, touches, provisional } = options;
      // Rendered now, inside the user's event, so the change is on screen in the next frame
      // rather than after whatever frame the browser would render first.
      if (preview)
        flushSync(() =>
          dispatch({ type: 'preview', changes: preview.show, select: preview.select }),
        );
      if (touches) inFlight.current.set(touches, (inFlight.current.get(touches) ?? 0) + 1);
      const settle = () => {
        if (!touches) return false;
        const left = (inFlight.current.get(touches) ?? 1) - 1;
        if (left > 0) inFlight.current.set(touches, left);
        else inFlight.current.delete(touches);
        return left > 0;
      };
      return tracked(dispatch, async () => {
        const result = await run();
        const superseded = settle();
        if (!result.ok) {
          if (preview) dispatch({ type: 'preview', changes: preview.undo });
          report(result.error);
          return null;
        }
        const other = result.value.changes.find(
          (c) => c.documentId !== stateRef.current.open?.document.id,
        );
        if (other) await openDocument(other.documentId);
        let changes = superseded
          ? result.value.changes.filter((c) => c.id !== touches)
          : result.value.changes;
        const created = provisional ? result.value.changes[0] : undefined;
        if (provisional) changes = [{ ...provisional, annotation: null }, ...changes];
        dispatch({
          type: 'changes',
          changes,
          history: result.value.history,
          tags: result.value.tags,
          ...(options.select ? { select: options.select(result.value) } : {}),
          ...(provisional && created ? { replaces: { from: provisional.id, to: created.id } } : {}),
        });
        return result.value;
      });
    },
    [openDocument, report],
  );

  /** An annotation's real id, waiting for its creation to be answered when it is provisional. */
  const realId = useCallback(
    async (id: string) => (isProvisional(id) ? ((await creations.current.get(id)) ?? null) : id),
    [],
  );

  const afterImport = useCallback(
    async (results: Result<ImportResult>[], offers: TextOffer[] = []) => {
      const documents = results.flatMap((r) => (r.ok ? [r.value.document] : []));
      const failures = results.flatMap((r) => (r.ok ? [] : [r.error.message]));
      if (documents.length) {
        const ws = await client.services.getWorkspace();
        if (ws.ok) dispatch({ type: 'workspace-loaded', workspace: ws.value });
        await openDocument(documents[0]!.id);
      }
      if (failures.length) {
        dispatch({ type: 'error', message: failures.join(' ') });
        // Files of an unknown kind can still be opened as text, if the user says so.
        if (offers.length) dispatch({ type: 'offer-as-text', offers });
      } else if (results.some((r) => r.ok && r.value.existed)) {
        dispatch({
          type: 'notice',
          message: 'Already in the workspace: opened the existing copy.',
        });
      }
    },
    [client, openDocument],
  );

  /** Imports files one by one, saying which and how far along (pages of a long PDF). */
  const importFiles = useCallback(
    (files: readonly File[], asText = false) =>
      tracked(dispatch, async () => {
        const results: Result<ImportResult>[] = [];
        let current = '';
        const poll = setInterval(async () => {
          const p = await client.services.importProgress();
          if (p.ok && p.value && p.value.total > 0) {
            dispatch({
              type: 'importing',
              message: `${current} — ${p.value.unit} ${p.value.done} of ${p.value.total}`,
            });
          }
        }, 300);
        try {
          for (const [i, file] of files.entries()) {
            current =
              files.length > 1
                ? `Importing ${i + 1} of ${files.length}: ${file.name}`
                : `Importing ${file.name}`;
            dispatch({ type: 'importing', message: `${current}…` });
            results.push(await client.importFile(file, asText));
          }
          const offers = files
            .filter((_, i) => {
              const r = results[i];
              return r && !r.ok && r.error.code === 'unsupported-format';
            })
            .map((file) => ({ name: file.name, open: () => client.importFile(file, true) }));
          await afterImport(results, offers);
        } finally {
          clearInterval(poll);
          dispatch({ type: 'importing', message: null });
        }
      }),
    [client, afterImport],
  );

  const openAsText = useCallback(async () => {
    const offers = stateRef.current.offerAsText;
    dispatch({ type: 'dismiss-error' });
    if (!offers.length) return;
    return tracked(dispatch, async () => {
      const results: Result<ImportResult>[] = [];
      for (const offer of offers) results.push(await offer.open());
      await afterImport(results);
    });
  }, [afterImport]);

  const renameDocument = useCallback(
    async (documentId: string, title: string) => {
      const result = await client.services.renameDocument({ documentId, title });
      if (result.ok) dispatch({ type: 'document-renamed', document: result.value });
      else report(result.error);
    },
    [client, report],
  );

  const removeDocument = useCallback(
    async (documentId: string) => {
      return tracked(dispatch, async () => {
        const result = await client.services.removeDocument({ documentId });
        if (!result.ok) return report(result.error);
        dispatch({ type: 'document-removed', documentId });
        dispatch({
          type: 'notice',
          message: `Removed “${result.value.removed.title}”. A copy with its annotations is kept in ${result.value.keptAt}.`,
        });
        const ws = await client.services.getWorkspace();
        if (ws.ok) dispatch({ type: 'workspace-loaded', workspace: ws.value });
      });
    },
    [client, report],
  );

  const checkSource = useCallback(async () => {
    const open = stateRef.current.open;
    if (!open?.document.sourcePath) return;
    const result = await client.services.checkSource({ documentId: open.document.id });
    if (result.ok) dispatch({ type: 'source', documentId: open.document.id, status: result.value });
  }, [client]);

  const updateFromDisk = useCallback(async () => {
    const open = stateRef.current.open;
    if (!open) return;
    return tracked(dispatch, async () => {
      const result = await client.services.updateFromDisk({ documentId: open.document.id });
      if (!result.ok) return report(result.error);
      const { summary, opened } = result.value;
      dispatch({ type: 'document-opened', opened });
      const ws = await client.services.getWorkspace();
      if (ws.ok) dispatch({ type: 'workspace-loaded', workspace: ws.value });
      dispatch({
        type: 'notice',
        message: `Updated from disk: ${summary.exact} stayed, ${summary.moved} moved, ${summary.orphaned} orphaned.`,
      });
    });
  }, [client, report]);

  const reattach = useCallback(
    async (id: string, span: Span) => {
      const open = stateRef.current.open;
      if (!open) return;
      await mutate(
        () => client.services.reattachAnnotation({ documentId: open.document.id, id, ...span }),
        { select: () => id },
      );
    },
    [client, mutate],
  );

  const openDialog = useCallback(async () => {
    const desktop = client.desktop;
    if (!desktop) return;
    return tracked(dispatch, async () => {
      const result = await desktop.openFilesDialog();
      if (!result.ok) return report(result.error);
      const offers = result.value.textOffers.map(({ name, token }) => ({
        name,
        open: () => desktop.openAsText(token),
      }));
      await afterImport(result.value.results, offers);
    });
  }, [client, afterImport, report]);

  const importSamples = useCallback(async () => {
    return tracked(dispatch, async () => {
      const result = await client.services.importSamples();
      if (!result.ok) report(result.error);
      else await afterImport(result.value.map((value) => ({ ok: true as const, value })));
    });
  }, [client, afterImport, report]);

  const annotate = useCallback(
    async (tag: string, span: Span) => {
      const open = stateRef.current.open;
      if (!open) return;
      const id = provisionalId(++provisionalCount.current);
      const shown = provisionalAnnotation(open, id, tag, span, new Date().toISOString());
      const change = { documentId: open.document.id, id };
      let answer!: (realId: string | null) => void;
      creations.current.set(id, new Promise((resolve) => (answer = resolve)));
      try {
        const done = await mutate(
          () => client.services.createAnnotation({ documentId: open.document.id, tag, ...span }),
          {
            ...(shown
              ? {
                  preview: {
                    show: [{ ...change, annotation: shown }],
                    undo: [{ ...change, annotation: null }],
                    select: id,
                  },
                  provisional: change,
                }
              : { select: (m: Mutation) => m.changes[0]?.id ?? null }),
          },
        );
        answer(done?.changes[0]?.id ?? null);
      } finally {
        // Kept, answered: a view may still ask for the real id of a provisional one (the details
        // of an annotation save its note, as they close, under the id they were opened with).
        answer(null);
      }
    },
    [client, mutate],
  );

  const update = useCallback(
    async (shownId: string, patch: AnnotationPatch) => {
      const id = await realId(shownId);
      const open = stateRef.current.open;
      if (!open || !id) return null;
      const before = open.annotations.find((a) => a.id === id);
      const change = { documentId: open.document.id, id };
      return mutate(
        () => client.services.updateAnnotation({ ...change, ...patch }),
        before
          ? {
              preview: {
                show: [
                  {
                    ...change,
                    annotation: patchedAnnotation(
                      before,
                      patch,
                      open.text,
                      new Date().toISOString(),
                    ),
                  },
                ],
                undo: [{ ...change, annotation: before }],
              },
              touches: id,
            }
          : {},
      );
    },
    [client, mutate, realId],
  );

  const remove = useCallback(
    async (shownId: string) => {
      const id = await realId(shownId);
      const open = stateRef.current.open;
      if (!open || !id) return null;
      const before = open.annotations.find((a) => a.id === id);
      const change = { documentId: open.document.id, id };
      return mutate(
        () => client.services.deleteAnnotation(change),
        before
          ? {
              preview: {
                show: [{ ...change, annotation: null }],
                undo: [{ ...change, annotation: before }],
              },
              touches: id,
            }
          : {},
      );
    },
    [client, mutate, realId],
  );

  const undo = useCallback(
    () =>
      mutate(() => client.services.undo(), {
        select: (m) => m.changes.find((c) => c.annotation)?.id ?? null,
      }),
    [client, mutate],
  );
  const redo = useCallback(
    () =>
      mutate(() => client.services.redo(), {
        select: (m) => m.changes.find((c) => c.annotation)?.id ?? null,
      }),
    [client, mutate],
  );

  const exportAs = useCallback(
    async (request: RequestOf<'exportDocuments'>) => {
      const file = await client.services.exportDocuments(request);
      if (!file.ok) return report(file.error);
      const delivered = await client.deliverFile(file.value);
      if (!delivered.ok) return report(delivered.error);
      if (delivered.value)
        dispatch({ type: 'notice', message: `Exported ${delivered.value.savedTo}` });
    },
    [client, report],
  );

  /**
   * Imports a Gloss JSON or W3C Web Annotation file; answers what it did (null when refused,
   * with the reason shown). The open document is read again to show what arrived.
   */
  const importAnnotations = useCallback(
    async (file: File): Promise<ImportReport | null> =>
      tracked(dispatch, async () => {
        const result = await client.services.importAnnotations({
          name: file.name,
          content: await file.text(),
        });
        if (!result.ok) {
          report(result.error);
          return null;
        }
        const ws = await client.services.getWorkspace();
        if (ws.ok) dispatch({ type: 'workspace-loaded', workspace: ws.value });
        const open = stateRef.current.open;
        const target = open?.document.id ?? result.value.documentIds[0];
        if (target) await openDocument(target);
        dispatch({
          type: 'changes',
          changes: [],
          history: result.value.history,
          tags: result.value.tags,
        });
        return result.value;
      }),
    [client, openDocument, report],
  );

  const listBackups = useCallback(() => client.services.listBackups(), [client]);

  /**
   * Restores a backup: the workspace is read again and the document that was open (or the
   * first) opened. Answers whether it was done; a refusal is shown as an error.
   */
  const restoreBackup = useCallback(
    async (backup: BackupInfo): Promise<boolean> =>
      tracked(dispatch, async () => {
        const wasDamaged = stateRef.current.workspace?.readOnly ?? false;
        const openId = stateRef.current.open?.document.id;
        const result = await client.services.restoreBackup({ name: backup.name });
        if (!result.ok) {
          report(result.error);
          return false;
        }
        const { workspace, keptIn } = result.value;
        dispatch({ type: 'workspace-restored', workspace });
        if (workspace.problem) dispatch({ type: 'error', message: workspace.problem });
        const reopen =
          workspace.documents.find((d) => d.id === openId)?.id ?? workspace.documents[0]?.id;
        if (reopen) await openDocument(reopen);
        const when = backupTime(backup.created);
        const kept = keptIn
          ? wasDamaged
            ? ` The damaged files were kept in ${keptIn}.`
            : ` The files it replaced were kept in ${keptIn}.`
          : '';
        dispatch({ type: 'notice', message: `Restored the backup of ${when}.${kept}` });
        return true;
      }),
    [client, openDocument, report],
  );

  const tagActions = useMemo(
    () => ({
      create: async (tag: { name: string; color: string; hotkey: string | null }) =>
        (await mutate(() => client.services.createTag(tag))) !== null,
      update: (id: string, patch: { name?: string; color?: string; hotkey?: string | null }) =>
        void mutate(() => client.services.updateTag({ id, ...patch })),
      move: (id: string, to: number) => void mutate(() => client.services.moveTag({ id, to })),
      uses: async (id: string) => {
        const result = await client.services.countTagUses({ id });
        if (result.ok) return result.value;
        report(result.error);
        return null;
      },
      remove: (id: string, retagTo?: string) =>
        void mutate(() => client.services.deleteTag(retagTo ? { id, retagTo } : { id })),
    }),
    [client, mutate, report],
  );

  const suggest = useCallback(async () => {
    const open = stateRef.current.open;
    if (!open) return;
    const result = await client.services.suggest({ documentId: open.document.id });
    if (result.ok) dispatch({ type: 'suggestions', suggestions: result.value });
    else report(result.error);
  }, [client, report]);

  /** Accepts suggestions: each becomes an ordinary annotation with its details. */
  const acceptSuggestions = useCallback(
    async (accepted: readonly Suggestion[]) => {
      const open = stateRef.current.open;
      if (!open) return;
      if (accepted.length === 0) return;
      // One call, one write and one undo step, however many are accepted.
      const done = await mutate(() =>
        client.services.createAnnotations({
          documentId: open.document.id,
          annotations: accepted.map(({ tag, start, end, details }) => ({
            tag,
            start,
            end,
            details,
          })),
        }),
      );
      if (done) dispatch({ type: 'suggestion-done', keys: accepted.map((s) => s.key) });
    },
    [client, mutate],
  );

  const rejectSuggestion = useCallback(
    async (s: Suggestion) => {
      const open = stateRef.current.open;
      if (!open) return;
      dispatch({ type: 'suggestion-done', keys: [s.key] });
      return tracked(dispatch, async () => {
        const result = await client.services.rejectSuggestion({
          documentId: open.document.id,
          key: s.key,
        });
        if (!result.ok) report(result.error);
      });
    },
    [client, report],
  );

  const closeSuggestions = useCallback(
    () => dispatch({ type: 'suggestions', suggestions: null }),
    [],
  );

  const select = useCallback((id: string | null) => dispatch({ type: 'select', id }), []);
  const dismissError = useCallback(() => dispatch({ type: 'dismiss-error' }), []);
  const fail = useCallback((message: string) => dispatch({ type: 'error', message }), []);

  const commands = useMemo(
    () => ({
      load,
      openDocument,
      importFiles,
      openAsText,
      renameDocument,
      removeDocument,
      checkSource,
      updateFromDisk,
      reattach,
      openDialog,
      importSamples,
      annotate,
      update,
      remove,
      undo,
      redo,
      exportAs,
      importAnnotations,
      listBackups,
      restoreBackup,
      select,
      dismissError,
      fail,
      tagActions,
      suggest,
      acceptSuggestions,
      rejectSuggestion,
      closeSuggestions,
    }),
    [
      load,
      openDocument,
      importFiles,
      openAsText,
      renameDocument,
      removeDocument,
      checkSource,
      updateFromDisk,
      reattach,
      openDialog,
      importSamples,
      annotate,
      update,
      remove,
      undo,
      redo,
      exportAs,
      importAnnotations,
      listBackups,
      restoreBackup,
      select,
      dismissError,
      fail,
      tagActions,
      suggest,
      acceptSuggestions,
      rejectSuggestion,
      closeSuggestions,
    ],
  );
  return { state, commands };
}

export type Commands = ReturnType<typeof useGloss>['commands'];
