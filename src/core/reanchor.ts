import search from 'approx-string-match';
import type { Span } from './graphemes';
import { snapToGraphemes, trimSpan } from './graphemes';
import {
  KEY,
  alignPiece,
  asciiPair,
  commonPrefixLength,
  commonSuffixLength,
  contextSimilarity,
  editDistance,
  findAll,
  firstDense,
  isWordChar,
  lowerBound,
  nearest,
  occurrences,
  surroundingsAgreement,
  upperBound,
} from './text-match';

// Re-anchoring: when a document's canonical text changes, every annotation is either placed on
// the new text or declared an orphan. An orphan is better than a wrong place, so every rule
// below errs towards "orphan" when the evidence is thin.
//
// The old text is known (canonical texts are kept, content addressed), which gives two things
// quote search alone would not have: a certain mapping for whatever lies in the unchanged head
// and tail of the text, and a way to tell a candidate that is our passage from one that is a
// copy of another passage which was already there (a repeated phrase must not steal an anchor).
//
// Passes, each over the annotations in the old text's order:
//  1. By position, cheap: the unchanged head or tail of the text (common prefix and suffix,
//     computed once), the stored offsets, or the stored offsets shifted by the drift of the
//     placement before, each with the stored prefix and suffix intact around the quote. Else by
//     content: `prefix + quote + suffix` found once near there. A placement by content (and the
//     drift it hands on) stands only if the old text holds that string once.
//  1b. By content anywhere: `prefix + quote + suffix` once in the new text and once in the old
//     (one hashed pass over each, for all annotations): after long insertions, moved passages.
//     What passes 1 and 1b place are the anchors.
//  2. The rest, between the anchors placed before and after them (a bracket: edits keep the
//     order of what they spare), verbatim and then approximately (approx-string-match), each
//     candidate scored by quote, context and distance, and taken only above a threshold and
//     clearly ahead of any candidate at another place.
//  3. The rest, anywhere (one hashed pass for all), near-verbatim only, and only if the
//     candidate is new text at its place, not a copy the old text already held there.
//  Else: orphan. Copies are told apart throughout by `isTwin`.

