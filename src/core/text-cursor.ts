// A keyboard reading cursor over the canonical text: moves by word, sentence and paragraph
// (block), and extends a selection by those units. Offsets are logical (UTF-16 code units of
// the text, in reading order), whatever the direction the text is shown in. Only the block
// holding an offset is ever segmented, so each key press stays cheap on a 2 MB document.
import { snapToGraphemes } from './graphemes';

/** A layout block: [start, end) of the text (see Block in structure.ts). */
export interface CursorBlock {
  start: number;
  end: number;
}

/** A half-open span [start, end) of the text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A selection as the keyboard makes it: `anchor` stays, `focus` moves. Collapsed when equal. */
export interface CursorSelection {
  anchor: number;
  focus: number;
}

export type CursorUnit = 'word' | 'sentence' | 'paragraph';
export type CursorDirection = 'forward' | 'backward';

type Granularity = 'word' | 'sentence';

const segmenters: Record<Granularity, Intl.Segmenter> = {
  word: new Intl.Segmenter(undefined, { granularity: 'word' }),
  sentence: new Intl.Segmenter(undefined, { granularity: 'sentence' }),
};

/** A segment of a block, in text offsets. */
interface Piece {
  start: number;
  end: number;
  /** Word segments: a word (letters, digits), not space or punctuation. */
  wordLike: boolean;
}

// The spans segmented last: a run of key presses stays in one block, so each press reuses
// the segmentation instead of making it again.
const CACHE_SIZE = 8;
const cache: {
  granularity: Granularity;
  text: string;
  start: number;
  end: number;
  pieces: Piece[];
}[] = [];

/** The segments of one block (or one chunk of a long block), in order. */
function piecesOf(text: string, block: CursorBlock, granularity: Granularity): Piece[] {
  const hit = cache.find(
    (c) =>
      c.granularity === granularity &&
      c.start === block.start &&
      c.end === block.end &&
      c.text === text,
  );
  if (hit) return hit.pieces;
  const pieces: Piece[] = [];
  for (const s of segmenters[granularity].segment(text.slice(block.start, block.end))) {
    const start = block.start + s.index;
    pieces.push({ start, end: start + s.segment.length, wordLike: s.isWordLike ?? false });
  }
  cache.unshift({ granularity, text, start: block.start, end: block.end, pieces });
  cache.length = Math.min(cache.length, CACHE_SIZE);
  return pieces;
}

/** The words of a block (word-like segments only). */
function wordsOf(text: string, block: CursorBlock): TextSpan[] {
  return piecesOf(text, block, 'word').filter((p) => p.wordLike);
}

/** The sentences of a block, trimmed of white space at both ends, empty ones left out. */
function sentencesOf(text: string, block: CursorBlock): TextSpan[] {
  return piecesOf(text, block, 'sentence')
    .map((p) => trim(text, p))
    .filter((s) => s.end > s.start);
}

/** A block's span trimmed of white space, or null when it holds only white space. */
function paragraphOf(text: string, block: CursorBlock): TextSpan | null {
  const span = trim(text, block);
  return span.end > span.start ? span : null;
}

