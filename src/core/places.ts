import nlp from 'compromise';
import type { Gazetteer, Place, PlaceContext } from './gazetteer';

// Places, people and organisations a text names, found without tagging the whole text: runs of
// capitalised words are looked up in the gazetteer (longest first) and in compromise's lexicon,
// and the classic false positives ("Jordan Hale said", "Paris Hilton", "Police", "Reading…")
// are ruled out by the words around them. Fast enough for a 200 KB article in well under a
// second (bench/places.bench-run.ts).

export interface PlaceMention {
  start: number;
  end: number;
  candidates: Place[]; // non-empty, best first for the document's context
}

export interface NamedEntity {
  name: string;
  kind: 'person' | 'organisation';
  mentions: number;
}

// ───────────────────────────── word lists ─────────────────────────────

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** compromise's lexicon: lower-case word → tag(s), e.g. "victoria" → "Person". */
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one
  .lexicon;
const FIRST_NAME_TAGS = words('FirstName MaleName FemaleName Person');
const PERSON_TAGS = words('FirstName MaleName FemaleName Person LastName Honorific');
const PLACE_TAGS = words('Place City Country Region');
const ORG_TAGS = words('Organization');
const LAST_NAME_TAGS = words('LastName');
const NAME_TAGS = words(
  'FirstName MaleName FemaleName Person LastName ProperNoun Place City Country Region Organization SportsTeam Demonym Honorific',
);

/** Lower-case words joining the capitalised words of a name: "Ras al-Khaimah", "Bosnia and Herzegovina". */
const CONNECTORS = words(
  'al el ul bin ibn bint abu de del della der den di da das do dos du des la le of and upon on am an ar as ad ash az ' +
    'ez es ed et y e van von ter sur en the for',
);
/** Connectors that may stand inside a person's name ("Ana de Souza", "Abu Bakr al-Baghdadi"). */
const NAME_PARTICLES = words(
  'al el ul bin ibn bint abu de del della der den di da das do dos du la le van von ter y',
);
/** Lower-case particles between a given name and a surname: "Sabah al-Jubouri", "Khalid bin Salman". */
const SURNAME_PARTICLES = words('al el bin ibn bint abu ould');
/** Titles before a person's name (lower case, no period). */
const TITLES = words(
  'mr mrs ms miss mx dr prof professor president vice prime minister deputy mayor governor senator sen rep ' +
    'representative general gen colonel col captain capt lieutenant lt sergeant sgt judge justice ambassador ' +
    'chairman chairwoman chair director spokesman spokeswoman spokesperson sheikh shaykh king queen prince princess ' +
    'lord lady sir dame rev reverend father bishop archbishop cardinal pope imam rabbi ayatollah inspector ' +
    'superintendent officer detective councillor councilor commissioner chancellor gov adm admiral marshal premier ' +
    'emir sultan mufti secretary commander chief ceo envoy mullah brigadier brig major maj corporal cpl ' +
    'constable sheriff',
);
/** Abbreviations that end in a period without ending the sentence. */
const ABBREVIATIONS = words(
  'mr mrs ms dr st gen gov sen rep prof jr sr lt col capt sgt adm rev mt ft ste no vs inc ltd corp co',
);
/** Words that make a run of capitalised words an organisation. */
const ORG_WORDS = words(
  'ministry council agency authority committee commission company corporation corp inc ltd llc plc party ' +
    'union university bank forces army navy police court office institute foundation association front movement ' +
    'group press news times post tribune herald journal gazette telegraph chronicle observer guardian organisation ' +
    'organization department parliament assembly senate congress government administration service services ' +
    'brigade brigades battalion militia alliance coalition federation league fund network bureau centre center ' +
    'tribunal trust watch observatory crescent cross nations airlines airways college school academy hospital ' +
    'club board directorate guard guards cabinet secretariat mission programme program securities ' +
    'holdings industries partners',
);
/** Words after a place that keep it a place ("Mosul Dam", "Gaza Strip"), never a surname. */
const FEATURE_WORDS = words(
  'dam airport port harbour harbor bridge road street avenue square station valley river rivers sea ocean lake ' +
    'lakes mountain mountains mount hills heights desert plain plains strip bank coast gulf bay island islands ' +
    'peninsula basin corridor border borders crossing camp district province governorate region state city county ' +
    'oblast prefecture area zone highway canal falls park palace castle cathedral mosque church temple market ' +
    'stadium tower towers prison base field fields front line',
);
/** Designators a place name may be followed by, taken into its span. */
const DESIGNATORS = words(
  'province governorate region state district city oblast county prefecture department territory',
);
/** Capitalised words that open sentences or headings but never a name. */
const STOPWORDS = words(
  'the a an this that these those its his her their our my your in on at by for from with but and or if when ' +
    'while after before as according asked yet so then also however meanwhile since until although though because ' +
    'under over across between during i he she they we it you there here what who why how where which no not all ' +
    'some many most more several both each every other another one two three four five six seven eight nine ten ' +
    'first last next new former late early latest',
);
const MONTHS_AND_DAYS = words(
  'january february march april may june july august september october november december jan feb mar apr jun ' +
    'jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday',
);
/** Common English words the lexicon lacks that are also towns somewhere ("Union", "Sale", "Mission"). */
const COMMON_EXTRA = words(
  'union temple liberty independence commerce bath derby rugby sale gap mission concord police army navy justice ' +
    'security progress victory unity freedom democracy peace hope university college airport district central ' +
    'national international islamic sunni shia shiite kurdish arab western eastern northern southern north south ' +
    'east west upper lower greater government state republic kingdom empire',
);
const SPEECH_VERBS = words(
  'said says say told tells added adds stated states explained explains warned warns wrote writes claimed claims ' +
    'insisted insists noted notes replied replies announced announces denied denies confirmed confirms argued ' +
    'argues declared declares',
);
/** Words before a place that make it one even when it is also a common word: "in Reading". */
const LOCATIVES = words(
  'in near at from to into outside inside around across towards toward via through throughout within of ' +
    'between outskirts north south east west northeast northwest southeast southwest',
);
/** All-capital words that are not organisations. */
const ACRONYM_STOP = words(
  'us usa uk uae eu am pm gmt utc tv ok id ceo cfo ii iii iv vi usd eur gdp covid pdf faq dna rna ad bc',
);

