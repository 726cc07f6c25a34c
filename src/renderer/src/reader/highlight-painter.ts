import type { Annotation, Tag } from '../../../shared/api';
import type { TextIndex } from './text-index';
import { HIGHLIGHT_ALPHA } from '../../../core/colors';

// Paints annotations with the CSS Custom Highlight API: one Highlight per tag over Ranges, so
// no element wraps annotated text and overlapping annotations simply layer.

const PREFIX = 'gloss-tag-';
export const SELECTED_HIGHLIGHT = 'gloss-selected';
export const SUGGESTION_HIGHLIGHT = 'gloss-suggestion';

/** The highlight name for a tag (tag ids are [a-z0-9-], valid in ::highlight()). */
export const highlightName = (tagId: string): string => PREFIX + tagId;

/** True where this browser can paint highlights. */
export const canPaint = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS;

/** Replaces every Gloss highlight with the given annotations' ranges. */
export function paintAnnotations(
  index: TextIndex,
  annotations: readonly Annotation[],
  tags: readonly Tag[],
  selectedId: string | null,
): void {
  if (!canPaint()) return;
  clearPainted();
  const byTag = new Map<string, Range[]>();
  let selected: Range | null = null;
  for (const a of annotations) {
    if (a.orphan) continue; // its offsets belong to an older text
    const range = index.range(a.start, a.end);
    if (!range) continue;
    const list = byTag.get(a.tag) ?? [];
    list.push(range);
    byTag.set(a.tag, list);
    if (a.id === selectedId) selected = range.cloneRange();
  }
  tags.forEach((tag, order) => {
    const ranges = byTag.get(tag.id);
    if (!ranges) return;
    const highlight = new Highlight(...ranges);
    highlight.priority = order;
    CSS.highlights.set(highlightName(tag.id), highlight);
  });
  if (selected) {
    const highlight = new Highlight(selected);
    highlight.priority = tags.length + 1;
    CSS.highlights.set(SELECTED_HIGHLIGHT, highlight);
  }
}

/** Paints suggestions as dashed underlines (replacing the previous ones). */
export function paintSuggestions(
  index: TextIndex,
  spans: readonly { start: number; end: number }[],
): void {
  if (!canPaint()) return;
  const ranges = spans.flatMap((s) => index.range(s.start, s.end) ?? []);
  if (ranges.length) CSS.highlights.set(SUGGESTION_HIGHLIGHT, new Highlight(...ranges));
  else CSS.highlights.delete(SUGGESTION_HIGHLIGHT);
}

/** Removes every highlight Gloss painted. */
export function clearPainted(): void {
  if (!canPaint()) return;
  for (const name of [...CSS.highlights.keys()]) {
    if (name.startsWith(PREFIX) || name === SELECTED_HIGHLIGHT || name === SUGGESTION_HIGHLIGHT)
      CSS.highlights.delete(name);
  }
}

/** Style rules for every tag's highlight, translucent so overlaps show both colours. */
export function highlightStyles(tags: readonly Tag[]): string {
  return tags
    .map(
      (t) =>
        `::highlight(${highlightName(t.id)}) { background-color: ${withAlpha(t.color, HIGHLIGHT_ALPHA)}; }`,
    )
    .join('\n');
}

/** #rrggbb -> rgba() with the given alpha. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
