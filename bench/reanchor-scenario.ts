import type { AnchorInput, Placement } from '../src/core/reanchor';
import { createSelectors } from '../src/core/selectors';

// Re-anchoring benchmark: a ~2 MB English-like document (with repeated sentences, emoji and
// Arabic paragraphs), 10,000 annotations, a paragraph inserted near the top, one small edit per
// KB and a few annotated passages deleted outright. The truth is computed by carrying every
// annotation's span through each edit. Speed and accuracy are printed, never asserted: targets
// are < 1 s and ≥ 99.5 % correct with no wrong placement.
//
// Run: npm run bench:reanchor (bench/reanchor.bench-run.ts prints the figures).

const SEED = 20_261_107;
const DOC_CHARS = 2_000_000;
const ANNOTATIONS = 10_000;
const WHOLE_DELETIONS = 30;

/** Mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at ' +
  'which but have an they you were her she there been one all we their has would when if so ' +
  'no will more can who out them some than into other time could these two may then do first ' +
  'any my now such like our over man me even most made after also did many before must ' +
  'through back years where much your way well down should because each just those people ' +
  'how too little state good very make world still see own men work long here get both ' +
  'between life being under never day same another know while last might us great old year ' +
  'off come since against go came right used take three minister report claimed officials ' +
  'border village concrete walls kilometres government police army election percent ' +
  'according sources statement spokesman denied confirmed million thousand region capital ' +
  'agency protest court ruling witnesses footage verified analysis satellite imagery'
).split(' ');
const ARABIC = (
  'قال المتحدث باسم الحكومة إن القوات وصلت إلى المدينة صباح اليوم وأكد شهود عيان ' +
  'أنَّ الجدار يمتدّ مسافةَ مئتين وعشرة كيلومترات على طول الحدود الشرقية للبلاد'
).split(' ');
const EMOJI = ['👍🏽', '🇫🇷', '👨‍👩‍👧', '😀', '🔥', '🇺🇦', '✍🏿', '🧱'];

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

export interface Truth {
  start: number;
  end: number;
  length: number;
  removed: number;
  added: number;
  /** Where the annotation's original characters that survive now are. */
  segments: [number, number][];
}

function generate(rand: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const sentence = () => {
    const n = 6 + Math.floor(rand() * 16);
    const words = Array.from(
      { length: n },
      (_, i) => (i > 0 && rand() < 0.06 ? ',' : '') + pick(WORDS),
    );
    const s = words.join(' ').replace(/ ,/g, ',');
    return s[0]!.toUpperCase() + s.slice(1) + '.';
  };
  const boilerplate = Array.from({ length: 40 }, sentence);
  const paragraph = () => {
    const kind = rand();
    const n = 3 + Math.floor(rand() * 7);
    if (kind < 0.02) return Array.from({ length: n * 12 }, () => pick(ARABIC)).join(' ') + '.';
    const sentences = Array.from({ length: n }, () =>
      rand() < 0.08 ? pick(boilerplate) : sentence(),
    );
    if (kind < 0.05) {
      return sentences
        .map((s) => s.replace(/ /g, () => (rand() < 0.1 ? ` ${pick(EMOJI)} ` : ' ')))
        .join(' ');
    }
    return sentences.join(' ');
  };
  const parts: string[] = [];
  let size = 0;
  while (size < DOC_CHARS) {
    const p = paragraph();
    parts.push(p);
    size += p.length + 2;
  }
  return { text: parts.join('\n\n'), boilerplate, paragraph };
}

/** Word starts: after a space or line feed, before a non-space. */
function wordStartNear(text: string, at: number): number {
  let i = Math.max(0, Math.min(text.length - 1, at));
  while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  return i;
}

function wordEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && !/\s/.test(text[i]!)) i++;
  return i;
}

function annotate(text: string, boilerplate: readonly string[], rand: () => number): AnchorInput[] {
  const out: AnchorInput[] = [];
  const add = (start: number, end: number) => {
    const sel = createSelectors(text, { start, end });
    if (sel) out.push({ id: `a${out.length}`, ...sel });
  };
  const repeats: number[] = [];
  for (const s of boilerplate) {
    let i = text.indexOf(s);
    while (i !== -1 && repeats.length < 5000) {
      repeats.push(i);
      i = text.indexOf(s, i + 1);
    }
  }
  while (out.length < ANNOTATIONS) {
    const r = rand();
    if (r < 0.1 && out.length > 0) {
      // Overlapping a previous annotation.
      const prev = out[Math.floor(rand() * out.length)]!;
      const start = prev.start + Math.floor(rand() * (prev.end - prev.start));
      add(start, start + 1 + Math.floor(rand() * 200));
    } else if (r < 0.18 && repeats.length > 0) {
      // On a repeated sentence, whole or in part.
      const at = repeats[Math.floor(rand() * repeats.length)]!;
      const len = text.indexOf('.', at) + 1 - at;
      const from = rand() < 0.5 ? at : at + Math.floor(rand() * len * 0.5);
      add(
        wordStartNear(text, from),
        at + len - (rand() < 0.5 ? 0 : Math.floor(rand() * len * 0.3)),
      );
    } else {
      const start = wordStartNear(text, Math.floor(rand() * text.length));
      add(start, start + 1 + Math.floor(rand() * 200));
    }
  }
  return out;
}