/** One annotation's stored selectors; offsets and quote refer to the old text. */
export interface AnchorInput {
  id: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

/**
 * Where an annotation lands on the new text. 'exact': the same offsets hold the same quote (and
 * its context agrees, or nothing better exists). 'moved': placed elsewhere, or changed; `quote`
 * is the new text there and `errors` its edit distance to the stored quote (0: found verbatim;
 * else the matcher's count, or exact where the ends were realigned; snapping the span to
 * grapheme clusters and word edges can add a character or two). Offsets never split a cluster.
 */
export type Placement =
  | { id: string; status: 'exact'; start: number; end: number }
  | { id: string; status: 'moved'; start: number; end: number; quote: string; errors: number }
  | { id: string; status: 'orphan' };

/** Places each annotation on `newText` or declares it an orphan; one placement per input, in input order. */
export function reanchorAll(
  oldText: string,
  newText: string,
  annotations: readonly AnchorInput[],
): Placement[] {
  return new Reanchorer(oldText, newText).run(annotations);
}

// ---------------------------------------------------------------------------------------------
// Tuning. Scores are out of 100: quote similarity weighs most, as in Hypothesis's match-quote;
// prefix and suffix each weigh 20 (together they outweigh a quote found with a few errors, so a
// verbatim copy of the quote in the wrong context loses to the edited original in its context);
// distance to the expected place weighs 10, enough to break ties between identical candidates
// but not to make a poor candidate acceptable (acceptance ignores distance).

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 10;
/** Distance (chars) from the expected place at which the position score halves. */
const POSITION_SCALE = 64;
/** The winner must beat the best candidate elsewhere by this much, or nothing is placed. */
const MARGIN = 6;
/**
 * Least context similarity (mean of prefix and suffix, 0..1) for a verbatim candidate: 0.55 for
 * quotes of 32 characters or more, rising to 0.85 for one character. Unrelated English contexts
 * score about 0.3 (99th percentile 0.45, measured); one edited word in 32 characters leaves about
 * 0.8. Short quotes carry little evidence of their own, so they need more from their context.
 */
const minContext = (quoteLength: number) =>
  quoteLength >= 32 ? 0.55 : 0.55 + (0.3 * (32 - quoteLength)) / 32;
/**
 * A short quote must also agree verbatim with this many characters of its context right next to
 * it (both sides together): the same word a few characters away scores well on shifted context
 * but not on this.
 */
const SHORT_QUOTE = 16;
const MIN_ADJACENT = 6;
/** Verbatim context next to a verbatim quote that vouches for it when one side was rewritten. */
const ONE_SIDED_ADJACENT = 16;
/** Windows of the local search, either side of the expected place, when no bracket is known. */
const LOCAL_WINDOW = 2048;
const MAX_LOCAL_WINDOW = 16_384;
/** Drifts of two anchors closer than this (or than half the text between them) agree. */
const CLOSED_DRIFT = 256;
/** Leeway around a bracket, for matches whose ends the matcher places a few characters off. */
const BRACKET_SLACK = 8;
/** Candidates kept for full scoring after a cheap pre-ranking. */
const MAX_SCORED = 12;
/** A quote found more often than this in the whole text is too common to place globally. */
const MAX_GLOBAL_HITS = 32;
/** A piece of a quote found more often than this is no seed for an approximate global search. */
const MAX_SEEDS = 4;
/** Quotes shorter than this are looked for globally only with their context around them. */
const GLOBAL_MIN_QUOTE = 24;
/** Quotes longer than this are matched approximately by their first and last characters. */
const LONG_QUOTE = 256;
const END_PIECE = 32;
/** Characters of the quote realigned with its context when an approximate match's end is unsure. */
const REFINE_PIECE = 48;

/**
 * Errors allowed when searching approximately for a quote of `length` characters. A trade-off
 * between recall (edited passages still found), precision (short patterns with many errors match
 * anything) and cost (`approx-string-match` runs in O(maxErrors / 32 × text length)): a quarter
 * of the quote — one edited word in a sentence — capped at 32, one machine word of the matcher,
 * so a search stays a single bit-vector pass. Hypothesis allows half the quote over the whole
 * page and takes the best; we take nothing that is not clearly right, so we allow less.
 */
const maxErrorsFor = (length: number) => Math.min(Math.floor(length / 4), 32);

interface Anchor {
  oldStart: number;
  newStart: number;
}

/** Where pass 2 looks for an annotation: starts in [lo, hi], `expected` the likeliest. */
interface Bracket {
  expected: number;
  lo: number;
  hi: number;
  /** Whether anchors on both sides bound the range (else it is a window around a guess). */
  closed: boolean;
}

interface Candidate extends Span {
  errors: number;
}

interface Scored extends Candidate {
  score: number;
  acceptable: boolean;
}

interface Target extends AnchorInput {
  /** The offsets as given; `start` and `end` are where the quote was found in the old text. */
  stored: Span;
  /** Whether the quote was found in the old text at or for its stored offsets. */
  consistent: boolean;
  /** `prefix + quote + suffix`. */
  whole: string;
}

class Reanchorer {
  private readonly headSame: number;
  private readonly tailSame: number;
  private readonly delta: number;
  private readonly anchors: Anchor[] = [];
  private anchorsByNew: Anchor[] | null = null;

  constructor(
    private readonly oldText: string,
    private readonly newText: string,
  ) {
    this.headSame = commonPrefixLength(oldText, newText);
    const limit = Math.min(oldText.length, newText.length) - this.headSame;
    this.tailSame = commonSuffixLength(oldText, newText, limit);
    this.delta = newText.length - oldText.length;
  }

