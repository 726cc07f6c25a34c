import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseViewSettings, resolveTheme, stepTextSize } from './view-settings';

describe('view settings', () => {
  it('reads what was stored', () => {
    expect(parseViewSettings('{"theme":"dark","textSize":22,"lineWidth":"wide"}')).toEqual({
      theme: 'dark',
      textSize: 22,
      lineWidth: 'wide',
    });
  });

  it('falls back field by field on missing, unknown or broken values', () => {
    expect(parseViewSettings(null)).toEqual(DEFAULT_VIEW);
    expect(parseViewSettings('not json')).toEqual(DEFAULT_VIEW);
    expect(parseViewSettings('[1]')).toEqual(DEFAULT_VIEW);
    expect(parseViewSettings('{"theme":"sepia","textSize":19,"lineWidth":"toString"}')).toEqual(
      DEFAULT_VIEW,
    );
    expect(parseViewSettings('{"theme":"light"}')).toEqual({ ...DEFAULT_VIEW, theme: 'light' });
  });

  it('steps the text size within its range', () => {
    expect(stepTextSize(18, 1)).toBe(20);
    expect(stepTextSize(18, -1)).toBe(17);
    expect(stepTextSize(15, -1)).toBe(15);
    expect(stepTextSize(24, 1)).toBe(24);
  });

  it('follows the system only when asked to', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
