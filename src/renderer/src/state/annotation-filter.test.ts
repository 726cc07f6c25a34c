import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/api';
import {
  NO_FILTER,
  filterAnnotations,
  filterCounts,
  isFiltering,
  toggled,
} from './annotation-filter';

let n = 0;
const annotation = (over: Partial<Annotation>): Annotation => ({
  id: `a${++n}`,
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

const disputed = annotation({ details: { status: 'disputed' }, note: 'check' });
const supported = annotation({ details: { status: 'supported' } });
const quote = annotation({ tag: 'quote', note: 'said twice' });
const orphan = annotation({ tag: 'figure', orphan: true });
const all = [disputed, supported, quote, orphan];

describe('filterAnnotations', () => {
  it('keeps everything, as the same list, without a filter', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(filterAnnotations(all, NO_FILTER)).toBe(all);
  });

  it('filters by tag, status, note and orphan state', () => {
    const only = (f: Partial<typeof NO_FILTER>) => filterAnnotations(all, { ...NO_FILTER, ...f });
    expect(only({ tags: ['quote'] })).toEqual([quote]);
    expect(only({ statuses: ['disputed'] })).toEqual([disputed]);
    expect(only({ notes: ['with'] })).toEqual([disputed, quote]);
    expect(only({ notes: ['without'] })).toEqual([supported, orphan]);
    expect(only({ orphanedOnly: true })).toEqual([orphan]);
  });

  it('combines kinds with AND and choices of a kind with OR', () => {
    const f = { ...NO_FILTER, tags: ['claim', 'quote'], notes: ['with' as const] };
    expect(filterAnnotations(all, f)).toEqual([disputed, quote]);
    expect(filterAnnotations(all, { ...f, statuses: ['supported'] })).toEqual([]);
    expect(filterAnnotations(all, { ...NO_FILTER, statuses: ['supported', 'disputed'] })).toEqual([
      disputed,
      supported,
    ]);
  });

  it('filters and counts 10,000 annotations reading each a bounded number of times', () => {
    // Reads of each annotation's fields, counted: a pass per tag or status (or a scan of the
    // list per annotation) multiplies them, with 100 statuses here, where one pass reads each a
    // few times.
    let reads = 0;
    const many = Array.from(
      { length: 10_000 },
      (_, i) =>
        new Proxy(
          annotation({
            tag: i % 2 ? 'claim' : 'quote',
            details: { status: `s${i % 100}` },
            note: i % 4 ? '' : 'check',
          }),
          {
            get: (target, key, receiver) => {
              reads++;
              return Reflect.get(target, key, receiver) as unknown;
            },
          },
        ),
    );
    const kept = filterAnnotations(many, { ...NO_FILTER, tags: ['quote'], notes: ['with'] });
    const counts = filterCounts(many);
    expect(reads).toBeLessThanOrEqual(10 * many.length);
    expect(kept).toHaveLength(2500);
    expect(counts.tags.get('quote')).toBe(5000);
    expect(counts.statuses.size).toBe(100);
    expect(counts.statuses.get('s99')).toBe(100);
    expect(Object.fromEntries(counts.notes)).toEqual({ with: 2500, without: 7500 });
  });
});

describe('filterCounts', () => {
  it('counts each tag, status, note choice and the orphans', () => {
    const c = filterCounts(all);
    expect(Object.fromEntries(c.tags)).toEqual({ claim: 2, quote: 1, figure: 1 });
    expect(Object.fromEntries(c.statuses)).toEqual({ disputed: 1, supported: 1 });
    expect(Object.fromEntries(c.notes)).toEqual({ with: 2, without: 2 });
    expect(c.orphans).toBe(1);
  });
});

describe('toggled', () => {
  it('adds a missing value and removes a present one', () => {
    expect(toggled(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a')).toEqual(['b']);
  });
});