const NON_ASCII = /[^ -~]/;
const MARKS = /\p{M}/gu;
function tagsOf(lower: string): readonly string[] {
  let t = LEXICON[lower];
  // The lexicon has no diacritics: "Ciarán" is "ciaran", a first name.
  if (t === undefined && NON_ASCII.test(lower))
    t = LEXICON[lower.normalize('NFD').replace(MARKS, '')];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}
const hasTag = (lower: string, set: ReadonlySet<string>) => tagsOf(lower).some((t) => set.has(t));
const isFirstName = (lower: string) => hasTag(lower, FIRST_NAME_TAGS) && !hasTag(lower, PLACE_TAGS);
/** A name of people only: the lexicon knows it as a person's name and not as a place. */
const isPersonName = (lower: string) => hasTag(lower, PERSON_TAGS) && !hasTag(lower, PLACE_TAGS);
/** A word of the language rather than a name: "Reading", "Nice", "Police", "March". */
function isCommon(lower: string): boolean {
  if (STOPWORDS.has(lower) || MONTHS_AND_DAYS.has(lower) || COMMON_EXTRA.has(lower)) return true;
  const tags = tagsOf(lower);
  return tags.length > 0 && !tags.some((t) => NAME_TAGS.has(t));
}

// ───────────────────────────── tokens and runs ─────────────────────────────

interface Token {
  start: number;
  end: number; // without a possessive ’s
  text: string;
  lower: string; // lower case, no periods
  cap: boolean; // starts with a capital ("d’Ivoire" and "al-" forms count through the next word)
  allCaps: boolean;
  possessive: boolean;
  /** How it is joined to the token before: one space, a hyphen, or not (punctuation, line break). */
  join: 'space' | 'hyphen' | 'none';
  /** Punctuation between it and the next token ("," "." …), or '' for a space or hyphen. */
  after: string;
  sentenceStart: boolean;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevFullEnd = 0;
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const start = m.index;
    const possessive = /['’]s$/iu.test(raw) && raw.length > 2;
    const t = possessive ? raw.slice(0, -2) : raw;
    const gap = text.slice(prevFullEnd, start);
    const prev = out[out.length - 1];
    let join: Token['join'] = 'none';
    if (prev && !prev.possessive) {
      if (gap === ' ' || gap === '\u00a0') join = 'space';
      else if (/^[-‐‑]$/u.test(gap)) join = 'hyphen';
      else if (
        /^\.[ \u00a0]$/u.test(gap) &&
        (ABBREVIATIONS.has(prev.lower) || /^\p{Lu}$/u.test(prev.text))
      )
        join = 'space'; // "Mr. Hale", "George W. Bush", "St. Louis"
    }
    if (prev) prev.after = gap.trim();
    const first = t[0] ?? '';
    const sentenceStart =
      !prev ||
      gap.includes('\n') ||
      (/[.!?…]/u.test(gap) && join === 'none' && !ABBREVIATIONS.has(prev.lower));
    out.push({
      start,
      end: start + t.length,
      text: t,
      lower: t.toLowerCase().replace(/\./g, ''),
      cap: /\p{Lu}/u.test(first) || /^\p{Ll}['’]\p{Lu}/u.test(t),
      allCaps: t.length > 1 && /\p{Lu}/u.test(t) && !/\p{Ll}/u.test(t),
      possessive,
      join,
      after: '',
      sentenceStart,
    });
    prevFullEnd = start + raw.length;
  }
  return out;
}

/** A run of capitalised words (with connectors) as token indices [from, to). */
interface Run {
  from: number;
  to: number;
}

const joined = (tok: Token | undefined) => tok !== undefined && tok.join !== 'none';

function runs(tokens: Token[]): Run[] {
  const out: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // "al-Anbar": a lower-case article hyphened to a capitalised word opens the run.
    const opens =
      t.cap || (CONNECTORS.has(t.lower) && tokens[i + 1]?.join === 'hyphen' && tokens[i + 1]!.cap);
    if (!opens) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && joined(tokens[j]) && !tokens[j - 1]!.possessive) {
      if (tokens[j]!.cap) {
        j++;
        continue;
      }
      // Up to two connectors, then a capitalised word: "Ministry of the Interior".
      let k = j;
      while (
        k < j + 2 &&
        k < tokens.length &&
        CONNECTORS.has(tokens[k]!.lower) &&
        joined(tokens[k]) &&
        !tokens[k]!.cap
      )
        k++;
      if (k > j && k < tokens.length && joined(tokens[k]) && tokens[k]!.cap) j = k + 1;
      else break;
    }
    out.push({ from: i, to: j });
    i = j;
  }
  return out;
}

