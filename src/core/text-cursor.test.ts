import { describe, expect, it, vi } from 'vitest';
import { plainTextBlocks } from './structure';
import {
  blockDirection,
  blockIndexAt,
  extend,
  nextParagraph,
  nextSentence,
  nextWord,
  paragraphAt,
  paragraphBounds,
  previousParagraph,
  previousSentence,
  previousWord,
  sentenceAt,
  snapOffset,
  spanOf,
  wordAt,
} from './text-cursor';
import type { TextSpan } from './text-cursor';

const ENGLISH = `Harbour council approves new sea wall

The council voted on Tuesday. It will cost $18 million! "We cannot wait," said the mayor.

Residents said the plan ignores the fishing harbour.
`;

const ARABIC = `مجلس المدينة يوافق على توسيع الميناء

وافق مجلس مدينة الساحل يوم الثلاثاء. وقالت رئيسة البلدية إن المدينة لن تنتظر؟ ويقدر المهندسون التكلفة.

وقال المهندس John Carter من شركة Harbor Works إن العمل سيبدأ في مارس 2027. واعترض السكان.
`;

const at = (text: string, s: string, from = 0) => {
  const i = text.indexOf(s, from);
  if (i < 0) throw new Error(`not in text: ${s}`);
  return i;
};
const show = (text: string, span: TextSpan | null) =>
  span ? text.slice(span.start, span.end) : null;

/** The words met moving forward from `from` with nextWord, as text. */
function walkWords(text: string, from: number, steps: number): string[] {
  const blocks = plainTextBlocks(text);
  const out: string[] = [];
  let offset = from;
  for (let i = 0; i < steps; i++) {
    const next = nextWord(text, blocks, offset);
    if (next === null) break;
    offset = next;
    out.push(show(text, wordAt(text, blocks, offset))!);
  }
  return out;
}

describe('blocks', () => {
  const blocks = plainTextBlocks(ENGLISH);

  it('finds the block holding an offset, the one before between blocks', () => {
    expect(blockIndexAt(blocks, 0)).toBe(0);
    expect(blockIndexAt(blocks, at(ENGLISH, 'The council'))).toBe(1);
    expect(blockIndexAt(blocks, at(ENGLISH, 'The council') - 1)).toBe(0);
    expect(blockIndexAt(blocks, ENGLISH.length)).toBe(2);
    expect(blockIndexAt([], 5)).toBe(-1);
  });
});

describe('words', () => {
  const blocks = plainTextBlocks(ENGLISH);

  it('moves to the start of each next word, skipping spaces and punctuation, across blocks', () => {
    expect(walkWords(ENGLISH, at(ENGLISH, 'sea wall'), 6)).toEqual([
      'wall',
      'The',
      'council',
      'voted',
      'on',
      'Tuesday',
    ]);
    expect(walkWords(ENGLISH, at(ENGLISH, 'cost'), 4)).toEqual(['18', 'million', 'We', 'cannot']);
  });

  it('moves back to the start of the word, then to the previous word, across blocks', () => {
    const inside = at(ENGLISH, 'council voted') + 3;
    expect(previousWord(ENGLISH, blocks, inside)).toBe(at(ENGLISH, 'council voted'));
    const the = at(ENGLISH, 'The council');
    expect(previousWord(ENGLISH, blocks, the)).toBe(at(ENGLISH, 'wall'));
    expect(previousWord(ENGLISH, blocks, 0)).toBeNull();
  });

  it('stops at the edges of the text', () => {
    const last = at(ENGLISH, 'harbour.');
    expect(nextWord(ENGLISH, blocks, last)).toBeNull();
  });

  it('shows the word under the cursor, or the nearest one in its block', () => {
    expect(show(ENGLISH, wordAt(ENGLISH, blocks, at(ENGLISH, 'voted') + 2))).toBe('voted');
    // On the space before a word: that word.
    expect(show(ENGLISH, wordAt(ENGLISH, blocks, at(ENGLISH, ' voted')))).toBe('voted');
    // At the end of a block: its last word.
    const end = at(ENGLISH, 'harbour.') + 'harbour.'.length;
    expect(show(ENGLISH, wordAt(ENGLISH, blocks, end))).toBe('harbour');
  });

  it('moves through Arabic words in reading (logical) order', () => {
    expect(walkWords(ARABIC, at(ARABIC, 'وافق مجلس'), 4)).toEqual([
      'مجلس',
      'مدينة',
      'الساحل',
      'يوم',
    ]);
  });

  it('moves through a paragraph mixing Arabic, English names and numbers in logical order', () => {
    expect(walkWords(ARABIC, at(ARABIC, 'المهندس John'), 8)).toEqual([
      'John',
      'Carter',
      'من',
      'شركة',
      'Harbor',
      'Works',
      'إن',
      'العمل',
    ]);
    expect(walkWords(ARABIC, at(ARABIC, 'مارس'), 2)).toEqual(['2027', 'واعترض']);
  });

  it('never stops inside a grapheme cluster', () => {
    const text = 'Cafe\u0301 👍🏽 déjà vu';
    const b = plainTextBlocks(text);
    const words: string[] = [];
    for (let o: number | null = 0; o !== null; o = nextWord(text, b, o))
      words.push(show(text, wordAt(text, b, o))!);
    expect(words).toEqual(['Cafe\u0301', 'déjà', 'vu']);
    expect(snapOffset(text, 4)).toBe(3);
    expect(snapOffset(text, 7)).toBe(6);
  });
});

