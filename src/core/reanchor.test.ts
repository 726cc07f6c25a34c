import { describe, expect, it } from 'vitest';
import { canonicalize } from './canonical-text';
import type { AnchorInput, Placement } from './reanchor';
import { reanchorAll } from './reanchor';
import { createSelectors } from './selectors';

/** Selectors for the `nth` occurrence of `quote` in `text`, as the desk would store them. */
function anchor(text: string, quote: string, nth = 0, id = quote): AnchorInput {
  let at = text.indexOf(quote);
  for (let i = 0; i < nth && at !== -1; i++) at = text.indexOf(quote, at + 1);
  if (at === -1) throw new Error(`no ${JSON.stringify(quote)} #${nth}`);
  const sel = createSelectors(text, { start: at, end: at + quote.length });
  if (!sel) throw new Error('blank quote');
  return { id, ...sel };
}

/** What a placement says, in a form that reads well in a table. */
function landed(newText: string, p: Placement) {
  if (p.status === 'orphan') return { status: p.status };
  return { status: p.status, text: newText.slice(p.start, p.end) };
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
function graphemeBoundaries(text: string): Set<number> {
  return new Set([...[...segmenter.segment(text)].map((s) => s.index), text.length]);
}

/** Deterministic English-like prose: `n` sentences that do not repeat. */
function prose(n: number): string {
  const words = ['border', 'wall', 'minister', 'said', 'village', 'report', 'army', 'court'];
  const more = ['north', 'south', 'late', 'early', 'new', 'old', 'long', 'short', 'first'];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = words[i % words.length]!;
    const b = more[(i * 7) % more.length]!;
    const c = words[(i * 3 + 1) % words.length]!;
    out.push(`Item ${i}: the ${b} ${a} near the ${c} was seen on day ${i * 13 + 7}.`);
  }
  return out.join(' ');
}

const PARAGRAPHS = [
  'The ministry said on Tuesday that 210 km of concrete walls had been built along the border.',
  'Witnesses near the village described trucks arriving at night, which the army denied.',
  'Satellite imagery from March shows new construction north of the river crossing.',
  'A spokesman declined to comment on the figures, citing an ongoing investigation.',
].join('\n\n');

interface Case {
  name: string;
  old: string;
  new: string;
  quotes: (string | [string, number])[];
  expect: ReturnType<typeof landed>[];
}

