// The test reads the sample articles from disk; only quotes.ts itself must stay pure.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findQuotes, speakerFor } from './quotes';

/** Each quotation as [the words inside its marks, its speaker]. */
type Expected = Array<[string, string | undefined]>;

const found = (text: string) =>
  findQuotes(text).map((q) => [text.slice(q.inner.start, q.inner.end), q.speaker]);

const SAID = 'We will build the bridge next year';

const cases: Array<[string, string, Expected]> = [
  // Every kind of mark.
  ['straight "…"', `"${SAID}," Dimitar Kolev said.`, [[`${SAID},`, 'Dimitar Kolev']]],
  ['curly “…”', `“${SAID},” Dimitar Kolev said.`, [[`${SAID},`, 'Dimitar Kolev']]],
  ['German „…“', `„${SAID}“, Dimitar Kolev said.`, [[SAID, 'Dimitar Kolev']]],
  ['German „…”', `„${SAID}”, Dimitar Kolev said.`, [[SAID, 'Dimitar Kolev']]],
  ['French « … » with inner spaces', `« ${SAID} », said Anna de Souza.`, [[SAID, 'Anna de Souza']]],
  ['French «…» without spaces', `«${SAID},» said Anna de Souza.`, [[`${SAID},`, 'Anna de Souza']]],
  [
    'French « … » with no-break spaces',
    `«\u00a0${SAID}\u00a0», said Anna de Souza.`,
    [[SAID, 'Anna de Souza']],
  ],
  ['single guillemets ‹…›', `‹${SAID},› Dimitar Kolev said.`, [[`${SAID},`, 'Dimitar Kolev']]],
  [
    'corner brackets 「…」',
    '大臣は「橋を来年建設します」と述べた。',
    [['橋を来年建設します', undefined]],
  ],
  ['single curly ‘…’', `‘${SAID},’ Dimitar Kolev said.`, [[`${SAID},`, 'Dimitar Kolev']]],
  [
    'single curly with a plural possessive inside',
    `‘The pilots’ association is furious,’ Ana Petrova said.`,
    [['The pilots’ association is furious,', 'Ana Petrova']],
  ],
  [
    'nested quotation stays one finding',
    `“He told me ‘never again’ and walked out,” Dimitar Kolev said.`,
    [['He told me ‘never again’ and walked out,', 'Dimitar Kolev']],
  ],
  // Apostrophes are not quotation marks.
  ['curly apostrophes', 'The pilots’ association doesn’t expect delays like the ’90s ones.', []],
  ['straight apostrophes', "The pilots' association won't talk about the '90s at all.", []],
  [
    '‘90s written with an opening mark',
    'Back in the ‘90s nobody didn’t care about the pilots’ pay.',
    [],
  ],
  ['rock ’n’ roll', 'They played rock ’n’ roll until the pilots’ union left.', []],
  // Attribution patterns.
  ['"…," said X', `"${SAID}," said Dimitar Kolev.`, [[`${SAID},`, 'Dimitar Kolev']]],
  ['X said: "…"', `Dimitar Kolev said: "${SAID}."`, [[`${SAID}.`, 'Dimitar Kolev']]],
  ['X said, "…"', `Dimitar Kolev said, "${SAID}."`, [[`${SAID}.`, 'Dimitar Kolev']]],
  [
    'X told reporters: "…"',
    `Dimitar Kolev told reporters in Sofia: "${SAID}."`,
    [[`${SAID}.`, 'Dimitar Kolev']],
  ],
  [
    '“…” she told reporters',
    `Ana Petrova spoke after the vote. “${SAID},” she told reporters.`,
    [[`${SAID},`, 'Ana Petrova']],
  ],
  [
    '"…," X, appositive, said',
    `"${SAID}," Dimitar Kolev, the minister of transport, said on Monday.`,
    [[`${SAID},`, 'Dimitar Kolev']],
  ],
  [
    '"…," said X, who chairs …',
    `"${SAID}," said Dimitar Kolev, who chairs the committee.`,
    [[`${SAID},`, 'Dimitar Kolev']],
  ],
  [
    'X, appositive, said: "…"',
    `Dimitar Kolev, the minister of transport, said: "${SAID}."`,
    [[`${SAID}.`, 'Dimitar Kolev']],
  ],
  [
    'according to X, "…"',
    `According to Dimitar Kolev, "${SAID}."`,
    [[`${SAID}.`, 'Dimitar Kolev']],
  ],
  [
    '"…," according to X',
    `"${SAID}," according to Dimitar Kolev.`,
    [[`${SAID},`, 'Dimitar Kolev']],
  ],
  [
    'title dropped',
    `"${SAID}," Transport Minister Dimitar Kolev said.`,
    [[`${SAID},`, 'Dimitar Kolev']],
  ],
  ['Dr. dropped', `Dr. Ana Petrova said: "${SAID}."`, [[`${SAID}.`, 'Ana Petrova']]],
  [
    'Mayor dropped after the verb',
    `"${SAID}," said Mayor Ana Petrova.`,
    [[`${SAID},`, 'Ana Petrova']],
  ],
  ['al- particle', `"${SAID}," said Ahmed al-Rashid.`, [[`${SAID},`, 'Ahmed al-Rashid']]],
  ['van particle', `"${SAID}," said Ludwig van Beethoven.`, [[`${SAID},`, 'Ludwig van Beethoven']]],
  [
    'Mint particle',
    `"${SAID}," Khadijetou Mint Lemrabott said.`,
    [[`${SAID},`, 'Khadijetou Mint Lemrabott']],
  ],
  ['bin particle', `"${SAID}," said Khalid bin Salman.`, [[`${SAID},`, 'Khalid bin Salman']]],
  ['non-ASCII name', `"${SAID}," Aïchetou Ömürzakov said.`, [[`${SAID},`, 'Aïchetou Ömürzakov']]],
  [
    'asked, after a question',
    '"Where has the money gone?" asked Dimitar Kolev.',
    [['Where has the money gone?', 'Dimitar Kolev']],
  ],
  ['warned', `"${SAID}," Ana Petrova warned.`, [[`${SAID},`, 'Ana Petrova']]],
  ['added', `"${SAID}," Ana Petrova added.`, [[`${SAID},`, 'Ana Petrova']]],
  ['explained', `"${SAID}," explained Ana Petrova.`, [[`${SAID},`, 'Ana Petrova']]],
  ['insisted', `"${SAID}," Ana Petrova insisted.`, [[`${SAID},`, 'Ana Petrova']]],
  ['replied', `"${SAID}," replied Ana Petrova.`, [[`${SAID},`, 'Ana Petrova']]],
  ['wrote', `Ana Petrova wrote: "${SAID}."`, [[`${SAID}.`, 'Ana Petrova']]],
  [
    'claimed, noted, stated',
    `"${SAID}," Ana Petrova claimed. "Costs are rising fast," Dimitar Kolev noted. "Nothing is decided yet," Ivo Marin stated.`,
    [
      [`${SAID},`, 'Ana Petrova'],
      ['Costs are rising fast,', 'Dimitar Kolev'],
      ['Nothing is decided yet,', 'Ivo Marin'],
    ],
  ],
  ['verbs are case-insensitive', `"${SAID}," Ana Petrova SAID.`, [[`${SAID},`, 'Ana Petrova']]],
  ['an unnamed speaker gives no name', `"${SAID}," the minister said.`, [[`${SAID},`, undefined]]],
  ['no attribution at all', `The banner read "${SAID}" in red letters.`, [[SAID, undefined]]],
  // Pronouns.
  [
    'pronoun → last full name mentioned',
    `Dimitar Kolev arrived late. "${SAID}," he said.`,
    [[`${SAID},`, 'Dimitar Kolev']],
  ],
  [
    'pronoun → speech-verb subject before a later mention',
    `Ana Petrova said the plan was late. Dimitar Kolev nodded. Ivo Marin was absent. "${SAID}," she said.`,
    [[`${SAID},`, 'Ana Petrova']],
  ],
  [
    'pronoun → previous paragraph',
    `Ana Petrova said on Monday that talks had failed.\n\n"${SAID}," she said.`,
    [[`${SAID},`, 'Ana Petrova']],
  ],
  [
    'pronoun too far from any name',
    `Ana Petrova said on Monday that talks had failed.\n\nthe rain went on.\n\nthe roads closed.\n\nthe river rose.\n\n"${SAID}," she said.`,
    [[`${SAID},`, undefined]],
  ],
  [
    'an unnamed speaker blocks an earlier name',
    `Ana Petrova said the bridge was late.\n\nA senior engineer, who asked not to be named, said costs had doubled. "${SAID}," she said.`,
    [[`${SAID},`, undefined]],
  ],
  [
    'pronoun after a surname subject',
    `Ana Petrova chairs the board.\n\nPetrova said the vote would wait. "${SAID}," she said.`,
    [[`${SAID},`, 'Ana Petrova']],
  ],
  // Surnames.
  [
    'surname → full name given earlier',
    `Dimitar Kolev opened the meeting. Later, Kolev said: "${SAID}."`,
    [[`${SAID}.`, 'Dimitar Kolev']],
  ],
  ['surname alone', `"${SAID}," Kolev said.`, [[`${SAID},`, 'Kolev']]],
  [
    'two-word surname',
    `Sidi Mohamed Ould Cheikhna spoke. "${SAID}," Ould Cheikhna said.`,
    [[`${SAID},`, 'Sidi Mohamed Ould Cheikhna']],
  ],
  // Short quotations.
  ['scare quotes skipped', 'The ministry called it "amateur arithmetic" and moved on.', []],
  ['a title skipped', 'She read “Hamlet” twice.', []],
  ['short but attributed', '"No," Dimitar Kolev said.', [['No,', 'Dimitar Kolev']]],
  [
    'partial quotation takes the sentence speaker',
    'Dimitar Kolev said the works would end "well before the winter".',
    [['well before the winter', 'Dimitar Kolev']],
  ],
  // Continuations.
  [
    'a quote after an attributed one continues it',
    `"${SAID}," said Ana Petrova, who chairs the board. "Nobody says when."`,
    [
      [`${SAID},`, 'Ana Petrova'],
      ['Nobody says when.', 'Ana Petrova'],
    ],
  ],
  [
    'a quote across paragraphs, newspaper style',
    `"${SAID}.\n\n"And we will pay for all of it," Dimitar Kolev said.`,
    [[`${SAID}.\n\n"And we will pay for all of it,`, 'Dimitar Kolev']],
  ],
  [
    'a paragraph opening with a quote goes on with the previous speaker',
    `"${SAID}," Ana Petrova said.\n\n"Nobody says when, and nobody asks."`,
    [
      [`${SAID},`, 'Ana Petrova'],
      ['Nobody says when, and nobody asks.', 'Ana Petrova'],
    ],
  ],
  [
    'a paragraph after an unattributed quote gets no speaker',
    `The banner read "${SAID}" in red.\n\n"Nobody says when, and nobody asks."`,
    [
      [SAID, undefined],
      ['Nobody says when, and nobody asks.', undefined],
    ],
  ],
  // Roles, titles and appositives around the name.
  [
    'a title inside an appositive',
    `The fund's chairman, Sheikh Hamad bin Rashid, said the plants would grow. "${SAID}," he said.`,
    [[`${SAID},`, 'Hamad bin Rashid']],
  ],
  [
    'a role and an age inside appositives',
    `One investor, retired teacher Gordon McLeish, 71, from Glasgow, told the court he lost it all. "${SAID}," he said.`,
    [[`${SAID},`, 'Gordon McLeish']],
  ],
  [
    'a subject with a preposition names no one',
    `Ana Petrova spoke first. A spokesman for the Nineveh Operations Command said it was calm. "${SAID}," he said.`,
    [[`${SAID},`, undefined]],
  ],
  [
    '"…," said role Name',
    `"${SAID}," said campaign manager Tessa Morrow.`,
    [[`${SAID},`, 'Tessa Morrow']],
  ],
  [
    '"…," said its role, Name',
    `"${SAID}," said its president, Khaled Abu Zeid.`,
    [[`${SAID},`, 'Khaled Abu Zeid']],
  ],
  ['"…," said on Tuesday', `"${SAID}," said on Tuesday Kolev.`, [[`${SAID},`, undefined]]],
  [
    'a name before prepositional phrases',
    `Detective Inspector Sarah Kwan of the City of London Police said it was over. "${SAID}," she said.`,
    [[`${SAID},`, 'Sarah Kwan']],
  ],
  [
    'a place after a preposition names no one',
    `Officials in Baghdad said the road was open. "${SAID}," he said.`,
    [[`${SAID},`, undefined]],
  ],
  [
    'telling',
    `Messages showed Ana Petrova telling a colleague: "${SAID}."`,
    [[`${SAID}.`, 'Ana Petrova']],
  ],
  // Who "he" and "she" are.
  [
    '"asked … for" is a request, not an unnamed speaker',
    `Dejan Petrović owns the bar. The city has asked Belgrade for money. "${SAID}," he said.`,
    [[`${SAID},`, 'Dejan Petrović']],
  ],
  [
    'a person named after an unnamed speaker',
    `Andrei Popescu led the study.\n\nEngineers in Vienna say the model is wrong. Popescu’s answer is short. "${SAID}," he said.`,
    [[`${SAID},`, 'Andrei Popescu']],
  ],
  [
    'a place after a capitalised preposition is no person',
    `Ana Petrova led the study.\n\nIn Novi Sad, the bar keeps sandbags. "${SAID}," she said.`,
    [[`${SAID},`, 'Ana Petrova']],
  ],
  [
    'an unclosed mark mid-paragraph finds nothing',
    `He shouted "${SAID} and left.\n\nThen "silence.`,
    [],
  ],
];

