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

/** What changed between the annotations painted and the ones to paint, by object identity. */
export function diffAnnotations(
  painted: ReadonlyMap<string, { annotation: Annotation }>,
  next: readonly Annotation[],
): { added: Annotation[]; removed: string[] } {
  const added: Annotation[] = [];
  const keep = new Set<string>();
  for (const a of next) {
    if (a.orphan) continue; // its offsets belong to an older text
    const before = painted.get(a.id);
    if (before?.annotation === a) keep.add(a.id);
    else added.push(a);
  }
  const removed: string[] = [];
  for (const id of painted.keys()) if (!keep.has(id)) removed.push(id);
  return { added, removed };
}

/**
 * Paints one reader's annotations, changing only what changed: adding one annotation to
 * 10,000 costs one Range, not 10,000. One Highlight per tag, in the tags' order.
 */
export class AnnotationPainter {
  private painted = new Map<string, { annotation: Annotation; range: Range }>();
  private byTag = new Map<string, Highlight>();
  private selected: Highlight | null = null;
  private tagOrder = '';

  constructor(private readonly index: TextIndex) {}

  paint(annotations: readonly Annotation[], tags: readonly Tag[], selectedId: string | null) {
    if (!canPaint()) return;
    const order = tags.map((t) => t.id).join(' ');
    if (order !== this.tagOrder) this.reset(tags, order);
    const { added, removed } = diffAnnotations(this.painted, annotations);
    for (const id of removed) {
      const old = this.painted.get(id)!;
      this.byTag.get(old.annotation.tag)?.delete(old.range);
      this.painted.delete(id);
    }
    for (const a of added) {
      const highlight = this.byTag.get(a.tag);
      const range = highlight ? this.index.range(a.start, a.end) : null;
      if (!highlight || !range) continue; // a tag no longer in the set, or text that is gone
      highlight.add(range);
      this.painted.set(a.id, { annotation: a, range });
    }
    const selected = selectedId ? this.painted.get(selectedId) : undefined;
    unregister(SELECTED_HIGHLIGHT, this.selected);
    this.selected = null;
    if (selected) {
      this.selected = new Highlight(selected.range.cloneRange());
      this.selected.priority = tags.length + 1;
      CSS.highlights.set(SELECTED_HIGHLIGHT, this.selected);
    }
  }

  /** Starts over with one empty Highlight per tag (a tag was added, removed or moved). */
  private reset(tags: readonly Tag[], order: string): void {
    this.clear();
    this.tagOrder = order;
    tags.forEach((tag, priority) => {
      const highlight = new Highlight();
      highlight.priority = priority;
      this.byTag.set(tag.id, highlight);
      CSS.highlights.set(highlightName(tag.id), highlight);
    });
  }

  /**
   * Removes what this painter painted, and only that: a reader being replaced must not take
   * down the highlights its successor has already registered under the same names.
   */
  clear(): void {
    if (!canPaint()) return;
    for (const [tagId, highlight] of this.byTag) unregister(highlightName(tagId), highlight);
    unregister(SELECTED_HIGHLIGHT, this.selected);
    this.selected = null;
    this.byTag.clear();
    this.painted.clear();
    this.tagOrder = '';
  }
}

/** Deletes a registered highlight if it is still this one (a successor may have replaced it). */
function unregister(name: string, highlight: Highlight | null): void {
  if (highlight && CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
}

/**
 * Paints suggestions as dashed underlines, replacing the previous ones; answers what it
 * registered, for clearSuggestions.
 */
export function paintSuggestions(
  index: TextIndex,
  spans: readonly { start: number; end: number }[],
): Highlight | null {
  if (!canPaint()) return null;
  const ranges = spans.flatMap((s) => index.range(s.start, s.end) ?? []);
  if (!ranges.length) {
    CSS.highlights.delete(SUGGESTION_HIGHLIGHT);
    return null;
  }
  const highlight = new Highlight(...ranges);
  CSS.highlights.set(SUGGESTION_HIGHLIGHT, highlight);
  return highlight;
}

/** Removes suggestions painted by paintSuggestions, unless another reader replaced them. */
export function clearSuggestions(highlight: Highlight | null): void {
  if (canPaint()) unregister(SUGGESTION_HIGHLIGHT, highlight);
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
