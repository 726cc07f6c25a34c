// The offline gazetteer: countries, first-level regions, towns and cities, and a curated list of
// physical features and macro-regions (rivers, seas, deserts, "West Africa"…) (see
// resources/gazetteer/SOURCES.md), looked up by name the way analysts write them. The data is
// built by scripts/build-gazetteer.mjs; loading it from disk is services/gazetteer-file.ts.

/** 'other': a physical feature (river, sea, lake, desert, mountain range…). */
export type PlaceKind = 'country' | 'region' | 'city' | 'other';

export interface Place {
  id: string; // stable: 'country:FR', 'region:IQ-NI', 'city:2988507' (GeoNames id), 'feature:danube'
  name: string; // display name, e.g. "Paris", "Nineveh", "Iraq"
  kind: PlaceKind;
  country: string; // ISO 3166-1 alpha-2, e.g. "FR"; '' for a place spanning several countries
  countryName: string; // "France"; '' for a place spanning several countries
  region?: string; // first-level region name of a city, where known
  lat: number;
  lon: number;
  population?: number;
  /** What a curated feature or macro-region is: "river", "sea", "desert", "region"… */
  feature?: string;
  /** The countries a feature or macro-region spans (ISO2), when more than one. */
  countries?: string[];
}

/** What a document is about: ISO2 codes of the countries it names (directly or through its places), most mentioned first. */
export interface PlaceContext {
  countries: readonly string[];
}

type Alternatives = string[];
/** [ISO2 code, name, lat, lon, alternative names?] */
export type CountryRow = [
  code: string,
  name: string,
  lat: number,
  lon: number,
  alts?: Alternatives,
];
/** [country code-region code, name, ISO2 country code, lat, lon, alternative names?] */
export type RegionRow = [
  code: string,
  name: string,
  country: string,
  lat: number,
  lon: number,
  alts?: Alternatives,
];
/**
 * [GeoNames id, name, ISO2 country code, index into `regions` or -1, lat, lon, population,
 * seat (2 national capital, 1 regional capital, 0 neither), alternative names?]
 */
export type CityRow = [
  id: number,
  name: string,
  country: string,
  region: number,
  lat: number,
  lon: number,
  population: number,
  seat: 0 | 1 | 2,
  alts?: Alternatives,
];
/**
 * [slug, name, kind, what it is ("river", "sea", "region"…), ISO2 codes of the countries it
 * spans (may be empty: seas, oceans), lat, lon, alternative names?]
 */
export type FeatureRow = [
  slug: string,
  name: string,
  kind: 'region' | 'other',
  feature: string,
  countries: string[],
  lat: number,
  lon: number,
  alts?: Alternatives,
];
/** The gazetteer file's content (gunzipped, parsed): tuples, not objects, to stay small. */
export interface GazetteerData {
  format: 'gloss-gazetteer';
  version: 1;
  attribution?: string;
  countries: CountryRow[];
  regions: RegionRow[];
  cities: CityRow[];
  /** Curated physical features and macro-regions; optional (older files have none). */
  features?: FeatureRow[];
}

const KIND_TIER: Record<PlaceKind, number> = { country: 0, region: 1, city: 2, other: 1 };
/** Cities this large stand with regions when names tie (Manchester before a Jamaican parish). */
const MAJOR_CITY = 100_000;
/** Cities this large are what a bare name means, before a small town of any context ("London"). */
const WORLD_CITY = 1_000_000;
/** What a curated feature weighs against places of its name and tier: more than any. */
const FEATURE_WEIGHT = 1e15;
/** …and national capitals this large ("Freetown", not Freetown, Massachusetts; not Georgetown). */
const LARGE_CAPITAL = 500_000;

/** Trailing words that say what kind of place a name is: "Nineveh province", "Kuwait City". */
const DESIGNATORS: Record<string, PlaceKind> = {
  province: 'region',
  governorate: 'region',
  region: 'region',
  state: 'region',
  district: 'region',
  oblast: 'region',
  county: 'region',
  prefecture: 'region',
  department: 'region',
  territory: 'region',
  city: 'city',
};

