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

function clusterStart(text: string, index: number): number {
  if (index === 0 || index === text.length) return index;
  return clusterAt(text, index).start;
}

function clusterEnd(text: string, index: number): number {
  if (index === 0 || index === text.length) return index;
  const cluster = clusterAt(text, index);
  return cluster.start === index ? index : cluster.end;
}

// How far to look for a known boundary before falling back to an approximate window. Real
// clusters are far shorter; only pathological text (Zalgo, endless flag runs) gets near it.
const SCAN_LIMIT = 1024;

/**
 * The grapheme cluster holding the code unit at `index`. Segments only a slice, but one that
 * starts and ends on boundaries that are certain whatever the context, because segmentation
 * depends on what precedes: a slice starting mid-way through a run of flags pairs them wrongly.
 */
function clusterAt(text: string, index: number): Span {
  const from = boundaryAtOrBefore(text, index);
  const to = boundaryAtOrAfter(text, index + 1);
  for (const seg of segmenter.segment(text.slice(from, to))) {
    const start = from + seg.index;
    const end = start + seg.segment.length;
    if (end > index) return { start, end };
  }
  return { start: index, end: index + 1 };
}

function boundaryAtOrBefore(text: string, index: number): number {
  const floor = Math.max(0, index - SCAN_LIMIT);
  for (let i = index; i > floor; i--) if (isCertainBoundary(text, i)) return i;
  if (floor === 0) return 0;
  // Fallback: never start inside a surrogate pair or a run of regional indicators (flags).
  let i = floor;
  if (isLowSurrogate(text.charCodeAt(i))) i--;
  while (i >= 2 && isRegionalIndicatorAt(text, i - 2)) i -= 2;
  return i;
}

function boundaryAtOrAfter(text: string, index: number): number {
  const ceiling = Math.min(text.length, index + SCAN_LIMIT);
  for (let i = index; i < ceiling; i++) if (isCertainBoundary(text, i)) return i;
  return ceiling;
}

/**
 * True when a grapheme boundary certainly falls before `text[i]`, whatever precedes it: around
 * a line feed (GB4, GB5), or before a plain letter, digit or punctuation mark that cannot extend
 * or join what is before it (no Extend, SpacingMark, ZWJ, emoji, regional indicator, Hangul or
 * Indic consonant), unless the previous character is a Prepend one (GB9b).
 */
function isCertainBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  const prev = text.charCodeAt(i - 1);
  const code = text.charCodeAt(i);
  if (prev === 0x0a || (code === 0x0a && prev !== 0x0d)) return true;
  return isPlainStarter(code) && !mayBePrepend(prev);
}

function isPlainStarter(c: number): boolean {
  return (
    (c >= 0x20 && c <= 0x7e) || // ASCII
    (c >= 0xc0 && c <= 0x24f) || // Latin-1 letters, Latin Extended-A/B
    (c >= 0x391 && c <= 0x3c9) || // Greek letters
    (c >= 0x410 && c <= 0x44f) || // Cyrillic letters
    (c >= 0x5d0 && c <= 0x5ea) || // Hebrew letters
    (c >= 0x621 && c <= 0x64a) || // Arabic letters
    (c >= 0x3041 && c <= 0x3096) || // Hiragana
    (c >= 0x30a1 && c <= 0x30fa) || // Katakana
    (c >= 0x4e00 && c <= 0x9fff) // CJK ideographs
  );
}

// Grapheme_Cluster_Break=Prepend in the BMP; astral ones hide behind surrogates, so any
// surrogate counts as "maybe".
function mayBePrepend(c: number): boolean {
  return (
    (c >= 0x600 && c <= 0x605) ||
    c === 0x6dd ||
    c === 0x70f ||
    c === 0x890 ||
    c === 0x891 ||
    c === 0x8e2 ||
    c === 0xd4e ||
    (c >= 0xd800 && c <= 0xdfff)
  );
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

// Regional indicators U+1F1E6..U+1F1FF are D83C DDE6..D83C DDFF in UTF-16.
function isRegionalIndicatorAt(text: string, i: number): boolean {
  const low = text.charCodeAt(i + 1);
  return text.charCodeAt(i) === 0xd83c && low >= 0xdde6 && low <= 0xddff;
}

/** Trims white space from both ends of a span, as selections often carry a trailing space. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