  run(annotations: readonly AnchorInput[]): Placement[] {
    const order = annotations
      .map((_, i) => i)
      .sort((i, j) => {
        const a = annotations[i]!;
        const b = annotations[j]!;
        return a.start - b.start || a.end - b.end;
      });
    const out: (Placement | undefined)[] = new Array(annotations.length);
    const place = (i: number, t: Target, c: Candidate) => {
      out[i] = this.placement(t, c);
    };
    // Pass 1: near where they were, verbatim in their context, the drift carried along.
    let unsure: { i: number; t: Target }[] = [];
    const found: { i: number; t: Target; start: number; source: number }[] = [];
    let drift = 0;
    let source = -1;
    for (const i of order) {
      const a = annotations[i]!;
      if (!isUsable(a)) {
        out[i] = { id: a.id, status: 'orphan' };
        continue;
      }
      const t = this.target(a);
      const hit = this.placeConfidently(t, drift);
      if (!hit) {
        unsure.push({ i, t });
        continue;
      }
      // A placement found by content alone is the source of the drift that follows it.
      if (hit.by === 'position') source = -1;
      else if (hit.by === 'content') source = found.length;
      found.push({ i, t, start: hit.start, source });
      drift = hit.start - t.start;
    }
    // Placements by content (and those that followed their drift) hold only if that content,
    // the quote in its context, is once in the old text: a repeated one could be any copy.
    const repeated = this.repeatedInOld(
      found.filter((f, k) => f.source === k).map((f) => f.t.whole),
    );
    for (const f of found) {
      const from = f.source >= 0 ? found[f.source]! : undefined;
      if (from && repeated.has(from.t.whole)) {
        unsure.push({ i: f.i, t: f.t });
        continue;
      }
      this.anchors.push({ oldStart: f.t.start, newStart: f.start });
      place(f.i, f.t, { start: f.start, end: f.start + f.t.quote.length, errors: 0 });
    }
    // Pass 1b: verbatim in their context anywhere, once in the whole text and once in the old
    // (one pass over each for all): this finds the drift again after a long insertion or
    // deletion, and moved passages.
    const once = findAll(
      this.newText,
      unsure.map(({ t }) => t.whole),
      1,
    );
    const single = unsure.filter(({ t }) => once.get(t.whole)?.length === 1);
    const repeatedToo = this.repeatedInOld(single.map(({ t }) => t.whole));
    const placed = new Set<number>();
    for (const { i, t } of single) {
      if (repeatedToo.has(t.whole)) continue;
      const start = once.get(t.whole)![0]! + t.prefix.length;
      const c = { start, end: start + t.quote.length, errors: 0 };
      if (this.isTwin(t, c, this.driftNear(start))) continue;
      this.anchors.push({ oldStart: t.start, newStart: start });
      place(i, t, c);
      placed.add(i);
    }
    unsure = unsure.filter(({ i }) => !placed.has(i));
    this.anchors.sort((x, y) => x.oldStart - y.oldStart || x.newStart - y.newStart);
    this.anchorsByNew = null;
    // Pass 2: between the anchors around them, exactly or approximately.
    const far: { i: number; t: Target; searched: Span }[] = [];
    for (const { i, t } of unsure) {
      const bracket = this.bracket(t);
      const found = this.searchRange(t, bracket);
      if (found) place(i, t, found);
      else far.push({ i, t, searched: { start: bracket.lo, end: bracket.hi + t.quote.length } });
    }
    // Pass 3: anywhere, for those left; the whole text is searched once for all their patterns.
    const queries = far.map((f) => globalQuery(f.t));
    const hits = findAll(
      this.newText,
      queries.flatMap((q) => [q.exact, ...q.pieces.map((p) => p.text)]),
      MAX_GLOBAL_HITS,
    );
    far.forEach(({ i, t, searched }, k) => {
      const found = this.searchGlobally(t, queries[k]!, hits, searched);
      if (found) place(i, t, found);
      else out[i] = { id: t.id, status: 'orphan' };
    });
    return out as Placement[];
  }

  /**
   * The annotation with its place in the old text checked: when the stored offsets do not hold
   * the quote (selectors made on another version), the quote in its stored context nearest to
   * them stands in for them, so that "ours" keeps a meaning when telling copies apart.
   */
  private target(a: AnchorInput): Target {
    const { id, quote, prefix, suffix } = a;
    const whole = prefix + quote + suffix;
    const stored = { start: a.start, end: a.end };
    const at = (start: number, consistent: boolean): Target => ({
      id,
      quote,
      prefix,
      suffix,
      start,
      end: start + quote.length,
      stored,
      consistent,
      whole,
    });
    if (this.oldText.startsWith(quote, a.start)) return at(a.start, true);
    const found = occurrences(this.oldText, whole, 0, this.oldText.length, Infinity);
    const near = nearest(found, a.start - prefix.length, (h) => h);
    return near === undefined ? at(a.start, false) : at(near + prefix.length, true);
  }

  private placement(a: Target, c: Candidate): Placement {
    const quote = this.newText.slice(c.start, c.end);
    if (c.start === a.stored.start && c.end === a.stored.end && quote === a.quote) {
      return { id: a.id, status: 'exact', start: c.start, end: c.end };
    }
    return {
      id: a.id,
      status: 'moved',
      start: c.start,
      end: c.end,
      quote,
      errors: quote === a.quote ? 0 : Math.max(1, c.errors),
    };
  }

  // --- Pass 1 ---------------------------------------------------------------------------------

