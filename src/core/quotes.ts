import type { Span } from './graphemes';

/** A direct quotation found in a text, with its speaker when the text says who. */
export interface QuoteFinding {
  start: number; // the quotation including its marks
  end: number;
  inner: { start: number; end: number }; // the words inside the marks
  speaker?: string; // full name, resolved from the attribution
  speakerSpan?: { start: number; end: number }; // where that name stands in the text
}

/** Stands for every character of a quotation in the masked text, so attribution never looks inside. */
const MASK = '\u0007';

/** Closing marks for each opening mark but ‘, which needs apostrophe checks. */
const CLOSERS: Record<string, string> = {
  '"': '"',
  '“': '”',
  '„': '“”',
  '«': '»',
  '‹': '›',
  '「': '」',
  '『': '』',
};

const VERBS =
  'according to|said|says|say|saying|told|tells|tell|telling|added|adds|asked|asks|stated|states|explained|explains|warned|warns|wrote|writes|claimed|claims|insisted|insists|noted|notes|replied|replies';
const VERB_RE = new RegExp(`(?<![\\p{L}\\p{M}])(?:${VERBS})(?![\\p{L}\\p{M}])`, 'giu');
const VERB_AT = new RegExp(`^(?:${VERBS})(?![\\p{L}\\p{M}])`, 'iu');