const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};
const ABBREVIATED: Record<string, string | undefined> = {
  st: 'saint',
  ste: 'sainte',
  mt: 'mount',
  ft: 'fort',
};
const NON_ASCII = /[^ -~]/; // outside printable ASCII
const MARKS = /\p{M}/gu;
const SPECIAL_LETTERS = /[ßæœøłđðþıħ]/g;
const DROPPED = /['’‘ʼ`´.]/g;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
/** Already a key: lower-case ASCII words, one space apart, no "the", no abbreviation. */
const PLAIN = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
const NEEDS_WORK = /(?:^| )(?:the|st|ste|mt|ft)(?: |$)/;

/**
 * The form names are compared in: no case, diacritics, apostrophes or periods ("Côte d’Ivoire",
 * "U.S."), hyphens and other marks as spaces, no leading "the", "St" as "Saint".
 */
export function placeKey(name: string): string {
  let s = name.toLowerCase();
  // Most names are plain: skip the work for them (loading indexes some 80,000 names).
  if (PLAIN.test(s) && !NEEDS_WORK.test(s)) return s;
  if (NON_ASCII.test(s))
    s = s
      .normalize('NFD')
      .replace(MARKS, '')
      .replace(SPECIAL_LETTERS, (c) => LETTERS[c] ?? c);
  const words = s.replace(DROPPED, '').replace(SEPARATORS, ' ').trim().split(' ');
  if (words[0] === 'the' && words.length > 1) words.shift();
  for (let i = 0; i < words.length; i++) {
    const full = ABBREVIATED[words[i]!];
    if (full) words[i] = full;
  }
  return words.join(' ');
}

// Entries are numbered; what ranking needs is kept in flat arrays, and a Place object is made
// only when asked for (loading makes none: a gazetteer holds some 60,000 places).

/** An index hit: entry number × 4 + how it was found (0 by its name, 1 by an alternative name, 2 by a name without its designator). */
type Hit = number;
const hitEntry = (h: Hit) => h >>> 2;
const hitMatch = (h: Hit) => h & 3;

export class Gazetteer {
  readonly size: number;
  private readonly index = new Map<string, Hit | Hit[]>();
  private ids: Map<string, number> | undefined;
  private readonly places: Array<Place | undefined>;
  private readonly kinds: PlaceKind[];
  /** 2 national capital, 1 regional capital, 0 neither. */
  private readonly seats: Uint8Array;
  /** What ranks equals: population for cities, that of its cities for regions and countries. */
  private readonly weights: Float64Array;
  private readonly population: Float64Array;
  /** Each entry's country code, or for a place spanning several, their codes. */
  private readonly countryOf: Array<string | readonly string[]>;

  private constructor(
    private readonly d: GazetteerData,
    private readonly countryNames: ReadonlyMap<string, string>,
  ) {
    const features = d.features ?? [];
    const n = d.countries.length + d.regions.length + d.cities.length + features.length;
    this.size = n;
    this.places = new Array<Place | undefined>(n);
    this.kinds = new Array<PlaceKind>(n);
    this.seats = new Uint8Array(n);
    this.weights = new Float64Array(n);
    this.population = new Float64Array(n);
    this.countryOf = new Array<string | readonly string[]>(n);
    // Regions and countries weigh as their cities (indexed loops: this runs for every place).
    const { countries, regions, cities } = d;
    const countryWeight = new Map<string, number>();
    const regionWeight = new Float64Array(regions.length);
    for (let c = 0; c < cities.length; c++) {
      const row = cities[c]!;
      countryWeight.set(row[2], (countryWeight.get(row[2]) ?? 0) + row[6]);
      if (row[3] >= 0) regionWeight[row[3]] += row[6];
    }
    let i = 0;
    for (let k = 0; k < countries.length; k++, i++) {
      const row = countries[k]!;
      this.kinds[i] = 'country';
      this.countryOf[i] = row[0];
      this.weights[i] = countryWeight.get(row[0]) ?? 0;
      this.names(i, row[1], row[4]);
    }
    for (let k = 0; k < regions.length; k++, i++) {
      const row = regions[k]!;
      this.kinds[i] = 'region';
      this.countryOf[i] = row[2];
      this.weights[i] = regionWeight[k]!;
      this.names(i, row[1], row[5]);
    }
    for (let k = 0; k < cities.length; k++, i++) {
      const row = cities[k]!;
      this.kinds[i] = 'city';
      this.countryOf[i] = row[2];
      this.seats[i] = row[7];
      this.weights[i] = row[6];
      this.population[i] = row[6];
      this.names(i, row[1], row[8]);
    }
    for (let k = 0; k < features.length; k++, i++) {
      const row = features[k]!;
      this.kinds[i] = row[2];
      this.countryOf[i] = row[4].length === 1 ? row[4][0]! : row[4];
      // A curated feature is what its name usually means: "Zambezi" the river, not Namibia's
      // Zambezi region; "Sahel" the belt, not Burkina Faso's Sahel region.
      this.weights[i] = FEATURE_WEIGHT;
      this.names(i, row[1], row[7]);
    }
  }

  /** Indexes entry i under its name and alternative names. */
  private names(i: number, name: string, alts: readonly string[] | undefined): void {
    this.indexName(placeKey(name), i * 4);
    if (alts) for (const a of alts) this.indexName(placeKey(a), i * 4 + 1);
  }

  private indexName(key: string, hit: Hit): void {
    if (!key) return;
    const hits = this.index.get(key);
    if (hits === undefined) {
      this.index.set(key, hit);
      return;
    }
    // A place may reach a key by its name and by an alternative: keep the better.
    const list = typeof hits === 'number' ? [hits] : hits;
    const same = list.findIndex((h) => hitEntry(h) === hitEntry(hit));
    if (same < 0) list.push(hit);
    else if (hitMatch(hit) < hitMatch(list[same]!)) list[same] = hit;
    if (typeof hits === 'number') this.index.set(key, list);
  }

  /** Builds a gazetteer from the parsed data file, after checking its shape. */
  static fromData(data: unknown): Gazetteer {
    const d = checkData(data);
    const countryNames = new Map(d.countries.map((c) => [c[0], c[1]]));
    const known = (code: string, where: string) => {
      if (!countryNames.has(code)) fail(`${where} names an unknown country "${code}"`);
    };
    d.regions.forEach((r, i) => known(r[2], `regions[${i}]`));
    d.cities.forEach((c, i) => known(c[2], `cities[${i}]`));
    d.features?.forEach((f, i) => f[4].forEach((c) => known(c, `features[${i}]`)));
    return new Gazetteer(d, countryNames);
  }

  /** The place of entry i (made on first use). */
  private place(i: number): Place {
    const made = this.places[i];
    if (made) return made;
    const d = this.d;
    const countryName = (code: string) => this.countryNames.get(code) ?? '';
    let place: Place;
    let j = i;
    if (j < d.countries.length) {
      const [code, name, lat, lon] = d.countries[j]!;
      place = {
        id: `country:${code}`,
        name,
        kind: 'country',
        country: code,
        countryName: name,
        lat,
        lon,
      };
    } else if ((j -= d.countries.length) < d.regions.length) {
      const [code, name, country, lat, lon] = d.regions[j]!;
      place = {
        id: `region:${code}`,
        name,
        kind: 'region',
        country,
        countryName: countryName(country),
        lat,
        lon,
      };
    } else if ((j -= d.regions.length) < d.cities.length) {
      const [id, name, country, region, lat, lon, population] = d.cities[j]!;
      place = {
        id: `city:${id}`,
        name,
        kind: 'city',
        country,
        countryName: countryName(country),
        lat,
        lon,
        population,
      };
      if (region >= 0) place.region = d.regions[region]![1];
    } else {
      const [slug, name, kind, feature, countries, lat, lon] = d.features![j - d.cities.length]!;
      const one = countries.length === 1 ? countries[0]! : '';
      place = {
        id: `feature:${slug}`,
        name,
        kind,
        country: one,
        countryName: countryName(one),
        lat,
        lon,
        feature,
      };
      if (countries.length > 1) place.countries = [...countries];
    }
    this.places[i] = place;
    return place;
  }

  /**
   * Every place called `name` — case-, diacritics-, apostrophe- and hyphen-insensitive,
   * alternative names too, and with a trailing designator ("Nineveh province", "Gaza City")
   * keeping only places of that kind — likeliest first for the context.
   */
  candidates(name: string, context?: PlaceContext): Place[] {
    const key = placeKey(name);
    const found = this.index.get(key);
    const hits: Hit[] = found === undefined ? [] : typeof found === 'number' ? [found] : [...found];
    const space = key.lastIndexOf(' ');
    const kind = space > 0 ? DESIGNATORS[key.slice(space + 1)] : undefined;
    if (kind) {
      const bare = this.index.get(key.slice(0, space));
      for (const h of bare === undefined ? [] : typeof bare === 'number' ? [bare] : bare) {
        const e = hitEntry(h);
        if (this.kinds[e] === kind && !hits.some((x) => hitEntry(x) === e)) hits.push(e * 4 + 2);
      }
    }
    const rank = new Map((context?.countries ?? []).map((c, i) => [c, i]));
    return hits.sort((a, b) => this.compare(a, b, rank)).map((h) => this.place(hitEntry(h)));
  }

  byId(id: string): Place | undefined {
    if (!this.ids) {
      const ids = new Map<string, number>();
      let i = 0;
      for (const c of this.d.countries) ids.set(`country:${c[0]}`, i++);
      for (const r of this.d.regions) ids.set(`region:${r[0]}`, i++);
      for (const c of this.d.cities) ids.set(`city:${c[0]}`, i++);
      for (const f of this.d.features ?? []) ids.set(`feature:${f[0]}`, i++);
      this.ids = ids;
    }
    const i = this.ids.get(id);
    return i === undefined ? undefined : this.place(i);
  }

  /** True when some place is called this (same normalisation), cheap: used while scanning text. */
  has(name: string): boolean {
    return this.index.has(placeKey(name));
  }

  /** Where entry e's country stands in the context (the best of its countries), Infinity if not there. */
  private contextRank(e: number, context: ReadonlyMap<string, number>): number {
    const c = this.countryOf[e]!;
    if (typeof c === 'string') return context.get(c) ?? Infinity;
    let best = Infinity;
    for (const code of c) best = Math.min(best, context.get(code) ?? Infinity);
    return best;
  }

  private tier(e: number): number {
    const kind = this.kinds[e]!;
    if (kind === 'city' && (this.seats[e]! > 0 || this.population[e]! >= MAJOR_CITY))
      return KIND_TIER.region;
    return KIND_TIER[kind];
  }

  /** A country, a world city or a large capital: what the bare name means before any small town. */
  private prominent(e: number): boolean {
    const population = this.population[e]!;
    return (
      this.kinds[e] === 'country' ||
      population >= WORLD_CITY ||
      (this.seats[e] === 2 && population >= LARGE_CAPITAL)
    );
  }

  /** A town that is neither a seat nor a major city. */
  private small(e: number): boolean {
    return this.kinds[e] === 'city' && this.tier(e) === KIND_TIER.city;
  }

  /**
   * Likeliest first: a country, a world city (a million people) or a large capital before a
   * small town of its name, whatever the context ("Jordan", "Dublin", "London", "Freetown" —
   * not Jordan, Minnesota or London, Ohio); then a place in a context country (earlier ones stronger; a place spanning
   * several countries by the best of them); then countries, then regions, features and major
   * cities (capitals, 100,000 people or more), then other towns; national capitals first; a
   * city before a region of its country with its name when it is that region's capital or a
   * real city (100,000 people); a place five times larger than the other (a region weighs as
   * its cities); by name before by alternative name before by a name without its designator;
   * then the larger place.
   */
  private compare(a: Hit, b: Hit, context: ReadonlyMap<string, number>): number {
    const ea = hitEntry(a);
    const eb = hitEntry(b);
    if (this.prominent(ea) && this.small(eb)) return -1;
    if (this.prominent(eb) && this.small(ea)) return 1;
    const ca = this.contextRank(ea, context);
    const cb = this.contextRank(eb, context);
    if (ca !== cb) return ca < cb ? -1 : 1;
    const ka = this.kinds[ea]!;
    const kb = this.kinds[eb]!;
    if (this.countryOf[ea] === this.countryOf[eb] && ka !== 'country' && kb !== 'country') {
      // A city and a region of its country share the name: the city, if it is the region's
      // capital or a real city ("Basra", "Kirkuk", "Birmingham", "New York").
      if (ka === 'city' && kb === 'region' && this.cityOfRegion(a)) return -1;
      if (kb === 'city' && ka === 'region' && this.cityOfRegion(b)) return 1;
    }
    const ta = this.tier(ea);
    const tb = this.tier(eb);
    if (ta !== tb) return ta - tb;
    const sa = this.seats[ea]!;
    const sb = this.seats[eb]!;
    if (sa !== sb && (sa === 2 || sb === 2)) return sb - sa;
    // Far larger wins over a better-matching name: Odesa (once "Odessa") before Odessa, Texas.
    const wa = this.weights[ea]!;
    const wb = this.weights[eb]!;
    if (ta > 0 && Math.min(wa, wb) > 0 && Math.max(wa, wb) >= 5 * Math.min(wa, wb)) return wb - wa;
    if (hitMatch(a) !== hitMatch(b)) return hitMatch(a) - hitMatch(b);
    if (wa !== wb) return wb - wa;
    return ea - eb;
  }

  private cityOfRegion(h: Hit): boolean {
    const e = hitEntry(h);
    const population = this.population[e]!;
    return (
      this.seats[e]! > 0 ||
      population >= 1_000_000 ||
      (hitMatch(h) === 0 && population >= MAJOR_CITY)
    );
  }
}

/** The location details of a place, as stored on an annotation: name, kind, country (the country's name), lat, lon, placeId. */
export function placeDetails(place: Place): {
  name: string;
  kind: PlaceKind;
  country: string;
  lat: number;
  lon: number;
  placeId: string;
} {
  return {
    name: place.name,
    kind: place.kind,
    country: place.countryName,
    lat: place.lat,
    lon: place.lon,
    placeId: place.id,
  };
}

/** One line to tell candidates apart in a picker: "Paris — city in Île-de-France, France (pop. 2.1 M)". */
export function placeLabel(place: Place): string {
  switch (place.kind) {
    case 'country':
      return `${place.name} — country`;
    case 'region':
      if (place.countries)
        return `${place.name} — region across ${place.countries.length} countries`;
      return `${place.name} — region of ${place.countryName}`;
    case 'city': {
      const where = [place.region, place.countryName].filter(Boolean).join(', ');
      const pop = place.population ? ` (pop. ${formatPopulation(place.population)})` : '';
      return `${place.name} — city in ${where}${pop}`;
    }
    case 'other': {
      const what = place.feature ?? 'place';
      if (place.countries)
        return `${place.name} — ${what} across ${place.countries.length} countries`;
      return place.countryName
        ? `${place.name} — ${what} in ${place.countryName}`
        : `${place.name} — ${what}`;
    }
  }
}

function formatPopulation(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} M`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} k`;
  return String(n);
}