// ───────────────────────────── analysis ─────────────────────────────

interface Candidate {
  start: number;
  end: number;
  name: string; // the text to look up (with its designator, if any)
  /** Kept only when the document's context backs it (a person's name, a small foreign town). */
  weak: boolean;
  /** The region or country the text puts it in ("Paris, Texas"): its places there come first. */
  within?: Place;
}

interface Entity {
  name: string;
  kind: NamedEntity['kind'];
  mentions: number;
  first: number;
}

interface Analysis {
  text: string;
  gazetteer: Gazetteer | undefined;
  tokens: Token[];
  entities: Entity[];
  /** Tokens that belong to a person's or an organisation's name: never places. */
  taken: Uint8Array;
  /** Surnames (lower case) of people named in full. */
  surnames: Set<string>;
  /** Gazetteer answers by name: a long text names the same places again and again. */
  known: Map<string, boolean>;
  looked: Map<string, Place[]>;
  places?: { mentions: Candidate[]; context: PlaceContext };
}

/** The last texts analysed (with and without a gazetteer): Suggest asks several questions of one text. */
let cache: Analysis[] = [];

function analyse(text: string, gazetteer: Gazetteer | undefined): Analysis {
  const hit = cache.find((c) => c.text === text && c.gazetteer === gazetteer);
  if (hit) return hit;
  const tokens = tokenize(text);
  const a: Analysis = {
    text,
    gazetteer,
    tokens,
    entities: [],
    taken: new Uint8Array(tokens.length),
    surnames: new Set(),
    known: new Map(),
    looked: new Map(),
  };
  findNames(a, runs(tokens));
  cache = [a, ...cache.filter((c) => c.text === text)].slice(0, 2);
  return a;
}

/** A capitalised word that reads as a surname after a first name or a place: "Hale", "Hilton". */
function surnameLike(a: Analysis, tok: Token | undefined): boolean {
  if (!tok || !tok.cap || tok.join !== 'space' || CONNECTORS.has(tok.lower)) return false;
  const l = tok.lower;
  if (TITLES.has(l) || ORG_WORDS.has(l) || FEATURE_WORDS.has(l) || DESIGNATORS.has(l)) return false;
  if (MONTHS_AND_DAYS.has(l) || STOPWORDS.has(l) || isCommon(l)) return false;
  if (tok.allCaps && tok.text.length <= 4) return false;
  const tags = tagsOf(l);
  if (tags.length && !tags.some((t) => PERSON_TAGS.has(t) || t === 'ProperNoun')) return false;
  // A country, region or city of no person's name ("Iraq", "Erbil") is not a surname; a
  // village's name may well be ("Hale").
  if (isKnown(a, tok.text) && !hasTag(l, PERSON_TAGS)) {
    const best = placesFor(a, tok.text)[0];
    if (best && (best.kind !== 'city' || (best.population ?? 0) >= 100_000)) return false;
  }
  return true;
}

const isSpeechVerb = (tok: Token | undefined) => tok !== undefined && SPEECH_VERBS.has(tok.lower);

/** The run [from, to) is a speaker: "…, Hale said", "said Dimitar Kolev.", "according to Hale". */
function attributed(tokens: Token[], from: number, to: number): boolean {
  const last = tokens[to - 1]!;
  const next = tokens[to];
  if (
    next &&
    (last.after === '' || last.after === ',') &&
    isSpeechVerb(next) &&
    next.join !== 'hyphen'
  )
    return true;
  const prev = tokens[from - 1];
  if (prev && isSpeechVerb(prev) && prev.after === '' && (!next || last.after !== '')) return true;
  const prev2 = tokens[from - 2];
  return prev?.lower === 'to' && prev2?.lower === 'according' && prev.after === '';
}

