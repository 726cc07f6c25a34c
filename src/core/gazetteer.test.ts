// The tests read the real data file from disk; only gazetteer.ts itself must stay pure.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { GazetteerData, Place, PlaceKind } from './gazetteer';
import { Gazetteer, placeDetails, placeKey, placeLabel } from './gazetteer';

const FILE = new URL('../../resources/gazetteer/places.json.gz', import.meta.url);
const gazetteer = Gazetteer.fromData(JSON.parse(gunzipSync(readFileSync(FILE)).toString('utf8')));

const us = { countries: ['US'] };
const where = (p: Place | undefined) => p && `${p.kind} ${p.country} ${p.name}`;

describe('Gazetteer.candidates', () => {
  // [query, context, the best candidate as "kind country name"]
  const best: Array<[string, { countries: string[] } | undefined, string]> = [
    // Countries, by name and by the short forms news writing uses.
    ['France', undefined, 'country FR France'],
    ['Iraq', undefined, 'country IQ Iraq'],
    ['US', undefined, 'country US United States'],
    ['U.S.', undefined, 'country US United States'],
    ['USA', undefined, 'country US United States'],
    ['United States of America', undefined, 'country US United States'],
    ['UK', undefined, 'country GB United Kingdom'],
    ['Britain', undefined, 'country GB United Kingdom'],
    ['Russia', undefined, 'country RU Russia'],
    ['Russian Federation', undefined, 'country RU Russia'],
    ['Syria', undefined, 'country SY Syria'],
    ['Iran', undefined, 'country IR Iran'],
    ['South Korea', undefined, 'country KR South Korea'],
    ['North Korea', undefined, 'country KP North Korea'],
    ['Congo', undefined, 'country CG Congo'],
    ['DRC', undefined, 'country CD Democratic Republic of the Congo'],
    ['Ivory Coast', undefined, 'country CI Ivory Coast'],
    ["Côte d'Ivoire", undefined, 'country CI Ivory Coast'],
    ['Cote d’Ivoire', undefined, 'country CI Ivory Coast'],
    ['Czechia', undefined, 'country CZ Czech Republic'],
    ['Turkey', undefined, 'country TR Turkey'],
    ['Türkiye', undefined, 'country TR Turkey'],
    ['Gaza Strip', undefined, 'country PS Palestine'],
    ['West Bank', undefined, 'country PS Palestine'],
    ['Palestine', undefined, 'country PS Palestine'],
    ['Kosovo', undefined, 'country XK Kosovo'],
    ['the Netherlands', undefined, 'country NL Netherlands'],
    ['Sierra Leone', undefined, 'country SL Sierra Leone'],
    // Cities: the capital, the larger, or the one in the context.
    ['Paris', undefined, 'city FR Paris'],
    // …but a world city or a large capital before a small town of a context country (Paris,
    // Texas is meant as "Paris, Texas": see places.test.ts).
    ['Paris', us, 'city FR Paris'],
    ['Paris', { countries: ['GB', 'US'] }, 'city FR Paris'],
    ['Mosul', undefined, 'city IQ Mosul'],
    ['London', undefined, 'city GB London'],
    ['London', { countries: ['CA'] }, 'city CA London'],
    ['Birmingham', undefined, 'city GB Birmingham'],
    ['Birmingham', us, 'city US Birmingham'],
    ['Abu Dhabi', undefined, 'city AE Abu Dhabi'],
    ['New York City', undefined, 'city US New York City'],
    // Georgia: the country, unless the document is about the United States.
    ['Georgia', undefined, 'country GE Georgia'],
    ['Georgia', us, 'region US Georgia'],
    ['Georgia', { countries: ['GE', 'US'] }, 'country GE Georgia'],
    ['Georgia', { countries: ['RU', 'US'] }, 'region US Georgia'],
    // Regions, with and without a designator.
    ['Nineveh', undefined, 'region IQ Nineveh'],
    ['Nineveh province', undefined, 'region IQ Nineveh'],
    ['Nineveh Governorate', undefined, 'region IQ Nineveh'],
    ['Anbar governorate', undefined, 'region IQ Al Anbar'],
    ['Anbar', undefined, 'region IQ Al Anbar'],
    ['al-Anbar', undefined, 'region IQ Al Anbar'],
    ['Texas', undefined, 'region US Texas'],
    ['Texas state', undefined, 'region US Texas'],
    ['New York', undefined, 'city US New York City'],
    ['New York state', undefined, 'region US New York'],
    ['Kharkiv region', undefined, 'region UA Kharkiv Oblast'],
    ['Kharkiv Oblast', undefined, 'region UA Kharkiv Oblast'],
    ['Kurdistan Region', undefined, 'region IQ Iqlim Kurdistan'],
    ['Île-de-France', undefined, 'region FR Île-de-France'],
    ['Bavaria', undefined, 'region DE Bavaria'],
    // A regional capital before the region of its name; a designator picks the region.
    ['Basra', undefined, 'city IQ Basrah'],
    ['Basra province', undefined, 'region IQ Basra'],
    ['Kirkuk', undefined, 'city IQ Kirkuk'],
    ['Baghdad', undefined, 'city IQ Baghdad'],
    ['Kyiv', undefined, 'city UA Kyiv'],
    ['Kharkiv', undefined, 'city UA Kharkiv'],
    ['Kharkiv city', undefined, 'city UA Kharkiv'],
    // Spellings: diacritics, apostrophes, hyphens, case, older and transliterated forms.
    ['Sao Paulo', undefined, 'city BR São Paulo'],
    ['SÃO PAULO', undefined, 'city BR São Paulo'],
    ['sao-paulo', undefined, 'city BR São Paulo'],
    ['Kiev', undefined, 'city UA Kyiv'],
    ['Odesa', undefined, 'city UA Odesa'],
    ['Odessa', undefined, 'city UA Odesa'],
    ['Astana', undefined, 'city KZ Astana'],
    ['Nur-Sultan', undefined, 'city KZ Astana'],
    ['Raqqa', undefined, 'city SY Ar Raqqah'],
    ['Fallujah', undefined, 'city IQ Al Fallūjah'],
    ['Sulaymaniyah', undefined, 'city IQ As Sulaymānīyah'],
    ['Sanaa', undefined, 'city YE Sanaa'],
    ["Sana'a", undefined, 'city YE Sanaa'],
    ['Ras al-Khaimah', undefined, 'city AE Ras Al Khaimah City'],
    ['Ras Al Khaimah', undefined, 'city AE Ras Al Khaimah City'],
    ['Gaza City', undefined, 'city PS Gaza'],
    ['Khan Younis', undefined, 'city PS Khān Yūnis'],
    ['St Petersburg', undefined, 'city RU Saint Petersburg'],
    ['St. Petersburg', us, 'city US St. Petersburg'],
    ['Zürich', undefined, 'city CH Zürich'],
    ['Zurich', undefined, 'city CH Zürich'],
    ['Mumbai', undefined, 'city IN Mumbai'],
    ['Bombay', undefined, 'city IN Mumbai'],
    ['Washington', undefined, 'city US Washington, D.C.'],
    ['Washington state', undefined, 'region US Washington'],
    // A context country's towns before bigger namesakes elsewhere…
    ['Richmond', undefined, 'city US Richmond'],
    ['Richmond', { countries: ['GB', 'US'] }, 'city GB Richmond'],
    ['Bangor', { countries: ['IE', 'GB', 'US'] }, 'city GB Bangor'],
    ['Georgetown', us, 'city US Georgetown'],
    // …but a country, a world city or a large capital before a small town, whatever the context.
    ['Dublin', { countries: ['GB', 'US', 'IE'] }, 'city IE Dublin'],
    ['Dublin', us, 'city IE Dublin'],
    ['London', us, 'city GB London'],
    ['London', { countries: ['CA'] }, 'city CA London'],
    ['Freetown', us, 'city SL Freetown'],
    ['Jordan', us, 'country JO Jordan'],
    ['Brazil', us, 'country BR Brazil'],
    // Towns of 5,000 people or more, and district seats, under the names news writing uses.
    ['Holyhead', undefined, 'city GB Holyhead'],
    ['Kailahun', undefined, 'city SL Kailahun'],
    ['Tal Afar', undefined, 'city IQ Tall ‘Afar'],
    ['Tel Afar', undefined, 'city IQ Tall ‘Afar'],
    ['Kvareli', undefined, 'city GE Q’vareli'],
    ['Anglesey', undefined, 'region GB Isle of Anglesey'],
    ['Normandy', undefined, 'region FR Normandie'],
    ['Burgundy', undefined, 'region FR Bourgogne-Franche-Comté'],
    ['Chechnya', undefined, 'region RU Chechen'],
    // Physical features and macro-regions: 'other' features, regions of several countries.
    ['Danube', undefined, 'other  Danube'],
    ['the Danube', undefined, 'other  Danube'],
    ['Danube River', undefined, 'other  Danube'],
    ['River Thames', undefined, 'other GB Thames'],
    ['Black Sea', undefined, 'other  Black Sea'],
    ['Lake Malawi', undefined, 'other  Lake Malawi'],
    ['Lake Nyasa', undefined, 'other  Lake Malawi'],
    ['Strait of Hormuz', undefined, 'other  Strait of Hormuz'],
    ['Sahara Desert', undefined, 'other  Sahara'],
    ['Himalayas', undefined, 'other  Himalayas'],
    ['West Africa', undefined, 'region  West Africa'],
    ['Middle East', undefined, 'region  Middle East'],
    ['Donbas', undefined, 'region UA Donbas'],
    ['Darfur', undefined, 'region SD Darfur'],
    // A feature is what its name usually means, before a region or town of that name.
    ['Zambezi', undefined, 'other  Zambezi'],
    ['Zambezi', { countries: ['NA'] }, 'other  Zambezi'],
    ['Sahel', undefined, 'region  Sahel'],
    ['Red Sea', undefined, 'other  Red Sea'],
    ['Red Sea governorate', { countries: ['EG'] }, 'region EG Red Sea'],
    // …and a feature of several countries is in the context when one of them is.
    ['Zambezi', { countries: ['ZM'] }, 'other  Zambezi'],
    // Not bare where the name is a country's, a region's or a first name's.
    ['Niger', undefined, 'country NE Niger'],
    ['Niger River', undefined, 'other  Niger River'],
    ['Limpopo', undefined, 'region ZA Limpopo'],
    ['Limpopo River', undefined, 'other  Limpopo River'],
  ];
  it.each(best)('%s (context %j) → %s first', (name, context, expected) => {
    expect(where(gazetteer.candidates(name, context)[0])).toBe(expected);
  });

  // [query, what must be among the candidates, in this order]
  const among: Array<[string, string[]]> = [
    ['Paris', ['city FR Paris', 'city US Paris']],
    ['Georgia', ['country GE Georgia', 'region US Georgia']],
    ['Congo', ['country CG Congo', 'country CD Democratic Republic of the Congo']],
    ['Basra', ['city IQ Basrah', 'region IQ Basra']],
    ['Punjab', ['region PK Punjab', 'region IN Punjab']],
    ['Gaza', ['country PS Palestine', 'city PS Gaza', 'region PS Gaza']],
    ['Victoria Falls', ['other  Victoria Falls', 'city ZW Victoria Falls']],
    ['Red Sea', ['other  Red Sea', 'region SD Red Sea']],
  ];
  it.each(among)('%s has %j in that order', (name, expected) => {
    const all = gazetteer.candidates(name).map(where);
    const positions = expected.map((e) => all.indexOf(e));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('keeps only places of the designated kind', () => {
    expect(gazetteer.candidates('Nineveh province').every((p) => p.kind === 'region')).toBe(true);
    expect(gazetteer.candidates('Kharkiv city').map((p) => p.kind)).toEqual(['city']);
  });

  // "James City" is the whole name of a Virginian town, not "James"; "Don" is no river.
  it.each(['Zzyzxville', 'Gondor', '', '   ', 'Iraqq', 'the', 'James', 'Don'])(
    'finds nothing called %j',
    (name) => {
      expect(gazetteer.candidates(name)).toEqual([]);
      expect(gazetteer.has(name)).toBe(false);
    },
  );
});

describe('Gazetteer.has', () => {
  it.each([
    'Paris',
    'paris',
    'PARIS',
    'Sao Paulo',
    'São Paulo',
    'Côte d’Ivoire',
    'Ras al-Khaimah',
    'U.S.',
    'Nineveh',
    'Kiev',
  ])('knows %s', (name) => {
    expect(gazetteer.has(name)).toBe(true);
  });
});

describe('Gazetteer.byId', () => {
  const ids: Array<[string, PlaceKind, string, string]> = [
    ['country:FR', 'country', 'France', 'FR'],
    ['region:IQ-NI', 'region', 'Nineveh', 'IQ'],
    ['city:2988507', 'city', 'Paris', 'FR'],
    ['city:99072', 'city', 'Mosul', 'IQ'],
    ['feature:thames', 'other', 'Thames', 'GB'],
    ['feature:danube', 'other', 'Danube', ''],
    ['feature:west-africa', 'region', 'West Africa', ''],
  ];
  it.each(ids)('%s is %s %s', (id, kind, name, country) => {
    const p = gazetteer.byId(id);
    expect(p).toMatchObject({ id, kind, name, country });
  });

  it('gives a city its region, country name, position and population', () => {
    expect(gazetteer.byId('city:99072')).toEqual({
      id: 'city:99072',
      name: 'Mosul',
      kind: 'city',
      country: 'IQ',
      countryName: 'Iraq',
      region: 'Nineveh',
      lat: 36.335,
      lon: 43.1189,
      population: 1739800,
    });
  });

  it('gives a feature of several countries their codes and no country', () => {
    expect(gazetteer.byId('feature:black-sea')).toMatchObject({
      kind: 'other',
      feature: 'sea',
      country: '',
      countryName: '',
      countries: ['TR', 'BG', 'RO', 'UA', 'RU', 'GE'],
    });
    expect(gazetteer.byId('feature:thames')).toMatchObject({
      country: 'GB',
      countryName: 'United Kingdom',
    });
    expect(gazetteer.byId('feature:thames')?.countries).toBeUndefined();
  });

  it('knows nothing of unknown ids', () => {
    expect(gazetteer.byId('city:0')).toBeUndefined();
    expect(gazetteer.byId('Paris')).toBeUndefined();
  });

  it('holds every country, region and city', () => {
    expect(gazetteer.size).toBeGreaterThan(25_000);
    expect(gazetteer.candidates('Iraq')[0]?.id).toBe('country:IQ');
  });
});

describe('placeKey', () => {
  it.each([
    ['São Paulo', 'sao paulo'],
    ['Côte d’Ivoire', 'cote divoire'],
    ["Cote d'Ivoire", 'cote divoire'],
    ['Ras al-Khaimah', 'ras al khaimah'],
    ['U.S.', 'us'],
    ['The Gambia', 'gambia'],
    ['St. Louis', 'saint louis'],
    ['Łódź', 'lodz'],
    ['Straße', 'strasse'],
    ['  Nineveh   Province ', 'nineveh province'],
  ])('%s → %s', (name, key) => {
    expect(placeKey(name)).toBe(key);
  });
});

describe('placeDetails and placeLabel', () => {
  const mosul = gazetteer.byId('city:99072')!;
  it('gives the details stored on a location annotation', () => {
    expect(placeDetails(mosul)).toEqual({
      name: 'Mosul',
      kind: 'city',
      country: 'Iraq',
      lat: 36.335,
      lon: 43.1189,
      placeId: 'city:99072',
    });
  });

  it.each([
    ['city:99072', 'Mosul — city in Nineveh, Iraq (pop. 1.7 M)'],
    ['city:2988507', 'Paris — city in France (pop. 2.1 M)'],
    ['region:IQ-NI', 'Nineveh — region of Iraq'],
    ['country:FR', 'France — country'],
    ['feature:thames', 'Thames — river in United Kingdom'],
    ['feature:black-sea', 'Black Sea — sea across 6 countries'],
    ['feature:mediterranean-sea', 'Mediterranean Sea — sea'],
    ['feature:west-africa', 'West Africa — region across 16 countries'],
    ['feature:donbas', 'Donbas — region of Ukraine'],
  ])('labels %s "%s"', (id, label) => {
    expect(placeLabel(gazetteer.byId(id)!)).toBe(label);
  });

  it('gives a feature the kind "other" and no country when it spans several', () => {
    expect(placeDetails(gazetteer.byId('feature:danube')!)).toEqual({
      name: 'Danube',
      kind: 'other',
      country: '',
      lat: 44.7,
      lon: 22.5,
      placeId: 'feature:danube',
    });
  });

  it('labels a small city in thousands, and one without region by country', () => {
    const label = placeLabel({
      id: 'city:1',
      name: 'Smallton',
      kind: 'city',
      country: 'GB',
      countryName: 'United Kingdom',
      lat: 0,
      lon: 0,
      population: 24_782,
    });
    expect(label).toBe('Smallton — city in United Kingdom (pop. 25 k)');
  });
});

describe('Gazetteer.fromData', () => {
  const tiny: GazetteerData = {
    format: 'gloss-gazetteer',
    version: 1,
    countries: [['IQ', 'Iraq', 33, 44]],
    regions: [['IQ-NI', 'Nineveh', 'IQ', 36.0368, 42.3169]],
    cities: [[99072, 'Mosul', 'IQ', 0, 36.335, 43.1189, 1739800, 1, ['Al Mawsil']]],
  };

  it('builds a gazetteer from well-formed data', () => {
    const g = Gazetteer.fromData(tiny);
    expect(g.size).toBe(3);
    expect(g.candidates('al-Mawsil')[0]?.name).toBe('Mosul');
  });

  it('reads curated features when there are some', () => {
    const g = Gazetteer.fromData({
      ...tiny,
      features: [['tigris', 'Tigris', 'other', 'river', ['IQ'], 34.6, 43.68, ['Dijla']]],
    });
    expect(g.size).toBe(4);
    expect(g.candidates('Dijla')[0]).toMatchObject({ id: 'feature:tigris', country: 'IQ' });
  });

  const garbage: Array<[string, unknown, string]> = [
    ['null', null, 'not an object'],
    ['a list', [], 'not an object'],
    ['a string', 'places', 'not an object'],
    ['another format', { ...tiny, format: 'geojson' }, '"format" is not "gloss-gazetteer"'],
    ['a newer version', { ...tiny, version: 2 }, 'version 2 is not 1'],
    ['no cities', { ...tiny, cities: undefined }, '"cities" is not a list'],
    ['a bad country code', { ...tiny, countries: [['Iraq', 'Iraq', 33, 44]] }, 'countries[0]'],
    [
      'a position off the globe',
      { ...tiny, regions: [['IQ-NI', 'Nineveh', 'IQ', 136, 42]] },
      'regions[0]',
    ],
    [
      'a region index out of range',
      { ...tiny, cities: [[1, 'Mosul', 'IQ', 3, 36, 43, 1, 0]] },
      'cities[0]',
    ],
    [
      'a city in an unknown country',
      { ...tiny, cities: [[1, 'Mosul', 'XX', -1, 36, 43, 1, 0]] },
      'cities[0] names an unknown country "XX"',
    ],
    [
      'alternatives that are not names',
      { ...tiny, countries: [['IQ', 'Iraq', 33, 44, [1]]] },
      'countries[0]',
    ],
    [
      'a feature of an unknown kind',
      { ...tiny, features: [['nile', 'Nile', 'river', 'river', ['EG'], 16, 32.5]] },
      'features[0]',
    ],
    [
      'a feature in an unknown country',
      { ...tiny, features: [['nile', 'Nile', 'other', 'river', ['XX'], 16, 32.5]] },
      'features[0] names an unknown country "XX"',
    ],
  ];
  it.each(garbage)('throws a clear error on %s', (_what, data, problem) => {
    expect(() => Gazetteer.fromData(data)).toThrow(/^Not a Gloss gazetteer: /);
    expect(() => Gazetteer.fromData(data)).toThrow(problem);
  });
});
