// Kept apart from structure.ts (and its zod schemas) so the renderer can use it without
// loading zod at startup.

/** The page an offset lies on: the last page starting at or before it (none without pages). */
export function pageAt(
  pages: readonly { start: number; page: number }[],
  offset: number,
): number | undefined {
  let lo = 0;
  let hi = pages.length - 1;
  let found: { page: number } | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = pages[mid]!;
    if (span.start <= offset) {
      found = span;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found?.page;
}
