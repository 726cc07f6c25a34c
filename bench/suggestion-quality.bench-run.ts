import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import type { Suggestion } from '../src/core/suggestions';
import { findSuggestions } from '../src/core/suggestions';

// Scores findSuggestions against the hand-labelled articles of bench/suggestion-set (see its
// README for the labelling conventions) and prints precision, recall and detail accuracy per tag,
// then each article's misses and false positives. A measurement: a missed target is printed as
// BELOW TARGET and never fails the run.

const SET = new URL('./suggestion-set/', import.meta.url);
const GAZETTEER_DATA = new URL('../resources/gazetteer/places.json.gz', import.meta.url);
const GAZETTEER_MODULE = new URL('../src/core/gazetteer.ts', import.meta.url);

const TAGS = ['figure', 'quote', 'location'] as const;
type Tag = (typeof TAGS)[number];
const TARGETS: Record<Tag, number> = { figure: 0.9, quote: 0.9, location: 0.85 };
const DETAIL: Record<Tag, string> = {
  figure: 'value+unit',
  quote: 'speaker',
  location: 'country',
};

type Details = Record<string, unknown>;
interface Expected {
  tag: Tag;
  quote: string;
  occurrence: number;
  details: Details;
}
interface Span {
  start: number;
  end: number;
  quote: string;
  details: Details;
}
interface Article {
  name: string;
  text: string;
  expected: Record<Tag, Span[]>;
}

// ─────── the gazetteer: loadGazetteer is the one place to change if src/core/gazetteer.ts does ───────

/**
 * The gazetteer to hand findSuggestions as its 4th argument, or undefined (no data file, or no
 * src/core/gazetteer.ts yet). Expects `Gazetteer.fromData(json)` with the parsed
 * resources/gazetteer/places.json.gz. Also learns the data's country names
 * (`countries: [code, name, …][]`) so that a suggested country name can be checked against an
 * expected ISO code.
 */
async function loadGazetteer(): Promise<{ gazetteer?: unknown; note: string }> {
  if (findSuggestions.length < 4) {
    return { note: 'not used: findSuggestions takes no gazetteer (3 parameters)' };
  }
  if (!existsSync(GAZETTEER_DATA))
    return { note: 'not used: no resources/gazetteer/places.json.gz' };
  if (!existsSync(GAZETTEER_MODULE)) return { note: 'not used: no src/core/gazetteer.ts' };
  const data: unknown = JSON.parse(gunzipSync(readFileSync(GAZETTEER_DATA)).toString('utf8'));
  const countries = (data as { countries?: unknown }).countries;
  if (Array.isArray(countries)) {
    for (const row of countries as unknown[]) {
      if (Array.isArray(row) && typeof row[0] === 'string' && typeof row[1] === 'string')
        countryNames.set(row[0].toUpperCase(), row[1].toLowerCase());
    }
  }
  const mod = (await import(/* @vite-ignore */ GAZETTEER_MODULE.href)) as {
    Gazetteer?: { fromData?: (d: unknown) => unknown };
  };
  if (typeof mod.Gazetteer?.fromData !== 'function') {
    return { note: 'not used: src/core/gazetteer.ts exports no Gazetteer.fromData' };
  }
  return { gazetteer: mod.Gazetteer.fromData(data), note: 'resources/gazetteer/places.json.gz' };
}

/** findSuggestions with the gazetteer when there is one (called loosely: its 4th parameter is new). */
function suggest(text: string, gazetteer: unknown): Suggestion[] {
  if (gazetteer === undefined) return findSuggestions(text, [], new Set());
  const withGazetteer = findSuggestions as unknown as (
    text: string,
    annotations: readonly never[],
    rejected: ReadonlySet<string>,
    gazetteer: unknown,
  ) => Suggestion[];
  return withGazetteer(text, [], new Set(), gazetteer);
}

// ───────────────────────────── the labelled set ─────────────────────────────

