import { describe, expect, it } from 'vitest';
import { forbiddenKeyPath, issuePath } from './json-guard';

describe('forbiddenKeyPath', () => {
  it.each<[string, string | null]>([
    ['{"a":1,"b":[{"c":2}]}', null],
    ['{"__proto__":{"polluted":true}}', '__proto__'],
    [
      '{"annotations":[{"details":{"constructor":{"prototype":1}}}]}',
      'annotations[0].details.constructor',
    ],
    ['[{"x":{"prototype":null}}]', '[0].x.prototype'],
    ['"just a string"', null],
  ])('%s', (json, expected) => {
    expect(forbiddenKeyPath(JSON.parse(json))).toBe(expected);
  });

  it('refuses nesting deep enough to exhaust a recursive reader, without recursing itself', () => {
    const deep = JSON.parse('['.repeat(10_000) + ']'.repeat(10_000));
    expect(forbiddenKeyPath(deep)).toMatch(/nested more than 64 levels/);
  });
});

describe('issuePath', () => {
  it('reads as people write paths', () => {
    expect(issuePath(['annotations', 3, 'details', 'value'])).toBe('annotations[3].details.value');
    expect(issuePath([])).toBe('');
  });
});