function addEntity(a: Analysis, name: string, kind: Entity['kind'], at: number): void {
  const key = name.toLowerCase();
  const found = a.entities.find((e) => e.kind === kind && e.name.toLowerCase() === key);
  if (found) found.mentions++;
  else a.entities.push({ name, kind, mentions: 1, first: at });
}

/**
 * People and organisations, in one pass over the runs; marks their tokens so places are not
 * looked for inside them ("President Victoria Hale", "Bank of England").
 */
function findNames(a: Analysis, all: Run[]): void {
  const { tokens, text } = a;
  const slice = (from: number, to: number) => text.slice(tokens[from]!.start, tokens[to - 1]!.end);
  const take = (from: number, to: number) => a.taken.fill(1, from, to);
  /** Single-word people, resolved against full names once all are known. */
  const singles: Array<{ index: number; evidence: 'title' | 'speech' | undefined }> = [];
  const acronyms = new Map<string, { count: number; first: number; org: boolean }>();
  const aliases = new Map<string, string>(); // acronym → organisation name
  const defining = new Set<number>(); // tokens of "(UN)" after "United Nations": no new mention
  /** Names of two to four words with no sign of a person yet: "Dimitar Kolev, the mayor". */
  const unsure: Array<{ from: number; to: number; name: string }> = [];

  for (const run of all.flatMap((r) => splitAtAnd(tokens, r))) {
    let { from } = run;
    const { to } = run;
    // Sentence openers before a name: "But", "The".
    while (
      from < to &&
      (STOPWORDS.has(tokens[from]!.lower) ||
        (CONNECTORS.has(tokens[from]!.lower) && !tokens[from]!.cap))
    )
      from++;
    if (from >= to) continue;

    // Organisations: a run holding an organisation word, or one the lexicon knows.
    const orgAt = indexWhere(tokens, from, to, (t) => ORG_WORDS.has(t.lower) && t.cap);
    const titleAt = lastIndexWhere(
      tokens,
      from,
      to,
      (t, i) =>
        TITLES.has(t.lower) &&
        i + 1 < to &&
        tokens[i + 1]!.cap &&
        !CONNECTORS.has(tokens[i + 1]!.lower),
    );
    if (titleAt >= 0 && (orgAt < 0 || orgAt < titleAt)) {
      // "Interior Ministry Spokesman Ahmed Ali": the organisation, then the person.
      const nameEnd = personEnd(tokens, titleAt + 1, to);
      if (orgAt >= 0 && orgAt < titleAt && titleAt - from >= 2) {
        const orgFrom = from;
        const orgTo = titleAt;
        addEntity(a, slice(orgFrom, orgTo), 'organisation', tokens[orgFrom]!.start);
        take(orgFrom, orgTo);
      }
      take(titleAt, nameEnd);
      if (nameEnd - (titleAt + 1) >= 2) {
        addEntity(a, slice(titleAt + 1, nameEnd), 'person', tokens[titleAt + 1]!.start);
        a.surnames.add(tokens[nameEnd - 1]!.lower);
      } else singles.push({ index: titleAt + 1, evidence: 'title' });
      continue;
    }
    if (
      (orgAt >= 0 || hasTag(tokens[from]!.lower, ORG_TAGS)) &&
      !isKnown(a, slice(from, to)) // "West Bank"
    ) {
      // "Shares of Toyota Motor Corporation": not the words before "of".
      const of = indexWhere(tokens, from, orgAt, (t) => CONNECTORS.has(t.lower) && !t.cap);
      if (of > from && of < orgAt && indexWhere(tokens, from, of, (t) => !isCommon(t.lower)) < 0)
        from = of + 1;
      let end = to;
      while (end > from + 1 && CONNECTORS.has(tokens[end - 1]!.lower)) end--;
      if (end - from >= 2 || hasTag(tokens[from]!.lower, ORG_TAGS)) {
        const name = slice(from, end);
        addEntity(a, name, 'organisation', tokens[from]!.start);
        take(from, end);
        // "the Islamic Revolutionary Guard Corps (IRGC)": the acronym names it too.
        const next = tokens[end];
        if (next?.allCaps && text.slice(tokens[end - 1]!.end, next.start).trim() === '(') {
          aliases.set(next.lower, name);
          defining.add(end);
        }
      }
      continue;
    }

    // Other words of the language before a person's name: "Former", "Secretary of State".
    while (from < to && (isCommon(tokens[from]!.lower) || CONNECTORS.has(tokens[from]!.lower)))
      from++;
    if (from >= to) continue;
    const first = tokens[from]!;
    if (to - from === 1) {
      if (defining.has(from)) continue;
      if (
        first.allCaps &&
        first.text.length >= 2 &&
        first.text.length <= 6 &&
        !ACRONYM_STOP.has(first.lower)
      ) {
        const seen = acronyms.get(first.lower) ?? { count: 0, first: first.start, org: false };
        seen.count++;
        seen.org ||= attributed(tokens, from, to) || hasTag(first.lower, ORG_TAGS);
        acronyms.set(first.lower, seen);
        continue;
      }
      if (!isCommon(first.lower))
        singles.push({
          index: from,
          evidence: attributed(tokens, from, to) ? 'speech' : undefined,
        });
      continue;
    }

    // People: a first name and a surname, a known surname last, or an attributed speaker; not
    // a place ("Sierra Leone", "New York").
    const end = personEnd(tokens, from, to);
    const whole = slice(from, end);
    const isPlace = a.gazetteer ? isKnown(a, whole) : hasTag(whole.toLowerCase(), PLACE_TAGS);
    const byFirstName = isFirstName(first.lower) && surnameLike(a, tokens[from + 1]);
    const bySurname =
      hasTag(tokens[end - 1]!.lower, LAST_NAME_TAGS) && surnameLike(a, tokens[end - 1]);
    const bySpeech = attributed(tokens, from, end) && end - from <= 4;
    if (end - from >= 2 && !isPlace && (byFirstName || bySurname || bySpeech)) {
      addEntity(a, whole, 'person', first.start);
      a.surnames.add(tokens[end - 1]!.lower);
      take(from, end);
    } else if (end - from >= 2 && end - from <= 4 && !isPlace) {
      unsure.push({ from, to: end, name: whole });
    }
  }

  // …which a surname speaking later makes a person: "Dimitar Kolev, the mayor, … Kolev said".
  for (const s of singles) {
    const tok = tokens[s.index]!;
    if (!s.evidence || a.surnames.has(tok.lower)) continue;
    const named = unsure.filter((u) => u.from < s.index && tokens[u.to - 1]!.lower === tok.lower);
    if (!named.length) continue;
    a.surnames.add(tok.lower);
    for (const u of unsure) {
      if (u.name !== named[named.length - 1]!.name) continue;
      addEntity(a, u.name, 'person', tokens[u.from]!.start);
      take(u.from, u.to);
    }
  }

  // A surname alone counts for the full name it belongs to: the latest named before it, else
  // the first named after it.
  const people = a.entities.filter((e) => e.kind === 'person');
  for (const s of singles) {
    const tok = tokens[s.index]!;
    if (!a.surnames.has(tok.lower) && !s.evidence) continue;
    const owners = people.filter((p) => lastWord(p.name) === tok.lower);
    const owner =
      owners.filter((p) => p.first < tok.start).sort((x, y) => y.first - x.first)[0] ?? owners[0];
    if (owner) owner.mentions++;
    else if (
      (s.evidence === 'title' ||
        // "Prosecutors said": a plural opening a sentence, unless the lexicon knows the name.
        (s.evidence === 'speech' &&
          !isPlaceWord(a, tok) &&
          (!tok.sentenceStart || hasTag(tok.lower, PERSON_TAGS)))) &&
      !isCommon(tok.lower)
    ) {
      addEntity(a, tok.text, 'person', tok.start);
    } else continue;
    a.taken[s.index] = 1;
  }
  // "Mint Lemrabott" is "Khadijetou Mint Lemrabott" once the text names her in full.
  for (const short of people) {
    const longer = people.find(
      (p) =>
        p !== short &&
        p.mentions > 0 &&
        p.name.toLowerCase().endsWith(` ${short.name.toLowerCase()}`),
    );
    if (!longer) continue;
    longer.mentions += short.mentions;
    longer.first = Math.min(longer.first, short.first);
    short.mentions = 0;
  }
  a.entities = a.entities.filter((e) => e.mentions > 0);
  for (const [acronym, seen] of acronyms) {
    const alias = aliases.get(acronym);
    const org = alias && a.entities.find((e) => e.kind === 'organisation' && e.name === alias);
    if (org) org.mentions += seen.count;
    else if ((seen.org || seen.count >= 2) && !(isKnown(a, acronym) && !isSmallTown(a, acronym))) {
      a.entities.push({
        name: acronym.toUpperCase(),
        kind: 'organisation',
        mentions: seen.count,
        first: seen.first,
      });
    }
  }
}

