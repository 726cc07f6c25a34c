import { describe, expect, it } from 'vitest';
import type { Palette } from '../../core/palettes';
import { cssVariable, PALETTES } from '../../core/palettes';
import styles from './styles.css?raw';
import theme from './theme.css?raw';

/** The variables a rule block declares, by name. */
function declared(css: string, selector: string): Record<string, string> {
  const at = css.indexOf(`${selector} {`);
  if (at === -1) throw new Error(`no ${selector} block`);
  const block = css.slice(at, css.indexOf('}', at));
  return Object.fromEntries(
    [...block.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]),
  );
}

const expected = (palette: Palette) =>
  Object.fromEntries(
    (Object.keys(palette) as (keyof Palette)[]).map((k) => [cssVariable(k), palette[k]]),
  );

describe('theme palettes', () => {
  it('styles.css declares the light palette the contrast tests check', () => {
    expect(declared(styles, ':root')).toMatchObject(expected(PALETTES.light));
  });

  it('theme.css declares the dark palette the contrast tests check', () => {
    expect(declared(theme, ":root[data-theme='dark']")).toMatchObject(expected(PALETTES.dark));
  });
});
