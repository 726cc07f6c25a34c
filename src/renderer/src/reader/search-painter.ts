import type { TextIndex } from './text-index';
import { canPaint } from './highlight-painter';

// Paints search matches over the reader like suggestions are painted: Ranges from offsets in
// named Highlights, so the text itself is never wrapped. Above every tag, so a match stays
// marked over any tag colour (styles in search.css).

export const SEARCH_HIGHLIGHT = 'gloss-search';
export const SEARCH_CURRENT_HIGHLIGHT = 'gloss-search-current';
const ABOVE_TAGS = 1000;

/** What paintSearch registered, for clearSearch. */
export interface PaintedSearch {
  all: Highlight | null;
  current: Highlight | null;
}

/** Paints every match, and the one jumped to more strongly, replacing earlier ones. */
export function paintSearch(
  index: TextIndex,
  spans: readonly { start: number; end: number }[],
  current: { start: number; end: number } | null,
): PaintedSearch {
  const painted: PaintedSearch = { all: null, current: null };
  if (!canPaint()) return painted;
  const ranges = spans.flatMap((s) => index.range(s.start, s.end) ?? []);
  if (ranges.length) {
    painted.all = new Highlight(...ranges);
    painted.all.priority = ABOVE_TAGS;
    CSS.highlights.set(SEARCH_HIGHLIGHT, painted.all);
  } else CSS.highlights.delete(SEARCH_HIGHLIGHT);
  const range = current && index.range(current.start, current.end);
  if (range) {
    painted.current = new Highlight(range);
    painted.current.priority = ABOVE_TAGS + 1;
    CSS.highlights.set(SEARCH_CURRENT_HIGHLIGHT, painted.current);
  } else CSS.highlights.delete(SEARCH_CURRENT_HIGHLIGHT);
  return painted;
}

/** Removes what paintSearch painted, unless another reader has replaced it since. */
export function clearSearch(painted: PaintedSearch): void {
  if (!canPaint()) return;
  for (const [name, highlight] of [
    [SEARCH_HIGHLIGHT, painted.all],
    [SEARCH_CURRENT_HIGHLIGHT, painted.current],
  ] as const) {
    if (highlight && CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
  }
}
