import { useEffect, useRef, useState } from 'react';
import type { DocumentMeta, RequestOf, Tag } from '../../../shared/api';

export type ExportRequest = RequestOf<'exportDocuments'>;
type Format = ExportRequest['format'];
type Scope = 'document' | 'chosen' | 'workspace';

const FORMATS: { value: Format; label: string; hint: string }[] = [
  { value: 'json', label: 'Gloss JSON', hint: 'everything, to import again or archive' },
  { value: 'w3c', label: 'W3C Web Annotation', hint: 'JSON-LD for other annotation tools' },
  { value: 'csv', label: 'CSV', hint: 'one row per annotation, for spreadsheets' },
  { value: 'md', label: 'Report (Markdown)', hint: 'figures, places, quotes and claims' },
  { value: 'html', label: 'Report (HTML)', hint: 'the same report, ready to print' },
];

interface ExportDialogProps {
  documents: readonly DocumentMeta[];
  openId: string | null;
  tags: readonly Tag[];
  onExport(request: ExportRequest): void;
  onClose(): void;
}

/** Export: a format, which documents, and which tags. */
export function ExportDialog({ documents, openId, tags, onExport, onClose }: ExportDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const [format, setFormat] = useState<Format>('json');
  const [scope, setScope] = useState<Scope>('workspace');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(openId ? [openId] : []));
  const [shownTags, setShownTags] = useState<ReadonlySet<string>>(
    () => new Set(tags.map((t) => t.id)),
  );

  const documentIds =
    scope === 'workspace' ? [] : scope === 'document' && openId ? [openId] : [...chosen];
  const allTags = shownTags.size === tags.length;
  const problem =
    scope !== 'workspace' && documentIds.length === 0
      ? 'Choose at least one document.'
      : shownTags.size === 0
        ? 'Choose at least one tag.'
        : null;

  const toggle = (set: ReadonlySet<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };

  return (
    <dialog ref={ref} className="export-dialog" aria-labelledby="export-title" onCancel={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (problem) return;
          onExport({
            format,
            ...(documentIds.length ? { documentIds } : {}),
            ...(allTags ? {} : { tags: [...shownTags] }),
          });
        }}
      >
        <h2 id="export-title">Export</h2>
        <fieldset>
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <label key={f.value} className="export-option">
              <input
                type="radio"
                name="export-format"
                value={f.value}
                checked={format === f.value}
                onChange={() => setFormat(f.value)}
              />
              <span>{f.label}</span>
              <small>{f.hint}</small>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Documents</legend>
          <label className="export-option">
            <input
              type="radio"
              name="export-scope"
              checked={scope === 'document'}
              disabled={!openId}
              onChange={() => setScope('document')}
            />
            <span>This document</span>
          </label>
          <label className="export-option">
            <input
              type="radio"
              name="export-scope"
              checked={scope === 'chosen'}
              onChange={() => setScope('chosen')}
            />
            <span>Chosen documents</span>
          </label>
          {scope === 'chosen' && (
            <div className="export-choices" role="group" aria-label="Documents to export">
              {documents.map((d) => (
                <label key={d.id}>
                  <input
                    type="checkbox"
                    checked={chosen.has(d.id)}
                    onChange={() => setChosen(toggle(chosen, d.id))}
                  />
                  {d.title}
                </label>
              ))}
            </div>
          )}
          <label className="export-option">
            <input
              type="radio"
              name="export-scope"
              checked={scope === 'workspace'}
              onChange={() => setScope('workspace')}
            />
            <span>All documents</span>
          </label>
        </fieldset>
        <fieldset>
          <legend>Tags</legend>
          <div className="export-choices" role="group" aria-label="Tags to export">
            {tags.map((t) => (
              <label key={t.id}>
                <input
                  type="checkbox"
                  checked={shownTags.has(t.id)}
                  onChange={() => setShownTags(toggle(shownTags, t.id))}
                />
                {t.name}
              </label>
            ))}
          </div>
        </fieldset>
        {problem && (
          <p className="export-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="confirm-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!!problem}>
            Export
          </button>
        </div>
      </form>
    </dialog>
  );
}
