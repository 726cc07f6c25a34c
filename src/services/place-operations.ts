import type { RequestOf } from '../core/api-schema';
import type { LocatedPassage } from '../core/map-points';
import type { DocumentMeta } from '../core/model';
import type { Result } from '../core/result';
import { ok } from '../core/result';
import type { GlossServices } from '../shared/api';
import type { Analysis } from './analysis';
import type { WorkspaceStore } from './workspace-store';

/** What the place operations need of the services that host them. */
export interface PlaceOperationsContext {
  run<T>(action: string, body: () => Promise<Result<T>>): Promise<Result<T>>;
  store: WorkspaceStore;
  analysis: Analysis;
  documentOrThrow(documentId: string): DocumentMeta;
}

type PlaceOperations = Pick<GlossServices, 'placeCandidates' | 'locatedPassages' | 'namedEntities'>;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The place picker, the map and the claimant list. */
export function placeOperations(ctx: PlaceOperationsContext): PlaceOperations {
  const { run, store, analysis, documentOrThrow } = ctx;

  /** The located annotations of one document: those whose details hold coordinates. */
  async function located(meta: DocumentMeta): Promise<LocatedPassage[]> {
    const set = await store.annotations(meta);
    return set.list().flatMap((a) => {
      const { lat, lon, name, placeId } = a.details;
      if (a.orphan || !isNumber(lat) || !isNumber(lon)) return [];
      return [
        {
          documentId: meta.id,
          documentTitle: meta.title,
          annotationId: a.id,
          quote: a.quote,
          before: a.prefix,
          after: a.suffix,
          name: typeof name === 'string' && name ? name : a.quote,
          lat,
          lon,
          ...(typeof placeId === 'string' ? { placeId } : {}),
        },
      ];
    });
  }

  return {
    placeCandidates: (request: RequestOf<'placeCandidates'>) =>
      run('look the place up', async () => {
        const text = await store.texts.read(documentOrThrow(request.documentId));
        return ok(await analysis.placeCandidates(text, request.name));
      }),

    locatedPassages: (request: RequestOf<'locatedPassages'>) =>
      run('gather the located passages', async () => {
        const documents =
          request.documentId === undefined
            ? store.index.documents
            : [documentOrThrow(request.documentId)];
        const lists = [];
        for (const meta of documents) lists.push(await located(meta));
        return ok(lists.flat());
      }),

    namedEntities: (request: RequestOf<'namedEntities'>) =>
      run('find the people and organisations', async () => {
        const text = await store.texts.read(documentOrThrow(request.documentId));
        return ok(await analysis.namedEntities(text));
      }),
  };
}
