import { describe, expect, it } from 'vitest';
import { snapToGraphemes, trimSpan } from './graphemes';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Every grapheme boundary of a whole text: the reference the windowed snapping must match. */
function boundaries(text: string): number[] {
  const out = [...segmenter.segment(text)].map((s) => s.index);
  out.push(text.length);
  return out;
}

function referenceSnap(text: string, start: number, end: number) {
  const b = boundaries(text);
  const s = Math.max(...b.filter((x) => x <= start));
  const e = end <= s ? s : Math.min(...b.filter((x) => x >= end));
  return { start: s, end: e };
}

const SKIN = '👍🏽'; // U+1F44D U+1F3FD: 4 code units
const FAMILY = '👨‍👩‍👧‍👦'; // ZWJ sequence: 11 code units
const FLAG = '🇫🇷'; // two regional indicators: 4 code units
const COMBINING = 'e\u0301\u0323'; // e + acute + dot below (no NFC single form for both)

describe('snapToGraphemes', () => {
  it('leaves spans already on boundaries alone', () => {
    expect(snapToGraphemes('hello world', { start: 6, end: 11 })).toEqual({ start: 6, end: 11 });
  });

  it('widens over an emoji with a skin tone', () => {
    const text = `ok ${SKIN} ok`;
    // Ending between the thumb and its skin tone, or inside the surrogate pair of either.
    for (const end of [4, 5, 6])
      expect(snapToGraphemes(text, { start: 3, end })).toEqual({ start: 3, end: 7 });
    for (const start of [4, 5, 6])
      expect(snapToGraphemes(text, { start, end: 10 })).toEqual({ start: 3, end: 10 });
  });

  it('never splits a ZWJ family', () => {
    const text = `a${FAMILY}b`;
    for (let i = 2; i < 1 + FAMILY.length; i++) {
      expect(snapToGraphemes(text, { start: i, end: i + 1 })).toEqual({
        start: 1,
        end: 1 + FAMILY.length,
      });
    }
  });

  it('pairs flags correctly, even deep inside a long run of flags', () => {
    const short = `x${FLAG}${FLAG}y`;
    expect(snapToGraphemes(short, { start: 3, end: 7 })).toEqual({ start: 1, end: 9 });
    const run = FLAG.repeat(400); // 1600 code units: longer than any window
    for (const at of [2, 78, 802, 1598]) {
      expect(snapToGraphemes(run, { start: at, end: at + 1 })).toEqual(
        referenceSnap(run, at, at + 1),
      );
      expect(snapToGraphemes(run, { start: at, end: at + 1 }).start % 4).toBe(0);
    }
  });

  it('keeps combining marks with their letter', () => {
    const text = `caf${COMBINING} noir`;
    expect(snapToGraphemes(text, { start: 0, end: 4 })).toEqual({ start: 0, end: 6 });
    expect(snapToGraphemes(text, { start: 4, end: 8 })).toEqual({ start: 3, end: 8 });
  });

  it('keeps Arabic letters with their harakat', () => {
    const text = 'قالَ الرَّئيسُ'; // with fatha, shadda and damma
    const withShadda = text.indexOf('\u0651');
    expect(snapToGraphemes(text, { start: withShadda, end: withShadda + 1 })).toEqual(
      referenceSnap(text, withShadda, withShadda + 1),
    );
    const snapped = snapToGraphemes(text, { start: 0, end: 3 });
    expect(snapped).toEqual({ start: 0, end: 4 }); // "قالَ", the fatha stays on
  });

  it('keeps Hangul jamo and Devanagari conjuncts whole', () => {
    const hangul = 'x\u1100\u1161\u11a8y'; // one syllable from three jamo
    expect(snapToGraphemes(hangul, { start: 2, end: 3 })).toEqual({ start: 1, end: 4 });
    const hindi = 'नमस्ते दुनिया';
    for (let i = 0; i < hindi.length; i++) {
      expect(snapToGraphemes(hindi, { start: i, end: i + 1 })).toEqual(
        referenceSnap(hindi, i, i + 1),
      );
    }
  });

  it('keeps very long clusters (Zalgo text) whole', () => {
    const zalgo = `ab${'\u0301'.repeat(300)}cd`;
    expect(snapToGraphemes(zalgo, { start: 0, end: 2 })).toEqual({ start: 0, end: 302 });
    expect(snapToGraphemes(zalgo, { start: 200, end: 303 })).toEqual({ start: 1, end: 303 });
  });

  it('clamps to the text and collapses empty or reversed spans', () => {
    expect(snapToGraphemes('abc', { start: -5, end: 99 })).toEqual({ start: 0, end: 3 });
    expect(snapToGraphemes('abc', { start: 2, end: 1 })).toEqual({ start: 2, end: 2 });
    expect(snapToGraphemes('', { start: 0, end: 0 })).toEqual({ start: 0, end: 0 });
  });

  it('matches whole-text segmentation on random mixed text', () => {
    const pieces = [
      'a',
      'Z',
      ' ',
      '\n',
      '.',
      'é',
      'e\u0301',
      '\u0301',
      '\u200d',
      SKIN,
      '🏽',
      FAMILY,
      FLAG,
      '🇫',
      '🇷',
      '한',
      '\u1100',
      '\u1161',
      'क्ष',
      'ि',
      '中',
      'ا',
      '\u064e',
      '\u0600',
      '\ud83d',
      '\ude00',
      '\r',
      '😀',
    ];
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      let text = '';
      const length = 1 + random(300);
      for (let i = 0; i < length; i++) text += pieces[random(pieces.length)];
      for (let k = 0; k < 10; k++) {
        const a = random(text.length + 1);
        const b = a + random(20);
        expect(snapToGraphemes(text, { start: a, end: b }), JSON.stringify({ text, a, b })).toEqual(
          referenceSnap(text, a, Math.min(b, text.length)),
        );
      }
    }
  });
});

describe('trimSpan', () => {
  it('trims white space of every kind from both ends', () => {
    const text = ' \n\t word \u00a0\u2003';
    expect(trimSpan(text, { start: 0, end: text.length })).toEqual({ start: 4, end: 8 });
  });

  it('collapses a span of only white space', () => {
    expect(trimSpan('a   b', { start: 1, end: 4 })).toEqual({ start: 4, end: 4 });
  });
});
