import type { Span } from './graphemes';

// String primitives for re-anchoring (reanchor.ts): exact search in a window and for many
// patterns at once, context similarity, alignment of a quote's ends. Plain strings and
// JS string indices (UTF-16 code units) throughout.

/** True when the characters either side of `i` (or the text's edge) are ASCII, not CR. */
export function asciiPair(text: string, i: number): boolean {
  const before = i > 0 ? text.charCodeAt(i - 1) : 0;
  const after = i < text.length ? text.charCodeAt(i) : 0;
  return before < 0x80 && after < 0x80 && before !== 0x0d;
}

/** True for a letter, digit or combining mark. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}\p{M}]/u.test(ch);
}

/** Length of the keys `findAll` hashes; shorter patterns are searched for one by one. */
export const KEY = 16;
const HASH_BASE = 0x01000193;
/** The filter has 2^FILTER_BITS bits (32 KB, cache-sized): 10,000 patterns set 4 % of them. */
const FILTER_BITS = 18;

/**
 * Where each pattern occurs in `text` (up to max + 1 times, so that "too many" shows), in one
 * pass: a rolling hash of KEY characters is looked up among the patterns' first KEY characters,
 * behind a small bit filter so that most positions cost a few arithmetic operations.
 */
export function findAll(text: string, patterns: readonly string[], max: number) {
  const out = new Map<string, number[]>();
  const byKey = new Map<number, string[]>();
  const filter = new Int32Array(1 << (FILTER_BITS - 5));
  for (const p of patterns) {
    if (out.has(p)) continue;
    if (p.length < KEY) {
      // Too short to hash: rare enough (tiny texts) to look for one by one.
      out.set(p, p ? occurrences(text, p, 0, text.length, max + 1) : []);
      continue;
    }
    out.set(p, []);
    const h = hashKey(p, 0);
    byKey.set(h, [...(byKey.get(h) ?? []), p]);
    const bit = h >>> (32 - FILTER_BITS);
    filter[bit >>> 5]! |= 1 << (bit & 31);
  }
  if (byKey.size === 0 || text.length < KEY) return out;
  let pow = 1;
  for (let i = 1; i < KEY; i++) pow = Math.imul(pow, HASH_BASE);
  let h = hashKey(text, 0);
  for (let i = 0; ; i++) {
    const bit = h >>> (32 - FILTER_BITS);
    if (filter[bit >>> 5]! & (1 << (bit & 31))) {
      for (const p of byKey.get(h) ?? []) {
        const hits = out.get(p)!;
        if (hits.length <= max && text.startsWith(p, i)) hits.push(i);
      }
    }
    if (i + KEY >= text.length) break;
    const dropped = Math.imul(text.charCodeAt(i), pow);
    h = (Math.imul(h - dropped, HASH_BASE) + text.charCodeAt(i + KEY)) | 0;
  }
  return out;
}

function hashKey(text: string, at: number): number {
  let h = 0;
  // Kept in int32 (| 0): V8 keeps small integers unboxed, not doubles above 2^31.
  for (let i = 0; i < KEY; i++) h = (Math.imul(h, HASH_BASE) + text.charCodeAt(at + i)) | 0;
  return h;
}

