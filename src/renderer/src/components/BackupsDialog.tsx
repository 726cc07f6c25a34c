import { useEffect, useRef, useState } from 'react';
import type { BackupInfo, Result } from '../../../shared/api';
import { backupTime } from '../backup-time';

interface BackupsDialogProps {
  /** Asks the services for the backups, newest first. */
  list(): Promise<Result<BackupInfo[]>>;
  /** The workspace is read-only because of a damaged file: restoring is the way out. */
  damaged: boolean;
  /** Why the last backup failed, if it did. */
  backupProblem: string | null;
  /** Restores one; resolves true once done (the dialog then closes), false if refused. */
  onRestore(backup: BackupInfo): Promise<boolean>;
  onClose(): void;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Restore from backup: the workspace's verified backups, newest first, one to choose. Restoring
 * a healthy workspace asks once more, since it replaces the current annotations.
 */
export function BackupsDialog({
  list,
  damaged,
  backupProblem,
  onRestore,
  onClose,
}: BackupsDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const back = useRef<HTMLButtonElement>(null);
  // Asking before replacing a healthy workspace: the safe answer has the focus.
  useEffect(() => {
    if (confirming) back.current?.focus();
  }, [confirming]);

  useEffect(() => {
    let live = true;
    void list().then((result) => {
      if (!live) return;
      if (!result.ok) {
        setProblem(result.error.message);
        setBackups([]);
        return;
      }
      setBackups(result.value);
      setChosen(result.value[0]?.name ?? null);
    });
    return () => {
      live = false;
    };
  }, [list]);

  const backup = backups?.find((b) => b.name === chosen) ?? null;

  const restore = async () => {
    if (!backup || busy) return;
    if (!damaged && !confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    const done = await onRestore(backup);
    setBusy(false);
    if (!done) setConfirming(false);
  };

  return (
    <dialog
      ref={ref}
      className="export-dialog backups-dialog"
      aria-labelledby="backups-title"
      onCancel={onClose}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void restore();
        }}
      >
        <h2 id="backups-title">Restore from backup</h2>
        {confirming && backup ? (
          <p className="backups-confirm">
            Restore the backup of {backupTime(backup.created)}? Its tags, documents and annotations
            replace the current ones. The current files are not deleted: they are kept in a
            before-restore folder of the workspace.
          </p>
        ) : (
          <>
            <p className="backups-hint">
              {damaged
                ? 'Gloss puts the backup in place of the damaged files, which are kept in a before-restore folder of the workspace.'
                : 'Gloss backs up the workspace 15 seconds after you stop making changes (at most every 10 minutes) and when it closes. Document texts are never deleted, so backups hold the tags, documents and annotations.'}
            </p>
            {backupProblem && <p className="export-problem">{backupProblem}</p>}
            {backups === null ? (
              <p>Looking for backups…</p>
            ) : backups.length === 0 ? (
              <p>{problem ?? 'There are no backups of this workspace yet.'}</p>
            ) : (
              <fieldset>
                <legend>Backups, newest first</legend>
                <div className="backups-list">
                  {backups.map((b, i) => (
                    <label key={b.name} className="export-option">
                      <input
                        type="radio"
                        name="backup"
                        value={b.name}
                        checked={chosen === b.name}
                        autoFocus={i === 0}
                        onChange={() => setChosen(b.name)}
                      />
                      <span>{backupTime(b.created)}</span>
                      <small>
                        {count(b.documents, 'document')}, {count(b.annotations, 'annotation')}
                      </small>
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
          </>
        )}
        <div className="confirm-actions">
          <button
            ref={back}
            type="button"
            onClick={confirming ? () => setConfirming(false) : onClose}
          >
            {confirming ? 'Back' : 'Cancel'}
          </button>
          <button
            type="submit"
            className={confirming ? 'danger' : 'primary'}
            disabled={!backup || busy}
          >
            {confirming ? 'Replace current annotations' : busy ? 'Restoring…' : 'Restore'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
