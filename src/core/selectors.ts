import type { Span } from './graphemes';
import { snapToGraphemes, trimSpan } from './graphemes';

/** Characters of context kept either side of a quote, as the Web Annotation TextQuoteSelector. */
export const CONTEXT_LENGTH = 32;

/** TextPosition + TextQuote selectors for one passage of a canonical text. */
export interface Selectors {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

/**
 * Makes the selectors for a selected span: trims white space, snaps to grapheme clusters, and
 * keeps 32 characters of prefix and suffix (themselves never splitting a surrogate pair).
 * Returns null when nothing but white space was selected.
 */
export function createSelectors(text: string, selected: Span): Selectors | null {
  const trimmed = trimSpan(text, {
    start: Math.max(0, Math.min(selected.start, selected.end)),
    end: Math.min(text.length, Math.max(selected.start, selected.end)),
  });
  if (trimmed.end <= trimmed.start) return null;
  const { start, end } = snapToGraphemes(text, trimmed);
  return {
    start,
    end,
    quote: text.slice(start, end),
    prefix: text.slice(offSurrogate(text, start - CONTEXT_LENGTH, -1), start),
    suffix: text.slice(end, offSurrogate(text, end + CONTEXT_LENGTH, +1)),
  };
}

/** Clamps an index and, if it falls inside a surrogate pair, moves it out in `direction`. */
function offSurrogate(text: string, index: number, direction: -1 | 1): number {
  const i = Math.max(0, Math.min(text.length, index));
  const code = text.charCodeAt(i);
  const inPair = code >= 0xdc00 && code <= 0xdfff && i > 0;
  return inPair ? i + direction : i;
}

/** True when the stored quote still stands at the stored position of `text`. */
export function quoteMatchesAt(
  text: string,
  sel: Pick<Selectors, 'start' | 'end' | 'quote'>,
): boolean {
  return text.slice(sel.start, sel.end) === sel.quote;
}
