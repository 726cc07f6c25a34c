import { describe, expect, it } from 'vitest';
import type { Annotation } from './model';
import { contextOf, findAll, searchDocument, searchableText } from './search';

const spans = (text: string, query: string) =>
  findAll(text, query).map((m) => text.slice(m.start, m.end));

describe('findAll', () => {
  it('ignores case and diacritics, answering offsets into the original text', () => {
    const text = 'Drought in the Sāhel; the SAHEL and the sahel.';
    expect(spans(text, 'sahel')).toEqual(['Sāhel', 'SAHEL', 'sahel']);
    expect(spans(text, 'Sāhel')).toEqual(['Sāhel', 'SAHEL', 'sahel']);
  });

  it('takes in combining marks written after the letters (decomposed text)', () => {
    const text = 'the Sa\u0304hel region';
    expect(spans(text, 'sa')).toEqual(['Sa\u0304']);
    expect(spans(text, 'sahel')).toEqual(['Sa\u0304hel']);
  });

  it('keeps offsets right after emoji and other astral characters', () => {
    const text = '🌍🌊 flood in Sāhel 👍🏽 Sahel';
    const found = findAll(text, 'sahel');
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['Sāhel', 'Sahel']);
    expect(found[0]!.start).toBe(text.indexOf('Sāhel'));
  });

  it('keeps offsets past a leading U+FEFF and a lone surrogate', () => {
    const text = '\uFEFFa\uD800 Sāhel';
    const [m] = findAll(text, 'sahel');
    expect(m).toEqual({ start: 4, end: 9 });
  });

  it('finds Arabic with or without its vowel marks', () => {
    const text = 'قالَ الرئيسُ إنّ الساحل يعاني';
    expect(spans(text, 'الساحل')).toEqual(['الساحل']);
    // The vowelled query matches the bare text, and the bare query the vowelled text.
    expect(spans(text, 'الرئيس')).toEqual(['الرئيسُ']);
    expect(spans('الساحِل', 'الساحل')).toEqual(['الساحِل']);
  });

  it('finds nothing for an empty query, and stops at the limit', () => {
    expect(findAll('abc', '  ')).toEqual([]);
    expect(findAll('a a a a', 'a', 2)).toHaveLength(2);
  });
});

describe('contextOf', () => {
  it('gives a few words either side, stopping at line breaks', () => {
    const text =
      'First line.\nOne two three four five six seven MATCH eight nine ten eleven twelve thirteen.\nNext.';
    const start = text.indexOf('MATCH');
    const c = contextOf(text, start, start + 5);
    expect(c.match).toBe('MATCH');
    // "…" says the line goes on beyond the words shown.
    expect(c.before).toBe('…three four five six seven ');
    expect(c.after).toBe(' eight nine ten eleven twelve…');
    expect(c.before).not.toContain('\n');
    const first = contextOf(text, 0, 5);
    expect(first).toEqual({ before: '', match: 'First', after: ' line.' });
  });

  it('keeps right-to-left text whole around the match', () => {
    const text = 'قال الرئيس إن الساحل يعاني من الجفاف';
    const [m] = findAll(text, 'الساحل');
    const c = contextOf(text, m!.start, m!.end);
    expect(c.before + c.match + c.after).toBe(text);
    expect(c.match).toBe('الساحل');
  });
});

const annotation = (over: Partial<Annotation>): Annotation => ({
  id: 'a1',
  documentId: 'd1',
  tag: 'claim',
  start: 0,
  end: 5,
  quote: 'Storm',
  prefix: '',
  suffix: '',
  textHash: 'a'.repeat(64),
  note: '',
  details: {},
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('searchDocument', () => {
  const doc = (annotations: Annotation[]) => ({
    documentId: 'd1',
    title: 'Storms',
    text: searchableText('Storm season. The storm wall held.'),
    annotations,
  });

  it('says what matched: text, quote, note or detail', () => {
    const hits = searchDocument(
      doc([
        annotation({ note: 'Check the storm figures' }),
        annotation({
          id: 'a2',
          quote: 'wall',
          details: { status: 'disputed', claimant: 'Storm Bureau' },
        }),
      ]),
      'storm',
    );
    expect(hits.map((h) => [h.kind, h.detail ?? '', h.context.match])).toEqual([
      ['text', '', 'Storm'],
      ['text', '', 'storm'],
      ['quote', '', 'Storm'],
      ['note', '', 'storm'],
      ['detail', 'claimant', 'Storm'],
    ]);
    const note = hits.find((h) => h.kind === 'note')!;
    expect(note).toMatchObject({ annotationId: 'a1', start: 0, end: 5 });
    expect(note.context).toEqual({ before: 'Check the ', match: 'storm', after: ' figures' });
  });

  it('finds a detail by its value and stops at the limit', () => {
    const hits = searchDocument(doc([annotation({ details: { status: 'disputed' } })]), 'DISPUTED');
    expect(hits).toMatchObject([{ kind: 'detail', detail: 'status' }]);
    expect(searchDocument(doc([annotation({})]), 'storm', 1)).toHaveLength(1);
  });
});
