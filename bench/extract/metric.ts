import { tokensOf } from '../../src/services/loaders/page-words';

// The article-extraction benchmark's own metric (../shared/benchmarks/article-extraction/README):
// each text is split into tokens (runs of Unicode word characters, Python's `\w+`), the tokens
// into the multiset of their 4-token shingles; per page, tp = shared shingles (the lesser of the
// two counts), fp = predicted only, fn = true only, divided by their sum so every page weighs
// the same. Precision is the mean of tp/(tp+fp) over the pages with tp+fp > 0, recall the mean
// of tp/(tp+fn) over the pages with tp+fn > 0, and F1 = 2PR/(P+R) of the two means.

export const SHINGLE = 4;

/** Python's `\w+` on str: runs of letters, digits and numerals of any script, and `_`. */
export const tokenize = tokensOf;

/**
 * The multiset of `n`-token shingles. A text of fewer than `n` tokens (but at least one) is one
 * shingle of all its tokens, as the benchmark's evaluate.py makes it; an empty text has none.
 */
export function shingles(text: string, n = SHINGLE): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    // U+0001 never occurs in a token: it joins them without ambiguity.
    const key = shingle.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  /** Shared shingles, predicted-only shingles and true-only shingles, normalised to sum 1. */
  tp: number;
  fp: number;
  fn: number;
}

export function scorePage(truth: string, predicted: string): PageScore {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, pc] of p) {
    const tc = t.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
  }
  for (const [key, tc] of t) fn += Math.max(0, tc - (p.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

export interface Summary {
  precision: number;
  recall: number;
  f1: number;
}

const mean = (xs: number[]): number =>
  xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;

export function summarise(pages: readonly PageScore[]): Summary {
  const precision = mean(pages.filter((s) => s.tp + s.fp > 0).map((s) => s.tp / (s.tp + s.fp)));
  const recall = mean(pages.filter((s) => s.tp + s.fn > 0).map((s) => s.tp / (s.tp + s.fn)));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