describe('findQuotes', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('gives offsets of the marks, the inner words and the speaker', () => {
    const text = `Intro. “${SAID},” Dimitar Kolev said.`;
    const [q] = findQuotes(text);
    expect(text.slice(q.start, q.end)).toBe(`“${SAID},”`);
    expect(text.slice(q.inner.start, q.inner.end)).toBe(`${SAID},`);
    expect(q.speakerSpan && text.slice(q.speakerSpan.start, q.speakerSpan.end)).toBe(
      'Dimitar Kolev',
    );
  });

  it('points a pronoun at the earlier mention', () => {
    const text = `Ana Petrova said the plan was late. "${SAID}," she said.`;
    const [q] = findQuotes(text);
    expect(q.speakerSpan).toEqual({ start: 0, end: 'Ana Petrova'.length });
  });

  it('points a surname at its own place', () => {
    const text = `Dimitar Kolev arrived. "${SAID}," Kolev said.`;
    const [q] = findQuotes(text);
    const at = text.lastIndexOf('Kolev');
    expect(q).toMatchObject({ speaker: 'Dimitar Kolev', speakerSpan: { start: at, end: at + 5 } });
  });

  it('finds nothing in an empty text', () => {
    expect(findQuotes('')).toEqual([]);
  });
});

describe('speakerFor', () => {
  const text = `Energy Minister Almaz Toktorov said the start was agreed "in principle" in February. "${SAID}," Kolev said.`;

  it('names the speaker of a tagged quotation, with or without its marks', () => {
    const start = text.indexOf(SAID);
    expect(speakerFor(text, start, start + SAID.length)).toBe('Kolev');
    expect(speakerFor(text, start - 1, start + SAID.length + 2)).toBe('Kolev');
  });

  it('attributes a tagged short quotation findQuotes skipped', () => {
    const start = text.indexOf('in principle');
    expect(speakerFor(text, start, start + 12)).toBe('Almaz Toktorov');
  });

  it('says nothing for a passage no one says', () => {
    expect(speakerFor(text, 0, 6)).toBeUndefined();
  });
});

