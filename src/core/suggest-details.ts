import { figureDetails, parseFigure } from './figures';
import type { Details } from './model';
import { speakerFor } from './quotes';

// Characters after a figure read for what it counts: "210 km | of concrete walls".
const FIGURE_CONTEXT = 60;

/**
 * The details Gloss can read from a tagged passage and its context: a figure's value and unit,
 * a quote's speaker, a place's name, a claim's status. The analyst corrects them by hand.
 */
export function suggestDetails(tag: string, text: string, start: number, end: number): Details {
  switch (tag) {
    case 'figure': {
      const figure = parseFigure(text.slice(start, end), text.slice(end, end + FIGURE_CONTEXT));
      return figure ? figureDetails(figure) : {};
    }
    case 'quote': {
      const speaker = speakerFor(text, start, end);
      return speaker ? { speaker } : {};
    }
    case 'location':
      return { name: text.slice(start, end).trim() };
    case 'claim':
      return { status: 'unverified' };
    default:
      return {};
  }
}

/**
 * Details for a change of tag: what was typed stays, the new tag's empty fields are suggested
 * (`found`, when given, stands in for what the passage suggests: a place from the gazetteer).
 */
export function withSuggestedDetails(
  details: Details,
  tag: string,
  text: string,
  start: number,
  end: number,
  found?: Details,
): Details {
  const suggested = found ?? suggestDetails(tag, text, start, end);
  const merged: Details = { ...details };
  for (const [key, value] of Object.entries(suggested)) {
    if (merged[key] === undefined || merged[key] === null || merged[key] === '')
      merged[key] = value;
  }
  return merged;
}
