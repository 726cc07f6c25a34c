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

  it('filters 10,000 annotations quickly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      annotation({ tag: i % 2 ? 'claim' : 'quote' }),
    );
    const t = performance.now();
    expect(filterAnnotations(many, { ...NO_FILTER, tags: ['quote'] })).toHaveLength(5000);
    filterCounts(many);
    expect(performance.now() - t).toBeLessThan(100);
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
