import { useCallback, useLayoutEffect, useMemo, useReducer, useRef } from 'react';
import type { AppError, Mutation, Result } from '../../../shared/api';
import type { GlossClient } from '../api/client';
import { initialState, reduce } from './store';

export interface Span {
  start: number;
  end: number;
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
      if (opened.ok) dispatch({ type: 'document-opened', opened: opened.value });
      else report(opened.error);
    },
    [client, report],
  );

  const load = useCallback(async () => {
    const ws = await client.services.getWorkspace();
    if (!ws.ok) {
      report(ws.error);
      return;
    }
    dispatch({ type: 'workspace-loaded', workspace: ws.value });
    if (ws.value.problem) dispatch({ type: 'error', message: ws.value.problem });
    const first = ws.value.openOnStart ?? ws.value.documents[0]?.id;
    if (first) await openDocument(first);
  }, [client, openDocument, report]);

  /** Runs a data change: counts it as pending until the services say it is on disk. */
  const mutate = useCallback(
    async (run: () => Promise<Result<Mutation>>, select?: (m: Mutation) => string | null) => {
      dispatch({ type: 'write-started' });
      try {
        const result = await run();
        if (!result.ok) {
          report(result.error);
          return null;
        }
        const other = result.value.changes.find(
          (c) => c.documentId !== stateRef.current.open?.document.id,
        );
        if (other) await openDocument(other.documentId);
        dispatch({
          type: 'changes',
          changes: result.value.changes,
          history: result.value.history,
          ...(select ? { select: select(result.value) } : {}),
        });
        return result.value;
      } finally {
        dispatch({ type: 'write-finished' });
      }
    },
    [openDocument, report],
  );

  const afterImport = useCallback(
    async (results: Result<{ document: { id: string } & object; existed: boolean }>[]) => {
      const documents = results.flatMap((r) => (r.ok ? [r.value.document] : []));
      const failures = results.flatMap((r) => (r.ok ? [] : [r.error.message]));
      if (documents.length) {
        const ws = await client.services.getWorkspace();
        if (ws.ok) dispatch({ type: 'workspace-loaded', workspace: ws.value });
        await openDocument(documents[0]!.id);
      }
      if (failures.length) dispatch({ type: 'error', message: failures.join(' ') });
      else if (results.some((r) => r.ok && r.value.existed)) {
        dispatch({
          type: 'notice',
          message: 'Already in the workspace: opened the existing copy.',
        });
      }
    },
    [client, openDocument],
  );

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      dispatch({ type: 'write-started' });
      try {
        await afterImport(await client.importFiles(files));
      } finally {
        dispatch({ type: 'write-finished' });
      }
    },
    [client, afterImport],
  );

  const openDialog = useCallback(async () => {
    if (!client.openFilesDialog) return;
    const result = await client.openFilesDialog();
    if (!result.ok) report(result.error);
    else await afterImport(result.value.map((value) => ({ ok: true as const, value })));
  }, [client, afterImport, report]);

  const importSamples = useCallback(async () => {
    dispatch({ type: 'write-started' });
    try {
      const result = await client.services.importSamples();
      if (!result.ok) report(result.error);
      else await afterImport(result.value.map((value) => ({ ok: true as const, value })));
    } finally {
      dispatch({ type: 'write-finished' });
    }
  }, [client, afterImport, report]);

  const annotate = useCallback(
    async (tag: string, span: Span) => {
      const open = stateRef.current.open;
      if (!open) return;
      await mutate(
        () => client.services.createAnnotation({ documentId: open.document.id, tag, ...span }),
        (m) => m.changes[0]?.id ?? null,
      );
    },
    [client, mutate],
  );

  const update = useCallback(
    (id: string, patch: { tag?: string; note?: string }) => {
      const open = stateRef.current.open;
      if (!open) return Promise.resolve(null);
      return mutate(() =>
        client.services.updateAnnotation({ documentId: open.document.id, id, ...patch }),
      );
    },
    [client, mutate],
  );

  const remove = useCallback(
    (id: string) => {
      const open = stateRef.current.open;
      if (!open) return Promise.resolve(null);
      return mutate(() => client.services.deleteAnnotation({ documentId: open.document.id, id }));
    },
    [client, mutate],
  );

  const undo = useCallback(
    () =>
      mutate(
        () => client.services.undo(),
        (m) => m.changes.find((c) => c.annotation)?.id ?? null,
      ),
    [client, mutate],
  );
  const redo = useCallback(
    () =>
      mutate(
        () => client.services.redo(),
        (m) => m.changes.find((c) => c.annotation)?.id ?? null,
      ),
    [client, mutate],
  );

  const exportJson = useCallback(async () => {
    const file = await client.services.exportJson();
    if (!file.ok) return report(file.error);
    const delivered = await client.deliverFile(file.value);
    if (!delivered.ok) return report(delivered.error);
    if (delivered.value)
      dispatch({ type: 'notice', message: `Exported ${delivered.value.savedTo}` });
  }, [client, report]);

  const select = useCallback((id: string | null) => dispatch({ type: 'select', id }), []);
  const dismissError = useCallback(() => dispatch({ type: 'dismiss-error' }), []);
  const fail = useCallback((message: string) => dispatch({ type: 'error', message }), []);

  const commands = useMemo(
    () => ({
      load,
      openDocument,
      importFiles,
      openDialog,
      importSamples,
      annotate,
      update,
      remove,
      undo,
      redo,
      exportJson,
      select,
      dismissError,
      fail,
    }),
    [
      load,
      openDocument,
      importFiles,
      openDialog,
      importSamples,
      annotate,
      update,
      remove,
      undo,
      redo,
      exportJson,
      select,
      dismissError,
      fail,
    ],
  );
  return { state, commands };
}

export type Commands = ReturnType<typeof useGloss>['commands'];
