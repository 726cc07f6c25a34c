import { describe, expect, it } from 'vitest';
import { contrastRatio, mix, readableOn } from './colors';

describe('colors', () => {
  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('darkens a light tag colour until text in it is readable on a light panel', () => {
    for (const color of ['#ffd43b', '#69db7c', '#e8590c', '#1c7ed6', '#ffffff']) {
      const ink = readableOn(color, '#fbfaf8');
      expect(contrastRatio(ink, '#fbfaf8'), color).toBeGreaterThanOrEqual(4.5);
    }
    expect(readableOn('#1f2328', '#fbfaf8')).toBe('#1f2328'); // already readable: unchanged
  });

  it('lightens a dark colour on a dark background', () => {
    const ink = readableOn('#1c3d7a', '#1e1e1e');
    expect(contrastRatio(ink, '#1e1e1e')).toBeGreaterThanOrEqual(4.5);
  });

  it('mixes colours', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mix('#123456', '#000000', 0)).toBe('#123456');
  });
});