/** Length of the longest common prefix of two strings, in code units. */
export function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the longest common suffix of two strings, at most `limit`. */
export function commonSuffixLength(a: string, b: string, limit: number): number {
  let i = 0;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** Starts of `pattern` in `text` that lie within [from, to) as a whole, at most `max` of them. */
export function occurrences(text: string, pattern: string, from: number, to: number, max: number) {
  const out: number[] = [];
  const start = Math.max(0, from);
  const end = Math.min(text.length, to);
  if (end - start < pattern.length) return out;
  // indexOf has no end bound: a miss in a small window must not scan the rest of the text.
  const whole = start === 0 && end === text.length;
  const hay = whole ? text : text.slice(start, end);
  let i = hay.indexOf(pattern);
  while (i !== -1 && out.length < max) {
    out.push(start + i);
    i = hay.indexOf(pattern, i + 1);
  }
  return out;
}

/** Context beyond this is ignored (the schema allows 64; selectors make 32). */
const MAX_CONTEXT = 64;
/** Extra characters of text compared with a stored prefix/suffix, for insertions in it. */
const CONTEXT_SLACK = 8;
const rowA = new Int32Array(MAX_CONTEXT + CONTEXT_SLACK + 1);
const rowB = new Int32Array(MAX_CONTEXT + CONTEXT_SLACK + 1);

/**
 * How well `expected` agrees with the text on one side of `at` (direction −1: the text ending at
 * `at`, for a prefix; +1: the text starting there, for a suffix), from 0 to 1: one minus the edit
 * distance over the length, where the alignment is pinned at `at` and free at its far end (an
 * insertion in the context pushes its far end out of reach, which must not count twice).
 * An empty expectation means the quote stood at the edge of the text: full marks there, half
 * elsewhere (unknown).
 */
export function contextSimilarity(text: string, at: number, expected: string, direction: -1 | 1) {
  const ctx = direction < 0 ? expected.slice(-MAX_CONTEXT) : expected.slice(0, MAX_CONTEXT);
  const n = ctx.length;
  if (n === 0) return (direction < 0 ? at === 0 : at === text.length) ? 1 : 0.5;
  const w =
    direction < 0 ? Math.min(at, n + CONTEXT_SLACK) : Math.min(text.length - at, n + CONTEXT_SLACK);
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= w; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const e = direction < 0 ? ctx.charCodeAt(n - i) : ctx.charCodeAt(i - 1);
    for (let j = 1; j <= w; j++) {
      const t = direction < 0 ? text.charCodeAt(at - j) : text.charCodeAt(at + j - 1);
      cur[j] = Math.min(prev[j - 1]! + (e === t ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = n;
  for (let j = 0; j <= w; j++) best = Math.min(best, prev[j]!);
  return 1 - best / n;
}

/**
 * Characters around a span of one text and a span of another that agree verbatim, counted
 * outwards from each end, at most the lengths of `limits.prefix` and `limits.suffix`.
 */
export function surroundingsAgreement(
  oldText: string,
  h: Span,
  newText: string,
  c: Span,
  limits: { prefix: string; suffix: string },
): number {
  let n = 0;
  while (
    n < limits.prefix.length &&
    h.start - n - 1 >= 0 &&
    c.start - n - 1 >= 0 &&
    oldText.charCodeAt(h.start - n - 1) === newText.charCodeAt(c.start - n - 1)
  )
    n++;
  let k = 0;
  while (
    k < limits.suffix.length &&
    h.end + k < oldText.length &&
    oldText.charCodeAt(h.end + k) === newText.charCodeAt(c.end + k)
  )
    k++;
  return n + k;
}

/**
 * Aligns `before + piece + after` with the best-matching stretch of `text[from, to)` (edit
 * distance; the stretch's ends are free) and returns, for each character of `piece`, the index
 * of the text character it matches verbatim, or −1 (substituted or left out).
 */
export function alignPiece(
  before: string,
  piece: string,
  after: string,
  text: string,
  from: number,
  to: number,
): Int32Array {
  const pattern = before + piece + after;
  const n = pattern.length;
  const w = Math.max(0, to - from);
  const cols = w + 1;
  // 0: diagonal, 1: a pattern character left out, 2: a text character left out.
  const move = new Uint8Array((n + 1) * cols);
  let prev = new Int32Array(cols);
  let cur = new Int32Array(cols);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    move[i * cols] = 1;
    const p = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= w; j++) {
      const diag = prev[j - 1]! + (p === text.charCodeAt(from + j - 1) ? 0 : 1);
      const up = prev[j]! + 1;
      const left = cur[j - 1]! + 1;
      if (diag <= up && diag <= left) {
        cur[j] = diag;
        move[i * cols + j] = 0;
      } else if (up <= left) {
        cur[j] = up;
        move[i * cols + j] = 1;
      } else {
        cur[j] = left;
        move[i * cols + j] = 2;
      }
    }
    [prev, cur] = [cur, prev];
  }
  let j = 0;
  for (let k = 1; k <= w; k++) if (prev[k]! < prev[j]!) j = k;
  const matched = new Int32Array(piece.length).fill(-1);
  let i = n;
  while (i > 0) {
    const mv = j === 0 ? 1 : move[i * cols + j]!;
    if (mv === 0) {
      const q = i - 1 - before.length;
      if (q >= 0 && q < piece.length && pattern.charCodeAt(i - 1) === text.charCodeAt(from + j - 1))
        matched[q] = from + j - 1;
      i--;
      j--;
    } else if (mv === 1) i--;
    else j--;
  }
  return matched;
}

/**
 * The first index, from the start (step 1) or the end (step −1), of a character matched in a
 * dense stretch — at least 8 of the 10 characters from it onwards — or −1. A short word matched
 * by chance in rewritten text is not a place to start or end a passage.
 */
export function firstDense(matched: Int32Array, step: 1 | -1): number {
  const n = matched.length;
  const span = Math.min(10, n);
  const need = Math.ceil(span * 0.8);
  for (let k = 0; k + span <= n; k++) {
    const q = step > 0 ? k : n - 1 - k;
    if (matched[q]! < 0) continue;
    let hits = 0;
    for (let i = 0; i < span; i++) if (matched[q + i * step]! >= 0) hits++;
    if (hits >= need) return q;
  }
  return -1;
}

/** Levenshtein distance, two rows. */
export function editDistance(a: string, b: string): number {
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        prev[j - 1]! + (c === b.charCodeAt(j - 1) ? 0 : 1),
        prev[j]! + 1,
        cur[j - 1]! + 1,
      );
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** The item whose key is nearest to `target` (the first on a tie). */
export function nearest<T>(
  items: readonly T[],
  target: number,
  key: (t: T) => number,
): T | undefined {
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const item of items) {
    const d = Math.abs(key(item) - target);
    if (d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}

/** First index whose key is >= value, in an array sorted by key. */
export function lowerBound<T>(items: readonly T[], value: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose key is > value, in an array sorted by key. */
export function upperBound<T>(items: readonly T[], value: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
