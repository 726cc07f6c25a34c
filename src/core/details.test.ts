import { describe, expect, it } from 'vitest';
import { applyDetailsPatch, detailFields, detailsProblem, detailsSummary } from './details';

describe('detailFields', () => {
  it('gives each built-in tag its fields and custom tags none', () => {
    expect(detailFields('figure').map((f) => f.key)).toEqual([
      'value',
      'valueMax',
      'unit',
      'qualifier',
      'counted',
    ]);
    expect(detailFields('claim').map((f) => f.key)).toEqual(['claimant', 'status']);
    expect(detailFields('quote').map((f) => f.key)).toEqual(['speaker']);
    expect(detailFields('location').map((f) => f.key)).toEqual([
      'name',
      'kind',
      'country',
      'lat',
      'lon',
    ]);
    expect(detailFields('my-tag')).toEqual([]);
  });
});

describe('detailsProblem', () => {
  it.each([
    ['figure', { value: 210, unit: 'km', qualifier: 'over' }, null],
    ['figure', { value: '210' }, 'Value must be a number.'],
    ['figure', { value: Number.NaN }, 'Value must be a number.'],
    [
      'figure',
      { qualifier: 'roughly' },
      'Qualifier must be one of: over, about, under, nearly, at least, at most, up to.',
    ],
    ['claim', { status: 'disputed', claimant: 'the ministry' }, null],
    [
      'claim',
      { status: 'maybe' },
      'Status must be one of: unverified, supported, disputed, false.',
    ],
    ['location', { name: 'Mosul', lat: 36.34, lon: 43.13 }, null],
    ['location', { lat: 91 }, 'Latitude must be between -90 and 90.'],
    ['location', { lon: -181 }, 'Longitude must be between -180 and 180.'],
    ['location', { kind: 'planet' }, 'Kind must be one of: country, region, city, other.'],
    ['quote', { speaker: 'Dimitar Kolev', extra: 1 }, null],
    ['figure', { value: null, unit: '' }, null],
  ] as const)('%s %j → %s', (tag, details, problem) => {
    expect(detailsProblem(tag, details)).toBe(problem);
  });
});

describe('detailsSummary', () => {
  it('summarises each tag in a line', () => {
    expect(
      detailsSummary('figure', {
        value: 210,
        unit: 'km',
        qualifier: 'over',
        counted: 'concrete walls',
      }),
    ).toBe('over 210 km · concrete walls');
    expect(detailsSummary('figure', { value: 20, valueMax: 25, unit: '%' })).toBe('20–25 %');
    expect(detailsSummary('figure', { value: 8000, unit: 'people', counted: 'people' })).toBe(
      '8,000 people',
    );
    expect(detailsSummary('quote', { speaker: 'Rosa Ferrada' })).toBe('— Rosa Ferrada');
    expect(detailsSummary('claim', { status: 'disputed', claimant: 'the governor' })).toBe(
      'disputed · by the governor',
    );
    expect(detailsSummary('location', { name: 'Nouakchott', country: 'Mauritania' })).toBe(
      'Nouakchott, Mauritania',
    );
    expect(detailsSummary('location', { name: 'Mali', kind: 'country', country: 'Mali' })).toBe(
      'Mali',
    );
    expect(detailsSummary('my-tag', { a: 1 })).toBe('');
    expect(detailsSummary('quote', {})).toBe('');
  });
});

describe('applyDetailsPatch', () => {
  it('sets the named fields, removes those given as null, and leaves the rest', () => {
    const before = { status: 'disputed', claimant: 'the mayor', note: 1 };
    expect(applyDetailsPatch(before, { claimant: 'the council', note: null })).toEqual({
      status: 'disputed',
      claimant: 'the council',
    });
    expect(before).toEqual({ status: 'disputed', claimant: 'the mayor', note: 1 });
  });
});