function makeEdits(
  original: string,
  annotations: readonly AnchorInput[],
  paragraph: () => string,
  rand: () => number,
) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const truths: Truth[] = annotations.map((a) => ({
    start: a.start,
    end: a.end,
    length: a.end - a.start,
    removed: 0,
    added: 0,
    segments: [[a.start, a.end]],
  }));
  let text = original;
  let edits = 0;
  const apply = (e: Edit) => {
    text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
    track(e);
  };
  function track(e: Edit) {
    edits++;
    const cut = e.at + e.remove;
    const shift = e.insert.length - e.remove;
    for (const t of truths) {
      if (t.end <= e.at) continue;
      t.segments = t.segments.flatMap(([s, f]): [number, number][] => {
        if (f <= e.at) return [[s, f]];
        if (s >= cut) return [[s + shift, f + shift]];
        const kept: [number, number][] = [];
        if (s < e.at) kept.push([s, e.at]);
        if (f > cut) kept.push([e.at + e.insert.length, f + shift]);
        return kept;
      });
      if (t.start >= cut) {
        t.start += shift;
        t.end += shift;
        continue;
      }
      const lost = Math.max(0, Math.min(t.end, cut) - Math.max(t.start, e.at));
      const before = t.end - t.start;
      const start = Math.min(t.start, e.at);
      const end = t.end > cut ? t.end + shift : e.at + e.insert.length;
      t.removed += lost;
      t.added += Math.max(0, end - start - (before - lost));
      t.start = start;
      t.end = end;
    }
  }
  // A few annotated passages deleted outright, some of them on repeated sentences.
  const victims = new Set<number>();
  while (victims.size < WHOLE_DELETIONS) victims.add(Math.floor(rand() * annotations.length));
  for (const i of victims) {
    const t = truths[i]!;
    if (t.end <= t.start) continue;
    const end = text[t.end] === ' ' ? t.end + 1 : t.end;
    apply({ at: t.start, remove: end - t.start, insert: '' });
  }
  // A new paragraph near the top.
  const top = text.indexOf('\n\n', text.indexOf('\n\n') + 2) + 2;
  apply({ at: top, remove: 0, insert: `${paragraph()}\n\n` });
  // One small edit per KB, chosen on the text as it now stands, then applied from the end so
  // each edit's offset still holds (one string build instead of one per edit).
  const small: Edit[] = [];
  let free = 0;
  for (let block = 0; block * 1024 < text.length; block++) {
    const at = wordStartNear(text, block * 1024 + Math.floor(rand() * 1024));
    if (at < free) continue;
    const end = wordEnd(text, at);
    const word = text.slice(at, end);
    const kind = rand();
    let edit: Edit;
    if (kind < 0.35) edit = { at, remove: end - at, insert: pick(WORDS) };
    else if (kind < 0.55) edit = { at, remove: 0, insert: `${pick(WORDS)} ` };
    else if (kind < 0.75) edit = { at, remove: Math.min(text.length, end + 1) - at, insert: '' };
    else if (kind < 0.9 && /^[a-z]{3,}$/i.test(word)) {
      const i = at + 1 + Math.floor(rand() * (word.length - 2));
      const n = 1 + Math.floor(rand() * 2);
      const letters = Array.from({ length: n }, () =>
        String.fromCharCode(97 + Math.floor(rand() * 26)),
      );
      edit = { at: i, remove: Math.min(n, end - i), insert: letters.join('') };
    } else edit = { at: end, remove: 0, insert: ',' };
    small.push(edit);
    free = edit.at + edit.remove + 1;
  }
  const pieces: string[] = [];
  let tail = text.length;
  for (const e of small.reverse()) {
    pieces.push(text.slice(e.at + e.remove, tail), e.insert);
    tail = e.at;
    track(e);
  }
  pieces.push(text.slice(0, tail));
  text = pieces.reverse().join('');
  return { text, truths, edits };
}

export type Verdict = 'exact' | 'moved' | 'orphan-right' | 'orphan-lost' | 'wrong';

/**
 * Clean (untouched) annotations must land exactly on their span. Lightly edited ones (at most a
 * quarter of their length changed) must land within a few characters of their edited span. An
 * annotation that lost half its text or more must be an orphan. In between (heavily edited, but
 * most of it survives), an orphan is right, and so is a placement of which at least half is the
 * annotation's own surviving text, covering at least half of it.
 */
export function judge(t: Truth, p: Placement, newText: string, quote: string): Verdict {
  const changed = t.removed + t.added;
  const gone = t.end <= t.start || t.length - t.removed < t.length / 2;
  const clean = !gone && changed === 0;
  const small = !gone && changed <= t.length / 4;
  if (p.status === 'orphan') return clean || small ? 'orphan-lost' : 'orphan-right';
  if (gone) return 'wrong';
  if (clean) {
    const right = p.start === t.start && p.end === t.end && newText.slice(p.start, p.end) === quote;
    return right ? p.status : 'wrong';
  }
  if (small) {
    const tolerance = Math.min(16, 3 + changed);
    const near = Math.abs(p.start - t.start) <= tolerance && Math.abs(p.end - t.end) <= tolerance;
    return near ? p.status : 'wrong';
  }
  const surviving = t.length - t.removed;
  let covered = 0;
  for (const [s, f] of t.segments)
    covered += Math.max(0, Math.min(f, p.end) - Math.max(s, p.start));
  const own = covered >= (p.end - p.start) / 2 && covered >= surviving / 2;
  return own ? p.status : 'wrong';
}

/** The whole scenario, deterministic for a seed: old text, annotations, new text and the truth. */
export function buildScenario(seed = SEED) {
  const rand = prng(seed);
  const { text: oldText, boilerplate, paragraph } = generate(rand);
  const annotations = annotate(oldText, boilerplate, rand);
  const { text: newText, truths, edits } = makeEdits(oldText, annotations, paragraph, rand);
  return { oldText, newText, annotations, truths, edits };
}
