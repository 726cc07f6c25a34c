interface ErrorAlertProps {
  message: string;
  onDismiss(): void;
}

/** The last error, in plain words, until the user dismisses it. */
export function ErrorAlert({ message, onDismiss }: ErrorAlertProps) {
  return (
    <div className="error-alert" role="alert">
      <span>{message}</span>
      <button type="button" onClick={onDismiss} aria-label="Dismiss error">
        ×
      </button>
    </div>
  );
}