/** People and organisations do not span "and": "the Ministry of Defence and the United Nations". */
function splitAtAnd(tokens: Token[], run: Run): Run[] {
  const out: Run[] = [];
  let from = run.from;
  for (let i = run.from; i < run.to; i++) {
    if (tokens[i]!.lower === 'and' && !tokens[i]!.cap) {
      if (i > from) out.push({ from, to: i });
      from = i + 1;
    }
  }
  if (run.to > from) out.push({ from, to: run.to });
  return out;
}

const isPlaceWord = (a: Analysis, tok: Token) =>
  a.gazetteer ? isKnown(a, tok.text) : hasTag(tok.lower, PLACE_TAGS);

/** Whether the gazetteer knows `name` (false without one). */
function isKnown(a: Analysis, name: string): boolean {
  let known = a.known.get(name);
  if (known === undefined) a.known.set(name, (known = a.gazetteer?.has(name) ?? false));
  return known;
}

/** Whether the likeliest place called `name` is only a small town ("NATO" is a village's name). */
function isSmallTown(a: Analysis, name: string): boolean {
  const best = placesFor(a, name)[0];
  return best !== undefined && best.kind === 'city' && (best.population ?? 0) < SMALL_TOWN;
}

/** The gazetteer's places called `name`, without context. */
function placesFor(a: Analysis, name: string): Place[] {
  let places = a.looked.get(name);
  if (!places) a.looked.set(name, (places = a.gazetteer?.candidates(name) ?? []));
  return places;
}

