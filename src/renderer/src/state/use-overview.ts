import { useEffect, useState } from 'react';
import type { GlossClient } from '../api/client';
import type { Overview } from '../../../shared/api';

export type OverviewScope = 'document' | 'workspace';

/**
 * The overview of the open document or of the whole workspace. Asked again whenever `version`
 * or `tags` change (the open document's annotations, the tag set), only while shown.
 */
export function useOverview(
  client: GlossClient,
  shown: boolean,
  scope: OverviewScope,
  documentId: string | null,
  version: unknown,
  tags: unknown,
): { overview: Overview | null; loading: boolean; problem: string | null } {
  const key = `${scope}:${scope === 'document' ? documentId : ''}`;
  const [loaded, setLoaded] = useState<{
    key: string;
    overview: Overview | null;
    problem: string | null;
  } | null>(null);
  useEffect(() => {
    if (!shown || (scope === 'document' && !documentId)) return;
    let current = true;
    const request = scope === 'document' && documentId ? { documentId } : {};
    void client.services.overview(request).then((result) => {
      if (!current) return;
      setLoaded(
        result.ok
          ? { key, overview: result.value, problem: null }
          : { key, overview: null, problem: result.error.message },
      );
    });
    return () => {
      current = false;
    };
  }, [client, shown, scope, documentId, key, version, tags]);
  // The last overview stays shown while a newer one of the same scope is asked for.
  return loaded?.key === key
    ? { overview: loaded.overview, loading: false, problem: loaded.problem }
    : { overview: null, loading: true, problem: null };
}