const PRONOUNS = new Set(['he', 'she', 'they']);
/** After "asked": a request ("asked the city for", "asked not to be named"). */
const ASKED_FOR = /^(?:\s+[\p{L}\p{M}'’-]+){0,3}?\s+(?:for|to)(?![\p{L}\p{M}])/u;
/** Determiners of a role before a name ("its president, Khaled Abu Zeid"). */
const ROLE_DETERMINERS = new Set('the a an its his her their our'.split(' '));
/** Lower-case words that end a role: clause words, time words, verbs of the sentence. */
const ROLE_STOP = new Set(
  'that and but or when while as if who which where last this next today yesterday later earlier also then not is was are were has had have will would said says told added'.split(
    ' ',
  ),
);
const RELATIVES = new Set(['who', 'which', 'that', 'it', 'we', 'i', 'you']);
const CONJUNCTIONS = new Set(['and', 'but']);
/** Words that may stand between a subject and its verb: "Kolev also said", "farmers have warned". */
const AUXILIARIES = new Set(
  'also later then has have had once previously recently reportedly earlier further however again has repeatedly publicly'.split(
    ' ',
  ),
);
const PREPOSITIONS = new Set(
  'of in at on from to for with by near across between into over under about against via than through towards toward outside inside'.split(
    ' ',
  ),
);
/** Capitalised words that open a sentence but never a name. */
const STOPWORDS = new Set(
  (
    'The A An This That These Those Its His Her Their Our My Your In On At By For From With But And Or If When While After Before As ' +
    'According Asked Yet So Then Also However Meanwhile Since Until Although Though Because Under Over Across Between During ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September ' +
    'October November December I He She They We It You Mr Mrs Ms Mr. Mrs. Ms.'
  ).split(' '),
);
/** Titles before a name; the name is what follows the last of them. */
const TITLES = new Set(
  (
    'Minister Deputy Mayor Governor Dr Dr. Prof Prof. Professor President Vice Prime Commander Chief Secretary Senator Sen. ' +
    'Rep. Representative General Gen. Colonel Col. Captain Capt. Lieutenant Lt. Sergeant Sgt. Judge Justice Ambassador ' +
    'Chairman Chairwoman Chair Director Spokesman Spokeswoman Spokesperson Sheikh King Queen Prince Princess Lord Lady Sir ' +
    'Dame Rev. Reverend Father Bishop Archbishop Pope Imam Rabbi Inspector Superintendent Officer Detective Councillor ' +
    'Councilor Commissioner Chancellor Mr Mrs Ms Mr. Mrs. Ms. Gov. Adm. Admiral Marshal Premier Emir Sultan Mufti'
  ).split(' '),
);
const ABBREVIATIONS = new Set(
  'Dr Mr Mrs Ms St Gen Gov Sen Rep Prof Jr Sr Lt Col Capt Sgt Adm Rev No vs etc'.split(' '),
);
/** Lower-case name particles: "Ludwig van Beethoven", "Ana de Souza". */
const PARTICLES = new Set(
  'al el bin bint ibn de del della der den di da das dos du la le van von ter ten y'.split(' '),
);
/** Words that make a capitalised sequence an organisation or a place rather than a person. */
const NOT_PERSON = new Set(
  (
    'Watch River Rivers Dam Hospital Ministry Union Party Council Partners Group Bank Company Observatory Association ' +
    'Agency Office Department University Institute Republic Region District City Street Road Sea Ocean Lake Mountains ' +
    'Valley Airport Port Station Court Parliament Commission Committee Fund Corp Inc Ltd News Times Post Press Wire Asia ' +
    'America Africa Europe Central North South East West National International United States Kingdom Public Accounts ' +
    'Regional Protests Dispute Report Claims Border Wall Fire Disputed Death Toll'
  ).split(' '),
);

const isUpper = (c: string) => /\p{Lu}/u.test(c);
const isLetter = (c: string) => /[\p{L}\p{M}\p{N}]/u.test(c);
const isSpace = (c: string) => /[\s\u00a0\u202f]/u.test(c);
const isWordChar = (c: string) => /[\p{L}\p{M}\p{N}'’-]/u.test(c);

/** A name as it stands in the text, titles and sentence openers dropped. */
interface NameRef {
  words: string[];
  start: number;
  end: number;
  /** "Popescu’s answer …": a possessive opening its sentence (a mention, never a subject). */
  possessive?: boolean;
}

/** Who a speech verb (or an attribution) points at. */
type Subject =
  { kind: 'named'; name: NameRef } | { kind: 'pronoun' } | { kind: 'anon' } | { kind: 'none' };

interface SpeechEvent {
  start: number;
  end: number;
  subject: Subject;
}

interface Analysis {
  text: string;
  masked: string;
  paras: Span[];
  quotes: QuoteSpan[];
  sentenceStarts: number[];
  events: SpeechEvent[];
  mentions: NameRef[]; // people named outside quotations, in text order
  fullNames: NameRef[]; // names of two words or more, for surname look-ups
}

interface QuoteSpan {
  start: number;
  end: number;
  inner: Span;
}

/** Finds direct quotations and their speakers in a text. */
export function findQuotes(text: string): QuoteFinding[] {
  const a = analyse(text);
  const found: QuoteFinding[] = [];
  let previous: { finding: QuoteFinding; end: number } | undefined;
  for (const q of a.quotes) {
    const attribution = attribute(a, q);
    let resolved = attribution && resolveSubject(a, attribution.subject, q.start);
    // A quote standing as its own sentence right after an attributed one continues it.
    if (!attribution && previous?.finding.speaker && continues(a, previous.end, q.start)) {
      resolved = {
        speaker: previous.finding.speaker,
        span: previous.finding.speakerSpan ?? { start: 0, end: 0 },
      };
    }
    // Scare quotes and titles ("in principle") pass only when directly attributed.
    if (wordCount(text.slice(q.inner.start, q.inner.end)) < 3 && !attribution?.direct) continue;
    const finding: QuoteFinding = { start: q.start, end: q.end, inner: { ...q.inner } };
    if (resolved) {
      finding.speaker = resolved.speaker;
      finding.speakerSpan = resolved.span;
    }
    found.push(finding);
    previous = { finding, end: q.end };
  }
  return found;
}

/** The speaker of the quotation at [start, end) (a tagged passage), if the text says who. */
export function speakerFor(text: string, start: number, end: number): string | undefined {
  let best: QuoteFinding | undefined;
  let bestOverlap = 0;
  for (const f of findQuotes(text)) {
    const overlap = Math.min(end, f.end) - Math.max(start, f.start);
    if (overlap > bestOverlap) [best, bestOverlap] = [f, overlap];
  }
  if (best) return best.speaker;
  // A passage findQuotes skipped (a short quote, a quote without marks): attribute it as it stands.
  const a = analyse(text);
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  if (s > 0 && isOpenMark(text[s - 1])) s--;
  if (e < text.length && isCloseMark(text[e])) e++;
  const attribution = attribute(a, { start: s, end: e, inner: trim(text, s + 1, e - 1) });
  return attribution && resolveSubject(a, attribution.subject, s)?.speaker;
}

const isOpenMark = (c: string) => c in CLOSERS || c === '‘';
const isCloseMark = (c: string) => '"”“»›」』’'.includes(c);

// ───────────────────────────── finding the marks ─────────────────────────────

let cache: { text: string; analysis: Analysis } | undefined;

/** Everything attribution needs, computed once per text. */
function analyse(text: string): Analysis {
  if (cache?.text === text) return cache.analysis;
  const paras = paragraphs(text);
  const quotes = scanQuotes(text, paras);
  const units = text.split(''); // UTF-16 code units, so offsets stay those of `text`
  for (const q of quotes) {
    for (let i = q.start; i < q.end; i++) if (units[i] !== '\n') units[i] = MASK;
    // Keep a sentence-ending mark so "…when." He said starts a new sentence.
    const last = text[q.inner.end - 1];
    if (last && '.!?'.includes(last)) units[q.end - 1] = last;
  }
  const masked = units.join('');
  const sentenceStarts = sentences(masked, paras);
  const partial: Analysis = {
    text,
    masked,
    paras,
    quotes,
    sentenceStarts,
    events: [],
    mentions: [],
    fullNames: [],
  };
  partial.events = speechEvents(partial);
  collectMentions(partial);
  cache = { text, analysis: partial };
  return partial;
}

/** Paragraphs split at blank lines, or at every line break when the text has no blank line. */
function paragraphs(text: string): Span[] {
  const breaks = /\n[ \t]*\n/.test(text) ? /\n[ \t]*\n\s*/g : /\n+/g;
  const out: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(breaks)) {
    out.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  out.push({ start: from, end: text.length });
  return out;
}

/** All outermost quotations, each within one paragraph unless it continues newspaper-style. */
function scanQuotes(text: string, paras: Span[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let p = 0;
  let i = 0;
  while (i < text.length) {
    while (p < paras.length - 1 && i >= paras[p].end) p++;
    const para = paras[p];
    const c = text[i];
    let close = -1;
    if (c === '‘') close = singleOpener(text, i) ? singleCloser(text, i + 1, para.end) : -1;
    else if (c in CLOSERS && (c !== '"' || straightOpener(text, i))) {
      close = closerOf(text, c, i + 1, para.end);
      // Newspaper style: a paragraph that opens a quote and never closes it goes on in the next
      // paragraph that opens with the same mark.
      if (close < 0 && text.slice(para.start, i).trim() === '') {
        for (let q = p + 1; q < paras.length && close < 0; q++) {
          const first =
            paras[q].start +
            (text.slice(paras[q].start).length - text.slice(paras[q].start).trimStart().length);
          if (text[first] !== c) break;
          close = closerOf(text, c, first + 1, paras[q].end);
        }
      }
    }
    if (close < 0) {
      i++;
      continue;
    }
    out.push({ start: i, end: close + 1, inner: trim(text, i + 1, close) });
    i = close + 1;
  }
  return out;
}

/** The index of the mark closing `open`, searched in [from, to), or -1. */
function closerOf(text: string, open: string, from: number, to: number): number {
  const closers = CLOSERS[open];
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (closers.includes(c) && (open !== '"' || !isSpace(text[i - 1] ?? ' ') || i === from)) {
      if (depth === 0) return i;
      depth--;
    } else if (c === open && open !== '"' && open !== '„') depth++;
  }
  return -1;
}

/** A straight " opens when it follows space or an opening bracket and precedes a word. */
function straightOpener(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : text[i - 1];
  const after = text[i + 1] ?? ' ';
  return (isSpace(before) || '([{—–-/:*_'.includes(before)) && !isSpace(after);
}

/** ‘ opens a quotation, not an elision like ‘90s or ‘em. */
function singleOpener(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : text[i - 1];
  if (!(isSpace(before) || '([{—–-“"*_'.includes(before))) return false;
  const rest = text.slice(i + 1, i + 8);
  return (
    isLetter(rest[0] ?? ' ') &&
    !/^(?:\d\ds?|em|til|tis|twas|cause|n|bout|round)(?![\p{L}\p{N}])/iu.test(rest)
  );
}

/** The ’ closing a ‘ quotation: not in a word (don’t), preferring one not after a plural s (pilots’). */
function singleCloser(text: string, from: number, to: number): number {
  let weak = -1;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '‘' && singleOpener(text, i)) break; // the next quotation starts: this one never closed
    if (c !== '’' || isSpace(text[i - 1]) || isLetter(text[i + 1] ?? ' ')) continue;
    const possessive = /[sS]/.test(text[i - 1]) && /^\s\p{L}/u.test(text.slice(i + 1, i + 3));
    if (!possessive) return i;
    if (weak < 0) weak = i;
  }
  return weak;
}

/** [from, to) without white space at either end. */
function trim(text: string, from: number, to: number): Span {
  let s = from;
  let e = Math.max(from, to);
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return { start: s, end: e };
}

/** Words in a quotation; CJK text counts two characters as a word. */
function wordCount(s: string): number {
  const cjk =
    s.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ??
    0;
  const words = s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return Math.max(words, Math.ceil(cjk / 2));
}

// ───────────────────────────── sentences and names ─────────────────────────────

/** Where each sentence starts, quotations masked so their full stops don't count. */
function sentences(masked: string, paras: Span[]): number[] {
  const out: number[] = [];
  for (const para of paras) {
    out.push(para.start);
    for (let i = para.start; i < para.end - 1; i++) {
      if (!'.!?'.includes(masked[i]) || !isSpace(masked[i + 1])) continue;
      const word = /([\p{L}]+)$/u.exec(masked.slice(Math.max(para.start, i - 12), i))?.[1] ?? '';
      if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(word)) continue;
      let j = i + 1;
      while (j < para.end && isSpace(masked[j])) j++;
      if (
        j < para.end &&
        (isUpper(masked[j]) || /[\d"“„«‹「‘]/u.test(masked[j]) || masked[j] === MASK)
      )
        out.push(j);
    }
  }
  return out;
}

/** The start of the sentence holding `pos`. */
function sentenceStart(a: Analysis, pos: number): number {
  let best = 0;
  for (const s of a.sentenceStarts) {
    if (s > pos) break;
    best = s;
  }
  return best;
}

/** The word (letters, apostrophes, hyphens) ending exactly at `end`. */
function wordEndingAt(s: string, end: number, lo: number): Span | undefined {
  let i = end;
  while (i > lo && isWordChar(s[i - 1])) i--;
  return i < end ? { start: i, end } : undefined;
}

/** The word starting exactly at `start`. */
function wordStartingAt(s: string, start: number, hi: number): Span | undefined {
  let i = start;
  while (i < hi && isWordChar(s[i])) i++;
  return i > start ? { start, end: i } : undefined;
}

const isNameWord = (w: string) =>
  isUpper(w[0]) || /^(?:al|el|ad|an|as|ash|at|az|ul)-\p{Lu}/u.test(w);

/** The capitalised words ending at `end` (skipping spaces), as a cleaned name. */
function nameBefore(s: string, end: number, lo: number): NameRef | undefined {
  let k = end;
  while (k > lo && s[k - 1] === ' ') k--;
  const words: Span[] = [];
  for (;;) {
    let w = wordEndingAt(s, k, lo);
    let dotted = false;
    if (!w && s[k - 1] === '.' && words.length > 0) {
      w = wordEndingAt(s, k - 1, lo);
      dotted =
        !!w &&
        (ABBREVIATIONS.has(s.slice(w.start, w.end)) || /^\p{Lu}$/u.test(s.slice(w.start, w.end)));
      if (!dotted) break;
    }
    if (!w) break;
    const word = s.slice(w.start, w.end);
    if (VERB_AT.test(word) && words.length > 0) break; // "Ana Petrova SAID"
    const particle = PARTICLES.has(word) && words.length > 0;
    if (!isNameWord(word) && !particle) break;
    words.unshift({ start: w.start, end: dotted ? w.end + 1 : w.end });
    if (w.start - 1 < lo || !/[ \u00a0]/.test(s[w.start - 1])) break;
    k = w.start - 1;
  }
  return cleanName(s, words);
}

/** The capitalised words starting at `start` (after spaces), as a cleaned name. */
function nameAfter(s: string, start: number, hi: number): NameRef | undefined {
  let k = start;
  while (k < hi && s[k] === ' ') k++;
  const words: Span[] = [];
  for (;;) {
    const w = wordStartingAt(s, k, hi);
    if (!w) break;
    const word = s.slice(w.start, w.end);
    if (!isNameWord(word) && !PARTICLES.has(word)) break;
    if (VERB_AT.test(word) && words.length > 0) break;
    let end = w.end;
    if (s[end] === '.' && (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(word))) end++;
    words.push({ start: w.start, end });
    if (!/[ \u00a0]/.test(s[end] ?? '')) break;
    k = end + 1;
  }
  while (
    words.length &&
    PARTICLES.has(s.slice(words[words.length - 1].start, words[words.length - 1].end))
  )
    words.pop();
  return cleanName(s, words);
}

/** Drops sentence openers, titles and a possessive 's; undefined when nothing of a name is left. */
function cleanName(s: string, spans: Span[]): NameRef | undefined {
  let words = spans.map((w) => ({ ...w, text: s.slice(w.start, w.end) }));
  while (words.length && STOPWORDS.has(words[0].text)) words = words.slice(1);
  let lastTitle = -1;
  words.forEach((w, i) => {
    if (TITLES.has(w.text)) lastTitle = i;
  });
  words = words.slice(lastTitle + 1);
  if (!words.length || words.some((w) => STOPWORDS.has(w.text) && !PARTICLES.has(w.text)))
    return undefined;
  const last = words[words.length - 1];
  const possessive = /['’]s$/.exec(last.text);
  if (possessive) return undefined; // "Kyrgyzstan's energy ministry" names no speaker
  return { words: words.map((w) => w.text), start: words[0].start, end: last.end };
}

// ───────────────────────────── speech verbs ─────────────────────────────

/** Every speech verb outside quotations, with what stands as its subject. */
function speechEvents(a: Analysis): SpeechEvent[] {
  const out: SpeechEvent[] = [];
  for (const m of a.masked.matchAll(VERB_RE)) {
    const verb = m[0];
    // "United States", "Field Notes": a capitalised verb right after a capitalised word is a name.
    if (isUpper(verb[0]) && verb !== verb.toUpperCase()) {
      const prev = wordEndingAt(a.masked, m.index - 1, 0);
      if (prev && isUpper(a.masked[prev.start]) && a.masked[m.index - 1] === ' ') continue;
    }
    const start = m.index;
    const end = start + verb.length;
    // "asked Belgrade for money", "asked not to be named": a request, not speech.
    if (/^ask/i.test(verb) && ASKED_FOR.test(a.masked.slice(end, end + 60))) continue;
    out.push({ start, end, subject: subjectOf(a, start, end, verb.toLowerCase()) });
  }
  return out;
}

/** The subject of the speech verb at [start, end): before it, or after it when inverted ("said Kolev"). */
function subjectOf(a: Analysis, start: number, end: number, verb: string): Subject {
  const s = a.masked;
  const para = paraOf(a, start);
  if (verb === 'according to') return objectAfter(a, end, para.end);
  const lo = sentenceStart(a, start);
  let k = start;
  for (let guard = 0; guard < 6; guard++) {
    while (k > lo && isSpace(s[k - 1])) k--;
    const quoteEnd = (at: number) => a.quotes.some((q) => q.end === at);
    if (quoteEnd(k) || (s[k - 1] === ',' && quoteEnd(k - 1)))
      return inverted(a, end, para.end, true);
    if (s[k - 1] === ',') {
      // An appositive ", the group's lead hydrologist," — unless it is the name itself.
      const open = clauseComma(s, k - 2, -1);
      const from = Math.max(open + 1, lo);
      const inside = s.slice(from, k - 1);
      if (/[:;]/.test(inside) || inside.split(/\s+/).length > 25) break;
      const whole = nameBefore(s, k - 1, from);
      const lead = whole ? s.slice(from, whole.start) : '';
      // "The fund's chairman, Sheikh Hamad bin Rashid,": the name itself, after titles or role
      // words — unless a name stands before the comma ("Rob Goldman, President Ascom,").
      const prev = open >= lo ? wordEndingAt(s, open, lo) : undefined;
      const described = !!prev && isNameWord(s.slice(prev.start, prev.end));
      if (whole && !isPronounOrStop(inside) && (lead.trim() === '' || (isRole(lead) && !described)))
        return named(whole);
      if (open < lo) return { kind: 'none' };
      k = open;
      continue;
    }
    const w = wordEndingAt(s, k, lo);
    if (!w) return { kind: 'none' };
    const word = s.slice(w.start, w.end);
    const lower = word.toLowerCase();
    // An age between commas ("Gordon McLeish, 71, from Glasgow, told"): one more appositive.
    if (/^\d{1,3}$/.test(word) && s.slice(w.start - 2, w.start) === ', ') {
      k = w.start;
      continue;
    }
    if (AUXILIARIES.has(word)) {
      k = w.start;
      continue;
    }
    if (PRONOUNS.has(lower)) return { kind: 'pronoun' };
    if (RELATIVES.has(lower)) return { kind: 'none' };
    if (CONJUNCTIONS.has(word)) return sentenceSubject(a, lo, w.start);
    if (isNameWord(word)) {
      let name = nameBefore(s, k, lo);
      if (!name) return { kind: 'anon' };
      // "Sarah Kwan of the City of London Police said": the name before the prepositional
      // phrases, if it is a full name; "Officials in Baghdad said" names nobody.
      let crossed = false;
      for (let g = 0; g < 4; g++) {
        let b = wordEndingAt(s, name.start - 1, lo);
        if (b && ROLE_DETERMINERS.has(s.slice(b.start, b.end)))
          b = wordEndingAt(s, b.start - 1, lo);
        if (!b || !PREPOSITIONS.has(s.slice(b.start, b.end))) break;
        const outer = nameBefore(s, b.start - 1, lo);
        if (!outer) return { kind: 'anon' };
        name = outer;
        crossed = true;
      }
      return crossed && name.words.length < 2 ? { kind: 'anon' } : named(name);
    }
    return { kind: 'anon' };
  }
  return { kind: 'anon' };
}

/** The nearest comma from `from` in `direction` that is not a thousands separator (8,000), or -1. */
function clauseComma(s: string, from: number, direction: -1 | 1): number {
  for (let i = from; i >= 0 && i < s.length; i += direction) {
    if (s[i] === ',' && !(/\d/.test(s[i - 1] ?? '') && /\d/.test(s[i + 1] ?? ''))) return i;
  }
  return -1;
}

/** What cleanName dropped before a name: titles and openers, no punctuation. */
const onlyTitles = (s: string) => /^[\p{L}\p{M}.'’\s-]*$/u.test(s);

const isPronounOrStop = (s: string) =>
  PRONOUNS.has(s.trim().toLowerCase()) || STOPWORDS.has(s.trim());
const named = (name: NameRef): Subject => ({ kind: 'named', name });

/** "according to Kolev" names; "according to the ministry" doesn't. */
function objectAfter(a: Analysis, from: number, hi: number): Subject {
  const name = nameAfter(a.masked, from, hi);
  if (name && onlyTitles(a.masked.slice(from, name.start))) return named(name);
  return { kind: 'anon' };
}

/** After a quotation the verb may come first: `"…," said Kolev` / `said she`. */
function inverted(a: Analysis, verbEnd: number, hi: number, afterQuote: boolean): Subject {
  if (!afterQuote) return { kind: 'none' };
  const s = a.masked;
  const w = wordStartingAt(s, verbEnd + 1, hi);
  if (w && PRONOUNS.has(s.slice(w.start, w.end).toLowerCase()) && s[verbEnd] === ' ')
    return { kind: 'pronoun' };
  const name = nameAfter(s, verbEnd, hi);
  if (name && onlyTitles(s.slice(verbEnd, name.start))) return named(name);
  // "said campaign manager Tessa Morrow", "said its president, Khaled Abu Zeid".
  const role =
    /^[ \u00a0]+((?:[\p{Ll}\p{M}'’-]+[ \u00a0]+){0,3}[\p{Ll}\p{M}'’-]+),?[ \u00a0]+(?=\p{Lu})/u.exec(
      s.slice(verbEnd, hi),
    );
  if (role && isRole(role[1] ?? '') && /[^ ]/.test(role[1] ?? '')) {
    const words = (role[1] ?? '').split(/\s+/);
    const after = nameAfter(s, verbEnd + role[0].length, hi);
    if (
      words.some((w) => !ROLE_DETERMINERS.has(w)) &&
      after &&
      onlyTitles(s.slice(verbEnd + role[0].length, after.start))
    )
      return named(after);
  }
  return { kind: 'anon' };
}

/**
 * What may stand before a name in an appositive or after an inverted verb: nothing, titles, or a
 * few lower-case role words ("retired teacher", "its president") with no preposition or clause
 * word ("a spokesman for the …", "on Tuesday").
 */
function isRole(s: string): boolean {
  const words = s.trim().split(/\s+/).filter(Boolean);
  if (words.length > 4) return false;
  return words.every(
    (w) =>
      TITLES.has(w) ||
      (/^[\p{Ll}\p{M}'’-]+$/u.test(w) && !PREPOSITIONS.has(w) && !ROLE_STOP.has(w)),
  );
}

/** "Urrejola defended the response and said …": the name opening the sentence, if any. */
function sentenceSubject(a: Analysis, lo: number, hi: number): Subject {
  const s = a.masked;
  const first = wordStartingAt(s, lo, hi);
  if (!first || STOPWORDS.has(s.slice(first.start, first.end))) return { kind: 'anon' };
  const name = nameAfter(s, lo, hi);
  return name && name.start === lo ? named(name) : { kind: 'anon' };
}

function paraOf(a: Analysis, pos: number): Span {
  return a.paras[paraIndex(a, pos)];
}

function paraIndex(a: Analysis, pos: number): number {
  let i = 0;
  while (i < a.paras.length - 1 && pos >= a.paras[i + 1].start) i++;
  return i;
}

// ───────────────────────────── attribution ─────────────────────────────

/** Names that may stand for a person: full names, and single words known as someone's surname. */
function collectMentions(a: Analysis): void {
  const s = a.masked;
  const re =
    /(?<![\p{L}\p{M}'’-])\p{Lu}[\p{L}\p{M}'’-]*(?:[ \u00a0]+(?:\p{Lu}\.(?=[ \u00a0]+\p{Lu})|\p{Lu}[\p{L}\p{M}'’-]*|(?:al|el|bin|bint|ibn|de|del|der|den|di|da|das|dos|du|la|le|van|von|ter|y)(?=[ \u00a0]+\p{Lu})|(?:al|el)-\p{Lu}[\p{L}\p{M}'’-]*))*/gu;
  const all: NameRef[] = [];
  for (const m of s.matchAll(re)) {
    // "In Novi Sad": a place after a capitalised preposition.
    if (PREPOSITIONS.has(/^\p{L}+/u.exec(m[0])?.[0].toLowerCase() ?? '')) continue;
    let name = nameAfter(s, m.index, m.index + m[0].length);
    // "Popescu’s answer is …" opening a sentence still mentions its bearer (kept below only
    // if a full name ending with it came before).
    if (!name && /['’]s$/u.test(m[0]) && sentenceStart(a, m.index) === m.index) {
      name = nameAfter(s, m.index, m.index + m[0].length - 2);
      if (!name || name.words.length > 1) continue;
      name.possessive = true;
    }
    if (!name) continue;
    const before = wordEndingAt(s, m.index - 1, 0);
    if (before && PREPOSITIONS.has(s.slice(before.start, before.end))) continue;
    if (name.words.some((w) => NOT_PERSON.has(w))) continue;
    all.push(name);
  }
  for (const e of a.events) if (e.subject.kind === 'named') all.push(e.subject.name);
  all.sort((x, y) => x.start - y.start);
  a.fullNames = all.filter((n) => n.words.length >= 2);
  // A short name is a mention when a longer name ending with it came before ("Kolev" after
  // "Dimitar Kolev"): the tails of the full names seen so far, in one pass.
  const tails = new Set<string>();
  a.mentions = [];
  for (const n of all) {
    if (n.words.length >= 2 || tails.has(n.words.join(' '))) a.mentions.push(n);
    for (let k = 1; k < n.words.length; k++) tails.add(n.words.slice(k).join(' '));
  }
}

const endsWith = (full: string[], part: string[]) =>
  full.length > part.length && part.every((w, i) => full[full.length - part.length + i] === w);

interface Attribution {
  subject: Subject;
  direct: boolean; // `"…," X said` / `X said: "…"`, not a speech verb somewhere in the sentence
}

/** How the text attributes a quotation, if it does. */
function attribute(a: Analysis, q: QuoteSpan): Attribution | undefined {
  const after = attributionAfter(a, q);
  if (after) return { subject: after, direct: true };
  const lo = sentenceStart(a, q.start);
  const events = a.events.filter(
    (e) => e.start >= lo && e.end <= q.start && e.subject.kind !== 'none',
  );
  const last = events[events.length - 1];
  if (!last) return undefined;
  // `X said: "…"`, `according to X, "…"`, `X told reporters, "…"`: a short run-up to the mark.
  const gap = a.masked.slice(last.end, q.start).trim();
  const direct =
    /^(?:[^,.;:!?]*\s)?(?:[^,.;:!?\s]+)?[,:]?$/.test(gap) &&
    gap.split(/\s+/).filter(Boolean).length <= 6 &&
    (gap === '' || /[,:]$/.test(gap) || !/\p{L}/u.test(gap));
  return { subject: last.subject, direct };
}

/** `"…," X said` / `"…," said X` / `"…" she told reporters` / `"…," X, the minister, said`. */
function attributionAfter(a: Analysis, q: QuoteSpan): Subject | undefined {
  const s = a.masked;
  const hi = paraOf(a, q.end - 1).end;
  let k = q.end;
  const comma = s[k] === ',';
  if (comma) k++;
  while (k < hi && s[k] === ' ') k++;
  const lastInner = a.text[q.inner.end - 1] ?? '';
  const next = s[k] ?? '';
  const open = comma || /[,!?…—–-]/.test(lastInner) || (lastInner === '.' && /\p{Ll}/u.test(next));
  if (!open || k >= hi) return undefined;
  const verbHere = (at: number) => VERB_AT.exec(s.slice(at, at + 14));
  const event = (at: number) => a.events.find((e) => e.start === at);
  if (verbHere(k)) return event(k)?.subject;
  const w = wordStartingAt(s, k, hi);
  if (!w) return undefined;
  // Walk over the subject (a name, a pronoun or "the minister"), appositives and adverbs to the verb.
  let m = w.end;
  const name = nameAfter(s, k, hi);
  // Titles before the name ("Regional Governor Matías Urrejola") belong to the subject too.
  const isName = !!name && onlyTitles(s.slice(k, name.start));
  if (name && isName) m = name.end;
  else if (!PRONOUNS.has(s.slice(w.start, w.end).toLowerCase())) {
    const np = /^(?:the|a|an|his|her|its|their)\s+(?:[\p{L}'’-]+\s+){0,3}/iu.exec(s.slice(k, hi));
    if (!np) return undefined;
    m = k + np[0].length;
    return verbHere(m) ? { kind: 'anon' } : undefined;
  }
  for (let guard = 0; guard < 4; guard++) {
    while (m < hi && s[m] === ' ') m++;
    if (s[m] === ',') {
      const close = clauseComma(s, m + 1, +1);
      if (close < 0 || close > hi || /[.;:!?]/.test(s.slice(m + 1, close))) return undefined;
      m = close + 1;
      continue;
    }
    const v = wordStartingAt(s, m, hi);
    if (v && AUXILIARIES.has(s.slice(v.start, v.end))) {
      m = v.end;
      continue;
    }
    break;
  }
  if (!verbHere(m)) return undefined;
  if (name && isName) return named(name);
  return { kind: 'pronoun' };
}

/** True when the quote at `start` opens a sentence and only the previous quote's attribution stands between. */
function continues(a: Analysis, prevEnd: number, start: number): boolean {
  if (sentenceStart(a, start) !== start) return false;
  const p = paraIndex(a, start);
  const prevPara = paraIndex(a, prevEnd - 1);
  // Newspaper style: a paragraph that opens with an unattributed quotation, right after one
  // that ended on an attributed quotation, goes on with the same speaker.
  if (prevPara !== p && !(prevPara === p - 1 && a.paras[p].start === start)) return false;
  const between = a.events.filter((e) => e.start >= prevEnd && e.end <= start);
  return between.every((e) => e.subject.kind === 'none' || e === between[0]);
}

/** A subject as a full name and where it stands. */
function resolveSubject(
  a: Analysis,
  subject: Subject,
  at: number,
): { speaker: string; span: Span } | undefined {
  if (subject.kind === 'named') return resolveName(a, subject.name);
  if (subject.kind === 'pronoun') return resolvePronoun(a, at);
  return undefined;
}

/** "Kolev" → "Dimitar Kolev" when the full name stands earlier. */
function resolveName(a: Analysis, name: NameRef): { speaker: string; span: Span } {
  let full = name.words;
  for (const f of a.fullNames) {
    if (f.start >= name.start) break;
    if (endsWith(f.words, name.words)) full = f.words;
  }
  return { speaker: full.join(' '), span: { start: name.start, end: name.end } };
}

/**
 * He, she, they: the last named speaker before the quote in its paragraph (an unnamed one — "a
 * senior nurse said" — means nobody), else the last person named there, else the same in the two
 * paragraphs before.
 */
function resolvePronoun(a: Analysis, at: number): { speaker: string; span: Span } | undefined {
  const p = paraIndex(a, at);
  for (let i = p; i >= Math.max(0, p - 2); i--) {
    const from = a.paras[i].start;
    const to = i === p ? at : a.paras[i].end;
    const events = a.events.filter(
      (e) =>
        e.start >= from &&
        e.end <= to &&
        (e.subject.kind === 'named' || (i === p && e.subject.kind === 'anon')),
    );
    const last = events[events.length - 1];
    if (last?.subject.kind === 'named') return resolveName(a, last.subject.name);
    // A person named after an unnamed speaker ("Engineers say … Popescu's answer is …") stands.
    const mentions = a.mentions.filter(
      (n) => n.start >= (last?.end ?? from) && n.end <= to && (!n.possessive || i === p),
    );
    const mention = mentions[mentions.length - 1];
    if (mention) return resolveName(a, mention);
    if (last) return undefined;
  }
  return undefined;
}
