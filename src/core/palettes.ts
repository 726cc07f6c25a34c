// The colours of the two themes, in one place: styles.css (light) and theme.css (dark) declare
// them as CSS variables, a renderer test checks both files against these, and the contrast
// tests and the annotations list compute tag colours against them.

export interface Palette {
  /** The window behind the panes. */
  bg: string;
  /** The library and annotations panes. */
  pane: string;
  /** The reader's page, dialogs and fields. */
  paper: string;
  ink: string;
  inkSoft: string;
  inkFaint: string;
  line: string;
  accent: string;
  danger: string;
  focus: string;
}

export type ThemeName = 'light' | 'dark';

export const PALETTES: Record<ThemeName, Palette> = {
  light: {
    bg: '#f7f6f3',
    pane: '#fbfaf8',
    paper: '#ffffff',
    ink: '#1f2328',
    inkSoft: '#57606a',
    inkFaint: '#656d76',
    line: '#e4e1da',
    accent: '#3b5bdb',
    danger: '#c92a2a',
    focus: '#4c6ef5',
  },
  dark: {
    bg: '#141518',
    pane: '#191b1e',
    paper: '#1b1d21',
    ink: '#e6e3dc',
    inkSoft: '#b3b9c0',
    inkFaint: '#8d959e',
    line: '#33363c',
    accent: '#8ea6ff',
    danger: '#ff8787',
    focus: '#7d95ff',
  },
};

/** A palette key as its CSS variable: inkSoft → --ink-soft. */
export const cssVariable = (key: keyof Palette): string =>
  `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * What a row of a list sits on: the pane, the paper of a selected row, a hovered button
 * (styles.css and theme.css `button:hover`). Tag names in rows must be readable on each.
 */
export const ROW_BACKGROUNDS: Record<ThemeName, readonly string[]> = {
  light: [PALETTES.light.pane, PALETTES.light.paper, '#f3f1ec'],
  dark: [PALETTES.dark.pane, PALETTES.dark.paper, '#25282d'],
};
