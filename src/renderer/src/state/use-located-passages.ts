import { useEffect, useState } from 'react';
import type { GlossClient } from '../api/client';
import type { LocatedPassage } from '../../../shared/api';

export type MapScope = 'document' | 'workspace';

/**
 * The located passages the map shows: of the open document or of the whole workspace. Asked
 * again whenever `version` changes (the open document's annotations), only while shown.
 */
export function useLocatedPassages(
  client: GlossClient,
  shown: boolean,
  scope: MapScope,
  documentId: string | null,
  version: unknown,
): { passages: LocatedPassage[]; loading: boolean } {
  const key = `${scope}:${scope === 'document' ? documentId : ''}`;
  const [loaded, setLoaded] = useState<{ key: string; passages: LocatedPassage[] } | null>(null);
  useEffect(() => {
    if (!shown || (scope === 'document' && !documentId)) return;
    let current = true;
    const request = scope === 'document' && documentId ? { documentId } : {};
    void client.services.locatedPassages(request).then((result) => {
      if (current && result.ok) setLoaded({ key, passages: result.value });
    });
    return () => {
      current = false;
    };
  }, [client, shown, scope, documentId, key, version]);
  return loaded?.key === key
    ? { passages: loaded.passages, loading: false }
    : { passages: [], loading: true };
}
