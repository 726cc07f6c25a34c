/** The part of a zod error we read: its issues. */
export interface IssueList {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/** A short readable summary of a zod error: the first few issues as "path: message". */
export function summarizeIssues(error: IssueList, max = 3): string {
  const parts = error.issues.slice(0, max).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.');
    return path ? `${path.replace(/\.\[/g, '[')}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - max;
  return parts.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}
