import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { expect, it } from 'vitest';
import { convertDocument, decodeHtml } from '../../src/services/loaders';
import type { PageScore, Summary } from './metric';
import { scorePage, summarise } from './metric';

// Article extraction on real news pages: Gloss's HTML import (convertDocument, as the app
// opens a saved page) against plain Readability.js on linkedom, with the benchmark's metric
// (metric.ts), side by side, and the time each takes per page. The pages live outside the
// repository, in ../shared/benchmarks/article-extraction/ (or $GLOSS_EXTRACT_BENCH): without
// them the run is skipped. $GLOSS_EXTRACT_OUT names a folder to write each page's texts to.
//
// Run: npm run bench:extract

const ROOT = new URL('../..', import.meta.url).pathname;
const DIR =
  process.env.GLOSS_EXTRACT_BENCH ?? join(ROOT, '..', 'shared', 'benchmarks', 'article-extraction');
const TRUTH = join(DIR, 'ground-truth.json');
const OUT = process.env.GLOSS_EXTRACT_OUT;

interface Truth {
  articleBody: string;
  url?: string;
}

interface Run {
  scores: PageScore[];
  ms: number[];
}

async function gloss(bytes: Uint8Array, url: string | undefined): Promise<string> {
  const result = await convertDocument('page.html', bytes, url === undefined ? {} : { url });
  return result.ok ? result.value.document.text : '';
}

function readability(bytes: Uint8Array): string {
  const html = decodeHtml(bytes);
  if (!html.ok) return '';
  const { document } = parseHTML(html.value);
  try {
    return new Readability(document as never).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

const fmt = (x: number) => x.toFixed(3);
const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

function row(name: string, s: Summary, run: Run): string {
  const ms = sorted(run.ms);
  const median = ms[Math.floor(ms.length / 2)] ?? 0;
  return [
    name.padEnd(16),
    fmt(s.precision).padStart(9),
    fmt(s.recall).padStart(7),
    fmt(s.f1).padStart(7),
    `${(total(ms) / 1000).toFixed(2)} s`.padStart(9),
    `${(total(ms) / Math.max(1, ms.length)).toFixed(1)} ms`.padStart(12),
    `${median.toFixed(1)} ms`.padStart(10),
    `${(ms[ms.length - 1] ?? 0).toFixed(1)} ms`.padStart(10),
  ].join(' ');
}

if (!existsSync(TRUTH))
  console.log(`Article extraction skipped: no benchmark pages at ${DIR} (set GLOSS_EXTRACT_BENCH).`);

it.skipIf(!existsSync(TRUTH))('extracts the articles of real news pages', async () => {
  const truth = JSON.parse(readFileSync(TRUTH, 'utf8')) as Record<string, Truth>;
  const keys = Object.keys(truth).sort();
  const pages = keys.map((key) => ({
    key,
    bytes: new Uint8Array(gunzipSync(readFileSync(join(DIR, 'html', `${key}.html.gz`)))),
    truth: truth[key] as Truth,
  }));
  if (OUT) mkdirSync(OUT, { recursive: true });

  // Warm up: the loader's modules are loaded on first use, which no page should be charged for.
  const warm = new TextEncoder().encode('<html><body><article><p>Warm up.</p></article></body></html>'); // prettier-ignore
  await gloss(warm, undefined);
  readability(warm);

  const ours: Run = { scores: [], ms: [] };
  const theirs: Run = { scores: [], ms: [] };
  const perPage: string[] = [];
  for (const page of pages) {
    let t = performance.now();
    const text = await gloss(page.bytes, page.truth.url);
    ours.ms.push(performance.now() - t);
    t = performance.now();
    const plain = readability(page.bytes);
    theirs.ms.push(performance.now() - t);
    const a = scorePage(page.truth.articleBody, text);
    const b = scorePage(page.truth.articleBody, plain);
    ours.scores.push(a);
    theirs.scores.push(b);
    const f = (s: PageScore) => fmt(s.tp + s.fp + s.fn > 0 ? (2 * s.tp) / (2 * s.tp + s.fp + s.fn) : 0); // prettier-ignore
    perPage.push(`${page.key.slice(0, 12)}  gloss P ${fmt(a.tp / (a.tp + a.fp || 1))} R ${fmt(a.tp / (a.tp + a.fn || 1))} F ${f(a)}   readability F ${f(b)}   ${ours.ms.at(-1)!.toFixed(1)} ms`); // prettier-ignore
    if (OUT) {
      writeFileSync(join(OUT, `${page.key}.gloss.txt`), text);
      writeFileSync(join(OUT, `${page.key}.readability.txt`), plain);
      writeFileSync(join(OUT, `${page.key}.truth.txt`), page.truth.articleBody);
    }
  }

  const header = `${'extractor'.padEnd(16)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(7)} ${'total'.padStart(9)} ${'mean/page'.padStart(12)} ${'median'.padStart(10)} ${'max'.padStart(10)}`; // prettier-ignore
  const lines = [
    `Article extraction, ${pages.length} pages of ${DIR}`,
    ...(process.env.GLOSS_EXTRACT_PAGES ? perPage : []),
    header,
    row('Gloss', summarise(ours.scores), ours),
    row('Readability.js', summarise(theirs.scores), theirs),
  ];
  console.log(lines.join('\n'));
  expect(ours.scores).toHaveLength(pages.length);
});
