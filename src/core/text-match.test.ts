import { describe, expect, it } from 'vitest';
import {
  alignPiece,
  asciiPair,
  commonPrefixLength,
  commonSuffixLength,
  contextSimilarity,
  editDistance,
  findAll,
  firstDense,
  occurrences,
} from './text-match';

describe('occurrences', () => {
  it('finds only whole occurrences inside the window, up to a maximum', () => {
    const text = 'ab ab ab ab';
    expect(occurrences(text, 'ab', 0, text.length, Infinity)).toEqual([0, 3, 6, 9]);
    expect(occurrences(text, 'ab', 2, 8, Infinity)).toEqual([3, 6]);
    expect(occurrences(text, 'ab', 2, 7, Infinity)).toEqual([3]);
    expect(occurrences(text, 'ab', 0, text.length, 2)).toEqual([0, 3]);
    expect(occurrences(text, 'ab', -10, 1, Infinity)).toEqual([]);
  });
});

describe('findAll', () => {
  it('finds many patterns in one pass, counting up to max + 1', () => {
    const unit = 'the quick brown fox jumps over the lazy dog. ';
    const text = unit.repeat(5) + 'a unique sentence appears once here.';
    const hits = findAll(
      text,
      ['quick brown fox jumps', 'a unique sentence appears', 'not in the text at all', 'short'],
      2,
    );
    expect(hits.get('quick brown fox jumps')).toEqual([4, 49, 94]);
    expect(hits.get('a unique sentence appears')).toEqual([text.indexOf('a unique')]);
    expect(hits.get('not in the text at all')).toEqual([]);
    expect(hits.get('short')).toEqual([]); // shorter than the hashed key: searched alone
    expect(findAll('a b a b a', ['a b'], 1).get('a b')).toEqual([0, 4]);
  });

  it('agrees with indexOf on astral text', () => {
    const text = '😀 family 👨‍👩‍👧 arrived at the crossing 🇫🇷 at night 😀 family 👨‍👩‍👧 arrived';
    const pattern = 'family 👨‍👩‍👧 arrived';
    expect(findAll(text, [pattern], 10).get(pattern)).toEqual(
      occurrences(text, pattern, 0, text.length, 10),
    );
  });
});

describe('commonPrefixLength / commonSuffixLength', () => {
  it('measures the unchanged head and tail', () => {
    expect(commonPrefixLength('abcdef', 'abcxef')).toBe(3);
    expect(commonSuffixLength('abcdef', 'abcxef', 6)).toBe(2);
    expect(commonSuffixLength('aaaa', 'aaaaaa', 2)).toBe(2);
  });
});

describe('contextSimilarity', () => {
  it.each([
    ['the same prefix', 'said the minister ', 'said the minister ', 1],
    ['an unrelated prefix', 'zzzzzzzzzzzzzzzz', 'said the minister ', 0],
  ])('scores %s', (_, text, expected, score) => {
    expect(contextSimilarity(text, text.length, expected, -1)).toBeCloseTo(score, 5);
  });

  it('counts an insertion in the prefix once, not twice', () => {
    // One word inserted: the far end of the stored prefix slides out of reach but is not charged.
    const text = 'the army said that the minister ';
    expect(contextSimilarity(text, text.length, 'the army said the minister ', -1)).toBeCloseTo(
      1 - 5 / 27,
      5,
    );
  });

  it('compares a suffix from the start of the text after the quote', () => {
    expect(contextSimilarity('QUOTE, officials said', 5, ', officials said', 1)).toBe(1);
    expect(contextSimilarity('QUOTE, officials sad', 5, ', officials said', 1)).toBeCloseTo(
      1 - 1 / 16,
      5,
    );
  });

  it('gives full marks to an empty context only at the edge of the text', () => {
    expect(contextSimilarity('abc', 3, '', 1)).toBe(1);
    expect(contextSimilarity('abc', 0, '', -1)).toBe(1);
    expect(contextSimilarity('abc', 1, '', 1)).toBe(0.5);
  });
});

describe('alignPiece and firstDense', () => {
  it('starts a quote whose first words were replaced where it agrees densely again', () => {
    const text = 'said on Tuesday that the walls had been built';
    // The stored prefix "said on Tuesday that " and the quote "210 km of walls had been built",
    // whose "210 km of " was replaced by "the ".
    const matched = alignPiece(
      'said on Tuesday that ',
      '210 km of walls had been',
      '',
      text,
      0,
      text.length,
    );
    const q = firstDense(matched, 1);
    // The space before "walls" is the quote's too; reanchor trims white space afterwards.
    expect(text.slice(matched[q]!)).toBe(' walls had been built');
  });

  it('ends a quote whose last words were rewritten where it still agrees densely', () => {
    const text = 'the convoy crossed the old ford at dawn, officials said';
    const matched = alignPiece(
      '',
      'the convoy crossed the bridge',
      ' at dawn',
      text,
      0,
      text.length,
    );
    const q = firstDense(matched, -1);
    expect(text.slice(0, matched[q]! + 1)).toBe('the convoy crossed the ');
  });

  it('finds nothing dense in unrelated text', () => {
    const matched = alignPiece('', 'completely different words', '', 'zzzz qqqq xxxx', 0, 14);
    expect(firstDense(matched, 1)).toBe(-1);
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['concrete walls', 'steel walls', 7],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('asciiPair', () => {
  it('is true only between two ASCII characters', () => {
    expect(asciiPair('ab', 1)).toBe(true);
    expect(asciiPair('ab', 0)).toBe(true);
    expect(asciiPair('a😀', 1)).toBe(false);
    expect(asciiPair('e\u0301', 1)).toBe(false);
  });
});
