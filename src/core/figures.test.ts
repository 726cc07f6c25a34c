import { describe, expect, it } from 'vitest';
import { figureDetails, findFigures, parseFigure } from './figures';
import type { Figure } from './figures';

type Expected = {
  value: number;
  valueMax?: number;
  unit: string;
  qualifier?: string;
  counted?: string;
};

/** The structured part of a figure (what the tables check), plus the offsets invariant. */
function shape(f: Figure, input: string): Expected {
  expect(input.slice(f.start, f.end)).toBe(f.text);
  const out: Expected = { value: f.value, unit: f.unit };
  if (f.valueMax !== undefined) out.valueMax = f.valueMax;
  if (f.qualifier !== undefined) out.qualifier = f.qualifier;
  if (f.counted !== undefined) out.counted = f.counted;
  return out;
}

describe('parseFigure', () => {
  it.each<[string, Expected]>([
    // Lengths and areas
    [
      'over 210 kilometers of concrete walls',
      { value: 210, unit: 'km', qualifier: 'over', counted: 'concrete walls' },
    ],
    ['210 km', { value: 210, unit: 'km' }],
    ['100 km', { value: 100, unit: 'km' }],
    ['10km', { value: 10, unit: 'km' }],
    ['4.2 kilometres', { value: 4.2, unit: 'km' }],
    [
      'more than 340 kilometres of concrete wall',
      { value: 340, unit: 'km', qualifier: 'over', counted: 'concrete wall' },
    ],
    ['1,200 metres', { value: 1200, unit: 'm' }],
    ['a 4m wall', { value: 4, unit: 'm' }],
    ['18 miles', { value: 18, unit: 'mi' }],
    ['3,000 km2', { value: 3000, unit: 'km²' }],
    ['3,000 km²', { value: 3000, unit: 'km²' }],
    ['3,000 square kilometres', { value: 3000, unit: 'km²' }],
    ['3,000 sq km', { value: 3000, unit: 'km²' }],
    ['2,500 hectares', { value: 2500, unit: 'ha' }],
    ['2,500 hectares of farmland', { value: 2500, unit: 'ha', counted: 'farmland' }],
    ['a 15-kilometre stretch', { value: 15, unit: 'km' }],
    ['9 tonnes', { value: 9, unit: 't' }],
    ['9 pounds', { value: 9, unit: 'lb' }],
    // Money
    ['$3.5 million', { value: 3_500_000, unit: 'USD' }],
    ['€2.4m', { value: 2_400_000, unit: 'EUR' }],
    ['2.4 million euros', { value: 2_400_000, unit: 'EUR' }],
    ['2.4m euros', { value: 2_400_000, unit: 'EUR' }],
    ['£120,000', { value: 120_000, unit: 'GBP' }],
    ['2 million pounds', { value: 2_000_000, unit: 'GBP' }],
    ['1.5bn', { value: 1_500_000_000, unit: '' }],
    ['1.5 billion dollars', { value: 1_500_000_000, unit: 'USD' }],
    ['US$5bn', { value: 5_000_000_000, unit: 'USD' }],
    ['USD 400', { value: 400, unit: 'USD' }],
    ['over $3.5 million', { value: 3_500_000, unit: 'USD', qualifier: 'over' }],
    ['1.1 million', { value: 1_100_000, unit: '' }],
    ['35,000', { value: 35_000, unit: '' }],
    ['35k', { value: 35_000, unit: '' }],
    ['1 200 people', { value: 1200, unit: 'people', counted: 'people' }],
    // Percentages and ranges
    ['12%', { value: 12, unit: '%' }],
    ['12 percent', { value: 12, unit: '%' }],
    ['12 per cent', { value: 12, unit: '%' }],
    ['12 per cent of the vote', { value: 12, unit: '%', counted: 'vote' }],
    ['3 percentage points', { value: 3, unit: 'pp' }],
    ['between 20 and 25 percent', { value: 20, valueMax: 25, unit: '%' }],
    ['between 20% and 25%', { value: 20, valueMax: 25, unit: '%' }],
    ['20-25%', { value: 20, valueMax: 25, unit: '%' }],
    ['20–25 per cent', { value: 20, valueMax: 25, unit: '%' }],
    ['20 to 25 per cent', { value: 20, valueMax: 25, unit: '%' }],
    [
      '2 to 3 million people',
      { value: 2_000_000, valueMax: 3_000_000, unit: 'people', counted: 'people' },
    ],
    ['$3m-$4m', { value: 3_000_000, valueMax: 4_000_000, unit: 'USD' }],
    ['from 20 to 25 km', { value: 20, valueMax: 25, unit: 'km' }],
    // Counts
    ['about 8,000 people', { value: 8000, unit: 'people', qualifier: 'about', counted: 'people' }],
    ['at least 14 people', { value: 14, unit: 'people', qualifier: 'at least', counted: 'people' }],
    ['340 trucks', { value: 340, unit: 'trucks', counted: 'trucks' }],
    ['60 boats', { value: 60, unit: 'boats', counted: 'boats' }],
    ['60 fishing boats', { value: 60, unit: 'boats', counted: 'fishing boats' }],
    ['14 persons', { value: 14, unit: 'people', counted: 'persons' }],
    ['30 Israeli soldiers', { value: 30, unit: 'soldiers', counted: 'Israeli soldiers' }],
    ['1,200 Gaza-bound trucks', { value: 1200, unit: 'trucks', counted: 'Gaza-bound trucks' }],
    ['8,000 people fled', { value: 8000, unit: 'people', counted: 'people' }],
    ['8,000+ people', { value: 8000, unit: 'people', qualifier: 'over', counted: 'people' }],
    ['14 or more people', { value: 14, unit: 'people', qualifier: 'at least', counted: 'people' }],
    ['2011 people', { value: 2011, unit: 'people', counted: 'people' }],
    // Spelled out
    ['seven', { value: 7, unit: '' }],
    ['eleven weeks', { value: 11, unit: 'weeks' }],
    ['two dozen', { value: 24, unit: '' }],
    ['a dozen', { value: 12, unit: '' }],
    ['a dozen boats', { value: 12, unit: 'boats', counted: 'boats' }],
    ['twenty-five people', { value: 25, unit: 'people', counted: 'people' }],
    ['two hundred and fifty trucks', { value: 250, unit: 'trucks', counted: 'trucks' }],
    ['a hundred', { value: 100, unit: '' }],
    ['three thousand', { value: 3000, unit: '' }],
    ['two million dollars', { value: 2_000_000, unit: 'USD' }],
    ['half a million people', { value: 500_000, unit: 'people', counted: 'people' }],
    ['one person', { value: 1, unit: 'people', counted: 'person' }],
    ['nearly a third', { value: 1 / 3, unit: 'fraction', qualifier: 'nearly' }],
    ['two-thirds of the land', { value: 2 / 3, unit: 'fraction', counted: 'land' }],
    ['three quarters of residents', { value: 0.75, unit: 'fraction', counted: 'residents' }],
    // Qualifiers, normalised
    ['approximately 50 km', { value: 50, unit: 'km', qualifier: 'about' }],
    ['around 50 km', { value: 50, unit: 'km', qualifier: 'about' }],
    ['some 50 km', { value: 50, unit: 'km', qualifier: 'about' }],
    ['roughly 50 km', { value: 50, unit: 'km', qualifier: 'about' }],
    ['an estimated 50 km', { value: 50, unit: 'km', qualifier: 'about' }],
    ['fewer than 50 people', { value: 50, unit: 'people', qualifier: 'under', counted: 'people' }],
    ['less than 50 km', { value: 50, unit: 'km', qualifier: 'under' }],
    ['below 5%', { value: 5, unit: '%', qualifier: 'under' }],
    ['almost 50 km', { value: 50, unit: 'km', qualifier: 'nearly' }],
    ['nearly 50 km', { value: 50, unit: 'km', qualifier: 'nearly' }],
    ['just over 50 km', { value: 50, unit: 'km', qualifier: 'over' }],
    ['at most 50 km', { value: 50, unit: 'km', qualifier: 'at most' }],
    ['no more than 50 km', { value: 50, unit: 'km', qualifier: 'at most' }],
    ['up to 50 km', { value: 50, unit: 'km', qualifier: 'up to' }],
    ['as many as 50 people', { value: 50, unit: 'people', qualifier: 'up to', counted: 'people' }],
    ['More than 50 km', { value: 50, unit: 'km', qualifier: 'over' }],
    // Currencies named in words, power, temperature
    ['25 million lari', { value: 25_000_000, unit: 'GEL' }],
    ['2.6 billion forints', { value: 2_600_000_000, unit: 'HUF' }],
    ['50,000 Sudanese pounds', { value: 50_000, unit: 'SDG' }],
    ['1.5bn Iraqi dinars', { value: 1_500_000_000, unit: 'IQD' }],
    ['450,000 Kenyan shillings', { value: 450_000, unit: 'KES' }],
    ['40 MW', { value: 40, unit: 'MW' }],
    ['1.2 gigawatts', { value: 1.2, unit: 'GW' }],
    ['38C', { value: 38, unit: '°C' }],
    ['38°C', { value: 38, unit: '°C' }],
    ['100 °F', { value: 100, unit: '°F' }],
    ['38 degrees Celsius', { value: 38, unit: '°C' }],
    // Measures of a half, ratios, ranges with "or", partitive counts
    ['half a metre', { value: 0.5, unit: 'm' }],
    ['half an hour', { value: 0.5, unit: 'hours' }],
    ['one in five', { value: 0.2, unit: 'fraction' }],
    ['1 in 10 households', { value: 0.1, unit: 'fraction', counted: 'households' }],
    [
      'about one in four voters',
      { value: 0.25, unit: 'fraction', qualifier: 'about', counted: 'voters' },
    ],
    ['eight or nine years', { value: 8, valueMax: 9, unit: 'years' }],
    [
      '300 or 400 new structures',
      { value: 300, valueMax: 400, unit: 'structures', counted: 'new structures' },
    ],
    ['seven of its 27 libraries', { value: 7, unit: 'libraries', counted: 'libraries' }],
    ['three of these positions', { value: 3, unit: 'positions', counted: 'positions' }],
  ])('%s', (passage, expected) => {
    const f = parseFigure(passage);
    expect(f).not.toBeNull();
    expect(shape(f as Figure, passage)).toEqual(expected);
  });

  it.each([
    'hundreds of',
    'dozens of people',
    'thousands',
    'tens of thousands',
    'in 2011',
    '2026',
    'the 2026 elections',
    'from 2011 to 2015',
    '12 March 2026',
    'March 12, 2026',
    '12/03/2026',
    '2026-03-12',
    '12.03.2026',
    '06:40',
    '6:40',
    '6pm',
    '6 p.m.',
    '14:00 GMT',
    '3rd',
    'the first',
    'the 1990s',
    'one of the',
    'no one',
    'someone',
    '+44 20 7946 0958',
    '555-123-4567',
    '1-800-555-0199',
    'Nov. 18',
    '555-1234',
    'COVID-19',
    'an A320',
    'the G7',
    'no figure here',
    '',
  ])('no figure in %j', (passage) => {
    expect(parseFigure(passage)).toBeNull();
  });

  it('reads the counted noun from the context after the passage', () => {
    const passage = 'over 210 kilometers';
    const f = parseFigure(passage, ' of concrete walls along the route');
    expect(f).toMatchObject({
      value: 210,
      unit: 'km',
      qualifier: 'over',
      counted: 'concrete walls',
    });
    expect(f?.text).toBe('over 210 kilometers');
    expect(f?.end).toBe(passage.length);
  });

  it('takes the count noun from the context when the passage is only a number', () => {
    const f = parseFigure('340', ' trucks entered on Monday');
    expect(f).toMatchObject({
      value: 340,
      unit: 'trucks',
      counted: 'trucks',
      text: '340',
      start: 0,
      end: 3,
    });
  });

  it('uses at most 60 characters of context, and no half word', () => {
    const far = ' '.repeat(55) + 'trucks';
    expect(parseFigure('340', far)?.counted).toBeUndefined();
    expect(parseFigure('340', far)?.value).toBe(340);
  });

  it('ignores a figure that starts in the context only', () => {
    expect(parseFigure('the wall', ' is 210 km long')).toBeNull();
  });

  it('gives offsets inside the passage', () => {
    const passage = 'gates every 15 kilometres';
    const f = parseFigure(passage);
    expect(f).toMatchObject({ value: 15, unit: 'km', text: '15 kilometres', start: 12, end: 25 });
  });
});

