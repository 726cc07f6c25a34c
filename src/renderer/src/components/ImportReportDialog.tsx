import { useEffect, useRef } from 'react';
import type { ImportReport } from '../../../shared/api';

/** What an import did: added, already here, not found, conflicts, documents not here. */
export function ImportReportDialog({
  name,
  report,
  onClose,
}: {
  name: string;
  report: ImportReport;
  onClose(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="confirm" aria-labelledby="import-title" onCancel={onClose}>
      <h2 id="import-title">Imported {name}</h2>
      <ul className="import-report">
        <li>{count(report.added, 'annotation')} added</li>
        {report.skipped > 0 && <li>{count(report.skipped, 'annotation')} already here</li>}
        {report.orphans > 0 && (
          <li>
            {count(report.orphans, 'annotation')} whose passage was not found: listed under the
            document's annotations, to re-attach
          </li>
        )}
        {report.newDocuments.length > 0 && (
          <li>New documents, carried by the file: {report.newDocuments.join(', ')}</li>
        )}
        {report.newTags.length > 0 && <li>New tags: {report.newTags.join(', ')}</li>}
        {report.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
        {report.unmatched.map((u) => (
          <li key={u.title}>
            “{u.title}” is not in this workspace: its {count(u.annotations, 'annotation')} were not
            imported. Open the document, then import again.
          </li>
        ))}
        {report.conflicts.map((c) => (
          <li key={c} className="import-conflict">
            {c}
          </li>
        ))}
      </ul>
      <p className="import-undo">Undo (Ctrl+Z) takes the whole import back.</p>
      <div className="confirm-actions">
        <button type="button" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
