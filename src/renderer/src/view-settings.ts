// How the analyst likes to read: theme, text size and line width. Kept in localStorage (a
// preference of this machine, not of the workspace) and applied to <html> as an attribute and
// CSS variables, before the first render so a dark desk never flashes white.

export type ThemeChoice = 'system' | 'light' | 'dark';
export type LineWidth = 'narrow' | 'medium' | 'wide';

export interface ViewSettings {
  theme: ThemeChoice;
  /** The reader's text size in CSS pixels, one of TEXT_SIZES. */
  textSize: number;
  lineWidth: LineWidth;
}

export const TEXT_SIZES = [15, 16, 17, 18, 20, 22, 24] as const;
export const LINE_WIDTHS: Record<LineWidth, string> = {
  narrow: '36rem',
  medium: '44rem',
  wide: '58rem',
};
export const DEFAULT_VIEW: ViewSettings = { theme: 'system', textSize: 18, lineWidth: 'medium' };

const STORAGE_KEY = 'gloss.view';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Reads stored settings, falling back field by field on anything unknown (older or edited). */
export function parseViewSettings(stored: string | null): ViewSettings {
  let raw: Partial<Record<keyof ViewSettings, unknown>> = {};
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : {};
    if (parsed && typeof parsed === 'object') raw = parsed;
  } catch {
    // Not JSON: the defaults.
  }
  const theme = ['system', 'light', 'dark'].includes(raw.theme as string)
    ? (raw.theme as ThemeChoice)
    : DEFAULT_VIEW.theme;
  const textSize = (TEXT_SIZES as readonly unknown[]).includes(raw.textSize)
    ? (raw.textSize as number)
    : DEFAULT_VIEW.textSize;
  const lineWidth = Object.hasOwn(LINE_WIDTHS, raw.lineWidth as string)
    ? (raw.lineWidth as LineWidth)
    : DEFAULT_VIEW.lineWidth;
  return { theme, textSize, lineWidth };
}

/** The next text size up (+1) or down (-1), staying within TEXT_SIZES. */
export function stepTextSize(size: number, direction: 1 | -1): number {
  const i = TEXT_SIZES.findIndex((s) => s >= size);
  const at = i === -1 ? TEXT_SIZES.length - 1 : i;
  const next = Math.min(TEXT_SIZES.length - 1, Math.max(0, at + direction));
  return TEXT_SIZES[next]!;
}

/** The theme shown: the choice, or the system's when the choice is "system". */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

export function loadViewSettings(): ViewSettings {
  try {
    return parseViewSettings(localStorage.getItem(STORAGE_KEY));
  } catch {
    return DEFAULT_VIEW; // storage refused (privacy settings): defaults, not a crash
  }
}

export function saveViewSettings(settings: ViewSettings): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Not kept past this session; still applied.
  }
}

export const systemPrefersDark = (): boolean => window.matchMedia(DARK_QUERY).matches;

/** Calls back when the system switches between light and dark; returns the unsubscribe. */
export function onSystemThemeChange(callback: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', callback);
  return () => query.removeEventListener('change', callback);
}

/** Puts the settings on <html>: data-theme (theme.css) and the reader's size and width. */
export function applyViewSettings(settings: ViewSettings): void {
  const root = document.documentElement;
  root.dataset.theme = resolveTheme(settings.theme, systemPrefersDark());
  root.style.setProperty('--reader-size', `${settings.textSize}px`);
  root.style.setProperty('--reader-width', LINE_WIDTHS[settings.lineWidth]);
}