describe('sentences', () => {
  const blocks = plainTextBlocks(ENGLISH);

  it('moves from sentence start to sentence start, across blocks', () => {
    const starts: string[] = [];
    let offset = 0;
    for (let i = 0; i < 6; i++) {
      const next = nextSentence(ENGLISH, blocks, offset);
      if (next === null) break;
      offset = next;
      starts.push(show(ENGLISH, sentenceAt(ENGLISH, blocks, offset))!);
    }
    expect(starts).toEqual([
      'The council voted on Tuesday.',
      'It will cost $18 million!',
      '"We cannot wait," said the mayor.',
      'Residents said the plan ignores the fishing harbour.',
    ]);
  });

  it('moves back to the start of the sentence, then to the previous one', () => {
    const mid = at(ENGLISH, 'cost');
    expect(previousSentence(ENGLISH, blocks, mid)).toBe(at(ENGLISH, 'It will'));
    expect(previousSentence(ENGLISH, blocks, at(ENGLISH, 'It will'))).toBe(
      at(ENGLISH, 'The council'),
    );
    expect(previousSentence(ENGLISH, blocks, at(ENGLISH, 'Residents'))).toBe(
      at(ENGLISH, '"We cannot'),
    );
  });

  it('trims trailing white space from a sentence', () => {
    const s = sentenceAt(ENGLISH, blocks, at(ENGLISH, 'voted'));
    expect(show(ENGLISH, s)).toBe('The council voted on Tuesday.');
  });

  it('splits Arabic sentences at the Arabic question mark and the full stop', () => {
    const b = plainTextBlocks(ARABIC);
    const first = at(ARABIC, 'وافق مجلس');
    expect(show(ARABIC, sentenceAt(ARABIC, b, first))).toBe('وافق مجلس مدينة الساحل يوم الثلاثاء.');
    const second = nextSentence(ARABIC, b, first)!;
    expect(show(ARABIC, sentenceAt(ARABIC, b, second))).toBe(
      'وقالت رئيسة البلدية إن المدينة لن تنتظر؟',
    );
    const third = nextSentence(ARABIC, b, second)!;
    expect(show(ARABIC, sentenceAt(ARABIC, b, third))).toBe('ويقدر المهندسون التكلفة.');
  });

  it('keeps a mixed Arabic and English sentence whole', () => {
    const b = plainTextBlocks(ARABIC);
    expect(show(ARABIC, sentenceAt(ARABIC, b, at(ARABIC, 'Harbor')))).toBe(
      'وقال المهندس John Carter من شركة Harbor Works إن العمل سيبدأ في مارس 2027.',
    );
  });
});