/** The samples as read by hand: each quotation's opening words and its speaker. */
const samples: Array<[string, Expected]> = [
  [
    '01-river-dam-dispute.md',
    [
      ['We were promised 30 days', 'Dana Serikbayeva'],
      ['We will use every channel', 'Dana Serikbayeva'],
      ['Not one cubic metre', 'Almaz Toktorov'],
      ['The surface area alone', 'Gulnara Ospan'],
      ['Anyone can draw a line', 'Nurbek Ömürzakov'],
      ['The canal at our head gate', 'Yerlan Kassymov'],
      ['Everyone in Bishkek says', 'Yerlan Kassymov'],
      ['any significant change in regime', undefined],
      ['according to plan', 'Almaz Toktorov'],
      ['as a gesture of good neighbourliness', 'Almaz Toktorov'],
      ['It is welcome', 'Gulnara Ospan'],
    ],
  ],
  [
    '02-harbour-fire-report.txt',
    [
      ['Seven people lost their lives', 'Matías Urrejola'],
      ['These are the confirmed figures', 'Matías Urrejola'],
      ['The number the governor is using', undefined], // "a senior nurse", unnamed
      ['Until every one of them is found', 'Rosa Ferrada'],
      ['deeply regrets the loss of life', undefined], // "the company"
      ['We had water on it', 'Julián Sepúlveda'],
      ['If the number changes', 'Matías Urrejola'],
    ],
  ],
  [
    '03-border-wall-claims.txt',
    [
      ['Across Hodh El Chargui', 'Sidi Mohamed Ould Cheikhna'],
      ['The results speak for themselves', 'Sidi Mohamed Ould Cheikhna'],
      ['By our count', 'Khadijetou Mint Lemrabott'],
      ['Pictures from space', 'Sidi Mohamed Ould Cheikhna'],
      ['in the coming weeks', 'Sidi Mohamed Ould Cheikhna'],
      ['We were told the wall', 'Aïchetou Mint Saleck'],
      ['The government has sold this wall', 'Mariem Mint Diallo'],
      ['If we are wrong', 'Khadijetou Mint Lemrabott'],
    ],
  ],
];

describe('the sample articles', () => {
  it.each(samples)('%s', (file, expected) => {
    const text = readFileSync(new URL(`../../resources/samples/${file}`, import.meta.url), 'utf8');
    const quotes = findQuotes(text);
    expect(quotes.map((q) => [text.slice(q.inner.start, q.inner.start + 50), q.speaker])).toEqual(
      expected.map(([words, speaker]) => [expect.stringMatching(new RegExp(`^${words}`)), speaker]),
    );
    // Short scare quotes stay out: "in principle", "amateur arithmetic".
    for (const q of quotes)
      expect(text[q.start - 1] === undefined || /[\s(—–-]/.test(text[q.start - 1])).toBe(true);
  });
});
