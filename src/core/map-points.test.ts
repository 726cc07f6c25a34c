import { describe, expect, it } from 'vitest';
import { mapPoints, pointRadius, type LocatedPassage } from './map-points';

let serial = 0;
const at = (
  name: string,
  lat: number,
  lon: number,
  extra: Partial<LocatedPassage> = {},
): LocatedPassage => ({
  documentId: 'd1',
  documentTitle: 'Report',
  annotationId: `a${++serial}`,
  quote: name,
  name,
  lat,
  lon,
  ...extra,
});

const summary = (passages: LocatedPassage[]) =>
  mapPoints(passages).map((p) => `${p.name} ${p.passages.length}`);

describe('mapPoints', () => {
  const cases: { title: string; passages: LocatedPassage[]; expected: string[] }[] = [
    { title: 'nothing located', passages: [], expected: [] },
    { title: 'one place', passages: [at('Mosul', 36.34, 43.13)], expected: ['Mosul 1'] },
    {
      title: 'the same coordinates under different names are one place',
      passages: [
        at('Mosul', 36.34, 43.13),
        at('the city of Mosul', 36.3401, 43.1302),
        at('Mosul', 36.3398, 43.1299),
      ],
      expected: ['Mosul 3'],
    },
    {
      title: 'coordinates more than 0.01° apart are different places',
      passages: [at('Mosul', 36.34, 43.13), at('Bartella', 36.35, 43.38)],
      expected: ['Bartella 1', 'Mosul 1'],
    },
    {
      title: 'most mentioned first, then by name',
      passages: [
        at('Aleppo', 36.2, 37.16),
        at('Raqqa', 35.95, 39.01),
        at('Mosul', 36.34, 43.13),
        at('Raqqa', 35.95, 39.01),
        at('Mosul', 36.34, 43.13),
        at('Mosul', 36.34, 43.13),
      ],
      expected: ['Mosul 3', 'Raqqa 2', 'Aleppo 1'],
    },
    {
      title: 'a gazetteer id groups even where coordinates differ',
      passages: [
        at('Nineveh Governorate', 36.0, 43.0, { placeId: 'gn:99062' }),
        at('Nineveh', 36.5, 42.5, { placeId: 'gn:99062' }),
        at('Nineveh', 36.5, 42.5, { placeId: 'gn:99062' }),
      ],
      expected: ['Nineveh 3'],
    },
    {
      title: 'different gazetteer ids stay apart at the same coordinates',
      passages: [
        at('Paris', 48.85, 2.35, { placeId: 'gn:2988507' }),
        at('Île-de-France', 48.85, 2.35, { placeId: 'gn:3012874' }),
      ],
      expected: ['Île-de-France 1', 'Paris 1'],
    },
    {
      title: 'a tie between names goes to the one written first',
      passages: [at('Kyiv', 50.45, 30.52), at('Kiev', 50.45, 30.52)],
      expected: ['Kyiv 2'],
    },
    {
      title: 'the two sides of the antimeridian and of zero are one place',
      passages: [
        at('Taveuni', -16.85, 180),
        at('Taveuni', -16.85, -180),
        at('Null Island', 0.001, -0.001),
        at('Null Island', -0.001, 0.001),
      ],
      expected: ['Null Island 2', 'Taveuni 2'],
    },
    {
      title: 'passages without usable coordinates are left out',
      passages: [at('Nowhere', Number.NaN, 10), at('Beyond', 95, 10), at('Mosul', 36.34, 43.13)],
      expected: ['Mosul 1'],
    },
  ];

  it.each(cases)('$title', ({ passages, expected }) => {
    expect(summary(passages)).toEqual(expected);
  });

  it('keeps the passages in order and puts the point where the first one is', () => {
    const passages = [
      at('Mosul', 36.341, 43.131, { documentId: 'd2' }),
      at('the city of Mosul', 36.339, 43.129),
    ];
    const [point] = mapPoints(passages);
    expect(point).toMatchObject({ key: 'at:36.34,43.13', lat: 36.341, lon: 43.131 });
    expect(point!.passages).toEqual(passages);
  });

  it('gives every point a distinct, stable key', () => {
    const passages = [at('A', 1, 1), at('B', 2, 2), at('C', 3, 3, { placeId: 'x' })];
    const keys = mapPoints(passages).map((p) => p.key);
    expect(new Set(keys).size).toBe(3);
    expect(mapPoints([...passages].reverse()).map((p) => p.key)).toEqual(keys);
  });
});

describe('pointRadius', () => {
  const cases: { count: number; maxCount: number; expected: number }[] = [
    { count: 1, maxCount: 1, expected: 6 }, // a lone place is a dot, not a blot
    { count: 1, maxCount: 4, expected: 6 },
    { count: 4, maxCount: 4, expected: 12 }, // four times the area
    { count: 9, maxCount: 9, expected: 18 },
    { count: 100, maxCount: 100, expected: 18 }, // never larger
    { count: 25, maxCount: 100, expected: 9 }, // a quarter of the area of the largest
    { count: 1, maxCount: 100, expected: 4 }, // never smaller
    { count: 0, maxCount: 5, expected: 4 },
    { count: 3, maxCount: 0, expected: 6 * Math.sqrt(3) }, // a max below the count is ignored
  ];

  it.each(cases)('$count of $maxCount → $expected px', ({ count, maxCount, expected }) => {
    expect(pointRadius(count, maxCount)).toBeCloseTo(expected, 6);
  });

  it('grows with the count', () => {
    const radii = [1, 2, 3, 5, 8, 13, 21, 34].map((n) => pointRadius(n, 34));
    expect(radii).toEqual([...radii].sort((a, b) => a - b));
  });
});
