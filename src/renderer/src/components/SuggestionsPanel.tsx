import type { Suggestion, Tag } from '../../../shared/api';
import { detailsSummary } from '../../../core/details';
import { countOf, LiveCount } from './LiveMessage';

const suggestionsCount = (_before: number | null, after: number) =>
  after === 0 ? 'Nothing more to suggest' : countOf(after, 'suggestion');

interface SuggestionsPanelProps {
  suggestions: readonly Suggestion[];
  tags: readonly Tag[];
  onShow(s: Suggestion): void;
  onAccept(s: readonly Suggestion[]): void;
  onReject(s: Suggestion): void;
  onClose(): void;
}

/** What "Suggest" found: each one accepted (Enter) or rejected (Backspace) by the analyst. */
export function SuggestionsPanel({
  suggestions,
  tags,
  onShow,
  onAccept,
  onReject,
  onClose,
}: SuggestionsPanelProps) {
  const nameOf = (id: string) => tags.find((t) => t.id === id)?.name ?? id;
  const kinds = [...new Set(suggestions.map((s) => s.tag))];
  return (
    <section className="suggestions" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading" className="pane-heading">
        Suggestions <span className="count">{suggestions.length}</span>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </h2>
      <LiveCount count={suggestions.length} describe={suggestionsCount} announceFirst />
      {suggestions.length === 0 ? (
        <p className="orphans-hint">Nothing more to suggest in this document.</p>
      ) : (
        <>
          <p className="orphans-hint">
            Enter accepts, Backspace rejects. Nothing is annotated until you accept.
          </p>
          <div className="accept-all">
            {kinds.map((tag) => (
              <button
                key={tag}
                type="button"
                onClick={() => onAccept(suggestions.filter((s) => s.tag === tag))}
              >
                Accept all {nameOf(tag).toLowerCase()}s
              </button>
            ))}
          </div>
          <ul aria-label="Suggestions" className="annotation-list">
            {suggestions.map((s) => {
              const summary = detailsSummary(s.tag, s.details);
              return (
                <li key={s.key} className="suggestion-row">
                  <button
                    type="button"
                    className="annotation-row"
                    style={
                      {
                        '--tag-color': tags.find((t) => t.id === s.tag)?.color ?? '#868e96',
                      } as React.CSSProperties
                    }
                    onFocus={() => onShow(s)}
                    onClick={() => onShow(s)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        onAccept([s]);
                      } else if (e.key === 'Backspace') {
                        e.preventDefault();
                        onReject(s);
                      }
                    }}
                  >
                    <span className="tag-chip">{nameOf(s.tag)}</span>
                    <span className="annotation-quote">{s.quote}</span>
                    {summary && <span className="annotation-details">{summary}</span>}
                  </button>
                  <span className="suggestion-actions">
                    <button
                      type="button"
                      onClick={() => onAccept([s])}
                      aria-label={`Accept ${s.quote}`}
                    >
                      Accept
                    </button>
                    <button
                      type="button"
                      onClick={() => onReject(s)}
                      aria-label={`Reject ${s.quote}`}
                    >
                      Reject
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
