import { describe, expect, it } from 'vitest';
import {
  CodePointIndex,
  codePointIndex,
  fromCodePointOffset,
  toCodePointOffset,
} from './code-points';

/** The reference: code points of text.slice(0, u) by iteration (lone surrogates count one). */
function slowToCodePoint(text: string, u: number): number {
  return [...text.slice(0, u)].length;
}

/** Every UTF-16 offset that is a code-point boundary. */
function boundaries(text: string): number[] {
  const out = [0];
  let u = 0;
  for (const ch of text) out.push((u += ch.length));
  return out;
}

const SAMPLES: Record<string, string> = {
  ascii: 'Harbour council approves new sea wall',
  astral: 'a😀b𝔸c',
  zwj: 'family 👨‍👩‍👧‍👦 here',
  flags: 'flags 🇺🇦🇫🇷 end',
  skinTone: 'wave 👋🏽!',
  arabic: 'قال المتحدث إن الجدار سيكتمل',
  arabicWithEmoji: 'مرحبا 🌍 بالعالم',
  combining: 'e\u0301te\u0301 Zoë n\u0303',
  cjkAstral: '𠮷野家で𩸽を食べる',
  loneSurrogates: 'x\uD800y\uDC00z\uDBFF',
  startsAndEndsAstral: '😀middle😀',
  empty: '',
};

describe('CodePointIndex', () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`matches iteration on ${name}`, () => {
      const index = new CodePointIndex(text);
      expect(index.codePointLength).toBe([...text].length);
      const valid = new Set(boundaries(text));
      for (let u = 0; u <= text.length; u++) {
        const cp = index.toCodePoint(u);
        if (valid.has(u)) {
          expect(cp).toBe(slowToCodePoint(text, u));
          expect(index.fromCodePoint(cp!)).toBe(u);
        } else {
          expect(cp).toBeNull(); // between the halves of a surrogate pair
        }
      }
      for (let cp = 0; cp <= index.codePointLength; cp++) {
        const u = index.fromCodePoint(cp)!;
        expect(slowToCodePoint(text, u)).toBe(cp);
        expect(valid.has(u)).toBe(true);
      }
    });
  }

  it('counts an emoji as one code point and a ZWJ sequence as several', () => {
    const text = 'a😀b';
    expect(toCodePointOffset(text, 3)).toBe(2);
    expect(fromCodePointOffset(text, 2)).toBe(3);
    expect(toCodePointOffset(text, 2)).toBeNull();
    // 👨‍👩‍👧‍👦 is 4 emoji + 3 joiners = 7 code points, 11 UTF-16 units.
    const family = '👨‍👩‍👧‍👦';
    expect(family.length).toBe(11);
    expect(new CodePointIndex(family).codePointLength).toBe(7);
    // A flag is two regional indicators: two code points, four units.
    expect(new CodePointIndex('🇺🇦').codePointLength).toBe(2);
  });

  it('keeps Arabic and combining marks one unit per code point', () => {
    const text = SAMPLES.arabic!;
    for (let u = 0; u <= text.length; u++) expect(toCodePointOffset(text, u)).toBe(u);
    expect(toCodePointOffset('e\u0301', 1)).toBe(1); // a mark is its own code point
  });

  it('refuses offsets outside the text or not integers', () => {
    const text = 'a😀b';
    for (const bad of [-1, 5, 1.5, Number.NaN, Infinity])
      expect(toCodePointOffset(text, bad)).toBe(null);
    for (const bad of [-1, 4, 0.5, Number.NaN]) expect(fromCodePointOffset(text, bad)).toBe(null);
    expect(toCodePointOffset(text, 4)).toBe(3);
    expect(fromCodePointOffset(text, 3)).toBe(4);
  });

  it('reuses the index of the last text', () => {
    const text = 'x😀'.repeat(10);
    expect(codePointIndex(text)).toBe(codePointIndex(text));
    expect(codePointIndex('other')).not.toBe(codePointIndex(text));
  });

  it('converts 10,000 offsets on 2 MB of mixed text by binary search in one index', () => {
    const chunk = 'The wall 🧱 near Nordhafen — قال المتحدث 👨‍👩‍👧 ok.\n';
    const text = chunk.repeat(Math.ceil(2_000_000 / chunk.length));
    const valid = boundaries(chunk);
    const offsets: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      const n = (i * 7919) % Math.floor(text.length / chunk.length);
      offsets.push(n * chunk.length + valid[i % valid.length]!);
    }
    // Work counted instead of timed: reads of the index's surrogate-pair tables. A binary
    // search reads about log2(pairs) = 17 entries per conversion, a linear scan tens of
    // thousands; an index built again per call would leave these tables unread.
    const index = codePointIndex(text);
    const pairs = text.length - index.codePointLength; // about 160,000
    const tables = index as unknown as { pairs: Uint32Array; pairCodePoints: Uint32Array };
    expect(tables.pairs).toHaveLength(pairs);
    expect(tables.pairCodePoints).toHaveLength(pairs);
    let reads = 0;
    const counted = (values: Uint32Array) =>
      new Proxy(values, {
        get: (target, key) => {
          reads++;
          return Reflect.get(target, key, target) as unknown;
        },
      });
    tables.pairs = counted(tables.pairs);
    tables.pairCodePoints = counted(tables.pairCodePoints);

    const cps = offsets.map((u) => toCodePointOffset(text, u));
    const back = cps.map((cp) => fromCodePointOffset(text, cp!));
    const conversions = offsets.length * 2;
    expect(codePointIndex(text)).toBe(index);
    expect(reads).toBeGreaterThanOrEqual(conversions);
    expect(reads).toBeLessThanOrEqual(conversions * 2 * Math.log2(pairs));
    expect(back).toEqual(offsets);
    // Spot-check against iteration.
    expect(cps[123]).toBe(slowToCodePoint(text, offsets[123]!));
  });
});