  /**
   * The new start of `a` when it is clear without searching far, and how it was found: by
   * position (the unchanged head or tail of the text, or the stored offsets, context intact),
   * by the drift of the placement before it, or by content (the quote in its whole context,
   * once near the expected place); else null.
   */
  private placeConfidently(
    a: Target,
    drift: number,
  ): { start: number; by: 'position' | 'drift' | 'content' } | null {
    const { newText } = this;
    const m = a.quote.length;
    if (a.end <= this.headSame && newText.startsWith(a.quote, a.start)) {
      return { start: a.start, by: 'position' };
    }
    if (a.start >= this.oldText.length - this.tailSame) {
      const start = a.start + this.delta;
      if (newText.startsWith(a.quote, start)) return { start, by: 'position' };
    }
    if (newText.startsWith(a.quote, a.start) && this.contextIntact(a, a.start)) {
      return { start: a.start, by: 'position' };
    }
    const shifted = a.start + drift;
    if (
      drift !== 0 &&
      newText.startsWith(a.quote, shifted) &&
      this.contextIntact(a, shifted) &&
      !this.isTwin(a, { start: shifted, end: shifted + m, errors: 0 }, drift)
    ) {
      return { start: shifted, by: 'drift' };
    }
    const from = a.start + drift - a.prefix.length - LOCAL_WINDOW;
    const hits = occurrences(newText, a.whole, from, from + a.whole.length + 2 * LOCAL_WINDOW, 2);
    if (hits.length !== 1) return null;
    const start = hits[0]! + a.prefix.length;
    if (this.isTwin(a, { start, end: start + m, errors: 0 }, drift)) return null;
    return { start, by: 'content' };
  }

  /** Which of these strings the old text holds more than once (one pass for all). */
  private repeatedInOld(wholes: readonly string[]): Set<string> {
    const hits = findAll(this.oldText, wholes, 1);
    return new Set(wholes.filter((w) => (hits.get(w)?.length ?? 0) > 1));
  }

  private contextIntact(a: AnchorInput, start: number): boolean {
    const { newText } = this;
    const end = start + a.quote.length;
    return (
      start >= a.prefix.length &&
      newText.startsWith(a.prefix, start - a.prefix.length) &&
      newText.startsWith(a.suffix, end)
    );
  }

  // --- Pass 2 ---------------------------------------------------------------------------------

  /**
   * Where the new start of `a` is expected, and the range it must lie in: between the new starts
   * of the anchors placed before and after it, since edits keep the order of what they spare.
   */
  private bracket(a: AnchorInput): Bracket {
    const { anchors } = this;
    let i = upperBound(anchors, a.start, (x) => x.oldStart) - 1;
    const before = i >= 0 ? anchors[i] : undefined;
    i = lowerBound(anchors, a.start, (x) => x.oldStart);
    const after = i < anchors.length ? anchors[i] : undefined;
    // Closed: anchors on both sides, in order, whose drifts agree about as well as the text
    // between them allows (after a moved paragraph, neighbours' drifts differ wildly).
    const closed =
      !!before &&
      !!after &&
      after.newStart >= before.newStart &&
      Math.abs(after.newStart - after.oldStart - (before.newStart - before.oldStart)) <=
        Math.max(CLOSED_DRIFT, (after.oldStart - before.oldStart) / 2);
    let expected = a.start;
    if (closed && after.oldStart > before.oldStart) {
      const ratio = (after.newStart - before.newStart) / (after.oldStart - before.oldStart);
      expected = before.newStart + Math.round((a.start - before.oldStart) * ratio);
    } else {
      const near = nearest([before, after], a.start, (x) => (x ? x.oldStart : Infinity));
      if (near) expected = a.start + near.newStart - near.oldStart;
    }
    let lo = closed ? before.newStart - BRACKET_SLACK : expected - LOCAL_WINDOW;
    let hi = closed ? after.newStart + BRACKET_SLACK : expected + LOCAL_WINDOW;
    lo = Math.max(0, lo, expected - MAX_LOCAL_WINDOW);
    hi = Math.min(this.newText.length, Math.max(hi, lo), expected + MAX_LOCAL_WINDOW);
    return { expected, lo, hi: Math.max(lo, hi), closed };
  }