describe('findFigures', () => {
  const article =
    'On 12 March 2026, officials said the barrier now runs for more than 340 kilometres of ' +
    'concrete wall, with gates every 15 kilometres. About 8,000 people crossed on the first ' +
    'day, and at least 14 people were hurt at 06:40. The project, begun in 2002, has cost ' +
    '$3.5 million per kilometre and swallowed 2,500 hectares of farmland, roughly 12 per cent ' +
    'of the district. No one expects it to finish before 2030; one of the engineers put ' +
    'completion at between 20 and 25 percent. Seven trucks and two dozen boats waited for ' +
    'eleven weeks. Call +44 20 7946 0958 or see page 12 of the 3rd report on Resolution 242.';

  it('finds every figure of a news paragraph and nothing else', () => {
    const found = findFigures(article);
    expect(found.map((f) => f.text)).toEqual([
      'more than 340 kilometres of concrete wall',
      '15 kilometres',
      'About 8,000 people',
      'at least 14 people',
      '$3.5 million',
      '2,500 hectares of farmland',
      'roughly 12 per cent of the district',
      'between 20 and 25 percent',
      'Seven trucks',
      'two dozen boats',
      'eleven weeks',
    ]);
    expect(found.map((f) => shape(f, article))).toEqual([
      { value: 340, unit: 'km', qualifier: 'over', counted: 'concrete wall' },
      { value: 15, unit: 'km' },
      { value: 8000, unit: 'people', qualifier: 'about', counted: 'people' },
      { value: 14, unit: 'people', qualifier: 'at least', counted: 'people' },
      { value: 3_500_000, unit: 'USD' },
      { value: 2500, unit: 'ha', counted: 'farmland' },
      { value: 12, unit: '%', qualifier: 'about', counted: 'district' },
      { value: 20, valueMax: 25, unit: '%' },
      { value: 7, unit: 'trucks', counted: 'trucks' },
      { value: 24, unit: 'boats', counted: 'boats' },
      { value: 11, unit: 'weeks' },
    ]);
  });

  it('keeps offsets exact on a second paragraph (Unicode before the figures)', () => {
    const text =
      'Gaza’s 2.3 million residents — “nearly half the population” — share 365 km², ' +
      'while 60 fishing boats and 1 200 tonnes of aid are waiting; the 2026 elections and the ' +
      '1990s are not figures, nor is Route 60 or a third round of talks.';
    const found = findFigures(text);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(found.map((f) => f.text)).toEqual([
      '2.3 million residents',
      'nearly half the population',
      '365 km²',
      '60 fishing boats',
      '1 200 tonnes of aid',
    ]);
    expect(found[1]).toMatchObject({
      value: 0.5,
      unit: 'fraction',
      qualifier: 'nearly',
      counted: 'population',
    });
  });

  it.each([
    'He said seven.',
    'one of the towers',
    'No one came.',
    'Someone called.',
    'a third round of talks',
    'See page 12 and Resolution 242.',
    'Flight 370 vanished.',
  ])('is stricter than parseFigure: nothing in %j', (text) => {
    expect(findFigures(text)).toEqual([]);
  });

  it.each<[string, string[]]>([
    // Ages are not figures; counts next to names are.
    ['Paris Whitfield, 46, of Richmond was convicted.', []],
    ['Gruber, 58, has spent 31 years there.', ['31 years']],
    ['A man aged 46 was arrested.', []],
    ['The team, 12 engineers, left.', ['12 engineers']],
    // Phone numbers and dates.
    ['Call 117 or the hotline, 1-800-555-0199, until Nov. 18.', []],
    ['Residents can call 0117 922 3000 or dial 112.', []],
    // A duration locating an event is a date, not a figure.
    ['We saw it ten years ago and three days later.', []],
    ['It took ten years and three days.', ['ten years', 'three days']],
    // "one" as an indefinite, not a count.
    ['One investor said so. In one frame we saw a mast.', []],
    ['The blast killed one person.', ['one person']],
    // Fractions as changes.
    ['The harvest fell by a third.', ['a third']],
    ['Growers picked about a third fewer grapes.', ['about a third']],
    ['Talks entered a third round.', []],
    // Ratios.
    ['Only one in ten households had a container.', ['one in ten households']],
    ['He arrived at one in the morning in 2019.', []],
  ])('findFigures in %j', (text, expected) => {
    expect(findFigures(text).map((f) => f.text)).toEqual(expected);
  });

  it('finds several figures in a row without overlap', () => {
    const text = '12%, 20-25% and 60 boats; 3 km.';
    const found = findFigures(text);
    expect(found.map((f) => [f.value, f.valueMax, f.unit])).toEqual([
      [12, undefined, '%'],
      [20, 25, '%'],
      [60, undefined, 'boats'],
      [3, undefined, 'km'],
    ]);
    for (let k = 1; k < found.length; k++) {
      expect(found[k]!.start).toBeGreaterThanOrEqual(found[k - 1]!.end);
    }
  });
});

