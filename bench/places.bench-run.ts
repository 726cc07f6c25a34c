import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { Gazetteer } from '../src/core/gazetteer';
import { documentContext, findPeopleAndOrganisations, findPlaces } from '../src/core/places';

// Prints the place and name detection benchmark: the gazetteer's load time (read, gunzip,
// JSON.parse, fromData) and the time findPlaces + documentContext + findPeopleAndOrganisations
// take on a ~200 KB article. Asserts nothing about speed; targets are printed alongside.
//
// Run: npx vitest run --config vitest.bench.config.ts bench/places.bench-run.ts

const RUNS = 7;
const DOC_CHARS = 200_000;
const FILE = new URL('../resources/gazetteer/places.json.gz', import.meta.url);

const PARAGRAPHS = [
  'Fighting continued in Mosul, the capital of Nineveh province, on Tuesday as Iraqi forces pushed into the old city. Iraq’s Ministry of Defence said 40 militants had been killed near the Tigris, a figure the Islamic State group disputed.',
  '“We will rebuild every bridge,” Governor Najm al-Jubouri told reporters in Erbil. Jubouri said aid from the United Nations (UN) and the World Food Programme would reach Anbar governorate and Salahuddin within weeks.',
  'In Kyiv, President Volodymyr Zelensky met the British prime minister. Zelensky said Russia had moved troops towards Kharkiv and the Donetsk region, while officials in Moscow and Washington declined to comment.',
  'The summit in Abu Dhabi brought delegations from Saudi Arabia, Qatar, Egypt and Jordan. Jordan Hale, a spokesman for the Gulf Cooperation Council, said talks with Iran would resume in Muscat next month.',
  'Florence Nightingale Hospital in London admitted 12 patients after the fire, according to the National Health Service. Mr Hale, who visited Birmingham and Manchester on Monday, declined to give figures.',
  'Farmers in São Paulo state and Minas Gerais said the drought had cut coffee output by a third. Brazil’s agriculture minister, Carlos Fávaro, told Reuters the government in Brasília would release emergency credit.',
  'Police said the attack in Nice was planned for months. Reading the report, analysts in Paris noted that the suspect had travelled through Belgium, the Netherlands and Germany before crossing into France at Strasbourg.',
  'The Sierra Leone health ministry reported 300 new cases in Freetown and Bo. Dr Aminata Koroma, who leads the response, said the outbreak had spread to Guinea and Liberia and that Ivory Coast had closed its border.',
  'Heavy rain flooded parts of Karachi, Lahore and the Punjab on Sunday. Pakistan’s National Disaster Management Authority said 47 people had died, and the army was deployed to Sindh and Balochistan.',
  'Shares of Toyota Motor Corporation fell 3 per cent in Tokyo after the company cut its forecast. Analysts at Nomura Securities in Osaka said demand in China and the United States had weakened.',
  'The rebels seized Goma, the capital of North Kivu province in the Democratic Republic of Congo, on Monday. The M23 group said it would march on Bukavu; Rwanda denied backing the offensive, and the African Union called for talks in Addis Ababa.',
  'Aid convoys reached Khan Younis and Rafah in the Gaza Strip after talks in Cairo. The World Health Organization warned that hospitals in Gaza City and the West Bank were short of fuel, and Israel said it would reopen the Kerem Shalom crossing.',
];

function buildArticle(): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < DOC_CHARS; i++) {
    const p = PARAGRAPHS[i % PARAGRAPHS.length]!;
    out.push(p);
    length += p.length + 2;
  }
  return out.join('\n\n');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

it('finds places, people and organisations in a 200 KB article', () => {
  // Wall time, and this process's CPU time (user + system), which a busy machine inflates less.
  const loads: number[] = [];
  const loadsCpu: number[] = [];
  let gazetteer: Gazetteer | undefined;
  for (let run = 0; run < 5; run++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const data: unknown = JSON.parse(gunzipSync(readFileSync(FILE)).toString('utf8'));
    gazetteer = Gazetteer.fromData(data);
    loads.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    loadsCpu.push((c.user + c.system) / 1000);
  }
  const g = gazetteer!;

  const article = buildArticle();
  // Each run gets its own text (the functions share one analysis per text, as Suggest does).
  const text = (run: number) => `Report ${run}.\n\n${article}`;
  findPlaces(text(-1), g); // warm-up, untimed
  const all: number[] = [];
  const allCpu: number[] = [];
  const places: number[] = [];
  const people: number[] = [];
  let counts = { places: 0, context: '', names: 0 };
  for (let run = 0; run < RUNS; run++) {
    const t = text(run);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const found = findPlaces(t, g);
    const context = documentContext(t, g);
    const names = findPeopleAndOrganisations(t, g);
    all.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    allCpu.push((c.user + c.system) / 1000);
    counts = { places: found.length, context: context.countries.join(' '), names: names.length };
    const t1 = performance.now();
    findPeopleAndOrganisations(`${t} `); // alone, without the gazetteer
    people.push(performance.now() - t1);
    const t2 = performance.now();
    findPlaces(`${t}  `, g);
    places.push(performance.now() - t2);
  }

  console.log(
    [
      '',
      'places benchmark',
      `  gazetteer       ${g.size} places; load (read + gunzip + JSON.parse + fromData) median ${median(loads).toFixed(0)} ms of ${loads.length} (first ${loads[0]!.toFixed(0)} ms; CPU median ${median(loadsCpu).toFixed(0)} ms)   target < 700 ms`,
      `  article         ${(article.length / 1000).toFixed(0)} K chars: ${counts.places} place mentions, ${counts.names} people and organisations, context ${counts.context}`,
      `  all three       median ${median(all).toFixed(0)} ms of ${RUNS} runs (min ${Math.min(...all).toFixed(0)}, max ${Math.max(...all).toFixed(0)}; CPU median ${median(allCpu).toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)})   target < 500 ms`,
      `  findPlaces      alone, median ${median(places).toFixed(0)} ms`,
      `  people alone    (no gazetteer) median ${median(people).toFixed(0)} ms`,
    ].join('\n'),
  );
  expect(counts.places).toBeGreaterThan(0);
}, 300_000);