  /** Best acceptable candidate starting within the bracket, exact first, then approximate. */
  private searchRange(a: Target, { expected, lo, hi, closed }: Bracket): Candidate | null {
    const m = a.quote.length;
    const exact = occurrences(this.newText, a.quote, lo, hi + m, Infinity).map((start) => ({
      start,
      end: start + m,
      errors: 0,
    }));
    // Where a candidate came from is best told by the anchors around it, not by where we
    // expected ours: after text moved about, the two differ.
    const notTwins = (c: Candidate) => !this.isTwin(a, c, this.driftNear(c.start));
    const best = this.choose(a, exact, expected, 'local', notTwins);
    if (best !== undefined) return best;
    // Approximately: right around the expected place first (cheap, and where an edited quote
    // nearly always is), then the whole range if anchors close it on both sides (else it is
    // only a guess, and a costly one to search). Verbatim copies are what the matcher would find
    // first (it reports only the lowest error count), so it searches the gaps between them.
    const slack = 2 * maxErrorsFor(m) + 32;
    const from = Math.max(lo, expected - slack);
    const to = Math.min(hi + m, expected + m + slack);
    const near = this.fuzzyCandidates(a, from, to, exact);
    const found = this.choose(a, near, expected, 'local', notTwins);
    if (found !== undefined || !closed || (from === lo && to === hi + m)) return found ?? null;
    const fuzzy = this.fuzzyCandidates(a, lo, hi + m, exact);
    return this.choose(a, fuzzy, expected, 'local', notTwins) ?? null;
  }

  /**
   * Candidates anywhere in the text outside the range already searched, taken only if they are
   * new text at their place (moved there), not a copy the old text already held there.
   */
  private searchGlobally(
    a: Target,
    query: GlobalQuery,
    hits: ReadonlyMap<string, readonly number[]>,
    searched: Span,
  ): Candidate | null {
    const { newText } = this;
    const m = a.quote.length;
    const outside = (c: Candidate) => c.end <= searched.start || c.start >= searched.end;
    const notTwins = (c: Candidate) => !this.isTwin(a, c, this.driftNear(c.start));
    const at = hits.get(query.exact) ?? [];
    if (at.length > MAX_GLOBAL_HITS) return null;
    const exact = at
      .map((h) => ({ start: h + query.offset, end: h + query.offset + m, errors: 0 }))
      .filter(outside);
    const best = this.choose(a, exact, a.start, 'global', notTwins);
    if (best !== undefined || exact.length > 0) return best ?? null;
    // Approximately, seeded by verbatim occurrences of the quote's first or last characters.
    const seeds = new Set<number>();
    for (const piece of query.pieces) {
      const found = hits.get(piece.text) ?? [];
      if (found.length <= MAX_SEEDS) for (const h of found) seeds.add(h - piece.offset);
    }
    const k = maxErrorsFor(m);
    const fuzzy: Candidate[] = [];
    for (const seed of seeds) {
      const from = Math.max(0, seed - k);
      const to = Math.min(newText.length, seed + m + k);
      fuzzy.push(...this.fuzzyCandidates(a, from, to, []));
    }
    return this.choose(a, dedupe(fuzzy).filter(outside), a.start, 'global', notTwins) ?? null;
  }

  /** Approximate matches of the quote within [from, to), outside the `skip` spans. */
  private fuzzyCandidates(a: AnchorInput, from: number, to: number, skip: readonly Span[]) {
    const m = a.quote.length;
    const k = maxErrorsFor(m);
    if (k === 0) return [];
    const out: Candidate[] = [];
    const limit = Math.min(this.newText.length, to + k);
    let at = Math.max(0, from - k);
    const gaps: Span[] = [];
    for (const s of skip) {
      gaps.push({ start: at, end: Math.min(s.start, limit) });
      at = Math.max(at, s.end);
    }
    gaps.push({ start: at, end: limit });
    for (const gap of gaps) {
      if (gap.end - gap.start < m - k) continue;
      const found =
        m > LONG_QUOTE
          ? this.longQuoteMatches(a.quote, gap)
          : distinctPlaces(this.shortQuoteMatches(a.quote, gap, k), m).map((c) =>
              this.refine(a, c),
            );
      for (const c of found) {
        if (!c) continue;
        const span = this.tidy(a, c);
        if (span.end > span.start) out.push({ ...span, errors: c.errors });
      }
    }
    return dedupe(out);
  }

  private shortQuoteMatches(quote: string, gap: Span, k: number): Candidate[] {
    const text = this.newText.slice(gap.start, gap.end);
    return search(text, quote, k).map((c) => ({
      start: gap.start + c.start,
      end: gap.start + c.end,
      errors: c.errors,
    }));
  }

