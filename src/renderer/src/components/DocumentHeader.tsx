import { useState } from 'react';
import type { DocumentMeta, SourceStatus } from '../../../shared/api';
import { documentFacts } from '../document-facts';

interface DocumentHeaderProps {
  document: DocumentMeta;
  words: number;
  /** False when the text itself opens with the title (a plain text's first line). */
  showTitle: boolean;
  source: SourceStatus | null;
  readOnly: boolean;
  onRename(title: string): void;
  onRemove(): void;
  onUpdateFromDisk(): void;
  onSuggest(): void;
}

/** The open document's title, where it came from, and what can be done with it. */
export function DocumentHeader(props: DocumentHeaderProps) {
  const { document: doc, source, readOnly } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(doc.title);
  const meta = doc.metadata ?? {};
  const facts = documentFacts(doc, props.words);

  const save = () => {
    setEditing(false);
    if (draft.trim() && draft.trim() !== doc.title) props.onRename(draft.trim());
  };

  return (
    <header className="document-header">
      {editing ? (
        <input
          className="title-input"
          aria-label="Document title"
          value={draft}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onBlur={save}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
            if (e.key === 'Escape') {
              setDraft(doc.title);
              setEditing(false);
            }
          }}
        />
      ) : (
        <h1 className={props.showTitle ? 'document-title-heading' : 'visually-hidden'}>
          {doc.title}
        </h1>
      )}
      <p className="document-facts">
        {facts.map((f, i) => (
          <span key={i}>{f}</span>
        ))}
      </p>
      <p className="document-source-line">
        <span title={doc.sourcePath ?? doc.sourceName}>{doc.sourcePath ?? doc.sourceName}</span>
        {meta.sourceUrl && (
          // Shown, not linked: Gloss never opens the web on the analyst's behalf.
          <span className="source-url" title="Address of the original page">
            {meta.sourceUrl}
          </span>
        )}
      </p>
      {!readOnly && (
        <div className="document-actions">
          <button
            type="button"
            onClick={() => {
              setDraft(doc.title);
              setEditing(true);
            }}
          >
            Rename document
          </button>
          <button
            type="button"
            onClick={props.onSuggest}
            title="Find figures and quotations to annotate"
          >
            Suggest
          </button>
          <button type="button" className="danger" onClick={props.onRemove}>
            Remove document
          </button>
        </div>
      )}
      {source?.status === 'changed' && (
        <div className="source-banner" role="region" aria-label="File changed on disk">
          <span>The file on disk has changed since it was imported.</span>
          {!readOnly && (
            <button type="button" onClick={props.onUpdateFromDisk}>
              Update from disk
            </button>
          )}
        </div>
      )}
      {source?.status === 'missing' && (
        <div className="source-banner muted" role="region" aria-label="File missing on disk">
          The file is no longer at {source.path}; the copy in the workspace is intact.
        </div>
      )}
    </header>
  );
}
