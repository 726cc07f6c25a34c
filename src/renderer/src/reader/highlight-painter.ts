import type { Annotation, Tag } from '../../../shared/api';
import type { TextIndex } from './text-index';
import { HIGHLIGHT_ALPHA } from '../../../core/colors';
import { stepsBetween } from '../state/annotation-steps';

// Paints annotations with the CSS Custom Highlight API: one Highlight per tag over Ranges, so
// no element wraps annotated text and overlapping annotations simply layer.

const PREFIX = 'gloss-tag-';
export const SELECTED_HIGHLIGHT = 'gloss-selected';
export const SUGGESTION_HIGHLIGHT = 'gloss-suggestion';

/** The highlight name for a tag (tag ids are [a-z0-9-], valid in ::highlight()). */
export const highlightName = (tagId: string): string => PREFIX + tagId;

/** True where this browser can paint highlights. */
export const canPaint = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS;

/**
 * What changed between the annotations painted and the ones to paint, by object identity (the
 * store replaces an annotation's object when it changes). Keyed by object, not id: at 10,000
 * annotations a pass over object keys takes a fraction of a millisecond, one over id strings
 * several, and this runs on every keystroke that changes an annotation.
 */
export function diffAnnotations(
  painted: ReadonlyMap<Annotation, unknown>,
  next: readonly Annotation[],
): { added: Annotation[]; removed: Annotation[] } {
  const added: Annotation[] = [];
  let kept = 0;
  for (const a of next) {
    if (painted.has(a)) kept++;
    else if (!a.orphan) added.push(a); // an orphan's offsets belong to an older text
  }
  const removed: Annotation[] = [];
  if (kept === painted.size) return { added, removed };
  const present = new Set(next);
  for (const a of painted.keys()) if (!present.has(a)) removed.push(a);
  return { added, removed };
}

/**
 * Paints one reader's annotations, changing only what changed: adding one annotation to
 * 10,000 costs one Range, not 10,000. One Highlight per tag, in the tags' order.
 */
export class AnnotationPainter {
  private painted = new Map<Annotation, StaticRange>();
  /** The list painted last, for asking the store what changed since. */
  private list: readonly Annotation[] | null = null;
  private byTag = new Map<string, Highlight>();
  private selected: Highlight | null = null;
  private tagOrder = '';

  constructor(private readonly index: TextIndex) {}

  paint(annotations: readonly Annotation[], tags: readonly Tag[], selectedId: string | null) {
    if (!canPaint()) return;
    const order = tags.map((t) => t.id).join(' ');
    if (order !== this.tagOrder) this.reset(tags, order);
    // Usually the store says what changed since the last paint; otherwise compare the lists.
    const steps = this.list ? stepsBetween(this.list, annotations) : null;
    for (const { removed, added } of steps ?? [diffAnnotations(this.painted, annotations)]) {
      for (const a of removed) this.unpaint(a);
      for (const a of added) this.paintOne(a);
    }
    this.list = annotations;
    const chosen = selectedId ? annotations.find((a) => a.id === selectedId) : undefined;
    const selected = chosen && this.painted.get(chosen);
    unregister(SELECTED_HIGHLIGHT, this.selected);
    this.selected = null;
    if (selected) {
      this.selected = new Highlight(selected);
      this.selected.priority = tags.length + 1;
      CSS.highlights.set(SELECTED_HIGHLIGHT, this.selected);
    }
  }

  private paintOne(a: Annotation): void {
    if (a.orphan || this.painted.has(a)) return; // an orphan's offsets belong to an older text
    const highlight = this.byTag.get(a.tag);
    const range = highlight ? this.index.range(a.start, a.end) : null;
    if (!highlight || !range) return; // a tag no longer in the set, or text that is gone
    highlight.add(range);
    this.painted.set(a, range);
  }

  private unpaint(a: Annotation): void {
    const range = this.painted.get(a);
    if (!range) return;
    this.byTag.get(a.tag)?.delete(range);
    this.painted.delete(a);
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
    this.list = null;
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
