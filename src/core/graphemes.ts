/** A half-open range [start, end) of JS string indices. */
export interface Span {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Widens a span so it neither splits a surrogate pair nor a grapheme cluster (a flag, an emoji
 * with modifiers, a letter with combining marks): the start moves back to its cluster's start,
 * the end forward to its cluster's end. Only the text around the edges is segmented, so this
 * stays cheap on long documents.
 */
export function snapToGraphemes(text: string, span: Span): Span {
  const start = clusterStart(text, clamp(span.start, 0, text.length));
  const endIn = clamp(span.end, 0, text.length);
  const end = endIn <= start ? start : clusterEnd(text, endIn);
  return { start, end };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

// Grapheme clusters are short; 64 code units of context either side covers any real one.
const WINDOW = 64;

function clusterStart(text: string, index: number): number {
  if (index === 0 || index === text.length) return index;
  const from = Math.max(0, index - WINDOW);
  let last = from;
  for (const seg of segmenter.segment(text.slice(from, Math.min(text.length, index + WINDOW)))) {
    const at = from + seg.index;
    if (at > index) break;
    last = at;
  }
  return last;
}

function clusterEnd(text: string, index: number): number {
  if (index === 0 || index === text.length) return index;
  const from = Math.max(0, index - WINDOW);
  for (const seg of segmenter.segment(text.slice(from, Math.min(text.length, index + WINDOW)))) {
    const segStart = from + seg.index;
    const segEnd = segStart + seg.segment.length;
    if (segStart >= index) return segStart;
    if (segEnd >= index) return segEnd;
  }
  return index;
}

/** Trims white space from both ends of a span, as selections often carry a trailing space. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
