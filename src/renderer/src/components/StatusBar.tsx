interface StatusBarProps {
  pendingWrites: number;
  readOnly: boolean;
  workspacePath: string | null;
  notice: string | null;
  importing: string | null;
  /** Opens the workspace's backups (Restore from backup). */
  onBackups?: (() => void) | undefined;
}

/** Says whether everything is on disk: "Saved" only once the services confirmed the write. */
export function StatusBar({
  pendingWrites,
  readOnly,
  workspacePath,
  notice,
  importing,
  onBackups,
}: StatusBarProps) {
  const status = readOnly ? 'Read-only' : pendingWrites > 0 ? 'Saving…' : 'Saved';
  return (
    <footer className="statusbar">
      <span role="status" className={`save-state ${pendingWrites > 0 ? 'saving' : ''}`}>
        {status}
      </span>
      {importing && (
        <span
          className="importing"
          role="progressbar"
          aria-label="Import progress"
          aria-valuetext={importing}
        >
          {importing}
        </span>
      )}
      <span className="notice" aria-live="polite">
        {notice}
      </span>
      {workspacePath && (
        <span className="workspace-path" title="Workspace folder">
          {workspacePath}
        </span>
      )}
      {workspacePath && onBackups && (
        <button type="button" className="link-button backups-button" onClick={onBackups}>
          Backups…
        </button>
      )}
    </footer>
  );
}