function trim(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * The index of the block holding an offset: the last block starting at or before it (an
 * offset between two blocks belongs to the one before), or 0 before the first. -1 when there
 * are no blocks.
 */
export function blockIndexAt(blocks: readonly CursorBlock[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = blocks.length ? 0 : -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Units of one kind within a block. */
type UnitsOf = (text: string, block: CursorBlock) => readonly TextSpan[];

const unitsOf: Record<CursorUnit, UnitsOf> = {
  word: wordsOf,
  sentence: sentencesOf,
  paragraph: (text, block) => {
    const p = paragraphOf(text, block);
    return p ? [p] : [];
  },
};

// How many blocks (or chunks) a move may look through for one holding a unit (empty blocks, a
// table of numbers without words): past this the cursor stays where it is rather than freeze.
const BLOCK_SCAN_LIMIT = 2000;

// Long blocks (a text without paragraph breaks) are segmented in chunks of about this many
// code units, cut where a word or sentence certainly ends: segmenting is slow on long strings
// (V8 takes seconds over 100 kB), and a key press needs only the text around the cursor.
const CHUNK = 4096;

const SPACE = /\s/;
const SENTENCE_END = /[.!?\u061f\u06d4\u3002\u2026]/;
const CLOSER = /["'\u2019\u201d\u00bb)\]]/;

/**
 * A position at or after `from` (and within CHUNK / 2 of it) where a chunk may start: after
 * white space that follows a sentence's end (sentences), or after any white space (words);
 * -1 when there is none.
 */
function cutAfter(text: string, from: number, end: number, unit: CursorUnit): number {
  const limit = Math.min(end, from + CHUNK / 2);
  for (let i = Math.max(1, from); i < limit; i++) {
    if (!SPACE.test(text[i - 1]!) || SPACE.test(text[i]!)) continue;
    if (unit === 'word') return i;
    let j = i - 1;
    while (j > 0 && SPACE.test(text[j]!)) j--;
    while (j > 0 && CLOSER.test(text[j]!)) j--;
    if (SENTENCE_END.test(text[j]!)) return i;
  }
  return -1;
}

/** Where chunk k of a block starts (the block's end when past its last chunk). */
function chunkStart(text: string, block: CursorBlock, k: number, unit: CursorUnit): number {
  if (k <= 0) return block.start;
  const at = block.start + k * CHUNK;
  if (at >= block.end) return block.end;
  let cut = cutAfter(text, at, block.end, unit);
  if (cut < 0 && unit === 'sentence') cut = cutAfter(text, at, block.end, 'word');
  return cut < 0 ? Math.max(block.start + 1, snapOffset(text, at)) : cut;
}

/** The index of the chunk of a block holding an offset. */
function chunkIndexAt(text: string, block: CursorBlock, offset: number, unit: CursorUnit): number {
  let k = Math.max(0, Math.floor((offset - block.start) / CHUNK));
  while (k > 0 && offset < chunkStart(text, block, k, unit)) k--;
  return k;
}

/** Chunk k of a block, or null past its end. Short blocks are one chunk: themselves. */
function chunkOf(
  text: string,
  block: CursorBlock,
  k: number,
  unit: CursorUnit,
): CursorBlock | null {
  if (unit === 'paragraph' || block.end - block.start <= CHUNK) return k === 0 ? block : null;
  const start = chunkStart(text, block, k, unit);
  return start >= block.end ? null : { start, end: chunkStart(text, block, k + 1, unit) };
}

/** The spans to segment from the one holding `offset` on: chunks of blocks, in order. */
function* spansForward(
  text: string,
  blocks: readonly CursorBlock[],
  offset: number,
  unit: CursorUnit,
): Generator<CursorBlock> {
  const first = Math.max(0, blockIndexAt(blocks, offset));
  let count = 0;
  for (let i = first; i < blocks.length; i++) {
    const block = blocks[i]!;
    let k = i === first ? chunkIndexAt(text, block, offset, unit) : 0;
    for (let c = chunkOf(text, block, k, unit); c; c = chunkOf(text, block, ++k, unit)) {
      if (count++ >= BLOCK_SCAN_LIMIT) return;
      yield c;
    }
  }
}

/** The spans to segment from the one holding `offset` back, in reverse order. */
function* spansBackward(
  text: string,
  blocks: readonly CursorBlock[],
  offset: number,
  unit: CursorUnit,
): Generator<CursorBlock> {
  const first = blockIndexAt(blocks, offset);
  let count = 0;
  for (let i = first; i >= 0; i--) {
    const block = blocks[i]!;
    const from = i === first ? Math.min(offset, block.end) : block.end;
    for (let k = chunkIndexAt(text, block, from, unit); k >= 0; k--) {
      const c = chunkOf(text, block, k, unit);
      if (!c) continue;
      if (count++ >= BLOCK_SCAN_LIMIT) return;
      yield c;
    }
  }
}

/** The first unit, from the span holding `offset` on, that `accept` takes. */
function findForward(
  text: string,
  blocks: readonly CursorBlock[],
  offset: number,
  unit: CursorUnit,
  accept: (u: TextSpan) => boolean,
): TextSpan | null {
  for (const span of spansForward(text, blocks, offset, unit)) {
    const hit = unitsOf[unit](text, span).find(accept);
    if (hit) return hit;
  }
  return null;
}

/** The last unit, from the span holding `offset` back, that `accept` takes. */
function findBackward(
  text: string,
  blocks: readonly CursorBlock[],
  offset: number,
  unit: CursorUnit,
  accept: (u: TextSpan) => boolean,
): TextSpan | null {
  for (const span of spansBackward(text, blocks, offset, unit)) {
    const list = unitsOf[unit](text, span);
    for (let k = list.length - 1; k >= 0; k--) if (accept(list[k]!)) return list[k]!;
  }
  return null;
}

/** An offset moved back to the start of the grapheme cluster holding it. */
export function snapOffset(text: string, offset: number): number {
  return snapToGraphemes(text, { start: offset, end: offset }).start;
}

/** The start of the next unit after `offset` (crossing blocks), or null at the last one. */
export function nextStart(
  text: string,
  blocks: readonly CursorBlock[],
  offset: number,
  unit: CursorUnit,
): number | null {
  return findForward(text, blocks, offset, unit, (u) => u.start > offset)?.start ?? null;
}

/**
 * The start of the unit holding `offset` when the offset is inside it, else of the previous
 * one (crossing blocks), or null before the first — as Ctrl+Left goes to a word's start first.
 */
export function previousStart(
  text: string,
  blocks: readonly CursorBlock[],
  offset: number,
  unit: CursorUnit,
): number | null {
  return findBackward(text, blocks, offset, unit, (u) => u.start < offset)?.start ?? null;
}

export const nextWord = (text: string, blocks: readonly CursorBlock[], offset: number) =>
  nextStart(text, blocks, offset, 'word');
export const previousWord = (text: string, blocks: readonly CursorBlock[], offset: number) =>
  previousStart(text, blocks, offset, 'word');
export const nextSentence = (text: string, blocks: readonly CursorBlock[], offset: number) =>
  nextStart(text, blocks, offset, 'sentence');
export const previousSentence = (text: string, blocks: readonly CursorBlock[], offset: number) =>
  previousStart(text, blocks, offset, 'sentence');
export const nextParagraph = (text: string, blocks: readonly CursorBlock[], offset: number) =>
  nextStart(text, blocks, offset, 'paragraph');
export const previousParagraph = (text: string, blocks: readonly CursorBlock[], offset: number) =>
  previousStart(text, blocks, offset, 'paragraph');

/**
 * The unit the cursor at `offset` shows: the one holding it, else the next one in its block
 * (the cursor sits on space or punctuation before a word), else the last one before it in its
 * block (the cursor is at the block's end). Null when the block has no such unit.
 */
export function unitAt(
  text: string,
  blocks: readonly CursorBlock[],
  offset: number,
  unit: CursorUnit,
): TextSpan | null {
  const i = blockIndexAt(blocks, offset);
  if (i < 0) return null;
  const block = blocks[i]!;
  const chunk = chunkOf(text, block, chunkIndexAt(text, block, offset, unit), unit) ?? block;
  const list = unitsOf[unit](text, chunk);
  return (
    list.find((u) => u.start <= offset && offset < u.end) ??
    list.find((u) => u.start >= offset) ??
    list.findLast((u) => u.end <= offset) ??
    null
  );
}

export const wordAt = (text: string, blocks: readonly CursorBlock[], offset: number) =>
  unitAt(text, blocks, offset, 'word');
export const sentenceAt = (text: string, blocks: readonly CursorBlock[], offset: number) =>
  unitAt(text, blocks, offset, 'sentence');
export const paragraphAt = (text: string, blocks: readonly CursorBlock[], offset: number) =>
  unitAt(text, blocks, offset, 'paragraph');

/** The start and end of the paragraph (block) holding `offset`, trimmed; null without blocks. */
export function paragraphBounds(
  text: string,
  blocks: readonly CursorBlock[],
  offset: number,
): TextSpan | null {
  const i = blockIndexAt(blocks, offset);
  if (i < 0) return null;
  return trim(text, blocks[i]!);
}

/**
 * Extends a selection by one unit, the anchor staying. Growing, the focus moves to the end of
 * the unit ending after it (forward) or to the start of the unit starting before it
 * (backward), crossing blocks: from a collapsed cursor at a sentence's start, forward selects
 * that sentence; from the middle of a word, to the word's end. Shrinking (back towards the
 * anchor), it stops at the previous unit's end (or the next one's start), so a selection never
 * keeps a trailing space; past the anchor, it collapses there first. At the text's edge
 * nothing changes.
 */
export function extend(
  text: string,
  blocks: readonly CursorBlock[],
  selection: CursorSelection,
  unit: CursorUnit,
  direction: CursorDirection,
): CursorSelection {
  const { anchor, focus } = selection;
  let to: number | undefined;
  if (direction === 'forward') {
    if (focus < anchor) {
      to = findForward(text, blocks, focus, unit, (u) => u.start > focus)?.start;
      if (to === undefined || to > anchor) to = anchor;
    } else to = findForward(text, blocks, focus, unit, (u) => u.end > focus)?.end;
  } else if (focus > anchor) {
    to = findBackward(text, blocks, focus, unit, (u) => u.end < focus)?.end;
    if (to === undefined || to < anchor) to = anchor;
  } else to = findBackward(text, blocks, focus, unit, (u) => u.start < focus)?.start;
  return { anchor, focus: to ?? focus };
}

/** The selection's span, start before end. */
export function spanOf(selection: CursorSelection): TextSpan {
  return {
    start: Math.min(selection.anchor, selection.focus),
    end: Math.max(selection.anchor, selection.focus),
  };
}

// Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic
// supplements and presentation forms, and the astral ones (Imperial Aramaic to Adlam).
const RTL_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|\ud802[\udc00-\udfff]|\ud83a/;
const LETTER = /\p{L}/u;

// How far into a block to look for its first strong letter (dir="auto" looks further, but a
// block without a letter in its first thousands of characters is left to right anyway).
const DIRECTION_SCAN = 4096;

/**
 * The direction a block is shown in, as dir="auto" decides it: from its first letter (digits,
 * marks and punctuation are weak), left to right when there is none.
 */
export function blockDirection(text: string, block: CursorBlock): 'ltr' | 'rtl' {
  const end = Math.min(block.end, block.start + DIRECTION_SCAN);
  for (let i = block.start; i < end; i++) {
    const c = text.codePointAt(i)!;
    const ch = String.fromCodePoint(c);
    if (c > 0xffff) i++;
    if (LETTER.test(ch)) return RTL_SCRIPT.test(ch) ? 'rtl' : 'ltr';
  }
  return 'ltr';
}
