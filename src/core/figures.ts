import {
  asciiNumber,
  isRtlWord,
  RTL_DIGITS,
  RTL_MONTHS,
  RTL_OF,
  RTL_QUALIFIERS,
  RTL_SCALES,
  RTL_STOP,
  RTL_TIME_AFTER,
  RTL_UNITS,
  rtlKey,
} from './figures-rtl';

// Reads figures ("over 210 kilometres of concrete walls", "$3.5 million", "between 20 and 25
// percent") out of English text as { value, unit, qualifier, counted }, and out of Arabic,
// Persian and Hebrew text with the words of figures-rtl.ts ("نحو 25 مليون دولار"). A small tokenizer and a
// hand-written reader, not one big regex: most of the work is saying what is NOT a figure
// (years, dates, times, ordinals, phone numbers, "one of the"), which needs the neighbours.

/** A figure read from text: a number (or range), its unit, qualifier and what it counts. */
export interface Figure {
  /** The number (the lower bound for a range). */
  value: number;
  /** Upper bound of a range ("between 20 and 25 percent"). */
  valueMax?: number;
  /** Normalised: 'km', 'm', 'ha', '%', 'USD', 'EUR', 'weeks', 'fraction'… or the counted noun ('' if none). */
  unit: string;
  /** Normalised: 'over', 'about', 'under', 'nearly', 'at least', 'at most', 'up to', 'exactly'. */
  qualifier?: string;
  /** What is counted: "concrete walls", "people", "boats". */
  counted?: string;
  /** The exact substring the figure was read from. */
  text: string;
  start: number;
  end: number;
}

/** Finds every figure in a text (for suggestions). */
export function findFigures(text: string): Figure[] {
  return new Reader(text, true).all().map(strip);
}

/** Reads the figure of a tagged passage, using up to 60 characters after it for the counted noun. */
export function parseFigure(passage: string, after = ''): Figure | null {
  let context = after.slice(0, AFTER_LIMIT);
  // Don't hand the reader half a word ("concrete wa").
  if (after.length > AFTER_LIMIT && /\p{L}/u.test(after.charAt(AFTER_LIMIT))) {
    context = context.replace(/\S*$/u, '');
  }
  const figures = new Reader(passage + context, false).all();
  const f = figures.find((x) => x.numberStart < passage.length);
  if (!f) return null;
  const end = Math.min(f.end, passage.length);
  const text = passage.slice(f.start, end).trimEnd();
  return strip({ ...f, text, end: f.start + text.length });
}

/** The figure as annotation details (flat: value, valueMax, unit, qualifier, counted). */
export function figureDetails(f: Figure): Record<string, string | number> {
  const out: Record<string, string | number> = { value: f.value };
  if (f.valueMax !== undefined) out.valueMax = f.valueMax;
  out.unit = f.unit;
  if (f.qualifier) out.qualifier = f.qualifier;
  if (f.counted) out.counted = f.counted;
  return out;
}

const AFTER_LIMIT = 60;

interface Token {
  kind: 'num' | 'word' | 'sym';
  text: string;
  lower: string;
  start: number;
  end: number;
  /** The whitespace between the previous token and this one ('' when glued). */
  gap: string;
}