describe('figureDetails', () => {
  it('flattens a figure, leaving out what is missing', () => {
    const f = parseFigure('over 210 kilometers of concrete walls') as Figure;
    expect(figureDetails(f)).toEqual({
      value: 210,
      unit: 'km',
      qualifier: 'over',
      counted: 'concrete walls',
    });
    const r = parseFigure('between 20 and 25 percent') as Figure;
    expect(figureDetails(r)).toEqual({ value: 20, valueMax: 25, unit: '%' });
  });
});

describe('figures in Arabic, Persian and Hebrew', () => {
  const read = (passage: string, after = '') => {
    const f = parseFigure(passage, after);
    return f && shape(f, passage);
  };

  it('reads units, multipliers, currencies and qualifiers, with clitics and vowel marks', () => {
    expect(read('3.5 كيلومتر')).toEqual({ value: 3.5, unit: 'km' });
    expect(read('نحو 25 مليون دولار')).toEqual({ value: 25e6, unit: 'USD', qualifier: 'about' });
    expect(read('بنحو 25 مليون دولار')).toEqual({ value: 25e6, unit: 'USD', qualifier: 'about' });
    expect(read('أكثرَ من 340 كيلومتراً', ' من الجدران الخرسانية على الحدود')).toEqual({
      value: 340,
      unit: 'km',
      qualifier: 'over',
      counted: 'الجدران الخرسانية',
    });
    expect(read('اكثر من 2 مليار يورو')).toEqual({ value: 2e9, unit: 'EUR', qualifier: 'over' });
    expect(read('15 في المئة')).toEqual({ value: 15, unit: '%' });
    expect(read('ما لا يقل عن 40 ألف دينار عراقي')).toEqual({ value: 40_000, unit: 'IQD', qualifier: 'at least' }); // prettier-ignore
    expect(read('3 أشهر')).toEqual({ value: 3, unit: 'months' });
  });

  it('reads Arabic-Indic and Persian digits, with the Arabic decimal point', () => {
    expect(read('١٫٢ مليار دولار')).toEqual({ value: 1.2e9, unit: 'USD' });
    expect(read('١٬٢٠٠ طن')).toEqual({ value: 1200, unit: 't' });
    expect(read('بیش از ۲۰۰ کیلومتر')).toEqual({ value: 200, unit: 'km', qualifier: 'over' });
    expect(read('۴۰ درصد')).toEqual({ value: 40, unit: '%' });
    expect(read('5 מיליון דולר')).toEqual({ value: 5e6, unit: 'USD' });
  });

  it('takes the counted noun of a bare count, up to the next particle', () => {
    expect(read('120 عاملا', ' في الميناء')).toEqual({ value: 120, unit: 'عاملا', counted: 'عاملا' }); // prettier-ignore
    expect(read('قرابة 8000 شخص')).toEqual({ value: 8000, unit: 'شخص', qualifier: 'nearly', counted: 'شخص' }); // prettier-ignore
  });

  it('finds the figures of an Arabic paragraph, and no date, year or time', () => {
    const text =
      'وقال المهندس إن العمل سيبدأ في 12 مارس 2027 الساعة 5 مساء، بكلفة نحو 25 مليون دولار ' +
      'ومشاركة 120 عاملا على طول 3.5 كيلومتر.';
    expect(findFigures(text).map((f) => f.text)).toEqual([
      'نحو 25 مليون دولار',
      '120 عاملا',
      '3.5 كيلومتر',
    ]);
  });
});
