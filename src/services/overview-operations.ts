import type { RequestOf } from '../core/api-schema';
import type { DocumentMeta } from '../core/model';
import { computeOverview } from '../core/overview';
import type { OverviewSource } from '../core/overview';
import type { Result } from '../core/result';
import { ok } from '../core/result';
import type { GlossServices } from '../shared/api';
import type { WorkspaceStore } from './workspace-store';

/** What the overview needs of the services that host it. */
export interface OverviewOperationsContext {
  run<T>(action: string, body: () => Promise<Result<T>>): Promise<Result<T>>;
  store: WorkspaceStore;
  documentOrThrow(documentId: string): DocumentMeta;
}

type OverviewOperations = Pick<GlossServices, 'overview'>;

/** The overview: counts, figures, quotes and claims of one document or of the workspace. */
export function overviewOperations(ctx: OverviewOperationsContext): OverviewOperations {
  const { run, store, documentOrThrow } = ctx;
  return {
    overview: (request: RequestOf<'overview'>) =>
      run('gather the overview', async () => {
        const documents =
          request.documentId === undefined
            ? store.index.documents
            : [documentOrThrow(request.documentId)];
        const sources: OverviewSource[] = [];
        for (const meta of documents) {
          const set = await store.annotations(meta);
          sources.push({ meta: { id: meta.id, title: meta.title }, annotations: set.list() });
        }
        return ok(
          computeOverview(
            sources,
            store.index.tags,
            request.documentId === undefined ? 'workspace' : 'document',
          ),
        );
      }),
  };
}
