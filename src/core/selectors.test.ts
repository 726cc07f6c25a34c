import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, createSelectors, quoteMatchesAt } from './selectors';

/** True when a string holds no lone surrogate (String#isWellFormed is ES2024). */
const wellFormed = (s: string) =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
const LONG = `${ALPHABET.repeat(3)}TARGET${ALPHABET.repeat(3)}`; // 78 + 6 + 78

describe('createSelectors', () => {
  it('keeps the quote and 32 characters of context either side', () => {
    const start = LONG.indexOf('TARGET');
    const sel = createSelectors(LONG, { start, end: start + 6 });
    expect(CONTEXT_LENGTH).toBe(32);
    expect(sel).toEqual({
      start,
      end: start + 6,
      quote: 'TARGET',
      prefix: LONG.slice(start - 32, start),
      suffix: LONG.slice(start + 6, start + 38),
    });
    expect(sel?.prefix).toHaveLength(32);
    expect(sel?.suffix).toHaveLength(32);
  });

  it('trims white space around the selection', () => {
    const text = 'One  claim here.\n';
    const sel = createSelectors(text, { start: 3, end: 17 });
    expect(sel).toMatchObject({
      start: 5,
      end: 16,
      quote: 'claim here.',
      prefix: 'One  ',
      suffix: '\n',
    });
  });

  it('clamps the context at the edges of the text', () => {
    const text = 'Short text.';
    expect(createSelectors(text, { start: 0, end: 5 })).toMatchObject({
      prefix: '',
      quote: 'Short',
      suffix: ' text.',
    });
    expect(createSelectors(text, { start: 6, end: 11 })).toMatchObject({
      prefix: 'Short ',
      quote: 'text.',
      suffix: '',
    });
  });

  it('clamps a span that runs past the text', () => {
    expect(createSelectors('abc', { start: 1, end: 50 })).toMatchObject({
      start: 1,
      end: 3,
      quote: 'bc',
    });
  });

  it('accepts a reversed span (a selection made backwards)', () => {
    expect(createSelectors('hello world', { start: 11, end: 6 })).toMatchObject({
      start: 6,
      end: 11,
      quote: 'world',
    });
  });

  it('returns null for an empty or white-space-only selection', () => {
    expect(createSelectors('a   b', { start: 1, end: 4 })).toBeNull();
    expect(createSelectors('abc', { start: 2, end: 2 })).toBeNull();
    expect(createSelectors('', { start: 0, end: 0 })).toBeNull();
  });

  it('snaps the quote to whole graphemes', () => {
    const text = 'Flag 🇺🇦 and family 👨‍👩‍👧 here';
    const flag = text.indexOf('🇺🇦');
    expect(createSelectors(text, { start: flag + 1, end: flag + 3 })?.quote).toBe('🇺🇦');
    const family = text.indexOf('👨');
    expect(createSelectors(text, { start: family + 2, end: family + 3 })?.quote).toBe('👨‍👩‍👧');
  });

  it('never splits a surrogate pair at the far end of the prefix or suffix', () => {
    // Put an astral character exactly where the 32-character context would be cut.
    const emoji = '😀';
    for (let pad = 28; pad <= 34; pad++) {
      const text = `${emoji}${'x'.repeat(pad)}QUOTE${'y'.repeat(pad)}${emoji}`;
      const start = text.indexOf('QUOTE');
      const sel = createSelectors(text, { start, end: start + 5 });
      if (!sel) throw new Error('no selectors');
      for (const context of [sel.prefix, sel.suffix]) {
        expect(wellFormed(context), JSON.stringify({ pad, context })).toBe(true);
        // 32 units, one more to finish a pair, or the whole rest of the text when shorter.
        expect(context.length).toBeGreaterThanOrEqual(Math.min(32, pad + 2));
        expect(context.length).toBeLessThanOrEqual(33);
      }
      expect(text.slice(start - sel.prefix.length, start)).toBe(sel.prefix);
      expect(text.slice(sel.end, sel.end + sel.suffix.length)).toBe(sel.suffix);
    }
  });

  it('stays within the stored limits of the model (context at most 64)', () => {
    const text = '😀'.repeat(100);
    const sel = createSelectors(text, { start: 100, end: 102 });
    expect(sel?.prefix.length).toBeLessThanOrEqual(64);
    expect(sel?.suffix.length).toBeLessThanOrEqual(64);
    expect(wellFormed(sel?.prefix ?? '') && wellFormed(sel?.suffix ?? '')).toBe(true);
  });
});

describe('quoteMatchesAt', () => {
  it('checks the quote still stands at its position', () => {
    expect(quoteMatchesAt('hello world', { start: 6, end: 11, quote: 'world' })).toBe(true);
    expect(quoteMatchesAt('hello there', { start: 6, end: 11, quote: 'world' })).toBe(false);
  });
});
