import type { TextIndex } from './text-index';
import { canPaint } from './highlight-painter';

// Paints the keyboard reading cursor (the word or sentence under it) as a named CSS highlight,
// like search matches: a Range from offsets, so the text itself is never wrapped and the
// reader's blocks never render again. Above every tag and search mark, so the cursor is never
// hidden (styles in reading-cursor.css).

export const CURSOR_HIGHLIGHT = 'gloss-cursor';
const ABOVE_TAGS_AND_SEARCH = 2000;

/** The one reading cursor of a reader. */
export class CursorPainter {
  private highlight: Highlight | null = null;

  constructor(private readonly index: TextIndex) {}

  /** Shows the cursor over [start, end), or hides it when null or empty. */
  paint(span: { start: number; end: number } | null): void {
    if (!canPaint()) return;
    const range = span && span.end > span.start ? this.index.range(span.start, span.end) : null;
    if (!range) {
      this.clear();
      return;
    }
    const highlight = new Highlight(range);
    highlight.priority = ABOVE_TAGS_AND_SEARCH;
    CSS.highlights.set(CURSOR_HIGHLIGHT, highlight);
    this.highlight = highlight;
  }

  /** Hides the cursor, unless another reader has painted its own since. */
  clear(): void {
    if (!canPaint()) return;
    if (this.highlight && CSS.highlights.get(CURSOR_HIGHLIGHT) === this.highlight)
      CSS.highlights.delete(CURSOR_HIGHLIGHT);
    this.highlight = null;
  }
}
