import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { createTextAnalysis } from '../src/core/text-analysis';
import { loadGazetteer } from '../src/services/gazetteer-file';

// Prints how long Suggest takes on a ~200 KB article: everything the analysis worker does for
// one request (figures, quotes with speakers, places with their details), median of 7 runs.
// Each run's text differs slightly so nothing is answered from a cache. Asserts nothing.
//
// Run: npm run bench:suggest

const SET = join(__dirname, 'suggestion-set');
const TARGET_CHARS = 200_000;

it('Suggest on a 200 KB article', async () => {
  const articles = readdirSync(SET)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(SET, f), 'utf8'));
  let base = '';
  while (base.length < TARGET_CHARS) base += articles.join('\n\n') + '\n\n';
  base = base.slice(0, TARGET_CHARS);

  const t0 = performance.now();
  const analysis = createTextAnalysis(
    await loadGazetteer(join(__dirname, '../resources/gazetteer/places.json.gz')),
  );
  const loadMs = performance.now() - t0;

  const times: number[] = [];
  let found = 0;
  for (let run = 0; run < 7; run++) {
    const text = `Run ${run}.\n\n${base}`;
    const start = performance.now();
    found = analysis.suggest(text, [], []).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[3]!;
  console.log(
    [
      `Suggest on ${(TARGET_CHARS / 1000).toFixed(0)} KB (${found} suggestions):`,
      `  median ${median.toFixed(0)} ms, fastest ${times[0]!.toFixed(0)} ms, slowest ${times[6]!.toFixed(0)} ms (target < 1000 ms)`,
      `  gazetteer load, once per worker: ${loadMs.toFixed(0)} ms`,
    ].join('\n'),
  );
});