describe('paragraphs', () => {
  const blocks = plainTextBlocks(ENGLISH);

  it('moves between blocks and knows the block under the cursor', () => {
    expect(nextParagraph(ENGLISH, blocks, 3)).toBe(at(ENGLISH, 'The council'));
    expect(previousParagraph(ENGLISH, blocks, at(ENGLISH, 'cost'))).toBe(
      at(ENGLISH, 'The council'),
    );
    expect(previousParagraph(ENGLISH, blocks, at(ENGLISH, 'The council'))).toBe(0);
    expect(nextParagraph(ENGLISH, blocks, at(ENGLISH, 'Residents'))).toBeNull();
    expect(show(ENGLISH, paragraphAt(ENGLISH, blocks, at(ENGLISH, 'fishing')))).toBe(
      'Residents said the plan ignores the fishing harbour.',
    );
    expect(show(ENGLISH, paragraphBounds(ENGLISH, blocks, at(ENGLISH, 'fishing')))).toBe(
      'Residents said the plan ignores the fishing harbour.',
    );
  });
});

describe('extend', () => {
  const blocks = plainTextBlocks(ENGLISH);
  const sel = (s: { anchor: number; focus: number }) => show(ENGLISH, spanOf(s));

  it('selects the whole sentence from its start, and the rest of it from inside', () => {
    const start = at(ENGLISH, 'It will');
    const one = extend(ENGLISH, blocks, { anchor: start, focus: start }, 'sentence', 'forward');
    expect(sel(one)).toBe('It will cost $18 million!');
    const two = extend(ENGLISH, blocks, one, 'sentence', 'forward');
    expect(sel(two)).toBe('It will cost $18 million! "We cannot wait," said the mayor.');
    const mid = at(ENGLISH, 'cost');
    expect(sel(extend(ENGLISH, blocks, { anchor: mid, focus: mid }, 'sentence', 'forward'))).toBe(
      'cost $18 million!',
    );
  });

  it('extends and shrinks by words, keeping the anchor', () => {
    const start = at(ENGLISH, 'council voted');
    let s = { anchor: start, focus: start };
    s = extend(ENGLISH, blocks, s, 'word', 'forward');
    expect(sel(s)).toBe('council');
    s = extend(ENGLISH, blocks, s, 'word', 'forward');
    expect(sel(s)).toBe('council voted');
    s = extend(ENGLISH, blocks, s, 'word', 'backward');
    expect(sel(s)).toBe('council');
    s = extend(ENGLISH, blocks, s, 'word', 'backward');
    expect(s).toEqual({ anchor: start, focus: start });
    s = extend(ENGLISH, blocks, s, 'word', 'backward');
    expect(sel(s)).toBe('The ');
    expect(s.anchor).toBe(start);
    s = extend(ENGLISH, blocks, s, 'word', 'backward');
    expect(sel(s)).toBe('wall\n\nThe ');
    // Shrinking a backward selection stops at word starts, then collapses at the anchor.
    s = extend(ENGLISH, blocks, s, 'word', 'forward');
    expect(sel(s)).toBe('The ');
    s = extend(ENGLISH, blocks, s, 'word', 'forward');
    expect(s).toEqual({ anchor: start, focus: start });
  });

  it('shrinks a selection by paragraphs back to the end of the previous one', () => {
    const start = at(ENGLISH, 'The council');
    let s = extend(ENGLISH, blocks, { anchor: start, focus: start }, 'paragraph', 'forward');
    s = extend(ENGLISH, blocks, s, 'paragraph', 'forward');
    s = extend(ENGLISH, blocks, s, 'paragraph', 'backward');
    expect(sel(s)).toBe(
      'The council voted on Tuesday. It will cost $18 million! "We cannot wait," said the mayor.',
    );
  });

  it('extends by paragraphs across blocks', () => {
    const start = at(ENGLISH, 'The council');
    let s = extend(ENGLISH, blocks, { anchor: start, focus: start }, 'paragraph', 'forward');
    expect(sel(s)).toBe(
      'The council voted on Tuesday. It will cost $18 million! "We cannot wait," said the mayor.',
    );
    s = extend(ENGLISH, blocks, s, 'paragraph', 'forward');
    expect(sel(s)).toMatch(
      /^The council.*\n\nResidents said the plan ignores the fishing harbour\.$/s,
    );
    s = extend(ENGLISH, blocks, s, 'paragraph', 'forward');
    expect(s.focus).toBe(at(ENGLISH, 'harbour.') + 'harbour.'.length);
  });

  it('extends Arabic sentences in logical order', () => {
    const b = plainTextBlocks(ARABIC);
    const start = at(ARABIC, 'وقالت');
    const s = extend(ARABIC, b, { anchor: start, focus: start }, 'sentence', 'forward');
    expect(ARABIC.slice(s.anchor, s.focus)).toBe('وقالت رئيسة البلدية إن المدينة لن تنتظر؟');
  });
});