  /**
   * A long quote is found by its first and last characters, each approximately, at about the
   * right distance from each other; the whole is then checked with a generous error budget. The
   * matcher's cost grows with the errors allowed, so this keeps long quotes cheap.
   */
  private longQuoteMatches(quote: string, gap: Span): Candidate[] {
    const m = quote.length;
    const head = quote.slice(0, END_PIECE);
    const tail = quote.slice(m - END_PIECE);
    const out: Candidate[] = [];
    for (const h of this.shortQuoteMatches(head, gap, 8)) {
      const from = h.start + Math.floor(m * 0.75) - END_PIECE;
      const to = Math.min(gap.end, h.start + Math.ceil(m * 1.25));
      if (to - from < END_PIECE) continue;
      const tails = this.shortQuoteMatches(tail, { start: from, end: to }, 8);
      const t = nearest(tails, h.start + m, (c) => c.end);
      if (!t) continue;
      const span = this.newText.slice(h.start, t.end);
      const whole = search(span, quote, Math.floor(m / 4));
      if (whole.length > 0) out.push({ start: h.start, end: t.end, errors: whole[0]!.errors });
    }
    return out;
  }

  /**
   * Re-places the ends of an approximate match by aligning prefix + quote + suffix with the text
   * around it. The matcher knows nothing of the context, and next to an edit it may end a few
   * characters off (substituting for a deleted word costs it no more than skipping it). Ends
   * that still do not agree densely with the quote then move inwards to where they do, so that
   * rewritten text next to the passage is not counted in. Null when nothing agrees.
   */
  private refine(a: AnchorInput, c: Candidate): Candidate | null {
    const { newText } = this;
    const { quote } = a;
    const m = quote.length;
    const edge = Math.min(4, m);
    const startSure =
      newText.startsWith(quote.slice(0, edge), c.start) &&
      this.adjacentAgreement(a, { start: c.start, end: newText.length }) >=
        Math.min(4, a.prefix.length);
    const endSure =
      newText.startsWith(quote.slice(m - edge), c.end - edge) &&
      this.adjacentAgreement(a, { start: 0, end: c.end }) >= Math.min(4, a.suffix.length);
    if (startSure && endSure) return c;
    const reach = maxErrorsFor(m) + 8;
    const piece = Math.min(m, REFINE_PIECE);
    let { start, end } = c;
    if (!startSure) {
      const prefix = a.prefix.slice(-32);
      const from = Math.max(0, c.start - prefix.length - reach);
      const to = Math.min(newText.length, c.start + piece + reach);
      const matched = alignPiece(prefix, quote.slice(0, piece), '', newText, from, to);
      const q = firstDense(matched, 1);
      if (q < 0) return null;
      start = matched[q]!;
    }
    if (!endSure) {
      const suffix = a.suffix.slice(0, 32);
      const from = Math.max(0, c.end - piece - reach);
      const to = Math.min(newText.length, c.end + suffix.length + reach);
      const matched = alignPiece('', quote.slice(m - piece), suffix, newText, from, to);
      const q = firstDense(matched, -1);
      if (q < 0) return null;
      end = matched[q]! + 1;
    }
    if (end <= start) return null;
    if (start === c.start && end === c.end) return c;
    return { start, end, errors: editDistance(quote, newText.slice(start, end)) };
  }

  /**
   * Trims white space the quote does not have at its ends; moves an end that lands up to three
   * characters inside a word to the word's nearest edge when the quote's own end was a word's
   * end (next to an edit, a match can take a stray letter along or stop inside a replaced
   * word); snaps to grapheme clusters.
   */
  private tidy(a: AnchorInput, span: Span): Span {
    const { newText } = this;
    const { quote } = a;
    let { start, end } = /^\s|\s$/.test(quote) ? span : trimSpan(newText, span);
    const startsWord = (i: number) => isWordChar(newText[i]) && !isWordChar(newText[i - 1]);
    const endsWord = (i: number) => isWordChar(newText[i - 1]) && !isWordChar(newText[i]);
    // The nearest word boundary within three characters, either way (a nearer one wins).
    const near = (from: number, ok: (i: number) => boolean, lo: number, hi: number) => {
      for (const d of [1, -1, 2, -2, 3, -3]) {
        const i = from + d;
        if (i >= lo && i <= hi && ok(i)) return i;
      }
      return from;
    };
    if (isWordChar(quote[0]) && !isWordChar(a.prefix.slice(-1)) && !startsWord(start)) {
      start = near(start, startsWord, 0, end - 1);
    }
    if (isWordChar(quote.slice(-1)) && !isWordChar(a.suffix[0]) && !endsWord(end)) {
      end = near(end, endsWord, start + 1, newText.length);
    }
    // Between two ASCII characters there is always a grapheme boundary (CR LF aside, which
    // canonical text has not): most spans need no segmenting.
    if (asciiPair(newText, start) && asciiPair(newText, end)) return { start, end };
    return snapToGraphemes(newText, { start, end });
  }

