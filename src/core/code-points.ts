// Offsets in Unicode code points, as the W3C Web Annotation model counts characters, from and
// to the UTF-16 code-unit offsets Gloss stores (JavaScript string indices). A character outside
// the Basic Multilingual Plane (most emoji, some CJK, historic scripts) is one code point but two
// UTF-16 units, a surrogate pair; everything else is one of each. A lone surrogate (not valid
// Unicode, but possible in a JS string) counts as one code point, as string iteration does.

/** Where the text's surrogate pairs are, so that each conversion is a binary search. */
export class CodePointIndex {
  /** The text indexed (kept by reference, to recognise it again). */
  readonly text: string;
  /** Length in UTF-16 code units. */
  readonly length: number;
  /** Length in code points. */
  readonly codePointLength: number;
  /** UTF-16 index of the high surrogate of each pair, ascending. */
  private readonly pairs: Uint32Array;
  /** Code-point index of each pair (pairs[i] - i), ascending. */
  private readonly pairCodePoints: Uint32Array;

  constructor(text: string) {
    this.text = text;
    this.length = text.length;
    let count = 0;
    // Most texts have no surrogates at all: one native scan settles it.
    if (/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) {
      for (let i = 0; i < text.length - 1; i++) {
        if (isPairAt(text, i)) {
          count++;
          i++;
        }
      }
    }
    this.pairs = new Uint32Array(count);
    this.pairCodePoints = new Uint32Array(count);
    if (count > 0) {
      let k = 0;
      for (let i = 0; i < text.length - 1; i++) {
        if (!isPairAt(text, i)) continue;
        this.pairs[k] = i;
        this.pairCodePoints[k] = i - k;
        k++;
        i++;
      }
    }
    this.codePointLength = text.length - count;
  }

  /**
   * The code-point offset of a UTF-16 offset (0…length), or null when it is not an integer,
   * lies outside the text, or falls between the two halves of a surrogate pair.
   */
  toCodePoint(utf16Offset: number): number | null {
    if (!Number.isInteger(utf16Offset) || utf16Offset < 0 || utf16Offset > this.length) return null;
    const before = lowerBound(this.pairs, utf16Offset);
    if (before > 0 && this.pairs[before - 1] === utf16Offset - 1) return null;
    return utf16Offset - before;
  }

  /**
   * The UTF-16 offset of a code-point offset (0…codePointLength), or null when it is not an
   * integer or lies outside the text. (A code-point boundary never splits a surrogate pair.)
   */
  fromCodePoint(codePointOffset: number): number | null {
    if (
      !Number.isInteger(codePointOffset) ||
      codePointOffset < 0 ||
      codePointOffset > this.codePointLength
    )
      return null;
    return codePointOffset + lowerBound(this.pairCodePoints, codePointOffset);
  }
}

function isPairAt(text: string, i: number): boolean {
  const hi = text.charCodeAt(i);
  if (hi < 0xd800 || hi > 0xdbff) return false;
  const lo = text.charCodeAt(i + 1);
  return lo >= 0xdc00 && lo <= 0xdfff;
}

/** How many values of the ascending array are below `value`. */
function lowerBound(values: Uint32Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// The one-off functions keep the index of the last text they saw: converting every offset of
// one text in turn (an export, an import) builds it once.
let last: CodePointIndex | null = null;

/** The index of `text`, reusing the last one when it is the same text. */
export function codePointIndex(text: string): CodePointIndex {
  if (last === null || last.text !== text) last = new CodePointIndex(text);
  return last;
}

/** UTF-16 offset → code points; null outside the text or inside a surrogate pair. */
export function toCodePointOffset(text: string, utf16Offset: number): number | null {
  return codePointIndex(text).toCodePoint(utf16Offset);
}

/** Code points → UTF-16 offset; null outside the text (0…code-point length) or not an integer. */
export function fromCodePointOffset(text: string, codePointOffset: number): number | null {
  return codePointIndex(text).fromCodePoint(codePointOffset);
}
