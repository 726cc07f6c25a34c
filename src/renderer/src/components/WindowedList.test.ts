import { describe, expect, it } from 'vitest';
import { visibleRows } from './WindowedList';

describe('visibleRows', () => {
  it.each<[number, number, number, number, { start: number; end: number }]>([
    // list top (px, relative to the scroller's view), view height, row height, rows
    [100, 600, 50, 10_000, { start: 0, end: 22 }], // list starts below the top: rows 0–9 + overscan
    [-5_000, 600, 50, 10_000, { start: 88, end: 124 }], // scrolled 100 rows in
    [-499_800, 600, 50, 10_000, { start: 9_984, end: 10_000 }], // the end, clamped
    [0, 0, 50, 5, { start: 0, end: 5 }],
  ])('top %d, view %d, rows of %d: %j', (top, view, row, count, expected) => {
    expect(visibleRows(top, view, row, count)).toEqual(expected);
  });
});
