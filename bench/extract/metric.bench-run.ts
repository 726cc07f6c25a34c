import { describe, expect, it } from 'vitest';
import { scorePage, shingles, summarise, tokenize } from './metric';

// The benchmark's metric, checked on small texts (runs with npm run bench:extract, and needs no
// benchmark pages).

describe('the article-extraction metric', () => {
  it('tokenises runs of word characters in any script, as Python’s \\w+ does', () => {
    expect(tokenize('It’s 4.2 km — naïve_case, Ελλάδα 東京 2019!')).toEqual([
      'It', 's', '4', '2', 'km', 'naïve_case', 'Ελλάδα', '東京', '2019',
    ]); // prettier-ignore
    expect(tokenize('  — , . ')).toEqual([]);
  });

  it('counts 4-token shingles as a multiset, and a short text as one shingle', () => {
    const counts = shingles('a b c d a b c d');
    expect(counts.size).toBe(4);
    expect([...counts.values()].sort()).toEqual([1, 1, 1, 2]);
    expect([...shingles('only two').values()]).toEqual([1]);
    expect(shingles('').size).toBe(0);
  });

  it('scores a page by shared, predicted-only and true-only shingles, normalised', () => {
    expect(scorePage('one two three four five', 'one two three four five')).toEqual({
      tp: 1,
      fp: 0,
      fn: 0,
    });
    // truth: 2 shingles; prediction: the same 2 and 2 more → tp 2, fp 2, fn 0 → /4.
    expect(scorePage('a b c d e', 'a b c d e f g')).toEqual({ tp: 0.5, fp: 0.5, fn: 0 });
    // Case matters, as it does in the benchmark's evaluation.
    expect(scorePage('A b c d', 'a b c d')).toEqual({ tp: 0, fp: 0.5, fn: 0.5 });
    expect(scorePage('', '')).toEqual({ tp: 0, fp: 0, fn: 0 });
  });

  it('takes P and R as means over pages, skipping pages where they are undefined', () => {
    const pages = [
      { tp: 0.5, fp: 0.5, fn: 0 }, // P 0.5, R 1
      { tp: 1, fp: 0, fn: 0 }, // P 1, R 1
      { tp: 0, fp: 0, fn: 1 }, // nothing predicted: counts for R (0) only
    ];
    const { precision, recall, f1 } = summarise(pages);
    expect(precision).toBeCloseTo(0.75);
    expect(recall).toBeCloseTo(2 / 3);
    expect(f1).toBeCloseTo((2 * 0.75 * (2 / 3)) / (0.75 + 2 / 3));
  });
});
