// Tag colours are chosen by analysts; text drawn in them must stay readable. WCAG 2 contrast.

/** Relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return (
    0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
  );
}

/** The WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour, darkened (or lightened) just enough for text on `background` to reach `ratio`. */
export function readableOn(color: string, background: string, ratio = 4.5): string {
  const towardsBlack = luminance(background) > 0.4;
  let current = color.toLowerCase();
  for (let step = 0; step <= 20 && contrastRatio(current, background) < ratio; step++) {
    current = mix(color, towardsBlack ? '#000000' : '#ffffff', step / 20);
  }
  return current;
}

/** Mixes two #rrggbb colours; `amount` 0 gives `a`, 1 gives `b`. */
export function mix(a: string, b: string, amount: number): string {
  const pa = Number.parseInt(a.slice(1), 16);
  const pb = Number.parseInt(b.slice(1), 16);
  const channel = (shift: number) =>
    Math.round(((pa >> shift) & 255) * (1 - amount) + ((pb >> shift) & 255) * amount);
  return `#${[16, 8, 0].map((s) => channel(s).toString(16).padStart(2, '0')).join('')}`;
}

/** The opaque colour a highlight of `color` at `alpha` shows over `paper`. */
export function composite(color: string, paper: string, alpha: number): string {
  return mix(paper, color, alpha);
}

/** How strongly the reader's highlights tint the text's background (highlight-painter). */
export const HIGHLIGHT_ALPHA = 0.28;
