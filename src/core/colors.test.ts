import { describe, expect, it } from 'vitest';
import { composite, contrastRatio, HIGHLIGHT_ALPHA, mix, readableOn } from './colors';
import { PALETTES } from './palettes';

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

describe('highlights', () => {
  // Every colour an analyst can pick, coarsely: each channel at 0, 51, … 255.
  const steps = [0, 51, 102, 153, 204, 255].map((v) => v.toString(16).padStart(2, '0'));
  const palette = steps.flatMap((r) => steps.flatMap((g) => steps.map((b) => `#${r}${g}${b}`)));
  // The real palettes (styles.css and theme.css are checked against them).
  const themes = [
    { name: 'light', ...PALETTES.light },
    { name: 'dark', ...PALETTES.dark },
  ];

  it.each(themes)('keep body text readable (≥ 4.5:1) over any tag colour, $name theme', (theme) => {
    const worst = Math.min(
      ...palette.map((c) => contrastRatio(theme.ink, composite(c, theme.paper, HIGHLIGHT_ALPHA))),
    );
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });
});
