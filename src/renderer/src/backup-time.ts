/** A backup's time as the analyst reads it: local date and time, to the second. */
export function backupTime(created: string): string {
  return new Date(created).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}