const lastWord = (name: string) =>
  name
    .toLowerCase()
    .split(/[\s-]+/)
    .pop() ?? '';

/** Where a person's name that starts at `from` ends: before "of", "and", or an organisation word. */
function personEnd(tokens: Token[], from: number, to: number): number {
  let end = from;
  while (end < to) {
    const t = tokens[end]!;
    if (!t.cap && !NAME_PARTICLES.has(t.lower)) break;
    if (ORG_WORDS.has(t.lower) || FEATURE_WORDS.has(t.lower)) break;
    end++;
    if (t.possessive) break;
  }
  while (end > from + 1 && !tokens[end - 1]!.cap) end--;
  return Math.max(end, from + 1);
}

function indexWhere(
  tokens: Token[],
  from: number,
  to: number,
  f: (t: Token, i: number) => boolean,
): number {
  for (let i = from; i < to; i++) if (f(tokens[i]!, i)) return i;
  return -1;
}
function lastIndexWhere(
  tokens: Token[],
  from: number,
  to: number,
  f: (t: Token, i: number) => boolean,
): number {
  for (let i = to - 1; i >= from; i--) if (f(tokens[i]!, i)) return i;
  return -1;
}

// ───────────────────────────── places ─────────────────────────────

const MAX_WORDS = 6;
/** A town this small, abroad and named once in passing, needs the document's context. */
const SMALL_TOWN = 50_000;
/** …and one this small does even when its name has several words ("Hyde Park", New York). */
const VILLAGE = 15_000;

function placeAnalysis(text: string, gazetteer: Gazetteer): NonNullable<Analysis['places']> {
  const a = analyse(text, gazetteer);
  if (a.places) return a.places;
  const { tokens } = a;
  const found: Candidate[] = [];
  for (const run of runs(tokens)) {
    let i = run.from;
    while (i < run.to) {
      const next = matchAt(a, i, run.to, found);
      i = next > i ? next : i + 1;
    }
  }

  // Context: countries of mentions that can only be in one country, then those of the others
  // as ranked by that first context.
  const score = new Map<string, { n: number; first: number }>();
  const count = (country: string, at: number) => {
    const s = score.get(country);
    if (s) s.n++;
    else score.set(country, { n: 1, first: at });
  };
  placeWithin(a, found);
  const strong = found.filter((m) => !m.weak);
  const ambiguous: Candidate[] = [];
  for (const m of strong) {
    const places = placesFor(a, m.name);
    if (m.within) count(m.within.country, m.start);
    else if (places.length && dominant(places)) {
      // A sea or a region of several countries says nothing of the document's country.
      if (places[0]!.country) count(places[0]!.country, m.start);
    } else ambiguous.push(m);
  }
  const firstPass: PlaceContext = { countries: ranked(score) };
  for (const m of ambiguous) {
    const best = gazetteer.candidates(m.name, firstPass)[0];
    if (best?.country) count(best.country, m.start);
  }
  const context: PlaceContext = { countries: ranked(score) };
  const inContext = new Set(context.countries);
  const mentions = found.filter(
    (m) => !m.weak || placesFor(a, m.name).some((p) => inContext.has(p.country)),
  );
  a.places = { mentions, context };
  return a.places;
}

/**
 * "Paris, Texas", "Victoria, British Columbia", "Atlanta, Georgia": a place followed by a comma
 * and a region or country it can lie in is taken to lie there, and the region or country is
 * that one ("Georgia" the US state, not the country).
 */