describe('blockDirection', () => {
  it('follows the first letter, as dir="auto" does', () => {
    const b = plainTextBlocks(ARABIC);
    expect(blockDirection(ARABIC, b[0]!)).toBe('rtl');
    expect(blockDirection(ARABIC, b[2]!)).toBe('rtl');
    expect(blockDirection(ENGLISH, plainTextBlocks(ENGLISH)[0]!)).toBe('ltr');
    const lead = '2027 — John قال';
    expect(blockDirection(lead, { start: 0, end: lead.length })).toBe('ltr');
    const digits = '١٢ - قال John';
    expect(blockDirection(digits, { start: 0, end: digits.length })).toBe('rtl');
    expect(blockDirection('123 ...', { start: 0, end: 7 })).toBe('ltr');
    const hebrew = '"שלום" world';
    expect(blockDirection(hebrew, { start: 0, end: hebrew.length })).toBe('rtl');
  });
});

describe('long blocks', () => {
  // One paragraph without breaks: segmented in chunks around the cursor, never whole.
  const para =
    'The council voted on Tuesday to build 4.2 kilometres of new sea wall. Engineers say it costs $18 million! ';
  const words = [...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(para)]
    .filter((s) => s.isWordLike)
    .map((s) => s.segment);

  it('moves through every word and sentence of a 30 kB block, across its chunks', () => {
    const text = para.repeat(300).trimEnd();
    const blocks = [{ start: 0, end: text.length }];
    const seen: string[] = [];
    for (let o: number | null = 0; o !== null; o = nextWord(text, blocks, o))
      seen.push(show(text, wordAt(text, blocks, o))!);
    expect(seen).toEqual(Array.from({ length: 300 }, () => words).flat());

    const sentences: string[] = [];
    for (let o: number | null = 0; o !== null; o = nextSentence(text, blocks, o))
      sentences.push(show(text, sentenceAt(text, blocks, o))!);
    expect(sentences).toHaveLength(600);
    expect(new Set(sentences)).toEqual(
      new Set([
        'The council voted on Tuesday to build 4.2 kilometres of new sea wall.',
        'Engineers say it costs $18 million!',
      ]),
    );

    // And back again, and a sentence selected across a chunk's edge stays whole.
    let back = 0;
    for (let o: number | null = text.length; o !== null; o = previousWord(text, blocks, o)) back++;
    expect(back - 1).toBe(seen.length);
    const at4k = previousSentence(text, blocks, 4096)!;
    const s = extend(text, blocks, { anchor: at4k, focus: at4k }, 'sentence', 'forward');
    expect(s.focus - s.anchor).toBeGreaterThan(30);
    expect(text.slice(s.anchor, s.focus)).toMatch(/^(The council|Engineers).*[.!]$/);
  });

  it('segments only a few kilobytes around the cursor in a 2 MB block', () => {
    // Intl.Segmenter's cost grows much faster than the length it is given (200 kB took a minute
    // and a half here): what it is handed is the measure, not the clock.
    const text = para.repeat(20_000);
    const blocks = [{ start: 0, end: text.length }];
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    try {
      let o = Math.floor(text.length / 2);
      for (let i = 0; i < 50; i++) o = nextWord(text, blocks, o)!;
      for (let i = 0; i < 20; i++) o = nextSentence(text, blocks, o)!;
      expect(show(text, sentenceAt(text, blocks, o))).toMatch(/^(The council|Engineers)/);
      const lengths = segment.mock.calls.map(([input]) => input.length);
      expect(lengths.length).toBeGreaterThan(0);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(8 * 1024);
    } finally {
      segment.mockRestore();
    }
  });
});