function loadSet(): Article[] {
  const files = readdirSync(SET)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  return files.map((file) => {
    const name = file.replace(/\.txt$/, '');
    const text = readFileSync(new URL(file, SET), 'utf8');
    const labels = JSON.parse(readFileSync(new URL(`${name}.expected.json`, SET), 'utf8')) as {
      annotations: Expected[];
    };
    const expected: Record<Tag, Span[]> = { figure: [], quote: [], location: [] };
    for (const a of labels.annotations) {
      let at = -1;
      for (let n = 0; n < a.occurrence; n++) at = text.indexOf(a.quote, at + 1);
      if (at < 0)
        throw new Error(`${name}: no occurrence ${a.occurrence} of ${JSON.stringify(a.quote)}`);
      expected[a.tag].push({
        start: at,
        end: at + a.quote.length,
        quote: a.quote,
        details: a.details,
      });
    }
    return { name, text, expected };
  });
}

// ───────────────────────────── scoring ─────────────────────────────

const overlap = (a: Span, b: Span) => Math.min(a.end, b.end) - Math.max(a.start, b.start);

/** One-to-one pairs of overlapping spans, greedily by overlap size. */
function match(expected: Span[], suggested: Span[]): [Span, Span][] {
  const pairs: [number, number, number][] = [];
  expected.forEach((e, i) =>
    suggested.forEach((s, j) => {
      const o = overlap(e, s);
      if (o > 0) pairs.push([o, i, j]);
    }),
  );
  pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const usedE = new Set<number>();
  const usedS = new Set<number>();
  const out: [Span, Span][] = [];
  for (const [, i, j] of pairs) {
    if (usedE.has(i) || usedS.has(j)) continue;
    usedE.add(i);
    usedS.add(j);
    out.push([expected[i]!, suggested[j]!]);
  }
  return out;
}

const sameNumber = (a: unknown, b: unknown) =>
  typeof a === 'number' &&
  typeof b === 'number' &&
  Math.abs(a - b) <= 1e-3 * Math.max(1, Math.abs(a), Math.abs(b));

const words = (s: unknown) =>
  String(s ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);

/** Country names by ISO code: the gazetteer's own (see loadGazetteer), else Intl's. */
const countryNames = new Map<string, string>();
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const countryName = (code: string) => {
  try {
    return (
      countryNames.get(code.toUpperCase()) ?? regionNames.of(code.toUpperCase())?.toLowerCase()
    );
  } catch {
    return undefined;
  }
};

/** Whether the key details of a matched suggestion are right; undefined when nothing is expected. */
function detailsRight(tag: Tag, e: Details, s: Details): boolean | undefined {
  if (tag === 'figure') {
    if (!sameNumber(e.value, s.value) || e.unit !== s.unit) return false;
    return e.valueMax === undefined || sameNumber(e.valueMax, s.valueMax);
  }
  if (tag === 'quote') {
    const want = words(e.speaker);
    const got = words(s.speaker);
    if (!want.length) return !got.length;
    return got.some((_, k) => want.every((w, i) => got[k + i] === w));
  }
  if (typeof e.country !== 'string') return undefined;
  const got = String(s.country ?? '').toLowerCase();
  return got === e.country.toLowerCase() || got === countryName(e.country);
}

const short = (s: string) => {
  const one = s.replace(/\s+/g, ' ');
  return JSON.stringify(one.length > 60 ? `${one.slice(0, 57)}…` : one);
};
const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  - ');
const pad = (s: string | number, n: number) => String(s).padStart(n);

