import { useId, useMemo, useState } from 'react';
import { mapPoints, type LocatedPassage } from '../../../core/map-points';
import { WorldMap } from './WorldMap';
import './map.css';

type Scope = 'document' | 'workspace';

interface MapPanelProps {
  scope: Scope;
  onScopeChange(scope: Scope): void;
  /** Already for the chosen scope. */
  passages: readonly LocatedPassage[];
  loading?: boolean;
  /** Open its document if needed and select the annotation. */
  onJump(passage: LocatedPassage): void;
  onClose(): void;
}

const SCOPES: readonly { value: Scope; label: string }[] = [
  { value: 'document', label: 'This document' },
  { value: 'workspace', label: 'All documents' },
];

const mentions = (n: number) => `${n} ${n === 1 ? 'mention' : 'mentions'}`;

/** The located annotations on a world map: a point per place, its passages a click away. */
export function MapPanel({
  scope,
  onScopeChange,
  passages,
  loading = false,
  onJump,
  onClose,
}: MapPanelProps) {
  const radioName = useId();
  const points = useMemo(() => mapPoints(passages), [passages]);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const selected = points.find((p) => p.key === selectedKey) ?? null;
  // The selected place stays selected while it is still on the map.
  if (selectedKey !== null && selected === null) setSelectedKey(null);

  return (
    <section
      className="map-panel"
      aria-label="Places"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <h2 className="pane-heading map-panel-heading">
        Places <span className="count">{points.length || ''}</span>
        <button type="button" className="link-button" aria-label="Close places" onClick={onClose}>
          Close
        </button>
      </h2>
      <div className="map-scope" role="radiogroup" aria-label="Show places of">
        {SCOPES.map(({ value, label }) => (
          <label key={value} className="map-scope-option">
            <input
              type="radio"
              name={radioName}
              value={value}
              checked={scope === value}
              onChange={() => onScopeChange(value)}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
      <div className="map-body">
        <div className="map-frame" aria-busy={loading || undefined}>
          <WorldMap points={points} selectedKey={selectedKey} onSelect={setSelectedKey} />
          {loading && (
            <p className="map-loading" role="status">
              Finding places…
            </p>
          )}
        </div>
        {!loading && points.length === 0 ? (
          <div className="empty map-empty">
            <p>
              {scope === 'document'
                ? 'No places located in this document yet.'
                : 'No places located in any document yet.'}
            </p>
            <p>
              Tag places with Location, or use Suggest. Places matched to the gazetteer appear here.
            </p>
          </div>
        ) : selected ? (
          <div className="map-passages">
            <h3 className="map-passages-heading">
              {selected.name} <span className="count">{mentions(selected.passages.length)}</span>
            </h3>
            <ul role="list" aria-label={`Passages at ${selected.name}`} className="annotation-list">
              {selected.passages.map((p) => (
                <li key={`${p.documentId}/${p.annotationId}`}>
                  <button type="button" className="annotation-row" onClick={() => onJump(p)}>
                    <span className="annotation-quote map-passage-quote">
                      {p.before && (
                        <span className="map-passage-context">…{wordsAfterBreak(p.before)}</span>
                      )}
                      <mark>{p.quote}</mark>
                      {p.after && (
                        <span className="map-passage-context">{wordsBeforeBreak(p.after)}…</span>
                      )}
                    </span>
                    {scope === 'workspace' && (
                      <span className="map-passage-document">{p.documentTitle}</span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          points.length > 0 && (
            <p className="orphans-hint map-hint">
              Larger points are mentioned more often. Select one to list its passages.
            </p>
          )
        )}
      </div>
    </section>
  );
}

/** The context before a passage, from its last line break: the words that lead into it. */
function wordsAfterBreak(before: string): string {
  return before.slice(before.lastIndexOf('\n') + 1);
}

/** The context after a passage, up to its next line break. */
function wordsBeforeBreak(after: string): string {
  const end = after.indexOf('\n');
  return end === -1 ? after : after.slice(0, end);
}
