/** The part of a zod error we read: its issues. */
export interface IssueList {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/** Longest part of a summary: zod quotes unknown keys, and a request may send a huge one. */
export const MAX_ISSUE_CHARS = 200;

/** A piece of a message fit to show and log: no control characters, at most `max` characters. */
function printable(text: string, max = MAX_ISSUE_CHARS): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what goes
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** A short readable summary of a zod error: the first few issues as "path: message". */
export function summarizeIssues(error: IssueList, max = 3): string {
  const parts = error.issues.slice(0, max).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.');
    return printable(path ? `${path.replace(/\.\[/g, '[')}: ${issue.message}` : issue.message);
  });
  const more = error.issues.length - max;
  return parts.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}