function placeWithin(a: Analysis, found: Candidate[]): void {
  for (let k = 0; k + 1 < found.length; k++) {
    const m = found[k]!;
    const n = found[k + 1]!;
    if (a.text.slice(m.end, n.start) !== ', ' || m.within) continue;
    const inner = placesFor(a, m.name);
    const outer = placesFor(a, n.name).find(
      (o) =>
        (o.kind === 'region' || o.kind === 'country') &&
        o.country !== '' &&
        inner.some((p) => p !== o && inside(p, o)),
    );
    if (!outer) continue;
    m.within = outer;
    n.within = outer;
  }
}

/** Whether place p lies in the region or country `outer` (or is it). */
function inside(p: Place, outer: Place): boolean {
  if (p === outer) return true;
  if (p.country !== outer.country || p.kind === 'country') return false;
  if (outer.kind === 'country') return true;
  return p.kind === 'city' && (p.region === undefined || p.region === outer.name);
}

/**
 * Whether a name's likeliest place (first) leaves no real doubt about its country: its
 * namesakes elsewhere are towns a fifth its size or less ("Bristol", "Bath", "London"), or the
 * place is a country or region and they are towns ("Jordan", not Jordan, Minnesota).
 */
function dominant(places: Place[]): boolean {
  const best = places[0]!;
  const size = (p: Place) => (p.kind === 'city' ? (p.population ?? 0) : Infinity);
  const limit = size(best) / 5;
  return places.every((p) => p.country === best.country || (p.kind === 'city' && size(p) <= limit));
}

function ranked(score: Map<string, { n: number; first: number }>): string[] {
  return [...score].sort((x, y) => y[1].n - x[1].n || x[1].first - y[1].first).map(([c]) => c);
}

/**
 * Looks for the longest place starting at token i (before `to`); records it and returns the
 * index after it, or returns i when there is none.
 */
function matchAt(a: Analysis, i: number, to: number, found: Candidate[]): number {
  const { tokens, text, taken } = a;
  const t = tokens[i]!;
  if (taken[i] || t.lower === 'the') return i + 1;
  if (!t.cap && !(CONNECTORS.has(t.lower) && tokens[i + 1]?.join === 'hyphen')) return i + 1;
  for (let len = Math.min(MAX_WORDS, to - i); len >= 1; len--) {
    const j = i + len; // exclusive
    const last = tokens[j - 1]!;
    if (!last.cap || taken[j - 1]) continue;
    if (len > 1 && taken.subarray(i + 1, j).includes(1)) continue;
    const name = text.slice(t.start, last.end);
    if (!isKnown(a, name)) continue;
    const verdict = judge(a, i, j, name);
    if (verdict === 'person') {
      // The whole capitalised name is a person's: skip it.
      let k = j;
      while (k < to && tokens[k]!.cap && tokens[k]!.join === 'space') k++;
      taken.fill(1, i, k);
      // Its surname alone names the person later ("Paris Whitfield … Whitfield said").
      if (k - i >= 2) a.surnames.add(tokens[k - 1]!.lower);
      return k;
    }
    if (verdict === 'no') return i + 1;
    let end = last.end;
    let lookup = name;
    // "Nineveh province": the designator joins the span when it names a region or city.
    const d = tokens[j];
    if (d && d.join === 'space' && !last.possessive && DESIGNATORS.has(d.lower)) {
      const withDesignator = text.slice(t.start, d.end);
      const best = placesFor(a, withDesignator)[0];
      if (best && best.kind !== 'country') {
        end = d.end;
        lookup = withDesignator;
      }
    }
    found.push({ start: t.start, end, name: lookup, weak: verdict === 'weak' });
    return end === last.end ? j : j + 1;
  }
  return i + 1;
}