// Shape checks ---------------------------------------------------------------------------------

function fail(problem: string): never {
  throw new Error(`Not a Gloss gazetteer: ${problem}.`);
}

const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isAlts = (v: unknown) => v === undefined || (Array.isArray(v) && v.every(isStr));
const onGlobe = (lat: unknown, lon: unknown) =>
  isNum(lat) && isNum(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

function checkData(data: unknown): GazetteerData {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('not an object');
  const d = data as Record<string, unknown>;
  if (d['format'] !== 'gloss-gazetteer') fail('its "format" is not "gloss-gazetteer"');
  if (d['version'] !== 1) fail(`version ${JSON.stringify(d['version'])} is not 1`);
  const rows = (name: string, check: (row: unknown[]) => boolean, shape: string) => {
    const list = d[name];
    if (!Array.isArray(list)) fail(`"${name}" is not a list`);
    list.forEach((row: unknown, i) => {
      if (!Array.isArray(row) || !check(row)) fail(`${name}[${i}] is not ${shape}`);
    });
    return list;
  };
  rows(
    'countries',
    (r) =>
      r.length <= 5 &&
      isStr(r[0]) &&
      /^[A-Z]{2}$/.test(r[0]) &&
      isStr(r[1]) &&
      onGlobe(r[2], r[3]) &&
      isAlts(r[4]),
    '[code, name, lat, lon, alternatives?]',
  );
  rows(
    'regions',
    (r) =>
      r.length <= 6 &&
      isStr(r[0]) &&
      isStr(r[1]) &&
      isStr(r[2]) &&
      onGlobe(r[3], r[4]) &&
      isAlts(r[5]),
    '[code, name, country, lat, lon, alternatives?]',
  );
  const regions = (d['regions'] as unknown[]).length;
  rows(
    'cities',
    (r) =>
      r.length <= 9 &&
      isNum(r[0]) &&
      isStr(r[1]) &&
      isStr(r[2]) &&
      Number.isInteger(r[3]) &&
      (r[3] as number) >= -1 &&
      (r[3] as number) < regions &&
      onGlobe(r[4], r[5]) &&
      isNum(r[6]) &&
      (r[7] === 0 || r[7] === 1 || r[7] === 2) &&
      isAlts(r[8]),
    '[id, name, country, region, lat, lon, population, seat, alternatives?]',
  );
  if (d['features'] !== undefined)
    rows(
      'features',
      (r) =>
        r.length <= 8 &&
        isStr(r[0]) &&
        isStr(r[1]) &&
        (r[2] === 'region' || r[2] === 'other') &&
        isStr(r[3]) &&
        Array.isArray(r[4]) &&
        r[4].every((c) => isStr(c) && /^[A-Z]{2}$/.test(c)) &&
        onGlobe(r[5], r[6]) &&
        isAlts(r[7]),
      '[slug, name, kind, feature, countries, lat, lon, alternatives?]',
    );
  return d as unknown as GazetteerData;
}