const cases: Case[] = [
  {
    name: 'unchanged text: every annotation is exact',
    old: PARAGRAPHS,
    new: PARAGRAPHS,
    quotes: ['210 km of concrete walls', 'the army denied', 'Satellite imagery'],
    expect: [
      { status: 'exact', text: '210 km of concrete walls' },
      { status: 'exact', text: 'the army denied' },
      { status: 'exact', text: 'Satellite imagery' },
    ],
  },
  {
    name: 'text inserted before: moved, same quote',
    old: PARAGRAPHS,
    new: `UPDATED 12 March.\n\n${PARAGRAPHS}`,
    quotes: ['210 km of concrete walls', 'citing an ongoing investigation'],
    expect: [
      { status: 'moved', text: '210 km of concrete walls' },
      { status: 'moved', text: 'citing an ongoing investigation' },
    ],
  },
  {
    name: 'one word of the quote changed: moved, with the new text',
    old: PARAGRAPHS,
    new: PARAGRAPHS.replace('210 km of concrete walls', '210 km of steel walls'),
    quotes: ['210 km of concrete walls had been built'],
    expect: [{ status: 'moved', text: '210 km of steel walls had been built' }],
  },
  {
    name: 'the first word of the quote deleted: moved, starting at the next word',
    old: PARAGRAPHS,
    new: PARAGRAPHS.replace('Witnesses near the village', 'Near the village'),
    quotes: ['Witnesses near the village described trucks arriving'],
    expect: [{ status: 'moved', text: 'Near the village described trucks arriving' }],
  },
  {
    name: 'the last word of the quote replaced: moved, ending with the new word',
    old: 'Yesterday the convoy crossed the bridge at dawn, officials said.',
    new: 'Yesterday the convoy crossed the river at dawn, officials said.',
    quotes: ['the convoy crossed the bridge'],
    expect: [{ status: 'moved', text: 'the convoy crossed the river' }],
  },
  {
    name: 'a deleted passage: orphan',
    old: PARAGRAPHS,
    new: PARAGRAPHS.replace(/\n\nWitnesses[^\n]*/, ''),
    quotes: ['trucks arriving at night', 'Satellite imagery from March'],
    expect: [{ status: 'orphan' }, { status: 'moved', text: 'Satellite imagery from March' }],
  },
  {
    name: 'a repeated phrase: the occurrence in the annotated context wins',
    old: 'Intro. He said "no comment" to us at noon. Later, she said "no comment" to the press.',
    new: 'New intro here. He said "no comment" to us at noon. Later, she said "no comment" to the press.',
    quotes: [['"no comment"', 1]],
    expect: [{ status: 'moved', text: '"no comment"' }],
  },
  {
    name: 'a repeated phrase: when the annotated one is deleted, the other is not taken',
    old: 'Intro. He said "no comment" to us at noon. Later, she said "no comment" to the press.',
    new: 'Intro. Later, she said "no comment" to the press.',
    quotes: [['"no comment"', 0]],
    expect: [{ status: 'orphan' }],
  },
  {
    name: 'a repeated sentence: when the annotated one is deleted, its copy is not taken',
    old: `${prose(5)} Nothing to add at this stage. ${prose(5).slice(0, 300)} Nothing to add at this stage. End.`,
    new: `${prose(5)} ${prose(5).slice(0, 300)} Nothing to add at this stage. End.`,
    quotes: [['Nothing to add at this stage.', 0]],
    expect: [{ status: 'orphan' }],
  },
  {
    name: 'the same offsets by chance in a rewritten text: not exact, orphan',
    old: 'The minister said the wall is long and the army agreed with it.',
    new: 'A reporter wrote the wall is wrong but nobody agreed with that at all.',
    quotes: ['the wall is'],
    expect: [{ status: 'orphan' }],
  },
  {
    name: 'the very start and the very end of the text',
    old: PARAGRAPHS,
    new: PARAGRAPHS.replace('Satellite', 'Aerial'),
    quotes: ['The ministry', 'an ongoing investigation.'],
    expect: [
      { status: 'exact', text: 'The ministry' },
      { status: 'moved', text: 'an ongoing investigation.' },
    ],
  },
  {
    name: 'the very start of the text after an insertion before it',
    old: PARAGRAPHS,
    new: `Breaking: ${PARAGRAPHS}`,
    quotes: ['The ministry said on Tuesday'],
    expect: [{ status: 'moved', text: 'The ministry said on Tuesday' }],
  },
  {
    name: 'overlapping annotations are placed independently',
    old: PARAGRAPHS,
    new: `Note.\n\n${PARAGRAPHS.replace('on Tuesday', 'on Wednesday')}`,
    quotes: ['The ministry said on Tuesday', 'said on Tuesday that 210 km', '210 km'],
    expect: [
      { status: 'moved', text: 'The ministry said on Wednesday' },
      { status: 'moved', text: 'said on Wednesday that 210 km' },
      { status: 'moved', text: '210 km' },
    ],
  },
  {
    name: 'empty new text: every annotation is an orphan',
    old: PARAGRAPHS,
    new: '',
    quotes: ['The ministry', '210 km', 'investigation.'],
    expect: [{ status: 'orphan' }, { status: 'orphan' }, { status: 'orphan' }],
  },
];