// Numbers keep their separators ("1,200.5", and "12.03.2026", rejected later); words may end in
// digits so that "A320", "G7" and "km2" stay whole and are never read as figures.
// Arabic-Indic and Persian digits are read as ASCII ones (with "٫" as the decimal point).
const TOKEN_RE = new RegExp(
  `([\\d${RTL_DIGITS}]+(?:[.,٫٬][\\d${RTL_DIGITS}]+)*)|(\\p{L}[\\p{L}\\p{M}'’]*\\d*[²³]?)|(\\S)`,
  'gu',
);

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    const raw = m[0];
    const kind = m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'sym';
    const t = kind === 'num' ? asciiNumber(raw) : raw;
    const lower = rtlKey(t.toLowerCase().replace(/['’]s?$/u, ''));
    out.push({
      kind,
      text: t,
      lower,
      start,
      end: start + raw.length,
      gap: text.slice(prevEnd, start),
    });
    prevEnd = start + t.length;
  }
  return out;
}

const SMALL: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
/** Powers of ten by word; "m" and "b" only count as multipliers after a currency. */
const SCALE_WORDS: Record<string, number> = {
  hundred: 2,
  thousand: 3,
  million: 6,
  billion: 9,
  trillion: 12,
  ...RTL_SCALES,
};
const SCALE_SUFFIXES: Record<string, number> = {
  k: 3,
  thousand: 3,
  mn: 6,
  mln: 6,
  bn: 9,
  bln: 9,
  tn: 12,
  trn: 12,
};
const FRACTIONS: Record<string, number> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  eighth: 8,
  eighths: 8,
  tenth: 10,
  tenths: 10,
};
const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '₪': 'ILS',
};
const DOLLAR_PREFIXES: Record<string, string> = {
  US: 'USD',
  A: 'AUD',
  AU: 'AUD',
  C: 'CAD',
  CA: 'CAD',
  NZ: 'NZD',
  HK: 'HKD',
};
const CURRENCY_CODES = new Set(['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'ILS', 'NIS', 'CNY', 'INR']);

type UnitKind = 'measure' | 'currency' | 'time';
// Longest phrases first, so that "square kilometres" wins over "kilometres".
const UNIT_PHRASES: [string[], string, UnitKind][] = (
  [
    ['percentage points', 'pp'],
    ['percentage point', 'pp'],
    ['per cent', '%'],
    ['percent', '%'],
    ['pct', '%'],
    ['%', '%'],
    ['square kilometres', 'km²'],
    ['square kilometers', 'km²'],
    ['square kilometre', 'km²'],
    ['square kilometer', 'km²'],
    ['square km', 'km²'],
    ['sq km', 'km²'],
    ['sq . km', 'km²'],
    ['km2', 'km²'],
    ['km²', 'km²'],
    ['sqkm', 'km²'],
    ['square metres', 'm²'],
    ['square meters', 'm²'],
    ['square metre', 'm²'],
    ['square meter', 'm²'],
    ['sq m', 'm²'],
    ['m2', 'm²'],
    ['m²', 'm²'],
    ['square miles', 'mi²'],
    ['square mile', 'mi²'],
    ['sq mi', 'mi²'],
    ['kilometres', 'km'],
    ['kilometers', 'km'],
    ['kilometre', 'km'],
    ['kilometer', 'km'],
    ['km', 'km'],
    ['kms', 'km'],
    ['metres', 'm'],
    ['meters', 'm'],
    ['metre', 'm'],
    ['meter', 'm'],
    ['m', 'm'],
    ['centimetres', 'cm'],
    ['centimeters', 'cm'],
    ['centimetre', 'cm'],
    ['centimeter', 'cm'],
    ['cm', 'cm'],
    ['millimetres', 'mm'],
    ['millimeters', 'mm'],
    ['millimetre', 'mm'],
    ['millimeter', 'mm'],
    ['mm', 'mm'],
    ['miles', 'mi'],
    ['mile', 'mi'],
    ['mi', 'mi'],
    ['feet', 'ft'],
    ['foot', 'ft'],
    ['ft', 'ft'],
    ['hectares', 'ha'],
    ['hectare', 'ha'],
    ['ha', 'ha'],
    ['acres', 'acres'],
    ['acre', 'acres'],
    ['dunams', 'dunams'],
    ['dunam', 'dunams'],
    ['dunums', 'dunams'],
    ['dunum', 'dunams'],
    ['metric tons', 't'],
    ['metric tonnes', 't'],
    ['tonnes', 't'],
    ['tonne', 't'],
    ['tons', 't'],
    ['ton', 't'],
    ['kilograms', 'kg'],
    ['kilogram', 'kg'],
    ['kilos', 'kg'],
    ['kilo', 'kg'],
    ['kg', 'kg'],
    ['grams', 'g'],
    ['gram', 'g'],
    ['litres', 'L'],
    ['liters', 'L'],
    ['litre', 'L'],
    ['liter', 'L'],
    ['lbs', 'lb'],
    ['lb', 'lb'],
    ['pounds sterling', 'GBP'],
    ['sterling', 'GBP'],
    // Money or weight: decided by whether a multiplier came before (see unitAt).
    ['pounds', 'pound'],
    ['pound', 'pound'],
    ['us dollars', 'USD'],
    ['dollars', 'USD'],
    ['dollar', 'USD'],
    ['usd', 'USD'],
    ['euros', 'EUR'],
    ['euro', 'EUR'],
    ['eur', 'EUR'],
    ['gbp', 'GBP'],
    ['yen', 'JPY'],
    ['yuan', 'CNY'],
    ['shekels', 'ILS'],
    ['shekel', 'ILS'],
    ['nis', 'ILS'],
    ['rupees', 'INR'],
    ['lari', 'GEL'],
    // Currencies named by their country's adjective ("50,000 Sudanese pounds").
    ['egyptian pounds', 'EGP'],
    ['sudanese pounds', 'SDG'],
    ['lebanese pounds', 'LBP'],
    ['syrian pounds', 'SYP'],
    ['iraqi dinars', 'IQD'],
    ['jordanian dinars', 'JOD'],
    ['kuwaiti dinars', 'KWD'],
    ['libyan dinars', 'LYD'],
    ['serbian dinars', 'RSD'],
    ['algerian dinars', 'DZD'],
    ['tunisian dinars', 'TND'],
    ['kenyan shillings', 'KES'],
    ['ugandan shillings', 'UGX'],
    ['tanzanian shillings', 'TZS'],
    ['somali shillings', 'SOS'],
    ['forints', 'HUF'],
    ['forint', 'HUF'],
    ['degrees celsius', '°C'],
    ['degrees fahrenheit', '°F'],
    ['° c', '°C'],
    ['° f', '°F'],
    ['gigawatts', 'GW'],
    ['gigawatt', 'GW'],
    ['gw', 'GW'],
    ['megawatts', 'MW'],
    ['megawatt', 'MW'],
    ['mw', 'MW'],
    ['kilowatts', 'kW'],
    ['kilowatt', 'kW'],
    ['kw', 'kW'],
    ['gwh', 'GWh'],
    ['mwh', 'MWh'],
    ['kwh', 'kWh'],
    ['seconds', 'seconds'],
    ['second', 'seconds'],
    ['minutes', 'minutes'],
    ['minute', 'minutes'],
    ['hours', 'hours'],
    ['hour', 'hours'],
    ['days', 'days'],
    ['day', 'days'],
    ['weeks', 'weeks'],
    ['week', 'weeks'],
    ['months', 'months'],
    ['month', 'months'],
    ['years', 'years'],
    ['year', 'years'],
    ['decades', 'decades'],
    ['decade', 'decades'],
    ...RTL_UNITS,
  ] as [string, string][]
)
  .map(([p, u]): [string[], string, UnitKind] => [p.split(' '), u, unitKind(u)])
  .sort((a, b) => b[0].length - a[0].length);

/** UNIT_PHRASES by first word, longest first, so a lookup scans only its candidates. */
const UNITS_BY_FIRST = new Map<string, [string[], string, UnitKind][]>();
for (const entry of UNIT_PHRASES) {
  const list = UNITS_BY_FIRST.get(entry[0][0] as string) ?? [];
  list.push(entry);
  UNITS_BY_FIRST.set(entry[0][0] as string, list);
}

function unitKind(u: string): UnitKind {
  if (/^[A-Z]{3}$/.test(u) || u === 'pound') return 'currency';
  if (/^(seconds|minutes|hours|days|weeks|months|years|decades)$/.test(u)) return 'time';
  return 'measure';
}

/** Units that may be glued to the digits ("10km", "2,500ha"). */
const ATTACHED_UNITS: Record<string, string> = {
  km: 'km',
  kms: 'km',
  km2: 'km²',
  'km²': 'km²',
  m: 'm',
  m2: 'm²',
  'm²': 'm²',
  cm: 'cm',
  mm: 'mm',
  mi: 'mi',
  ft: 'ft',
  ha: 'ha',
  kg: 'kg',
  t: 't',
  lb: 'lb',
  lbs: 'lb',
  pc: '%',
};

const QUALIFIERS: [string[], string][] = (
  [
    ['more than', 'over'],
    ['in excess of', 'over'],
    ['upwards of', 'over'],
    ['over', 'over'],
    ['above', 'over'],
    ['exceeding', 'over'],
    ['just over', 'over'],
    ['well over', 'over'],
    ['a little over', 'over'],
    ['slightly more than', 'over'],
    ['well above', 'over'],
    ['about', 'about'],
    ['approximately', 'about'],
    ['approx .', 'about'],
    ['approx', 'about'],
    ['around', 'about'],
    ['some', 'about'],
    ['roughly', 'about'],
    ['circa', 'about'],
    ['an estimated', 'about'],
    ['estimated', 'about'],
    ['nearly', 'nearly'],
    ['almost', 'nearly'],
    ['close to', 'nearly'],
    ['just under', 'under'],
    ['under', 'under'],
    ['fewer than', 'under'],
    ['less than', 'under'],
    ['below', 'under'],
    ['well under', 'under'],
    ['well below', 'under'],
    ['at least', 'at least'],
    ['no fewer than', 'at least'],
    ['no less than', 'at least'],
    ['a minimum of', 'at least'],
    ['at most', 'at most'],
    ['no more than', 'at most'],
    ['a maximum of', 'at most'],
    ['up to', 'up to'],
    ['as many as', 'up to'],
    ['as much as', 'up to'],
    ['exactly', 'exactly'],
    ['precisely', 'exactly'],
    ...RTL_QUALIFIERS,
  ] as [string, string][]
)
  .map(([p, q]): [string[], string] => [p.split(' '), q])
  .sort((a, b) => b[0].length - a[0].length);

const MONTHS = new Set([
  ...'January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(
    ' ',
  ),
  ...RTL_MONTHS,
]);
/** Words before a 19xx/20xx number that make it a year even before a plural ("the 2026 elections"). */
const YEAR_BEFORE = new Set(
  'in since by until till from of the during early late mid before after year fiscal between and to its this'.split(
    ' ',
  ),
);
/** Words before a number that make it a reference, not a quantity ("page 12", "Resolution 242"). */
const REFERENCE_BEFORE = new Set(
  'page pages p pp section article chapter paragraph clause no nos number route highway road resolution flight room line version phase item gate platform call dial hotline tel ext'.split(
    ' ',
  ),
);
const TIME_AFTER = new Set([
  'am',
  'pm',
  'gmt',
  'utc',
  'bst',
  'cet',
  'cest',
  'edt',
  'est',
  "o'clock",
  'o’clock',
  'hrs',
  ...RTL_TIME_AFTER,
]);
/** "one" is not a count after these ("no one", "the one") nor before those ("one of the"). */
const ONE_BEFORE = new Set(
  'no any every each the this that which last only another someone no-one a'.split(' '),
);
const ONE_AFTER = new Set(
  'of another by day time way or hand side point thing more such another after too'.split(' '),
);
/** Words that end a counted noun phrase. */
const STOP = new Set(
  `of in on at to from by for with and or but nor the a an that which who whom whose were was are is be been being
have has had will would could should may might must can this these those their its his her our my your as than into
over under about per each every along across since during after before while when where if not no so it they he she
we you i also more less fewer most some all other another between through around near within without against toward
towards up down out off said say says according last next ago now then there here only just still even yet such
both either neither including like via amid among despite until till whether what how why`
    .split(/\s+/)
    .concat(RTL_STOP),
);
/** After a duration, words that make it a point in time ("ten years ago"). */
const TIME_LOCATORS = ['ago', 'later', 'earlier'];
/** After a fraction, words that make it a change: "a third fewer", "half as much". */
const COMPARATIVES = new Set(
  'fewer more less lower higher larger smaller bigger greater cheaper longer shorter as'.split(' '),
);
/** Before "one" and a singular noun, words that make it "a" ("In one frame", not a count). */
const ONE_INDEFINITE_AFTER = new Set('in on at from into within'.split(' '));
/** "seven of its 27 libraries", "three of these positions". */
const PARTITIVE_DETERMINERS = 'the these those its his her their our my your'.split(' ');
const DETERMINERS = new Set(
  'the a an its their his her our this that these those all some'.split(' '),
);
const IRREGULAR_PLURALS = new Set(
  'people children men women police staff personnel cattle sheep fish livestock teeth feet mice geese clergy militia crew'.split(
    ' ',
  ),
);

interface Quantity {
  value: number;
  first: number;
  next: number;
  currency?: string;
  /** A multiplier applied ("million", "bn", "k"): pounds are then money. */
  scaled: boolean;
  /** Power of ten of the multiplier, to lend to the lower bound of "2 to 3 million". */
  exp: number;
  mantissa?: string;
  unit?: string;
  /** Digits only, no separators: a possible year. */
  plain: boolean;
  /** Spelled out ("seven", "a dozen"). */
  word: boolean;
  fraction: boolean;
}

/** A token range [first, next) the reader must skip: it is a date, time, phone number… */
interface Reject {
  reject: number;
}

interface Hit extends Figure {
  numberStart: number;
}

class Reader {
  private readonly tokens: Token[];

  constructor(
    private readonly text: string,
    /** Suggestions: stricter about spelled-out numbers, fractions and references. */
    private readonly strict: boolean,
  ) {
    this.tokens = tokenize(text);
  }

  all(): Hit[] {
    const out: Hit[] = [];
    let i = 0;
    while (i < this.tokens.length) {
      const r = this.figureAt(i);
      if (r === null) i++;
      else if ('reject' in r) i = Math.max(i + 1, r.reject);
      else {
        out.push(r.figure);
        i = r.next;
      }
    }
    return out;
  }

  private tok(i: number): Token | undefined {
    return this.tokens[i];
  }

  private isWord(i: number, ...words: string[]): boolean {
    const t = this.tok(i);
    return t !== undefined && t.kind === 'word' && (words.length === 0 || words.includes(t.lower));
  }

  private isSym(i: number, ...syms: string[]): boolean {
    const t = this.tok(i);
    return t !== undefined && t.kind === 'sym' && syms.includes(t.text);
  }

  private glued(i: number): boolean {
    const t = this.tok(i);
    return t !== undefined && t.gap === '';
  }

  private figureAt(i: number): { figure: Hit; next: number } | Reject | null {
    const a = this.quantity(i);
    if (a === null || 'reject' in a) return a;
    const q = this.qualifierBefore(a.first);
    let value = a.value;
    let valueMax: number | undefined;
    let qualifier = q.qualifier;
    let cursor = a.next;
    let unit = this.unitAfter(a);
    if (unit) cursor = unit.next;
    let currency = a.currency;
    let last = a;

    if (!unit && this.isWord(cursor, 'in')) {
      const ratio = this.ratio(a, q, cursor);
      if (ratio) return ratio;
    }

    // A range: "20-25%", "20 to 25 per cent", "between 20 and 25 percent", "2 to 3 million",
    // "eight or nine years".
    const or = this.isWord(cursor, 'or');
    const connector =
      this.isSym(cursor, '-', '–') ||
      this.isWord(cursor, 'to') ||
      or ||
      (q.between && this.isWord(cursor, 'and'));
    if (connector && !a.fraction) {
      const b = this.quantity(cursor + 1, true);
      if (b && !('reject' in b) && !b.fraction) {
        // "1-800-555-0199": a chain of glued numbers is a phone number or a code.
        if (
          this.glued(cursor) &&
          this.glued(cursor + 1) &&
          this.isSym(b.next, '-', '–') &&
          this.glued(b.next) &&
          this.tok(b.next + 1)?.kind === 'num' &&
          this.glued(b.next + 1)
        ) {
          let k = b.next + 1;
          while (this.isSym(k + 1, '-', '–') && this.glued(k + 1) && this.glued(k + 2)) k += 2;
          return { reject: k + 1 };
        }
        const unitB = this.unitAfter(b);
        let low = a.value;
        if (!a.scaled && b.scaled && a.mantissa !== undefined && a.value < b.value / 10 ** b.exp) {
          low = Number(`${a.mantissa}e${b.exp}`);
        }
        // "5% or 10 of them" is no range: after "or" the unit must come again.
        const sameUnit =
          or && unit ? unit.unit === unitB?.unit : !unit || !unitB || unit.unit === unitB.unit;
        const sameCurrency = !currency || !b.currency || currency === b.currency;
        const glued = this.glued(cursor) && this.glued(cursor + 1);
        const phone =
          glued &&
          a.plain &&
          b.plain &&
          (a.mantissa?.length ?? 0) === 3 &&
          (b.mantissa?.length ?? 0) === 4;
        if (phone) return { reject: b.next };
        if (sameUnit && sameCurrency && low < b.value) {
          if (a.plain && isYearLike(a) && !unit && !unitB) return { reject: b.next };
          value = low;
          valueMax = b.value;
          currency = currency ?? b.currency;
          if (unitB) unit = unitB;
          cursor = unitB ? unitB.next : b.next;
          last = b;
        }
      } else if (
        b &&
        'reject' in b &&
        this.isSym(cursor, '-') &&
        this.glued(cursor) &&
        this.glued(cursor + 1)
      ) {
        return { reject: b.reject }; // "2026-03-12"
      }
    }
    if (
      a.plain &&
      !unit &&
      valueMax === undefined &&
      this.isSym(cursor, '-') &&
      this.glued(cursor)
    ) {
      // "1990-91", "555-1234": neither ranges nor figures.
      if (this.tok(cursor + 1)?.kind === 'num' && this.glued(cursor + 1))
        return { reject: cursor + 2 };
    }

    // Dates and times: "12 March", "March 12", "6 pm", "14:00 GMT".
    const before = this.tok(a.first - 1);
    if (before && before.kind === 'word' && isMonth(before) && !a.currency)
      return { reject: cursor };
    // "Nov. 18"
    const twoBefore = this.tok(a.first - 2);
    if (before && this.isSym(a.first - 1, '.') && twoBefore && isMonth(twoBefore))
      return { reject: cursor };
    const afterTok = this.tok(last.next);
    if (afterTok && afterTok.kind === 'word' && isMonth(afterTok)) return { reject: last.next + 1 };
    if (afterTok && TIME_AFTER.has(afterTok.lower)) return { reject: last.next + 1 };
    if (
      this.isWord(last.next, 'a', 'p') &&
      this.isSym(last.next + 1, '.') &&
      this.isWord(last.next + 2, 'm')
    ) {
      return { reject: last.next + 3 };
    }

    let end = this.tok(cursor - 1)?.end ?? 0;
    // "8,000+" and "14 or more" read as qualifiers when nothing came before.
    if (this.isSym(cursor, '+') && this.glued(cursor)) {
      qualifier ??= 'over';
      end = this.tok(cursor)?.end ?? end;
      cursor++;
    }
    const suffix = this.suffixQualifier(cursor);
    if (suffix) {
      qualifier ??= suffix.qualifier;
      end = this.tok(suffix.next - 1)?.end ?? end;
      cursor = suffix.next;
    }
    if (!unit && !currency && !a.fraction) {
      unit = this.unitAt(cursor, last);
      if (unit) {
        cursor = unit.next;
        end = this.tok(cursor - 1)?.end ?? end;
      }
    }

    let unitName = currency ?? unit?.unit ?? (a.fraction ? 'fraction' : '');
    if (unitName === 'pound') unitName = last.scaled ? 'GBP' : 'lb';
    let counted: string | undefined;
    // "210 km of concrete walls", "half the population".
    const ofPhrase =
      this.isWord(cursor, 'of', ...RTL_OF) || (a.fraction && this.isWord(cursor, 'the'));
    if (unitName && ofPhrase) {
      let j = cursor + 1;
      if (this.isWord(j) && DETERMINERS.has(this.tok(j)?.lower ?? '')) j++;
      const np = this.nounPhrase(j, true);
      if (np) {
        counted = np.text;
        end = np.end;
      }
    } else if (!unitName) {
      const np = this.nounPhrase(cursor, value === 1);
      if (np) {
        counted = np.text;
        unitName = np.head;
        end = np.end;
      }
    }
    const suffixAfter = this.suffixQualifier(this.tokenIndexAt(end));
    if (suffixAfter && !qualifier) {
      qualifier = suffixAfter.qualifier;
      end = this.tok(suffixAfter.next - 1)?.end ?? end;
    }
    const nextTok = Math.max(this.tokenIndexAt(end), a.next);

    // Years: a bare 19xx/20xx is one unless it counts something ("2011 people", not "in 2011").
    if (a.plain && isYearLike(a) && !unit && valueMax === undefined) {
      const prev = this.tok(a.first - 1);
      const yearish = !counted || (prev !== undefined && YEAR_BEFORE.has(prev.lower));
      if (yearish || !isPlural(unitName)) return { reject: a.next };
    }
    if (a.word && a.value === 1 && this.tok(a.first)?.lower === 'one') {
      const prev = this.tok(a.first - 1);
      const next = this.tok(a.next);
      if ((prev && ONE_BEFORE.has(prev.lower)) || (next && ONE_AFTER.has(next.lower))) {
        return { reject: a.next };
      }
      // "One investor said", "In one frame": an indefinite, not a count of one.
      if (
        this.strict &&
        !unit &&
        !q.qualifier &&
        (this.opensSentence(a.first) || (prev && ONE_INDEFINITE_AFTER.has(prev.lower)))
      ) {
        return { reject: a.next };
      }
    }
    // "seven of its 27 libraries", "three of these positions": what a bare count counts.
    if (!unitName && !counted) {
      const part = this.partitive(cursor);
      if (part) {
        unitName = part.head;
        counted = part.text;
      }
    }
    if (this.strict && !this.plausible(a, q.qualifier !== undefined, unitName, counted)) {
      return { reject: a.next };
    }
    // "ten years ago", "three days later": a point in time, not a duration.
    if (
      this.strict &&
      unit &&
      unitKind(unit.unit) === 'time' &&
      this.isWord(cursor, ...TIME_LOCATORS)
    ) {
      return { reject: cursor + 1 };
    }

    const start = q.start ?? this.tok(a.first)?.start ?? 0;
    const figure: Hit = {
      value,
      unit: unitName,
      text: this.text.slice(start, end),
      start,
      end,
      numberStart: this.tok(a.first)?.start ?? 0,
    };
    if (valueMax !== undefined) figure.valueMax = valueMax;
    if (qualifier) figure.qualifier = qualifier;
    if (counted) figure.counted = counted;
    return { figure, next: nextTok };
  }

  /** The counted noun of a partitive count: "of its 27 libraries", "of these positions". */
  private partitive(i: number): { text: string; head: string } | undefined {
    if (!this.isWord(i, 'of') || !this.isWord(i + 1, ...PARTITIVE_DETERMINERS)) return undefined;
    let j = i + 2;
    if (this.tok(j)?.kind === 'num') j++;
    const np = this.nounPhrase(j, false);
    return np && { text: np.text, head: np.head };
  }

  /** "one in five", "1 in 10 households": a ratio, read as a fraction. */
  private ratio(
    a: Quantity,
    q: { qualifier?: string; start?: number },
    inAt: number,
  ): { figure: Hit; next: number } | undefined {
    const whole = (x: Quantity) =>
      !x.fraction && !x.scaled && !x.currency && !x.unit && Number.isInteger(x.value);
    if (!whole(a)) return undefined;
    const b = this.quantity(inAt + 1);
    if (!b || 'reject' in b || !whole(b) || b.value <= a.value || isYearLike(b)) return undefined;
    if (this.unitAfter(b) || this.isSym(b.next, '%')) return undefined; // "one in five days"
    let end = this.tok(b.next - 1)?.end ?? 0;
    const np = this.nounPhrase(b.next, false);
    if (np) end = np.end;
    const start = q.start ?? this.tok(a.first)?.start ?? 0;
    const figure: Hit = {
      value: a.value / b.value,
      unit: 'fraction',
      text: this.text.slice(start, end),
      start,
      end,
      numberStart: this.tok(a.first)?.start ?? 0,
    };
    if (q.qualifier) figure.qualifier = q.qualifier;
    if (np) figure.counted = np.text;
    return { figure, next: this.tokenIndexAt(end) };
  }

  /** Index of the first token starting at or after a text offset. */
  private tokenIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.tokens[mid]?.start ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Suggestions only: drop what is too often not a quantity. */
  private plausible(
    a: Quantity,
    qualified: boolean,
    unit: string,
    counted: string | undefined,
  ): boolean {
    const first = this.tok(a.first);
    if (!first) return false;
    if (a.fraction) {
      // "a third of", "half the", "cut by a third", "a third fewer": not "a third round".
      const t = this.tok(a.next);
      return (
        counted !== undefined ||
        (t !== undefined && (t.lower === 'of' || t.lower === 'the' || COMPARATIVES.has(t.lower))) ||
        this.isWord(a.first - 1, 'by')
      );
    }
    if (a.word && !a.scaled && !unit) return false; // a bare "seven"
    if (!a.word && !a.currency && !qualified) {
      const prev = this.tok(a.first - 1);
      if (prev?.kind === 'word' && REFERENCE_BEFORE.has(prev.lower)) return false;
      // An age: "Paris Whitfield, 46, of Richmond"; "aged 46".
      if (!unit && Number.isInteger(a.value) && a.value < 130) {
        if (prev?.kind === 'word' && prev.lower === 'aged') return false;
        const name = this.tok(a.first - 2);
        if (
          this.isSym(a.first - 1, ',') &&
          name?.kind === 'word' &&
          /^\p{Lu}/u.test(name.text) &&
          this.isSym(a.next, ',')
        ) {
          return false;
        }
      }
      if (prev?.kind === 'sym' && prev.text === '.' && this.isWord(a.first - 2, 'no')) return false;
      if (prev?.kind === 'sym' && prev.text === '#') return false;
      // "Route 60", "Resolution 242": a capitalised word right before, not opening a sentence.
      const possessive = /['’]s?$/u.test(prev?.text ?? '');
      if (
        prev?.kind === 'word' &&
        /^\p{Lu}/u.test(prev.text) &&
        !possessive &&
        !this.opensSentence(a.first - 1)
      ) {
        return false;
      }
    }
    return true;
  }

  private opensSentence(i: number): boolean {
    const t = this.tok(i);
    const prev = this.tok(i - 1);
    return !t || !prev || /\n/.test(t.gap) || (prev.kind === 'sym' && /[.!?:;"“(]/.test(prev.text));
  }

  /** The qualifier right before token `first` ("more than", "about", "between"). */
  private qualifierBefore(first: number): { qualifier?: string; start?: number; between: boolean } {
    if (this.isWord(first - 1, 'between')) {
      return { start: this.tok(first - 1)?.start, between: true };
    }
    for (const [phrase, qualifier] of QUALIFIERS) {
      const s = first - phrase.length;
      if (s < 0) continue;
      if (phrase.every((w, k) => this.tok(s + k)?.lower === w)) {
        return { qualifier, start: this.tok(s)?.start, between: false };
      }
    }
    return { between: false };
  }

  /** "or more", "or so" after a number. */
  private suffixQualifier(i: number): { qualifier: string; next: number } | undefined {
    if (!this.isWord(i, 'or')) return undefined;
    if (this.isWord(i + 1, 'more')) return { qualifier: 'at least', next: i + 2 };
    if (this.isWord(i + 1, 'so')) return { qualifier: 'about', next: i + 2 };
    return undefined;
  }

  /** A number starting at token i: currency prefix, digits or words, multipliers. */
  private quantity(i: number, inRange = false): Quantity | Reject | null {
    const t = this.tok(i);
    if (!t) return null;
    let j = i;
    let currency: string | undefined;
    if (t.kind === 'sym' && CURRENCY_SYMBOLS[t.text]) {
      currency = CURRENCY_SYMBOLS[t.text];
      j++;
    } else if (
      t.kind === 'word' &&
      DOLLAR_PREFIXES[t.text] &&
      this.isSym(i + 1, '$') &&
      this.glued(i + 1)
    ) {
      currency = DOLLAR_PREFIXES[t.text];
      j += 2;
    } else if (t.kind === 'word' && CURRENCY_CODES.has(t.text) && this.tok(i + 1)?.kind === 'num') {
      currency = t.text === 'NIS' ? 'ILS' : t.text;
      j++;
    }
    const n = this.tok(j);
    if (!n) return null;
    if (currency && (n.kind !== 'num' || n.gap.length > 1)) return null;
    if (n.kind === 'num') return this.digits(i, j, currency, inRange);
    if (n.kind === 'word' && !currency) return this.words(i);
    return null;
  }

  private digits(
    first: number,
    j: number,
    currency: string | undefined,
    inRange: boolean,
  ): Quantity | Reject {
    const n = this.tok(j) as Token;
    const prev = this.tok(j - 1);
    // Phone numbers, times, dates, model names: "+44", "06:40", "12/03", "COVID-19".
    if (prev && prev.gap === '' && n.gap === '' && prev.kind === 'sym') {
      if (prev.text === '+' || prev.text === ':' || prev.text === '/') return { reject: j + 1 };
      // "COVID-19", "F-16"; and the tail of "555-123-4567" (ranges are read from their start).
      const before = this.tok(j - 2);
      if (
        (prev.text === '-' || prev.text === '–') &&
        prev.gap === '' &&
        before &&
        (before.kind === 'word' || !inRange)
      ) {
        return { reject: j + 1 };
      }
    }
    if (
      this.isSym(j + 1, ':', '/') &&
      this.glued(j + 1) &&
      this.tok(j + 2)?.kind === 'num' &&
      this.glued(j + 2)
    ) {
      let k = j + 2;
      while (this.isSym(k + 1, ':', '/', '.') && this.tok(k + 2)?.kind === 'num') k += 2;
      return { reject: k + 1 };
    }
    if (/^0\d/.test(n.text)) return { reject: j + 1 };
    // Runs of bare numbers ("+44 20 7946 0958", "in 2011 300") are not read at all.
    if (prev?.kind === 'num') return { reject: j + 1 };
    if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(n.text)) return { reject: j + 1 };
    let mantissa = n.text.replace(/,/g, '');
    let next = j + 1;
    // "1 200 000" (a space as thousands separator).
    if (/^\d{1,3}$/.test(n.text)) {
      while (
        this.tok(next)?.kind === 'num' &&
        /^[ \u00a0\u202f\u2009]$/.test(this.tok(next)?.gap ?? '') &&
        /^\d{3}(?:\.\d+)?$/.test(this.tok(next)?.text ?? '') &&
        !(this.tok(next + 1)?.kind === 'num')
      ) {
        mantissa += this.tok(next)?.text ?? '';
        next++;
      }
    }
    const plain = next === j + 1 && /^\d+$/.test(n.text);
    let exp = 0;
    let unit: string | undefined;
    const suffix = this.tok(next);
    if (suffix && suffix.kind === 'word' && suffix.gap === '') {
      const s = suffix.lower;
      if (SCALE_SUFFIXES[s] !== undefined) exp = SCALE_SUFFIXES[s];
      else if ((s === 'm' || s === 'b') && (currency || this.moneyAfter(next + 1)))
        exp = s === 'm' ? 6 : 9;
      else if (ATTACHED_UNITS[s]) unit = ATTACHED_UNITS[s];
      else if (suffix.text === 'C' || suffix.text === 'F')
        unit = `°${suffix.text}`; // "38C"
      else return { reject: next + 1 }; // "3rd", "1990s", "6pm", "5G"
      next++;
    }
    // Spelled multipliers: "3.5 million", "two hundred thousand", "$2.4 m".
    let dozen = 1;
    if (unit === undefined) {
      for (;;) {
        const w = this.tok(next);
        if (!w || w.kind !== 'word' || w.gap === '') break;
        if (SCALE_WORDS[w.lower] !== undefined) exp += SCALE_WORDS[w.lower] as number;
        else if (SCALE_SUFFIXES[w.lower] !== undefined && exp === 0)
          exp += SCALE_SUFFIXES[w.lower] as number;
        else if (currency && w.lower === 'm' && exp === 0) exp = 6;
        else if (w.lower === 'dozen' && dozen === 1) dozen = 12;
        else break;
        next++;
      }
    }
    if (this.tok(next)?.kind === 'num') {
      let k = next;
      while (this.tok(k + 1)?.kind === 'num') k++;
      return { reject: k + 1 };
    }
    const value = Number(`${mantissa}e${exp}`) * dozen;
    return {
      value,
      first,
      next,
      currency,
      scaled: exp > 0 || dozen > 1,
      exp,
      mantissa: dozen === 1 ? mantissa : undefined,
      unit,
      plain: plain && exp === 0 && dozen === 1 && !currency && !unit,
      word: false,
      fraction: false,
    };
  }

  /** A currency word or people after "2.4m": millions, not metres. */
  private moneyAfter(i: number): boolean {
    const t = this.tok(i);
    if (!t || t.kind !== 'word' || t.gap === '') return false;
    if (IRREGULAR_PLURALS.has(t.lower)) return true;
    return (UNITS_BY_FIRST.get(t.lower) ?? []).some(
      ([p, , kind]) => kind === 'currency' && p.length === 1,
    );
  }

  /** Spelled-out numbers: "seven", "twenty-five", "two dozen", "a million", "two-thirds". */
  private words(first: number): Quantity | null {
    let j = first;
    let total = 0;
    let current = 0;
    let started = false;
    let exp = 0;
    let scaled = false;
    const lower = (k: number) => this.tok(k)?.lower ?? '';
    const wordAt = (k: number) =>
      this.isWord(k) && (k === first || (this.tok(k)?.gap ?? '') !== '');
    const w0 = lower(first);
    if (w0 === 'a' || w0 === 'an') {
      const w1 = lower(first + 1);
      if (SCALE_WORDS[w1] === undefined && w1 !== 'dozen' && FRACTIONS[w1] === undefined)
        return null;
      if (w1 === 'halves' || (FRACTIONS[w1] !== undefined && w1.endsWith('s'))) return null;
      current = 1;
      started = true;
      j++;
    } else if (w0 === 'half') {
      if (this.isWord(first + 1, 'a') && SCALE_WORDS[lower(first + 2)] !== undefined) {
        const e = SCALE_WORDS[lower(first + 2)] as number;
        return this.wordQuantity(first, first + 3, 0.5 * 10 ** e, true, e, false);
      }
      // "half a metre", "half an hour": a measure, not a fraction.
      const measure = this.wordQuantity(first, first + 2, 0.5, false, 0, false);
      if (this.isWord(first + 1, 'a', 'an') && this.unitAt(first + 2, measure)) return measure;
      return this.wordQuantity(first, first + 1, 0.5, false, 0, true);
    }
    for (;;) {
      if (!wordAt(j)) break;
      const w = lower(j);
      if (SMALL[w] !== undefined) {
        if (current % 100 !== 0 && current !== 0) break;
        current += SMALL[w] as number;
      } else if (TENS[w] !== undefined) {
        if (current % 100 !== 0) break;
        current += TENS[w] as number;
        // "twenty-five"
        if (
          this.isSym(j + 1, '-') &&
          this.glued(j + 1) &&
          this.glued(j + 2) &&
          (SMALL[lower(j + 2)] ?? 10) < 10
        ) {
          current += SMALL[lower(j + 2)] as number;
          j += 2;
        }
      } else if (w === 'hundred') {
        if (current === 0 || current >= 100) break;
        current *= 100;
        exp = 2;
        scaled = true;
      } else if (SCALE_WORDS[w] !== undefined) {
        if (current === 0) break;
        total += current * 10 ** (SCALE_WORDS[w] as number);
        exp = SCALE_WORDS[w] as number;
        scaled = true;
        current = 0;
      } else if (w === 'dozen') {
        if (current === 0 || current >= 100) break;
        current *= 12;
        scaled = true;
      } else if (
        w === 'and' &&
        exp === 2 &&
        current % 100 === 0 &&
        (SMALL[lower(j + 1)] ?? TENS[lower(j + 1)]) !== undefined
      ) {
        // "two hundred and fifty"
      } else if (
        FRACTIONS[w] !== undefined &&
        total === 0 &&
        current > 0 &&
        current < 10 &&
        !scaled
      ) {
        return this.wordQuantity(first, j + 1, current / (FRACTIONS[w] as number), false, 0, true);
      } else break;
      started = true;
      j++;
      // "two-thirds"
      if (
        this.isSym(j, '-') &&
        this.glued(j) &&
        this.glued(j + 1) &&
        FRACTIONS[lower(j + 1)] !== undefined &&
        total === 0 &&
        current < 10 &&
        !scaled
      ) {
        return this.wordQuantity(
          first,
          j + 2,
          current / (FRACTIONS[lower(j + 1)] as number),
          false,
          0,
          true,
        );
      }
    }
    if (!started || j === first || (w0 === 'a' && j === first + 1)) return null;
    const value = total + current;
    if (value === 0) return null;
    return this.wordQuantity(first, j, value, scaled, exp, false);
  }

  private wordQuantity(
    first: number,
    next: number,
    value: number,
    scaled: boolean,
    exp: number,
    fraction: boolean,
  ): Quantity {
    return { value, first, next, scaled, exp, plain: false, word: true, fraction };
  }

  /** The unit glued to a quantity or right after it (none after a currency or fraction). */
  private unitAfter(q: Quantity): { unit: string; next: number } | undefined {
    if (q.unit !== undefined) return { unit: q.unit, next: q.next };
    return q.currency || q.fraction ? undefined : this.unitAt(q.next, q);
  }

  /** A unit starting at token i ("km", "per cent", "square kilometres", "-kilometre"). */
  private unitAt(i: number, q: Quantity): { unit: string; next: number } | undefined {
    let j = i;
    // "a 15-kilometre stretch"
    if (this.isSym(j, '-') && this.glued(j) && this.glued(j + 1)) j++;
    const first = this.tok(j);
    if (!first) return undefined;
    if (first.gap === '' && first.kind === 'word' && j === i) return undefined;
    for (const [phrase, unit] of UNITS_BY_FIRST.get(first.lower) ?? []) {
      if (phrase.every((w, k) => this.tok(j + k)?.lower === w)) {
        if (unit === 'm' && q.currency) continue;
        return { unit, next: j + phrase.length };
      }
    }
    return undefined;
  }

  /** What is counted: adjectives and a noun, ending at the first plural ("concrete walls"). */
  private nounPhrase(
    i: number,
    allowSingular: boolean,
  ): { text: string; head: string; end: number } | undefined {
    const first = this.tok(i);
    // In Arabic, Persian and Hebrew (no plural "s"): the noun, with an adjective after "of".
    if (first?.kind === 'word' && isRtlWord(first.text))
      return this.rtlNounPhrase(i, allowSingular ? 2 : 1);
    const parts: { start: number; end: number; lower: string }[] = [];
    let j = i;
    while (parts.length < 4) {
      const t = this.tok(j);
      if (!t || t.kind !== 'word' || t.gap === '') break;
      let k = j;
      // Hyphenated words stay whole: "Gaza-bound", "long-range".
      while (this.isSym(k + 1, '-') && this.glued(k + 1) && this.isWord(k + 2) && this.glued(k + 2))
        k += 2;
      const end = this.tok(k)?.end ?? t.end;
      const lower = this.text
        .slice(t.start, end)
        .toLowerCase()
        .replace(/['’]s?$/u, '');
      if (STOP.has(lower) || isMonth(t) || SMALL[lower] !== undefined || TENS[lower] !== undefined)
        break;
      if (parts.length > 0 && /(ing|ed)$/.test(lower)) break;
      parts.push({ start: t.start, end, lower });
      j = k + 1;
      if (isPlural(lower)) break;
    }
    const last = parts[parts.length - 1];
    if (!last) return undefined;
    if (!isPlural(last.lower)) {
      if (!allowSingular) return undefined;
      if (parts.length > 3) return undefined;
    }
    const start = parts[0]?.start ?? last.start;
    let head = last.lower.replace(/['’]$/u, '');
    if (head === 'person' || head === 'persons') head = 'people';
    return { text: this.text.slice(start, last.end).replace(/['’]s?$/u, ''), head, end: last.end };
  }

  /**
   * What is counted, in Arabic, Persian or Hebrew, where nouns carry no plural "s" and adjectives
   * follow the noun: the noun alone after a bare count ("120 عاملا"), the noun and an adjective
   * after "of" ("من الجدران الخرسانية"); it ends at a particle, a month or a multiplier.
   */
  private rtlNounPhrase(
    i: number,
    most: number,
  ): { text: string; head: string; end: number } | undefined {
    let last: Token | undefined;
    let head: string | undefined;
    for (let j = i; j < i + most; j++) {
      const t = this.tok(j);
      if (!t || t.kind !== 'word' || t.gap === '' || !isRtlWord(t.text)) break;
      if (STOP.has(t.lower) || isMonth(t) || SCALE_WORDS[t.lower] !== undefined) break;
      head ??= t.lower;
      last = t;
    }
    const start = this.tok(i)?.start;
    if (!last || head === undefined || start === undefined) return undefined;
    return { text: this.text.slice(start, last.end), head, end: last.end };
  }
}

/** English months are capitalised ("May", not "may"); other scripts have no case. */
function isMonth(t: Token): boolean {
  return MONTHS.has(t.text) || (isRtlWord(t.text) && MONTHS.has(t.lower));
}

function isYearLike(q: Quantity): boolean {
  return /^(19|20)\d\d$/.test(q.mantissa ?? '');
}

function isPlural(w: string): boolean {
  const base = w.replace(/['’]$/u, '');
  if (IRREGULAR_PLURALS.has(base)) return true;
  return base.length > 3 && /s$/.test(base) && !/(ss|us|is|ous)$/.test(base);
}

function strip(h: Hit): Figure {
  const f: Figure = { value: h.value, unit: h.unit, text: h.text, start: h.start, end: h.end };
  if (h.valueMax !== undefined) f.valueMax = h.valueMax;
  if (h.qualifier !== undefined) f.qualifier = h.qualifier;
  if (h.counted !== undefined) f.counted = h.counted;
  return f;
}
