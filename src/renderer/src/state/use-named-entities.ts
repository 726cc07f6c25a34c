import { useEffect, useState } from 'react';
import type { GlossClient } from '../api/client';

/**
 * The names of people and organisations in a document, fetched when it opens. Keyed by
 * document so a slow answer for a document no longer open is dropped.
 */
export function useNamedEntities(client: GlossClient, documentId: string | null): string[] {
  const [found, setFound] = useState<{ documentId: string; names: string[] } | null>(null);
  useEffect(() => {
    if (!documentId) return;
    let current = true;
    void client.services.namedEntities({ documentId }).then((result) => {
      if (current && result.ok)
        setFound({ documentId, names: result.value.map((entity) => entity.name) });
    });
    return () => {
      current = false;
    };
  }, [client, documentId]);
  return found && found.documentId === documentId ? found.names : NO_NAMES;
}

const NO_NAMES: string[] = [];