it('scores findSuggestions on the labelled suggestion set', async () => {
  const articles = loadSet();
  const { gazetteer, note } = await loadGazetteer();

  const totals = Object.fromEntries(
    TAGS.map((t) => [t, { expected: 0, suggested: 0, matched: 0, checked: 0, right: 0 }]),
  ) as Record<
    Tag,
    { expected: number; suggested: number; matched: number; checked: number; right: number }
  >;
  const report: string[] = [];

  for (const article of articles) {
    const found = suggest(article.text, gazetteer);
    const lines: string[] = [];
    for (const tag of TAGS) {
      const expected = article.expected[tag];
      const suggested: Span[] = found
        .filter((s) => s.tag === tag)
        .map((s) => ({
          start: s.start,
          end: s.end,
          quote: s.quote,
          details: s.details as Details,
        }));
      const pairs = match(expected, suggested);
      const t = totals[tag];
      t.expected += expected.length;
      t.suggested += suggested.length;
      t.matched += pairs.length;
      const matchedE = new Set(pairs.map(([e]) => e));
      const matchedS = new Set(pairs.map(([, s]) => s));
      for (const e of expected)
        if (!matchedE.has(e)) lines.push(`    ${tag.padEnd(8)} MISSED  ${short(e.quote)}`);
      for (const s of suggested)
        if (!matchedS.has(s)) lines.push(`    ${tag.padEnd(8)} FALSE+  ${short(s.quote)}`);
      for (const [e, s] of pairs) {
        const ok = detailsRight(tag, e.details, s.details);
        if (ok === undefined) continue;
        t.checked++;
        if (ok) t.right++;
        else
          lines.push(
            `    ${tag.padEnd(8)} DETAIL  ${short(e.quote)} want ${JSON.stringify(e.details)} got ${JSON.stringify(s.details)}`,
          );
      }
    }
    report.push(`  ${article.name}${lines.length ? '' : '  (all right)'}`, ...lines);
  }

  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  const table = [
    '',
    `Suggestion quality: ${articles.length} articles, ${(chars / 1000).toFixed(1)} k chars; gazetteer ${note}`,
    `  tag        expected suggested matched precision recall  details right (${TAGS.map((t) => `${t}: ${DETAIL[t]}`).join(', ')})`,
  ];
  for (const tag of TAGS) {
    const t = totals[tag];
    const precision = t.suggested ? t.matched / t.suggested : NaN;
    const recall = t.expected ? t.matched / t.expected : NaN;
    const below = !(precision >= TARGETS[tag]) || !(recall >= TARGETS[tag]);
    table.push(
      `  ${tag.padEnd(10)} ${pad(t.expected, 8)} ${pad(t.suggested, 9)} ${pad(t.matched, 7)} ${pad(pct(precision), 9)} ${pad(pct(recall), 6)}  ` +
        `${pad(`${t.right}/${t.checked}`, 7)} ${pad(t.checked ? `${Math.round((100 * t.right) / t.checked)} %` : '-', 5)}` +
        `   target ≥ ${TARGETS[tag]} ${below ? 'BELOW TARGET' : 'ok'}`,
    );
  }

  // Speed: findSuggestions on ~200 KB (the articles repeated), median of 5 after a warm-up; each
  // run's text differs by a trailing space so that no per-text cache answers.
  const big = Array.from({ length: Math.ceil(200_000 / chars) }, () =>
    articles.map((a) => a.text).join('\n\n'),
  ).join('\n\n');
  suggest(big, gazetteer);
  const times: number[] = [];
  for (let run = 1; run <= 5; run++) {
    const t0 = performance.now();
    suggest(big + ' '.repeat(run), gazetteer);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  table.push(
    `  speed: findSuggestions on ${(big.length / 1000).toFixed(0)} k chars, median ${times[2]!.toFixed(0)} ms of 5 (min ${times[0]!.toFixed(0)}, max ${times[4]!.toFixed(0)})`,
    '',
    'Per article: MISSED = labelled but not suggested, FALSE+ = suggested but not labelled, DETAIL = matched with wrong key details',
    ...report,
  );
  console.log(table.join('\n'));
  expect(articles.length).toBeGreaterThan(0);
}, 300_000);