  /**
   * Scores candidates and returns the best acceptable one, if it beats the best candidate at
   * another place by MARGIN; undefined when there is none or the choice is not clear.
   */
  private choose(
    a: AnchorInput,
    candidates: readonly Candidate[],
    expected: number,
    scope: 'local' | 'global',
    keep: (c: Candidate) => boolean,
  ): Candidate | undefined {
    if (candidates.length === 0) return undefined;
    const ranked = this.preRank(a, candidates, expected).map((c) =>
      this.score(a, c, expected, scope),
    );
    ranked.sort((x, y) => y.score - x.score);
    const best = ranked.find((c) => c.acceptable && keep(c));
    if (!best) return undefined;
    const rival = ranked.find((c) => c !== best && !overlapsMostly(c, best) && keep(c));
    if (rival && best.score - rival.score < MARGIN) return undefined;
    return best;
  }

  /** Keeps the candidates worth a full score: most verbatim context next to them, then nearest. */
  private preRank(a: AnchorInput, candidates: readonly Candidate[], expected: number) {
    if (candidates.length <= MAX_SCORED) return candidates;
    const keyed = candidates.map((c) => ({
      c,
      adjacent: this.adjacentAgreement(a, c) - c.errors,
      distance: Math.abs(c.start - expected),
    }));
    keyed.sort((x, y) => y.adjacent - x.adjacent || x.distance - y.distance);
    return keyed.slice(0, MAX_SCORED).map((k) => k.c);
  }

  private score(a: AnchorInput, c: Candidate, expected: number, scope: 'local' | 'global'): Scored {
    const m = a.quote.length;
    const q = 1 - c.errors / m;
    const p = contextSimilarity(this.newText, c.start, a.prefix, -1);
    const s = contextSimilarity(this.newText, c.end, a.suffix, +1);
    const d = Math.abs(c.start - expected);
    const pos = 1 / (1 + d / POSITION_SCALE);
    const score = QUOTE_WEIGHT * q + PREFIX_WEIGHT * p + SUFFIX_WEIGHT * s + POSITION_WEIGHT * pos;
    const context = (p + s) / 2;
    let acceptable: boolean;
    if (scope === 'global') {
      // Far from where it was: only a near-verbatim passage in nearly its own context, or with
      // one side of it intact (a moved paragraph has new neighbours).
      acceptable =
        q >= 0.9 &&
        ((context >= Math.max(0.75, minContext(m)) && Math.min(p, s) >= 0.5) ||
          (m >= GLOBAL_MIN_QUOTE &&
            Math.max(p, s) >= 0.9 &&
            this.adjacentAgreement(a, c) >= ONE_SIDED_ADJACENT));
    } else if (c.errors === 0) {
      // Verbatim: in its context, or with one side of it intact and agreeing verbatim for a
      // good stretch right next to it (the other side rewritten).
      acceptable =
        context >= minContext(m) ||
        (Math.max(p, s) >= 0.9 && this.adjacentAgreement(a, c) >= ONE_SIDED_ADJACENT);
    } else {
      // An edited quote: its context must vouch for it, on both sides, or be intact on one side
      // when the quote itself is mostly intact (an edit across one end of it).
      acceptable =
        (context >= minContext(m) + 0.1 && Math.min(p, s) >= 0.5) ||
        (q >= 0.75 && Math.max(p, s) >= 0.9 && this.adjacentAgreement(a, c) >= ONE_SIDED_ADJACENT);
    }
    if (acceptable && m < SHORT_QUOTE) acceptable = this.adjacentAgreement(a, c) >= MIN_ADJACENT;
    return { ...c, score, acceptable };
  }

  /** Characters of the stored context that agree verbatim right next to the candidate. */
  private adjacentAgreement(a: AnchorInput, c: Span): number {
    const { newText } = this;
    let n = 0;
    const { prefix, suffix } = a;
    while (
      n < prefix.length &&
      c.start - n - 1 >= 0 &&
      newText.charCodeAt(c.start - n - 1) === prefix.charCodeAt(prefix.length - n - 1)
    )
      n++;
    let k = 0;
    while (k < suffix.length && newText.charCodeAt(c.end + k) === suffix.charCodeAt(k)) k++;
    // At the very start or end of both texts, the missing context agrees too.
    if (prefix === '' && c.start === 0) n = MIN_ADJACENT;
    if (suffix === '' && c.end === newText.length) k = MIN_ADJACENT;
    return n + k;
  }

