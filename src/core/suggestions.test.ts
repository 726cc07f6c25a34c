import { describe, expect, it } from 'vitest';
import { findSuggestions } from './suggestions';

const TEXT =
  'The ministry says it built over 210 kilometres of concrete walls. "We will finish the rest by June," Minister Ilse Brandt said.\n';

describe('findSuggestions', () => {
  it('proposes figures and quotations with their details, in text order', () => {
    const found = findSuggestions(TEXT, [], new Set());
    expect(found.map((s) => [s.tag, s.quote])).toEqual([
      ['figure', 'over 210 kilometres of concrete walls'],
      ['quote', '"We will finish the rest by June,"'],
    ]);
    expect(found[0]!.details).toMatchObject({ value: 210, unit: 'km', qualifier: 'over' });
    expect(found[1]!.details).toEqual({ speaker: 'Ilse Brandt' });
    for (const s of found) expect(TEXT.slice(s.start, s.end)).toBe(s.quote);
  });

  it('leaves out what is annotated with the same tag, and what was rejected', () => {
    const [figure, quote] = findSuggestions(TEXT, [], new Set());
    expect(
      findSuggestions(
        TEXT,
        [{ tag: 'figure', start: figure!.start + 5, end: figure!.start + 8 }],
        new Set(),
      ).map((s) => s.tag),
    ).toEqual(['quote']);
    // Another tag over the same words does not hide it, nor does an orphan.
    expect(
      findSuggestions(TEXT, [{ tag: 'claim', start: 0, end: TEXT.length }], new Set()),
    ).toHaveLength(2);
    expect(
      findSuggestions(
        TEXT,
        [{ tag: 'figure', start: 0, end: TEXT.length, orphan: true }],
        new Set(),
      ),
    ).toHaveLength(2);
    expect(findSuggestions(TEXT, [], new Set([quote!.key])).map((s) => s.tag)).toEqual(['figure']);
  });
});
