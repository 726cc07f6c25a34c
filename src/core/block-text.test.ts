import { describe, expect, it, vi } from 'vitest';
import { canonicalBlock, cleanLine, cleanMetadata, documentProblems, safeHref } from './block-text';
import { canonicalize } from './canonical-text';

describe('canonicalBlock', () => {
  it('normalises to NFC and LF and moves marks with the text', () => {
    const raw = 'Cafe\u0301\r\n*cre\u0300me*';
    const start = raw.indexOf('cre');
    const { text, marks } = canonicalBlock(raw, [{ kind: 'emphasis', start, end: start + 6 }]);
    expect(text).toBe('Café\n*crème*');
    expect(marks.map((m) => text.slice(m.start, m.end))).toEqual(['crème']);
  });

  it('drops empty marks, trims white space from their edges and sorts them', () => {
    const { marks } = canonicalBlock('ab cd ', [
      { kind: 'strong', start: 3, end: 6 },
      { kind: 'emphasis', start: 2, end: 2 },
      { kind: 'code', start: 0, end: 3 },
      { kind: 'link', start: 0, end: 99, href: 'https://x.test' },
    ]);
    expect(marks).toEqual([
      { kind: 'link', start: 0, end: 5, href: 'https://x.test' },
      { kind: 'code', start: 0, end: 2 },
      { kind: 'strong', start: 3, end: 5 },
    ]);
  });
});

describe('canonicalBlock offsets', () => {
  // The reference: an offset maps to the length of the canonical text before it.
  const reference = (text: string, offset: number) =>
    Math.min(canonicalize(text).length, canonicalize(text.slice(0, offset)).length);

  it('agrees with the reference on random text that normalisation changes', () => {
    const alphabet = ['e', '\u0301', '\r', '\n', ' ', 'a', '\u0308', 'é', '한', '\u11a8', 'ᄀ', 'ᅡ', '漢', 'か', '\u3099', '\uFEFF']; // prettier-ignore
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const text = Array.from(
        { length: 1 + random(30) },
        () => alphabet[random(alphabet.length)],
      ).join('');
      const marks = Array.from({ length: 4 }, () => {
        const a = random(text.length + 1);
        const b = random(text.length + 1);
        return { kind: 'strong' as const, start: Math.min(a, b), end: Math.max(a, b) };
      });
      const { text: canonical, marks: moved } = canonicalBlock(text, marks);
      expect(canonical).toBe(canonicalize(text));
      const trimmed = marks.flatMap((m) => {
        let start = reference(text, m.start);
        let end = reference(text, m.end);
        while (start < end && /\s/.test(canonical.charAt(start))) start++;
        while (end > start && /\s/.test(canonical.charAt(end - 1))) end--;
        return end > start ? [{ ...m, start, end }] : [];
      });
      const order = (a: { start: number; end: number }, b: { start: number; end: number }) =>
        a.start - b.start || b.end - a.end;
      expect(moved).toEqual(trimmed.sort(order));
    }
  });

  it('normalises a long decomposed block with many marks in a bounded number of passes', () => {
    const word = 'cafe\u0301 ';
    const text = word.repeat(50_000);
    const marks = Array.from({ length: 20_000 }, (_, i) => ({
      kind: 'emphasis' as const,
      start: i * 6 * 2,
      end: i * 6 * 2 + 5,
    }));
    // Work counted instead of timed: the characters normalised in all. Normalising the text
    // before each mark's offsets afresh would come to billions; stepping between boundaries
    // normalisation cannot cross comes to a few times the text.
    const normalize = vi.spyOn(String.prototype, 'normalize');
    let normalised: number;
    let result: ReturnType<typeof canonicalBlock>;
    try {
      result = canonicalBlock(text, marks);
      normalised = normalize.mock.contexts.reduce<number>(
        (sum, s) => sum + (s as string).length,
        0,
      );
    } finally {
      normalize.mockRestore();
    }
    const { text: canonical, marks: moved } = result;
    expect(normalised).toBeGreaterThanOrEqual(text.length);
    expect(normalised).toBeLessThanOrEqual(3 * text.length);
    expect(moved).toHaveLength(20_000);
    expect(canonical.slice(moved[19_999]!.start, moved[19_999]!.end)).toBe('café');
  });
});

describe('safeHref', () => {
  it('keeps ordinary links and drops script, data, file and in-page ones', () => {
    expect(safeHref(' https://example.org/a?b#c ')).toBe('https://example.org/a?b#c');
    expect(safeHref('notes/a.html')).toBe('notes/a.html');
    for (const bad of [
      'javascript:alert(1)',
      ' JAVASCRIPT:x',
      'vbscript:x',
      'data:text/html,x',
      'file:///etc/passwd',
      '#top',
      '',
      'java\nscript:x',
      `https://x.test/${'a'.repeat(2100)}`,
    ])
      // prettier-ignore
      expect(safeHref(bad)).toBeUndefined();
    expect(safeHref(null)).toBeUndefined();
  });
});

describe('cleanLine and cleanMetadata', () => {
  it('collapses white space and cuts long values without splitting a surrogate pair', () => {
    expect(cleanLine('  a \n b\t c ', 100)).toBe('a b c');
    expect(cleanLine('   ', 100)).toBeUndefined();
    expect(cleanLine('abcdefgh', 5)).toBe('abcd…');
    expect(cleanLine('abc😀def', 5)).toBe('abc…');
  });

  it('keeps only fields that fit the schema', () => {
    expect(
      cleanMetadata({
        title: ` ${'T'.repeat(600)} `,
        byline: '',
        published: '2024-01-02',
        sourceUrl: 'https://a.test/x',
        siteName: 42,
        language: 'en_GB',
        pageCount: 0,
      }),
    ).toEqual({
      title: `${'T'.repeat(499)}…`,
      published: '2024-01-02',
      sourceUrl: 'https://a.test/x',
      language: 'en-GB',
    });
    expect(cleanMetadata({ language: 'not a language!', pageCount: 3 })).toEqual({ pageCount: 3 });
  });
});

describe('documentProblems', () => {
  it('finds what breaks the contract', () => {
    expect(
      documentProblems({
        text: 'ab\r\ncd',
        blocks: [
          { start: 0, end: 2, kind: 'paragraph' },
          { start: 1, end: 9, kind: 'paragraph' },
        ],
        marks: [{ start: 0, end: 5, kind: 'strong' }],
        metadata: {},
      }),
    ).toEqual([
      'text is not canonical',
      'block 1 is out of bounds',
      'block 1 overlaps or precedes block 0',
      'mark 0 is not inside one block',
    ]);
  });
});
