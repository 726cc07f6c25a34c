import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SearchHit, SearchKind } from '../../../shared/api';
import type { SearchScope, SearchState } from '../state/use-search';
import './search.css';

interface SearchPanelProps {
  search: SearchState;
  /** Whether a document is open (to search "this document"). */
  hasDocument: boolean;
  onQuery(query: string): void;
  onScope(scope: SearchScope): void;
  /** Shows a hit's passage: opens its document first when another is open. */
  onJump(hit: SearchHit): void;
  onClose(): void;
}

const SCOPES: readonly { value: SearchScope; label: string }[] = [
  { value: 'document', label: 'This document' },
  { value: 'workspace', label: 'All documents' },
];

const KIND_LABELS: Record<SearchKind, string> = {
  text: 'Text',
  quote: 'Quote',
  note: 'Note',
  detail: 'Detail',
};

const results = (n: number) => `${n} ${n === 1 ? 'result' : 'results'}`;

/** The hits in order, grouped by document (the services answer them document by document). */
function byDocument(hits: readonly SearchHit[]) {
  const groups: { documentId: string; title: string; hits: { hit: SearchHit; at: number }[] }[] =
    [];
  hits.forEach((hit, at) => {
    const last = groups.at(-1);
    if (last?.documentId === hit.documentId) last.hits.push({ hit, at });
    else groups.push({ documentId: hit.documentId, title: hit.title, hits: [{ hit, at }] });
  });
  return groups;
}

/**
 * Search over the open document or the whole workspace, in place of the library while open.
 * The field keeps the focus: arrows choose a result, Enter shows it (and then the next one).
 */
export function SearchPanel(props: SearchPanelProps) {
  const { search, hasDocument } = props;
  const field = useRef<HTMLInputElement>(null);
  const listId = useId();
  const radioName = useId();
  const hits = useMemo(() => search.results?.hits ?? [], [search.results]);
  const groups = useMemo(() => byDocument(hits), [hits]);
  const [active, setActive] = useState<number | null>(null);
  const [shownAt, setShownAt] = useState<number | null>(null);
  // New results start again from the first.
  const [seen, setSeen] = useState(search.results);
  if (seen !== search.results) {
    setSeen(search.results);
    setActive(null);
    setShownAt(null);
  }

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [search.focusRequest]);

  useEffect(() => {
    if (active === null) return;
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  const show = (at: number) => {
    const hit = hits[at];
    if (!hit) return;
    setActive(at);
    setShownAt(at);
    props.onJump(hit);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const n = hits.length;
    if (e.key === 'Escape') props.onClose();
    else if (!n) return;
    else if (e.key === 'ArrowDown') setActive(active === null ? 0 : Math.min(n - 1, active + 1));
    else if (e.key === 'ArrowUp') setActive(active === null ? 0 : Math.max(0, active - 1));
    else if (e.key === 'Enter') {
      // Enter shows the chosen result; pressed again, it moves on (Shift+Enter moves back).
      const step = e.shiftKey ? -1 : 1;
      const from = active ?? (e.shiftKey ? 0 : -1);
      show(active !== null && shownAt !== active ? active : (from + step + n) % n);
    } else return;
    e.preventDefault();
  };

  const asked = search.query.trim() !== '';
  const needsDocument = search.scope === 'document' && !hasDocument;
  const summary = needsDocument
    ? 'Open a document to search it, or search all documents.'
    : search.problem
      ? search.problem
      : !asked || !search.results
        ? ''
        : hits.length === 0
          ? 'No matches.'
          : search.results.capped
            ? `The first ${results(hits.length)} (there are more: search for more words).`
            : `${results(hits.length)}${active === null ? '' : ` · ${active + 1} of ${hits.length}`}`;

  return (
    <aside className="pane library search-panel" aria-label="Search">
      <h2 className="pane-heading search-heading">
        Search
        <button type="button" className="link-button" onClick={props.onClose}>
          Close
        </button>
      </h2>
      <div className="search-field">
        <input
          ref={field}
          type="search"
          aria-label="Search"
          placeholder="Text, quotes, notes, details"
          maxLength={200}
          value={search.query}
          onChange={(e) => props.onQuery(e.target.value)}
          onKeyDown={onKeyDown}
          aria-controls={listId}
          aria-activedescendant={active === null ? undefined : `${listId}-${active}`}
        />
      </div>
      <div className="search-scope" role="radiogroup" aria-label="Search in">
        {SCOPES.map(({ value, label }) => (
          <label key={value} className="search-scope-option">
            <input
              type="radio"
              name={radioName}
              value={value}
              checked={search.scope === value}
              onChange={() => {
                props.onScope(value);
                field.current?.focus();
              }}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
      <p className="search-summary" aria-live="polite">
        {summary}
      </p>
      <div id={listId} className="search-results">
        {groups.map((g) => (
          <section key={g.documentId} className="search-group" aria-label={g.title}>
            {search.scope === 'workspace' && (
              <h3 className="search-group-title">
                {g.title} <span className="count">{g.hits.length}</span>
              </h3>
            )}
            <ul className="search-hits" aria-label={`Results in ${g.title}`}>
              {g.hits.map(({ hit, at }) => (
                <li key={at}>
                  <button
                    type="button"
                    id={`${listId}-${at}`}
                    className="search-hit"
                    aria-current={at === active ? 'true' : undefined}
                    tabIndex={-1}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => show(at)}
                  >
                    <span className="search-kind">
                      {KIND_LABELS[hit.kind]}
                      {hit.detail ? ` · ${hit.detail}` : ''}
                      {hit.orphan ? ' · orphaned' : ''}
                    </span>
                    <span className="search-context">
                      {hit.context.before}
                      <mark>{hit.context.match}</mark>
                      {hit.context.after}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
