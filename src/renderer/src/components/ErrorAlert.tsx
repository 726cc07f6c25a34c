interface ErrorAlertProps {
  message: string;
  onDismiss(): void;
  /** A way out the error offers, such as opening an unknown file as plain text. */
  action?: { label: string; run(): void } | undefined;
}

/** The last error, in plain words, until the user dismisses it. */
export function ErrorAlert({ message, onDismiss, action }: ErrorAlertProps) {
  return (
    <div className="error-alert" role="alert">
      <span>{message}</span>
      <span className="alert-actions">
        {action && (
          <button type="button" className="alert-action" onClick={action.run}>
            {action.label}
          </button>
        )}
        <button
          type="button"
          className="alert-close"
          onClick={onDismiss}
          aria-label="Dismiss error"
        >
          ×
        </button>
      </span>
    </div>
  );
}
