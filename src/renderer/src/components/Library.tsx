import type { DocumentMeta } from '../../../shared/api';

interface LibraryProps {
  documents: readonly DocumentMeta[];
  openId: string | null;
  readOnly: boolean;
  onOpen(id: string): void;
  onAddSamples(): void;
}

/** The workspace's documents; the empty state says how to add some. */
export function Library({ documents, openId, readOnly, onOpen, onAddSamples }: LibraryProps) {
  return (
    <nav className="pane library" aria-labelledby="library-heading">
      <h2 id="library-heading" className="pane-heading">
        Documents <span className="count">{documents.length || ''}</span>
      </h2>
      {documents.length === 0 ? (
        <div className="empty">
          <p>No documents yet.</p>
          <p>Open a .txt or .md file, or drop files anywhere in this window.</p>
          {!readOnly && (
            <button type="button" onClick={onAddSamples}>
              Add sample articles
            </button>
          )}
        </div>
      ) : (
        <ul aria-label="Documents" className="document-list">
          {documents.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                className="document-row"
                aria-current={d.id === openId ? 'page' : undefined}
                onClick={() => onOpen(d.id)}
              >
                <span className="document-title" dir="auto">
                  {d.title}
                </span>
                <span className="document-source">{d.sourceName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