/** Whether the place name at tokens [i, j) is a place ('yes', or 'weak': if the context agrees), a person, or neither. */
function judge(a: Analysis, i: number, j: number, name: string): 'yes' | 'weak' | 'person' | 'no' {
  const { tokens } = a;
  const t = tokens[i]!;
  const single = j - i === 1;
  const l = t.lower;
  const prev = tokens[i - 1];
  const next = tokens[j];
  const prevJoined = t.join !== 'none' && prev !== undefined;
  // "in Reading", "In Reading" (a heading); not "Bank of England".
  const locative =
    prev !== undefined &&
    prev.after === '' &&
    LOCATIVES.has(prev.lower) &&
    !(prev.lower === 'of' && tokens[i - 2]?.cap);

  if (single && MONTHS_AND_DAYS.has(l)) return 'no'; // "In May", "March 3"
  // Short names must be written in capitals: "US", "UK", but not "Of", "Us"; or be a real
  // city's after "in", "from"…: "in Bo", "from Kut" (not "in Of").
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters.length <= 3) {
    if (!tokens.slice(i, j).every((x) => x.allCaps)) {
      const city = placesFor(a, name)[0]!;
      const real = city.kind === 'city' && (city.population ?? 0) >= SMALL_TOWN;
      return single && locative && real && !STOPWORDS.has(l) ? 'yes' : 'no';
    }
    // …and not be a word of a headline in capitals.
    const shouting = (x: Token | undefined) => x !== undefined && x.allCaps && x.text.length > 3;
    if (shouting(prev) || shouting(next)) return 'no';
  }

  // A title before it, a first name before it, or a surname after it: a person's name.
  if (prevJoined && TITLES.has(prev.lower) && prev.cap) return 'person';
  if (
    prevJoined &&
    prev.join !== 'hyphen' &&
    t.join === 'space' &&
    prev.cap &&
    isFirstName(prev.lower)
  )
    return 'person';
  if (next && next.join === 'space' && !tokens[j - 1]!.possessive && surnameLike(a, next))
    return 'person';
  // A surname of someone the text names in full, or a person's name speaking: a person.
  if (single && a.surnames.has(l)) return 'person';
  const personName = single && isPersonName(l);
  // "Bo told me", but not "a nurse in Bo told me" (nor "a friend from Austin said").
  const placed = locative && !(prev.lower === 'to' && tokens[i - 2]?.lower === 'according');
  if (personName && next && tokens[j - 1]!.after === '' && isSpeechVerb(next) && !placed)
    return 'person';
  if (personName && prev && isSpeechVerb(prev) && prev.after === '' && t.after !== '')
    return 'person';

  const best = placesFor(a, name)[0]!;
  // "Brigadier Sabah al-Jubouri", "Khalid bin Salman": a name, a particle and a surname.
  const after = tokens[j + 1];
  if (
    single &&
    best.kind !== 'country' &&
    next &&
    !t.possessive &&
    next.join === 'space' &&
    !next.cap &&
    SURNAME_PARTICLES.has(next.lower) &&
    after?.cap &&
    after.join !== 'none' &&
    !isKnown(a, after.text)
  )
    return 'person';
  if (single && hasTag(l, ORG_TAGS) && !hasTag(l, PLACE_TAGS)) return 'no';
  // An acronym is not a village: "NATO", "AU".
  if (single && t.allCaps && /^[A-Z]{2,5}$/.test(t.text) && isSmallTown(a, name)) return 'no';
  // Words of the language ("Reading", "Nice", "Police", "Mobile") are places only after "in", "near"…
  if (single && !t.allCaps && isCommon(l)) {
    const nextInRun = next !== undefined && next.join === 'space' && !t.possessive;
    // …or with the designator of a region: "Western province", if the context agrees.
    if (nextInRun && DESIGNATORS.has(next.lower)) {
      const region = placesFor(a, `${t.text} ${next.text}`)[0];
      if (region?.kind === 'region') return locative ? 'yes' : 'weak';
    }
    // The first word of a longer name is no place alone: "Lake Malawi", "Reading Festival".
    if (nextInRun && next.cap) return 'no';
    return locative ? 'yes' : 'no';
  }
  if (best.kind === 'country') return 'yes';
  // A person's name ("Victoria", "Austin") or a small town abroad needs "in…" or the context.
  if (personName) return locative ? 'yes' : 'weak';
  if (best.kind === 'city' && (best.population ?? 0) < (single ? SMALL_TOWN : VILLAGE) && !locative)
    return 'weak';
  return 'yes';
}

// ───────────────────────────── the API ─────────────────────────────

/** Places a text names, in text order. */
export function findPlaces(text: string, gazetteer: Gazetteer): PlaceMention[] {
  const { mentions, context } = placeAnalysis(text, gazetteer);
  const out: PlaceMention[] = [];
  const ranked = new Map<string, Place[]>();
  for (const m of mentions) {
    const key = m.within ? `${m.name}\n${m.within.id}` : m.name;
    let candidates = ranked.get(key);
    if (!candidates) {
      candidates = gazetteer.candidates(m.name, context);
      const within = m.within;
      if (within)
        candidates = [
          ...candidates.filter((p) => inside(p, within)),
          ...candidates.filter((p) => !inside(p, within)),
        ];
      ranked.set(key, candidates);
    }
    if (candidates.length) out.push({ start: m.start, end: m.end, candidates });
  }
  return out;
}

/** The document's country context (see PlaceContext). */
export function documentContext(text: string, gazetteer: Gazetteer): PlaceContext {
  return placeAnalysis(text, gazetteer).context;
}

/**
 * People and organisations a text names, most mentioned first: candidate claimants for claims.
 * A person named in full once and by surname later counts once, under the full name. With the
 * gazetteer, names of places ("Sierra Leone") are never taken for people.
 */
export function findPeopleAndOrganisations(text: string, gazetteer?: Gazetteer): NamedEntity[] {
  return analyse(text, gazetteer)
    .entities.slice()
    .sort((x, y) => y.mentions - x.mentions || x.first - y.first)
    .map(({ name, kind, mentions }) => ({ name, kind, mentions }));
}
