import type { RequestOf } from '../core/api-schema';
import type { DocumentMeta } from '../core/model';
import type { Result } from '../core/result';
import { ok } from '../core/result';
import type { FoldedText, SearchHit } from '../core/search';
import { SEARCH_LIMIT, searchDocument, searchableText } from '../core/search';
import type { GlossServices } from '../shared/api';
import { ServiceError } from './service-error';
import type { WorkspaceStore } from './workspace-store';

/** What the search needs of the services that host it. */
export interface SearchOperationsContext {
  run<T>(action: string, body: () => Promise<Result<T>>): Promise<Result<T>>;
  store: WorkspaceStore;
  documentOrThrow(documentId: string): DocumentMeta;
}

// Search runs as the analyst types: keep the folded form of the texts searched last.
const FOLDED_CACHE = 16;

/** Search over the open document or the whole workspace. */
export function searchOperations(ctx: SearchOperationsContext): Pick<GlossServices, 'search'> {
  const { run, store, documentOrThrow } = ctx;
  const folded = new Map<string, FoldedText & { source: string }>();

  /** A document's folded text; empty when its text is missing (its annotations still count). */
  async function foldedText(meta: DocumentMeta) {
    const known = folded.get(meta.textHash);
    if (known) {
      folded.delete(meta.textHash);
      folded.set(meta.textHash, known);
      return known;
    }
    let text = '';
    try {
      text = await store.texts.read(meta);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
    }
    const made = searchableText(text);
    folded.set(meta.textHash, made);
    if (folded.size > FOLDED_CACHE) folded.delete(folded.keys().next().value!);
    return made;
  }

  return {
    search: (request: RequestOf<'search'>) =>
      run('search', async () => {
        const documents =
          request.documentId === undefined
            ? store.index.documents
            : [documentOrThrow(request.documentId)];
        const hits: SearchHit[] = [];
        for (const meta of documents) {
          // One more than the limit: enough to know whether there were more.
          const room = SEARCH_LIMIT + 1 - hits.length;
          if (room <= 0) break;
          const annotations = (await store.annotations(meta)).list();
          const doc = {
            documentId: meta.id,
            title: meta.title,
            text: await foldedText(meta),
            annotations,
          };
          hits.push(...searchDocument(doc, request.query, room));
        }
        return ok({ hits: hits.slice(0, SEARCH_LIMIT), capped: hits.length > SEARCH_LIMIT });
      }),
  };
}