describe('reanchorAll', () => {
  it.each(cases)('$name', (c) => {
    const annotations = c.quotes.map((q, i) =>
      typeof q === 'string' ? anchor(c.old, q, 0, `a${i}`) : anchor(c.old, q[0], q[1], `a${i}`),
    );
    const placements = reanchorAll(c.old, c.new, annotations);
    expect(placements.map((p) => p.id)).toEqual(annotations.map((a) => a.id));
    expect(placements.map((p) => landed(c.new, p))).toEqual(c.expect);
  });

  it('reports a moved quote with its new text and its edit distance', () => {
    const a = anchor(PARAGRAPHS, '210 km of concrete walls had been built');
    const next = `Header.\n\n${PARAGRAPHS.replace('concrete', 'steel')}`;
    const [p] = reanchorAll(PARAGRAPHS, next, [a]);
    expect(p).toEqual({
      id: a.id,
      status: 'moved',
      start: next.indexOf('210 km'),
      end: next.indexOf(' along the border'),
      quote: '210 km of steel walls had been built',
      errors: 7, // "concrete" → "steel": 4 substitutions, 3 deletions
    });
  });

  it('re-anchors after a long paragraph inserted near the top', () => {
    const old = prose(400);
    const inserted = `${prose(60).replace(/Item/g, 'Note')}\n\n`; // ~4 KB, beyond the local window
    const at = old.indexOf('Item 3:');
    const next = old.slice(0, at) + inserted + old.slice(at);
    const annotations = [10, 50, 120, 250, 399].map((i) => anchor(old, `Item ${i}:`, 0, `i${i}`));
    const placements = reanchorAll(old, next, annotations);
    for (const [k, p] of placements.entries()) {
      const a = annotations[k]!;
      expect(p).toMatchObject({ status: 'moved', start: a.start + inserted.length, errors: 0 });
    }
  });

  it('follows many annotations through many edits (the drift carried along)', () => {
    const old = prose(600);
    // Every 9th sentence gains words before it; every 13th loses a "the " after its start.
    const edited = old.replace(
      /Item (\d+): ([^.]*)/g,
      (sentence: string, n: string, rest: string) => {
        const i = Number(n);
        if (i % 9 === 4) return `Also, ${sentence}`;
        if (i % 13 === 6) return `Item ${n}: ${rest.replace(' near the ', ' near ')}`;
        return sentence;
      },
    );
    expect(edited.length).toBeGreaterThan(old.length + 100); // +6 × 67, − 4 × 46
    const annotations = Array.from({ length: 120 }, (_, k) =>
      anchor(old, `Item ${k * 5}: the`, 0, `n${k * 5}`),
    );
    const placements = reanchorAll(old, edited, annotations);
    for (const [k, p] of placements.entries()) {
      const a = annotations[k]!;
      // Each quote holds its own number, so the one right place is where it now stands.
      const start = edited.indexOf(a.quote);
      const status = start === a.start ? 'exact' : 'moved';
      expect(p, a.id).toMatchObject({ status, start, end: start + a.quote.length });
    }
  });

  it('keeps placements on grapheme boundaries with emoji and Arabic text', () => {
    const old = [
      'The family 👨‍👩‍👧 arrived at the crossing 🇫🇷 in the morning, witnesses said.',
      'قالَ المتحدثُ باسمِ الحكومةِ إنَّ الجدارَ يمتدُّ مئتينِ وعشرةَ كيلومتراتٍ على طولِ الحدود.',
      'Later 👍🏽 the convoy left.',
    ].join('\n\n');
    const next = `Update 😀.\n\n${old}`
      .replace('👨‍👩‍👧 arrived', '👨‍👩‍👦 arrived')
      .replace('الجدارَ يمتدُّ', 'الجدار يمتد');
    const annotations = [
      anchor(old, 'The family 👨‍👩‍👧 arrived at the crossing', 0, 'family'),
      anchor(old, '👨‍👩‍👧', 0, 'emoji'),
      anchor(old, 'إنَّ الجدارَ يمتدُّ مئتينِ وعشرةَ كيلومتراتٍ', 0, 'arabic'),
      anchor(old, '🇫🇷 in the morning', 0, 'flag'),
      anchor(old, 'Later 👍🏽 the', 0, 'thumb'),
    ];
    const placements = reanchorAll(old, next, annotations);
    const bounds = graphemeBoundaries(next);
    expect(placements.map((p) => landed(next, p))).toEqual([
      { status: 'moved', text: 'The family 👨‍👩‍👦 arrived at the crossing' },
      { status: 'orphan' }, // a two-code-unit change in an 8-unit quote: too much to be sure
      { status: 'moved', text: 'إنَّ الجدار يمتد مئتينِ وعشرةَ كيلومتراتٍ' },
      { status: 'moved', text: '🇫🇷 in the morning' },
      { status: 'moved', text: 'Later 👍🏽 the' },
    ]);
    for (const p of placements) {
      if (p.status === 'orphan') continue;
      expect(bounds.has(p.start) && bounds.has(p.end), p.id).toBe(true);
    }
  });

  it('snaps an approximate match that would end inside a grapheme cluster', () => {
    // The quote ends in a flag; the new text has a different flag there (same first half).
    const old = 'Convoy seen near the border crossing under the flag 🇫🇷 yesterday evening.';
    const next = 'Convoy seen near the border crossing under the flag 🇫🇮 yesterday evening.';
    const a = anchor(old, 'seen near the border crossing under the flag 🇫🇷');
    const [p] = reanchorAll(old, next, [a]);
    expect(p?.status).toBe('moved');
    if (p?.status !== 'moved') return;
    expect(graphemeBoundaries(next).has(p.end)).toBe(true);
    expect(p.quote.endsWith('🇫🇮')).toBe(true);
  });

  it('re-anchors a CRLF source once both versions are canonicalised', () => {
    const oldRaw = 'Line one.\r\nThe wall is 210 km long, officials said.\r\nLine three.\r\n';
    const newRaw =
      'Line zero.\r\nLine one.\r\nThe wall is 215 km long, officials said.\r\nLine three.\r\n';
    const old = canonicalize(oldRaw);
    const next = canonicalize(newRaw);
    const annotations = [
      anchor(old, 'The wall is 210 km long', 0, 'wall'),
      anchor(old, 'Line three.', 0, 'three'),
    ];
    const placements = reanchorAll(old, next, annotations);
    expect(placements.map((p) => landed(next, p))).toEqual([
      { status: 'moved', text: 'The wall is 215 km long' },
      { status: 'moved', text: 'Line three.' },
    ]);
  });

  it('finds a paragraph moved far away, but not a copy of it that was already there', () => {
    const body = prose(200);
    const moved =
      'The convoy of forty trucks crossed the northern checkpoint before dawn on Friday.';
    const old = `${moved}\n\n${body}`;
    const next = `${body}\n\n${moved}`;
    const a = anchor(old, 'forty trucks crossed the northern checkpoint');
    expect(reanchorAll(old, next, [a]).map((p) => landed(next, p))).toEqual([
      { status: 'moved', text: 'forty trucks crossed the northern checkpoint' },
    ]);
    // The same sentence already stood at the end: deleting ours must not hand it the anchor.
    const old2 = `${moved}\n\n${body}\n\n${moved}`;
    const next2 = `${body}\n\n${moved}`;
    const b = anchor(old2, 'forty trucks crossed the northern checkpoint', 0);
    expect(reanchorAll(old2, next2, [b]).map((p) => p.status)).toEqual(['orphan']);
  });

  it('matches a long quote (several paragraphs) with edits in it', () => {
    const old = `${prose(10)}\n\n${prose(30)}\n\n${prose(10)}`;
    const quote = prose(30).slice(100, 1900);
    const a = anchor(old, quote);
    const edited = quote.replace('Item 12:', 'Item twelve:').replace('Item 20:', 'Entry 20:');
    const next = `Preface.\n\n${old.replace(quote, edited)}`;
    const [p] = reanchorAll(old, next, [a]);
    expect(landed(next, p!)).toEqual({ status: 'moved', text: edited });
    expect(p?.status === 'moved' && p.errors).toBeGreaterThan(0);
  });

  it('places what is before a single edit exactly and what is after by its length', () => {
    const old = prose(50);
    const at = old.indexOf('Item 25:');
    const next = `${old.slice(0, at)}Extra words here. ${old.slice(at)}`;
    const before = anchor(old, 'Item 3:', 0, 'before');
    const after = anchor(old, 'Item 40:', 0, 'after');
    const [p, q] = reanchorAll(old, next, [before, after]);
    expect(p).toEqual({ id: 'before', status: 'exact', start: before.start, end: before.end });
    expect(q).toMatchObject({ status: 'moved', start: after.start + 18, errors: 0 });
  });

  it('returns placements in the order given, whatever the text order', () => {
    const annotations = [
      anchor(PARAGRAPHS, 'investigation', 0, 'z'),
      anchor(PARAGRAPHS, 'The ministry', 0, 'a'),
      anchor(PARAGRAPHS, 'the army', 0, 'm'),
    ];
    expect(reanchorAll(PARAGRAPHS, PARAGRAPHS, annotations).map((p) => p.id)).toEqual([
      'z',
      'a',
      'm',
    ]);
  });

  it('declares unusable selectors orphans instead of throwing', () => {
    const bad: AnchorInput[] = [
      { id: 'empty', start: 0, end: 0, quote: '', prefix: '', suffix: '' },
      { id: 'past-end', start: 5_000, end: 5_010, quote: 'nowhere at', prefix: '', suffix: '' },
    ];
    expect(reanchorAll(PARAGRAPHS, PARAGRAPHS, bad).map((p) => p.status)).toEqual([
      'orphan',
      'orphan',
    ]);
  });

  it('uses the quote when the stored offsets do not fit the old text', () => {
    const a = { ...anchor(PARAGRAPHS, 'Satellite imagery from March'), start: 3, end: 31 };
    const next = `Intro.\n\n${PARAGRAPHS}`;
    expect(reanchorAll(PARAGRAPHS, next, [a]).map((p) => landed(next, p))).toEqual([
      { status: 'moved', text: 'Satellite imagery from March' },
    ]);
  });
});
