import { figureDetails, findFigures } from './figures';
import type { Gazetteer } from './gazetteer';
import { placeDetails } from './gazetteer';
import type { Annotation, Details } from './model';
import { findPlaces } from './places';
import { findQuotes } from './quotes';

/** A passage Gloss proposes to annotate; nothing is annotated until the analyst accepts. */
export interface Suggestion {
  /** Stable for the same passage and tag, so a rejection can be remembered. */
  key: string;
  tag: string;
  start: number;
  end: number;
  quote: string;
  details: Details;
}

/**
 * Figures, quotations and (given a gazetteer) places found in a text, minus those the analyst
 * already annotated with the same tag (overlapping) or rejected before. In text order.
 */
export function findSuggestions(
  text: string,
  annotations: readonly Pick<Annotation, 'tag' | 'start' | 'end' | 'orphan'>[],
  rejected: ReadonlySet<string>,
  gazetteer?: Gazetteer,
): Suggestion[] {
  const found: Suggestion[] = [];
  const add = (tag: string, start: number, end: number, details: Details) => {
    const key = `${tag}:${start}:${end}`;
    const taken = annotations.some(
      (a) => !a.orphan && a.tag === tag && a.start < end && start < a.end,
    );
    if (!taken && !rejected.has(key))
      found.push({ key, tag, start, end, quote: text.slice(start, end), details });
  };
  for (const f of findFigures(text)) add('figure', f.start, f.end, figureDetails(f));
  for (const q of findQuotes(text))
    add('quote', q.start, q.end, q.speaker ? { speaker: q.speaker } : {});
  if (gazetteer)
    for (const p of findPlaces(text, gazetteer))
      add('location', p.start, p.end, placeDetails(p.candidates[0]!));
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}
