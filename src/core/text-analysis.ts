import type { Gazetteer, Place } from './gazetteer';
import { placeDetails, placeLabel } from './gazetteer';
import type { Annotation, Details } from './model';
import type { NamedEntity } from './places';
import { documentContext, findPeopleAndOrganisations } from './places';
import type { Suggestion } from './suggestions';
import { findSuggestions } from './suggestions';

// The detectors behind Suggest, the place picker and the claimant list, over one text at a
// time. Pure: the services run it in a worker thread so long texts never stall a window.

export type AnnotationSpan = Pick<Annotation, 'tag' | 'start' | 'end' | 'orphan'>;

/** One place a name may stand for, with the line that tells it apart in a picker. */
export interface PlaceCandidate extends Place {
  label: string;
}

export interface TextAnalysis {
  suggest(
    text: string,
    annotations: readonly AnnotationSpan[],
    rejected: readonly string[],
  ): Suggestion[];
  /** The places `name` may be, likeliest first for what the text is about. */
  placeCandidates(text: string, name: string): PlaceCandidate[];
  /** A new location annotation's details: the likeliest place, or just its name when none matches. */
  locationDetails(text: string, name: string): Details;
  /** People and organisations the text names: candidate claimants. */
  namedEntities(text: string): NamedEntity[];
}

/** Analysis over a gazetteer (null: no places are matched, names stay plain). */
export function createTextAnalysis(gazetteer: Gazetteer | null): TextAnalysis {
  // The country context of the last text asked about: the picker asks again and again.
  let contextFor: { text: string; countries: readonly string[] } | null = null;
  const context = (text: string) => {
    if (!gazetteer) return { countries: [] };
    if (contextFor?.text !== text)
      contextFor = { text, countries: documentContext(text, gazetteer).countries };
    return { countries: contextFor.countries };
  };
  const candidates = (text: string, name: string): PlaceCandidate[] =>
    gazetteer
      ? gazetteer
          .candidates(name, context(text))
          .slice(0, 20)
          .map((place) => ({ ...place, label: placeLabel(place) }))
      : [];

  return {
    suggest: (text, annotations, rejected) =>
      findSuggestions(text, annotations, new Set(rejected), gazetteer ?? undefined),
    placeCandidates: candidates,
    locationDetails(text, name) {
      const trimmed = name.trim();
      const best = candidates(text, trimmed)[0];
      return best ? placeDetails(best) : { name: trimmed };
    },
    namedEntities: (text) => findPeopleAndOrganisations(text, gazetteer ?? undefined),
  };
}
