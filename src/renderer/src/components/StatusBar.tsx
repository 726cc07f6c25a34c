interface StatusBarProps {
  pendingWrites: number;
  readOnly: boolean;
  workspacePath: string | null;
  notice: string | null;
  importing: string | null;
  /** Opens the workspace's backups (Restore from backup). */
  onBackups?: (() => void) | undefined;
  /** Opens the command palette and the list of shortcuts: where keyboard users learn them. */
  onCommands?: () => void;
  onShortcuts?: () => void;
}

/** Says whether everything is on disk: "Saved" only once the services confirmed the write. */
export function StatusBar({
  pendingWrites,
  readOnly,
  workspacePath,
  notice,
  importing,
  onBackups,
  onCommands,
  onShortcuts,
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
      {onCommands && (
        <button
          type="button"
          className="link-button"
          onClick={onCommands}
          title="Every command, found by typing"
        >
          Commands <kbd>Ctrl+K</kbd>
        </button>
      )}
      {onShortcuts && (
        <button type="button" className="link-button" onClick={onShortcuts}>
          Shortcuts <kbd>?</kbd>
        </button>
      )}
    </footer>
  );
}
