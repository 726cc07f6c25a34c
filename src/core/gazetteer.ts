// The offline gazetteer: countries, first-level regions and cities (see
// resources/gazetteer/SOURCES.md), looked up by name the way analysts write them. The data is
// built by scripts/build-gazetteer.mjs; loading it from disk is services/gazetteer-file.ts.

export type PlaceKind = 'country' | 'region' | 'city';

export interface Place {
  id: string; // stable: 'country:FR', 'region:IQ-NI', 'city:2988507' (GeoNames id)
  name: string; // display name, e.g. "Paris", "Nineveh", "Iraq"
  kind: PlaceKind;
  country: string; // ISO 3166-1 alpha-2, e.g. "FR"
  countryName: string; // "France"
  region?: string; // first-level region name of a city, where known
  lat: number;
  lon: number;
  population?: number;
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
/** The gazetteer file's content (gunzipped, parsed): tuples, not objects, to stay small. */
export interface GazetteerData {
  format: 'gloss-gazetteer';
  version: 1;
  attribution?: string;
  countries: CountryRow[];
  regions: RegionRow[];
  cities: CityRow[];
}

const KIND_TIER: Record<PlaceKind, number> = { country: 0, region: 1, city: 2 };
/** Cities this large stand with regions when names tie (Manchester before a Jamaican parish). */
const MAJOR_CITY = 100_000;

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

/**
 * The form names are compared in: no case, diacritics, apostrophes or periods ("Côte d’Ivoire",
 * "U.S."), hyphens and other marks as spaces, no leading "the", "St" as "Saint".
 */
export function placeKey(name: string): string {
  let s = name.toLowerCase();
  // Most names are plain ASCII: skip the Unicode work for them (loading indexes ~35,000 names).
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

interface Entry {
  place: Place;
  /** 2 national capital, 1 regional capital, 0 neither. */
  seat: number;
  /** What ranks equals: population for cities, that of its cities for regions and countries. */
  weight: number;
}

/** An index hit: the entry, and how it was found. */
interface Hit {
  entry: Entry;
  /** 0 by its name, 1 by an alternative name, 2 by a name without its designator. */
  match: number;
}

export class Gazetteer {
  readonly size: number;
  private readonly index = new Map<string, Hit[]>();
  private readonly ids = new Map<string, Entry>();

  private constructor(entries: Entry[], names: Array<readonly string[]>) {
    this.size = entries.length;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      this.ids.set(entry.place.id, entry);
      const own = names[i]!;
      for (let n = 0; n < own.length; n++) {
        const key = placeKey(own[n]!);
        if (!key) continue;
        const hits = this.index.get(key);
        if (!hits) {
          this.index.set(key, [{ entry, match: n > 0 ? 1 : 0 }]);
          continue;
        }
        // A place may reach a key by its name and by an alternative: keep the better.
        const same = hits.find((h) => h.entry === entry);
        if (!same) hits.push({ entry, match: n > 0 ? 1 : 0 });
        else if (n === 0) same.match = 0;
      }
    }
  }

  /** Builds a gazetteer from the parsed data file, after checking its shape. */
  static fromData(data: unknown): Gazetteer {
    const d = checkData(data);
    const countryNames = new Map(d.countries.map((c) => [c[0], c[1]]));
    const countryName = (code: string, where: string) => {
      const name = countryNames.get(code);
      if (name === undefined) fail(`${where} names an unknown country "${code}"`);
      return name;
    };
    const entries: Entry[] = [];
    const names: Array<readonly string[]> = [];
    const weights = new Map<string, number>();
    const add = (code: string, n: number) => weights.set(code, (weights.get(code) ?? 0) + n);
    d.cities.forEach((c) => {
      add(c[2], c[6]);
      if (c[3] >= 0) add(d.regions[c[3]]![0], c[6]);
    });
    d.countries.forEach(([code, name, lat, lon, alts]) => {
      const place: Place = {
        id: `country:${code}`,
        name,
        kind: 'country',
        country: code,
        countryName: name,
        lat,
        lon,
      };
      entries.push({ place, seat: 0, weight: weights.get(code) ?? 0 });
      names.push([name, ...(alts ?? [])]);
    });
    d.regions.forEach(([code, name, country, lat, lon, alts], i) => {
      const place: Place = {
        id: `region:${code}`,
        name,
        kind: 'region',
        country,
        countryName: countryName(country, `regions[${i}]`),
        lat,
        lon,
      };
      entries.push({ place, seat: 0, weight: weights.get(code) ?? 0 });
      names.push([name, ...(alts ?? [])]);
    });
    d.cities.forEach(([id, name, country, region, lat, lon, population, seat, alts], i) => {
      const place: Place = {
        id: `city:${id}`,
        name,
        kind: 'city',
        country,
        countryName: countryName(country, `cities[${i}]`),
        lat,
        lon,
        population,
      };
      if (region >= 0) place.region = d.regions[region]![1];
      entries.push({ place, seat, weight: population });
      names.push([name, ...(alts ?? [])]);
    });
    return new Gazetteer(entries, names);
  }

  /**
   * Every place called `name` — case-, diacritics-, apostrophe- and hyphen-insensitive,
   * alternative names too, and with a trailing designator ("Nineveh province", "Gaza City")
   * keeping only places of that kind — likeliest first for the context.
   */
  candidates(name: string, context?: PlaceContext): Place[] {
    const key = placeKey(name);
    const hits = [...(this.index.get(key) ?? [])];
    const space = key.lastIndexOf(' ');
    const kind = space > 0 ? DESIGNATORS[key.slice(space + 1)] : undefined;
    if (kind) {
      for (const h of this.index.get(key.slice(0, space)) ?? []) {
        if (h.entry.place.kind === kind && !hits.some((x) => x.entry === h.entry))
          hits.push({ entry: h.entry, match: 2 });
      }
    }
    const rank = new Map((context?.countries ?? []).map((c, i) => [c, i]));
    return hits.sort((a, b) => compare(a, b, rank)).map((h) => h.entry.place);
  }

  byId(id: string): Place | undefined {
    return this.ids.get(id)?.place;
  }

  /** True when some place is called this (same normalisation), cheap: used while scanning text. */
  has(name: string): boolean {
    return this.index.has(placeKey(name));
  }
}

/**
 * Likeliest first: a place in a context country (earlier ones stronger); then countries, then
 * regions and major cities (capitals, 100,000 people or more), then other cities; national
 * capitals first; a city before a region of its country with its name when it is that region's
 * capital or a real city (100,000 people); a place five times larger than the other (a region
 * weighs as its cities); by name before by alternative name before by a name without its
 * designator; then the larger place.
 */
function compare(a: Hit, b: Hit, context: ReadonlyMap<string, number>): number {
  const pa = a.entry.place;
  const pb = b.entry.place;
  const ca = context.get(pa.country) ?? Infinity;
  const cb = context.get(pb.country) ?? Infinity;
  if (ca !== cb) return ca < cb ? -1 : 1;
  if (pa.country === pb.country && pa.kind !== 'country' && pb.kind !== 'country') {
    // A city and a region of its country share the name: the city, if it is the region's
    // capital or a real city ("Basra", "Kirkuk", "Birmingham", "New York").
    if (pa.kind === 'city' && pb.kind === 'region' && cityOfRegion(a)) return -1;
    if (pb.kind === 'city' && pa.kind === 'region' && cityOfRegion(b)) return 1;
  }
  const ta = tier(a.entry);
  const tb = tier(b.entry);
  if (ta !== tb) return ta - tb;
  if (a.entry.seat !== b.entry.seat && (a.entry.seat === 2 || b.entry.seat === 2))
    return b.entry.seat - a.entry.seat;
  // Far larger wins over a better-matching name: Odesa (once "Odessa") before Odessa, Texas.
  const wa = a.entry.weight;
  const wb = b.entry.weight;
  if (ta > 0 && Math.min(wa, wb) > 0 && Math.max(wa, wb) >= 5 * Math.min(wa, wb)) return wb - wa;
  if (a.match !== b.match) return a.match - b.match;
  if (a.entry.weight !== b.entry.weight) return b.entry.weight - a.entry.weight;
  return pa.id < pb.id ? -1 : pa.id > pb.id ? 1 : 0;
}

function cityOfRegion(h: Hit): boolean {
  const population = h.entry.place.population ?? 0;
  return h.entry.seat > 0 || population >= 1_000_000 || (h.match === 0 && population >= MAJOR_CITY);
}

function tier(e: Entry): number {
  const { kind, population } = e.place;
  if (kind === 'city' && (e.seat > 0 || (population ?? 0) >= MAJOR_CITY)) return KIND_TIER.region;
  return KIND_TIER[kind];
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
      return `${place.name} — region of ${place.countryName}`;
    case 'city': {
      const where = [place.region, place.countryName].filter(Boolean).join(', ');
      const pop = place.population ? ` (pop. ${formatPopulation(place.population)})` : '';
      return `${place.name} — city in ${where}${pop}`;
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
  return d as unknown as GazetteerData;
}
