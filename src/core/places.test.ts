// The tests read the real gazetteer from disk; only places.ts itself must stay pure.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Place } from './gazetteer';
import { Gazetteer } from './gazetteer';
import { documentContext, findPeopleAndOrganisations, findPlaces } from './places';

const FILE = new URL('../../resources/gazetteer/places.json.gz', import.meta.url);
const gazetteer = Gazetteer.fromData(JSON.parse(gunzipSync(readFileSync(FILE)).toString('utf8')));

const where = (p: Place) => `${p.kind} ${p.country} ${p.name}`;
/** Each place found as [its text, its best candidate as "kind country name"]. */
const found = (text: string) =>
  findPlaces(text, gazetteer).map((m) => [text.slice(m.start, m.end), where(m.candidates[0]!)]);

const MOSUL = 'city IQ Mosul';
const IRAQ = 'country IQ Iraq';

describe('findPlaces', () => {
  const cases: Array<[string, string, string[][]]> = [
    // Plain mentions, possessives with either apostrophe, several words.
    ['a city', 'Fighting continued in Mosul on Tuesday.', [['Mosul', MOSUL]]],
    ['a country', 'Aid reached Iraq.', [['Iraq', IRAQ]]],
    ['a curly possessive', 'Iraq’s army advanced.', [['Iraq', IRAQ]]],
    ['a straight possessive', "Iraq's army advanced.", [['Iraq', IRAQ]]],
    ['a possessive city', 'Mosul’s old city was shelled.', [['Mosul', MOSUL]]],
    ['New York', 'She moved to New York last year.', [['New York', 'city US New York City']]],
    [
      'Sierra Leone',
      'Sierra Leone reported new cases.',
      [['Sierra Leone', 'country SL Sierra Leone']],
    ],
    ['Abu Dhabi', 'The summit in Abu Dhabi ended.', [['Abu Dhabi', 'city AE Abu Dhabi']]],
    [
      'Ras al-Khaimah',
      'Ships docked at Ras al-Khaimah overnight.',
      [['Ras al-Khaimah', 'city AE Ras Al Khaimah City']],
    ],
    [
      'hyphenated names',
      'Guinea-Bissau and Côte d’Ivoire voted.',
      [
        ['Guinea-Bissau', 'country GW Guinea-Bissau'],
        ['Côte d’Ivoire', 'country CI Ivory Coast'],
      ],
    ],
    [
      'a name with "and"',
      'Bosnia and Herzegovina joined.',
      [['Bosnia and Herzegovina', 'country BA Bosnia and Herzegovina']],
    ],
    [
      'two countries joined by a hyphen',
      'the Iraq-Syria border',
      [
        ['Iraq', IRAQ],
        ['Syria', 'country SY Syria'],
      ],
    ],
    [
      'a list',
      'Belgium, the Netherlands and Germany',
      [
        ['Belgium', 'country BE Belgium'],
        ['Netherlands', 'country NL Netherlands'],
        ['Germany', 'country DE Germany'],
      ],
    ],
    // Designators join the span when they name a region or a city.
    [
      'a province',
      'Fighting spread across Nineveh province.',
      [['Nineveh province', 'region IQ Nineveh']],
    ],
    [
      'a governorate',
      'Calm returned to the Anbar governorate.',
      [['Anbar governorate', 'region IQ Al Anbar']],
    ],
    [
      'a capitalised designator',
      'Troops left Nineveh Province.',
      [['Nineveh Province', 'region IQ Nineveh']],
    ],
    ['a state', 'Farmers in São Paulo state', [['São Paulo state', 'region BR São Paulo']]],
    [
      'a region',
      'shelling in the Donetsk region',
      [['Donetsk region', 'region UA Donetsk Oblast']],
    ],
    ['Gaza City', 'Hospitals in Gaza City were full.', [['Gaza City', 'city PS Gaza']]],
    ['not "state media"', 'Iraq state media said so.', [['Iraq', IRAQ]]],
    // Sentence starts and headings.
    ['a place opening a sentence', 'Basra is the main port.', [['Basra', 'city IQ Basrah']]],
    ['a place opening the text', 'Mosul fell in 2014.', [['Mosul', MOSUL]]],
    ['a title-case heading', 'Man Arrested In Reading', [['Reading', 'city GB Reading']]],
    ['diacritics left out', 'Flights to Sao Paulo resumed.', [['Sao Paulo', 'city BR São Paulo']]],
    [
      'older spellings',
      'Shelling hit Kiev and Odessa.',
      [
        ['Kiev', 'city UA Kyiv'],
        ['Odessa', 'city UA Odesa'],
      ],
    ],
    [
      'abbreviations',
      'The US and the UK agreed.',
      [
        ['US', 'country US United States'],
        ['UK', 'country GB United Kingdom'],
      ],
    ],
    ['dotted abbreviations', 'a U.S.-led coalition', [['U.S.', 'country US United States']]],
    // Words that are places only by accident.
    ['"Police"', 'Police said the road was closed.', []],
    ['"Nice" as a word', 'Nice weather returned.', []],
    ['"Nice" the city', 'The attack in Nice was planned.', [['Nice', 'city FR Nice']]],
    ['"Reading" as a word', 'Reading the report, analysts frowned.', []],
    ['"Reading" the town', 'He grew up in Reading.', [['Reading', 'city GB Reading']]],
    ['"Mobile" as a word', 'The Mobile app crashed.', []],
    ['"Of"', 'Of course it was.', []],
    ['"Us"', 'Us and them.', []],
    ['months', 'In March and in May the talks stalled.', []],
    ['weekdays', 'On Sunday the talks stalled.', []],
    // People whose names are places.
    ['a first name and surname', 'Jordan Hale said the talks would resume.', []],
    ['a first name speaking', '"We are ready," Victoria said.', []],
    ['a person speaking', 'Victoria said she would go.', []],
    ['a title', 'President Victoria Hale arrived.', []],
    ['"Mr"', 'Mr Jordan declined to comment.', []],
    ['a place as a first name', 'Georgia Smith, a nurse, spoke.', []],
    ['Florence Nightingale', 'Florence Nightingale was a nurse.', []],
    ['Paris Hilton', 'Paris Hilton visited the hotel.', []],
    ['Hillary Clinton', 'Hillary Clinton spoke at length.', []],
    [
      'a surname named in full before',
      'Jordan Hale spoke first. Later, Jordan Hale and Hale’s aides left.',
      [],
    ],
    [
      'Jordan the country beside Jordan the person',
      'Jordan Hale said Jordan’s king would attend.',
      [['Jordan', 'country JO Jordan']],
    ],
    [
      'Victoria the place',
      'He flew to Victoria, British Columbia.',
      [
        ['Victoria', 'city CA Victoria'],
        ['British Columbia', 'region CA British Columbia'],
      ],
    ],
    ['Austin speaking', 'Austin said the vote was close.', []],
    [
      'Austin the city',
      'The vote in Austin, Texas, was close.',
      [
        ['Austin', 'city US Austin'],
        ['Texas', 'region US Texas'],
      ],
    ],
    // Organisations named after places are not places.
    ['the Bank of England', 'The Bank of England raised rates.', []],
    ['a ministry', 'The Iraqi Ministry of Interior denied it.', []],
    ['a facility keeps its place', 'Repairs at Mosul Dam began.', [['Mosul', MOSUL]]],
    // The context ranks the candidates.
    [
      'Paris, Texas',
      'In Paris, Texas, the mayor met residents.',
      [
        ['Paris', 'city US Paris'],
        ['Texas', 'region US Texas'],
      ],
    ],
    ['Paris alone', 'Talks in Paris ended.', [['Paris', 'city FR Paris']]],
    [
      'Georgia beside Atlanta',
      'Storms hit Atlanta and the rest of Georgia.',
      [
        ['Atlanta', 'city US Atlanta'],
        ['Georgia', 'region US Georgia'],
      ],
    ],
    [
      'Georgia beside Tbilisi',
      'Protests filled Tbilisi, the capital of Georgia.',
      [
        ['Tbilisi', 'city GE Tbilisi'],
        ['Georgia', 'country GE Georgia'],
      ],
    ],
    [
      'a place, a comma and its region',
      'He grew up in Richmond, Virginia.',
      [
        ['Richmond', 'city US Richmond'],
        ['Virginia', 'region US Virginia'],
      ],
    ],
    [
      'Georgia after one of its cities',
      'Storms hit Atlanta, Georgia, overnight.',
      [
        ['Atlanta', 'city US Atlanta'],
        ['Georgia', 'region US Georgia'],
      ],
    ],
    // The document's country before bigger namesakes elsewhere…
    [
      'Richmond in a London story',
      'The court in London heard that he fled to Richmond.',
      [
        ['London', 'city GB London'],
        ['Richmond', 'city GB Richmond'],
      ],
    ],
    [
      'Dublin in an Irish story',
      'Ministers in Ireland met. Talks in Dublin ended.',
      [
        ['Ireland', 'country IE Ireland'],
        ['Dublin', 'city IE Dublin'],
      ],
    ],
    // …but not a small town before a capital or a country.
    [
      'Dublin in an American story',
      'In Atlanta and Savannah, officials said flights to Dublin resumed.',
      [
        ['Atlanta', 'city US Atlanta'],
        ['Savannah', 'city US Savannah'],
        ['Dublin', 'city IE Dublin'],
      ],
    ],
    [
      'Jordan in an American story',
      'Storms hit Atlanta; Jordan’s king called.',
      [
        ['Atlanta', 'city US Atlanta'],
        ['Jordan', 'country JO Jordan'],
      ],
    ],
    ['nothing', 'The committee met and nothing was decided.', []],
    ['an empty text', '', []],
  ];
  it.each(cases)('%s', (_what, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  // Towns of 5,000 people or more (and district seats), physical features and macro-regions.
  const more: Array<[string, string, string[][]]> = [
    ['a small town after "to"', 'Ferries moved to Holyhead.', [['Holyhead', 'city GB Holyhead']]],
    ['a small town with no support', 'Holyhead voted.', []],
    [
      'a small town backed by the context',
      'Anglesey and Holyhead voted.',
      [
        ['Anglesey', 'region GB Isle of Anglesey'],
        ['Holyhead', 'city GB Holyhead'],
      ],
    ],
    [
      'a Georgian town as news spells it',
      'Grace Phiri, from Kvareli, spoke.',
      [['Kvareli', 'city GE Q’vareli']],
    ],
    ['"Tal Afar" with no support', 'The Tal Afar road reopened.', []],
    [
      '"Tal Afar" backed by the context',
      'Troops left Mosul for Tal Afar.',
      [
        ['Mosul', MOSUL],
        ['Tal Afar', 'city IQ Tall ‘Afar'],
      ],
    ],
    [
      'an article with a hyphen',
      'Shelling hit Deir ez-Zor.',
      [['Deir ez-Zor', 'city SY Deir ez-Zor']],
    ],
    ['a short name after "in"', 'A nurse in Bo told me.', [['Bo', 'city SL Bo']]],
    ['a short name alone', 'Bo told me.', []],
    [
      'a place after "from", speaking',
      'A friend from Austin said the vote was close.',
      [['Austin', 'city US Austin']],
    ],
    [
      'a river and a sea',
      'Barges on the Danube reached the Black Sea.',
      [
        ['Danube', 'other  Danube'],
        ['Black Sea', 'other  Black Sea'],
      ],
    ],
    [
      'macro-regions',
      'Drought spread across West Africa and the Sahel.',
      [
        ['West Africa', 'region  West Africa'],
        ['Sahel', 'region  Sahel'],
      ],
    ],
    ['"River X"', 'Boats on the River Thames were moored.', [['River Thames', 'other GB Thames']]],
    [
      'a lake, not "Lake" and a country',
      'Fishermen on Lake Malawi returned.',
      [['Lake Malawi', 'other  Lake Malawi']],
    ],
    ['"Lake" alone', 'Lake Nowhere froze.', []],
    [
      'a strait',
      'Tankers crossed the Strait of Hormuz.',
      [['Strait of Hormuz', 'other  Strait of Hormuz']],
    ],
    [
      'a river named like a region',
      'Zambia and Zimbabwe share the Zambezi.',
      [
        ['Zambia', 'country ZM Zambia'],
        ['Zimbabwe', 'country ZW Zimbabwe'],
        ['Zambezi', 'other  Zambezi'],
      ],
    ],
    [
      'a region named by a common word and its designator',
      'In Zambia’s Western province, farmers waited.',
      [
        ['Zambia', 'country ZM Zambia'],
        ['Western province', 'region ZM Western'],
      ],
    ],
    ['…only with the context', 'Western province farmers waited.', []],
    // People whose names are places.
    ['a first name and an unknown surname', 'Victoria Moyo runs the clinic.', []],
    ['a rank and a name with a particle', 'Brigadier Sabah al-Jubouri said so.', []],
    ['a name with a particle', 'Sabah al-Jubouri said so.', []],
    ['a first name with diacritics', 'The firm’s owner, Ciarán Richmond, spoke.', []],
    [
      'a surname alone later',
      'Jordan Hale said so. Hale left for Erbil.',
      [['Erbil', 'city IQ Erbil']],
    ],
    ['acronyms that are villages', 'NATO and the AU met.', []],
  ];
  it.each(more)('%s', (_what, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('gives exact spans', () => {
    const text = 'Troops in Nineveh province and Iraq’s north.';
    const [a, b] = findPlaces(text, gazetteer);
    expect([a?.start, a?.end]).toEqual([10, 26]);
    expect([b?.start, b?.end]).toEqual([31, 35]);
  });

  it('lists every candidate, best first', () => {
    const [m] = findPlaces('Talks in Georgia resumed.', gazetteer);
    expect(m?.candidates.map(where).slice(0, 2)).toEqual([
      'country GE Georgia',
      'region US Georgia',
    ]);
  });

  it('finds places in text order', () => {
    const text = 'From Erbil to Mosul, then Baghdad and Basra.';
    expect(found(text).map(([t]) => t)).toEqual(['Erbil', 'Mosul', 'Baghdad', 'Basra']);
  });
});

describe('documentContext', () => {
  const cases: Array<[string, string, string[]]> = [
    ['one country', 'Fighting in Mosul and Erbil; Iraq’s army advanced.', ['IQ']],
    [
      'most mentioned first',
      'France and Germany. Paris, Lyon and Marseille. Berlin.',
      ['FR', 'DE'],
    ],
    ['through its places', 'Talks in Kyiv and Kharkiv.', ['UA']],
    ['an ambiguous place follows the others', 'In Paris, Texas, and in Dallas.', ['US']],
    ['an ambiguous place alone', 'Talks in Paris.', ['FR']],
    ['no places', 'The committee met.', []],
    ['people are not places', 'Jordan Hale said so.', []],
    [
      'a name counts for a far larger namesake',
      'From Johns Creek to Bristol, and on from Bristol to Leeds.',
      ['GB', 'US'],
    ],
    ['a sea names no country', 'Ships crossed the Black Sea.', []],
    ['a feature of one country names it', 'Boats on the River Thames.', ['GB']],
    ['a place in its region', 'In Paris, Texas.', ['US']],
  ];
  it.each(cases)('%s', (_what, text, countries) => {
    expect(documentContext(text, gazetteer).countries).toEqual(countries);
  });
});

describe('findPeopleAndOrganisations', () => {
  const cases: Array<[string, string, Array<[string, 'person' | 'organisation', number]>]> = [
    [
      'a speaker named in full, then by surname',
      '"We will rebuild," Dimitar Kolev said. Kolev, the mayor, added that Mr Kolev would stay.',
      [['Dimitar Kolev', 'person', 3]],
    ],
    [
      'a titled person',
      'President Victoria Hale arrived. Hale said little.',
      [['Victoria Hale', 'person', 2]],
    ],
    ['a first name from the lexicon', 'Jordan Hale met reporters.', [['Jordan Hale', 'person', 1]]],
    [
      'a full name that a surname speaking later makes a person',
      'Dimitar Kolev, the mayor of Sofia, met Zora Petrova. Later Kolev said no. Kolev left.',
      [
        ['Dimitar Kolev', 'person', 3],
        ['Zora Petrova', 'person', 1],
      ],
    ],
    ['a full name alone is no one yet', 'Dimitar Kolev, the mayor, left.', []],
    ['a lexicon surname', 'Georgia Smith, a nurse, spoke.', [['Georgia Smith', 'person', 1]]],
    ['an opening word dropped', 'But Dimitar Kolev said no.', [['Dimitar Kolev', 'person', 1]]],
    [
      'a name with particles',
      'Ana de Souza said the vote was close.',
      [['Ana de Souza', 'person', 1]],
    ],
    [
      'the latest of two namesakes',
      'Anna Hale spoke. Jordan Hale replied. Hale said no.',
      [
        ['Jordan Hale', 'person', 2],
        ['Anna Hale', 'person', 1],
      ],
    ],
    [
      'organisations',
      'The Ministry of Defence and the World Health Organization disagreed.',
      [
        ['Ministry of Defence', 'organisation', 1],
        ['World Health Organization', 'organisation', 1],
      ],
    ],
    [
      'an organisation and its acronym',
      'The United Nations (UN) said aid was ready. The UN added that the UN would stay.',
      [['United Nations', 'organisation', 3]],
    ],
    ['an acronym speaking', 'NATO said it would respond.', [['NATO', 'organisation', 1]]],
    [
      'an organisation then its spokesman',
      'Interior Ministry Spokesman Ahmed Ali said it was calm.',
      [
        ['Interior Ministry', 'organisation', 1],
        ['Ahmed Ali', 'person', 1],
      ],
    ],
    [
      'a company',
      'Shares of Toyota Motor Corporation fell.',
      [['Toyota Motor Corporation', 'organisation', 1]],
    ],
    [
      'most mentioned first',
      'The Red Cross spoke. Dimitar Kolev said no. Kolev left. Kolev returned.',
      [
        ['Dimitar Kolev', 'person', 3],
        ['Red Cross', 'organisation', 1],
      ],
    ],
    ['places are not people', 'Sierra Leone said it would close New York offices.', []],
    ['a place is not an organisation', 'Settlers in the West Bank protested.', []],
    ['nobody', 'The road was closed on Tuesday.', []],
  ];
  it.each(cases)('%s', (_what, text, expected) => {
    const got = findPeopleAndOrganisations(text, gazetteer).map((e) => [
      e.name,
      e.kind,
      e.mentions,
    ]);
    expect(got).toEqual(expected);
  });

  it('works without the gazetteer', () => {
    expect(findPeopleAndOrganisations('"No," Dimitar Kolev said.')).toEqual([
      { name: 'Dimitar Kolev', kind: 'person', mentions: 1 },
    ]);
  });
});