  /**
   * True when the candidate is most likely the image of another passage the old text already
   * held (a repeated phrase), not of ours. Its possible sources are the occurrences of the quote
   * (or, for an edited candidate, of its very text) in the old text about where it would have
   * come from (its start less the drift there); the source is the one whose old surroundings
   * agree best, verbatim, with the candidate's new ones — the nearer on a tie.
   */
  private isTwin(a: Target, c: Candidate, drift: number): boolean {
    const { oldText, newText } = this;
    const m = a.quote.length;
    const origin = c.start - drift;
    const reach = 32 + Math.floor(m / 4);
    const find = (text: string) =>
      occurrences(oldText, text, origin - reach, origin + reach + text.length, 64).map((h) => ({
        start: h,
        end: h + text.length,
      }));
    const sources = find(a.quote);
    if (c.errors > 0) sources.push(...find(newText.slice(c.start, c.end)));
    // A source within our own old span (part of our quote) is ours.
    const isOurs = (h: Span) =>
      a.consistent ? h.start < a.end && h.end > a.start : Math.abs(h.start - a.start) <= reach;
    const ours = this.adjacentAgreement(a, c);
    const oursDistance = Math.abs(a.start - origin);
    return sources.some((h) => {
      if (isOurs(h)) return false;
      const agreement = surroundingsAgreement(oldText, h, newText, c, a);
      return agreement > ours || (agreement === ours && Math.abs(h.start - origin) < oursDistance);
    });
  }

  /** The drift (new − old) of the anchor nearest to a new offset. */
  private driftNear(newOffset: number): number {
    this.anchorsByNew ??= [...this.anchors].sort((x, y) => x.newStart - y.newStart);
    const byNew = this.anchorsByNew;
    if (byNew.length === 0) return this.delta;
    const i = lowerBound(byNew, newOffset, (x) => x.newStart);
    const near = [byNew[i - 1], byNew[i]].filter((x): x is Anchor => x !== undefined);
    const best = nearest(near, newOffset, (x) => x.newStart)!;
    return best.newStart - best.oldStart;
  }
}

// ---------------------------------------------------------------------------------------------

function isUsable(a: AnchorInput): boolean {
  return (
    a.quote.length > 0 &&
    Number.isInteger(a.start) &&
    Number.isInteger(a.end) &&
    a.start >= 0 &&
    a.end >= a.start
  );
}

/** What the whole text is searched for, for one annotation not found near its place. */
interface GlobalQuery {
  /** The quote, or for a short one the quote in some of its context. */
  exact: string;
  /** Where the quote starts in `exact`. */
  offset: number;
  /** The quote's first and last characters, to seed an approximate search; none if short. */
  pieces: { text: string; offset: number }[];
}

function globalQuery(a: AnchorInput): GlobalQuery {
  const { quote, prefix, suffix } = a;
  const m = quote.length;
  // A short quote is too common alone: it is looked for with some of its context.
  const before = m >= GLOBAL_MIN_QUOTE ? '' : prefix.slice(-Math.min(16, prefix.length));
  const after = m >= GLOBAL_MIN_QUOTE ? '' : suffix.slice(0, 16);
  const piece = Math.min(END_PIECE, Math.floor(m / 2));
  return {
    exact: before + quote + after,
    offset: before.length,
    pieces:
      piece >= KEY
        ? [
            { text: quote.slice(0, piece), offset: 0 },
            { text: quote.slice(m - piece), offset: m - piece },
          ]
        : [],
  };
}

/**
 * The matcher reports every end of an equally good match, so one place comes back as a run of
 * near-identical spans: keep one per place, the one whose length is nearest the quote's.
 */
function distinctPlaces(matches: readonly Candidate[], length: number): Candidate[] {
  const sorted = [...matches].sort((x, y) => x.start - y.start || x.end - y.end);
  const out: Candidate[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && overlapsMostly(last, c)) {
      if (Math.abs(c.end - c.start - length) < Math.abs(last.end - last.start - length))
        out[out.length - 1] = c;
    } else out.push(c);
  }
  return out;
}

function dedupe(candidates: readonly Candidate[]): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = `${c.start}:${c.end}`;
    const had = seen.get(key);
    if (!had || c.errors < had.errors) seen.set(key, c);
  }
  return [...seen.values()];
}

/** True when two spans share more than half of the shorter one. */
function overlapsMostly(x: Span, y: Span): boolean {
  const shared = Math.min(x.end, y.end) - Math.max(x.start, y.start);
  return shared > Math.min(x.end - x.start, y.end - y.start) / 2;
}
