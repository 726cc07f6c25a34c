import { useCallback, useEffect, useMemo, useState } from 'react';
import type { GlossClient } from '../api/client';
import type { SearchHit, SearchResults } from '../../../shared/api';
import { findInFolded, foldText } from '../../../core/search';

export type SearchScope = 'document' | 'workspace';

// Typing fast asks once, after a short pause, not for every letter.
const DEBOUNCE_MS = 120;
// The reader marks at most this many matches of the open document.
const MAX_MARKED = 10_000;

export interface SearchState {
  shown: boolean;
  scope: SearchScope;
  query: string;
  results: SearchResults | null;
  /** Bumped by every Ctrl+F, so the panel focuses its field again even when already shown. */
  focusRequest: number;
  /** The hit jumped to last: marked more strongly in the reader. */
  current: SearchHit | null;
  problem: string | null;
}

/** The search panel's state: what is asked, and what the services found. */
export function useSearch(client: GlossClient, openId: string | null) {
  const [shown, setShown] = useState(false);
  const [scope, setScope] = useState<SearchScope>('document');
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<{
    results: SearchResults | null;
    problem: string | null;
  } | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [current, setCurrent] = useState<SearchHit | null>(null);

  const asked = query.trim();
  const documentId = scope === 'document' ? openId : null;
  const searching = shown && asked !== '' && (scope === 'workspace' || !!documentId);
  useEffect(() => {
    if (!searching) return;
    let stale = false;
    const timer = setTimeout(() => {
      void client.services
        .search(documentId ? { query: asked, documentId } : { query: asked })
        .then((found) => {
          if (stale) return;
          setAnswer(
            found.ok
              ? { results: found.value, problem: null }
              : { results: null, problem: found.error.message },
          );
        });
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [client, searching, asked, documentId]);

  const open = useCallback((next: SearchScope) => {
    setShown(true);
    setScope(next);
    setCurrent(null);
    setFocusRequest((n) => n + 1);
  }, []);
  const close = useCallback(() => {
    setShown(false);
    setQuery('');
    setAnswer(null);
    setCurrent(null);
  }, []);
  // A new question forgets the hit shown for the last one.
  const ask = useCallback((next: string) => {
    setQuery(next);
    setCurrent(null);
  }, []);
  const choose = useCallback((next: SearchScope) => {
    setScope(next);
    setCurrent(null);
  }, []);

  // While the next answer is on its way, the last one stays (no flicker as the analyst types).
  const results = searching ? (answer?.results ?? null) : null;
  const problem = searching ? (answer?.problem ?? null) : null;
  const state: SearchState = { shown, scope, query, results, focusRequest, current, problem };
  return { state, open, close, setQuery: ask, setScope: choose, setCurrent };
}

/** Every match of the query in the open text, for the reader to mark (folded once per text). */
export function useSearchMatches(text: string | undefined, query: string) {
  const asked = query.trim();
  const active = asked !== '';
  const folded = useMemo(() => (text && active ? foldText(text) : null), [text, active]);
  return useMemo(
    () => (folded && asked ? findInFolded(folded, asked, MAX_MARKED) : []),
    [folded, asked],
  );
}
