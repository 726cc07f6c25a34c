import type { Annotation, AnnotationPatch, OpenedDocument } from '../../../shared/api';
import { applyDetailsPatch } from '../../../core/details';
import { createSelectors } from '../../../core/selectors';
import { suggestDetails, withSuggestedDetails } from '../../../core/suggest-details';

// What a change will look like once the services have saved it, computed in the renderer so
// it is painted in the same frame as the keystroke; the services' answer then replaces it.

const PROVISIONAL = 'provisional-';

/** True for the id of an annotation shown before the services gave it its real id. */
export const isProvisional = (id: string): boolean => id.startsWith(PROVISIONAL);

/** A provisional id, unique in this renderer. */
export const provisionalId = (n: number): string => `${PROVISIONAL}${n}`;

/**
 * The annotation a create will make: the same trimmed, grapheme-snapped selectors and the
 * details the services suggest from the passage (a place's gazetteer details arrive with the
 * answer). Null when only white space was selected.
 */
export function provisionalAnnotation(
  open: OpenedDocument,
  id: string,
  tag: string,
  span: { start: number; end: number },
  now: string,
): Annotation | null {
  const selectors = createSelectors(open.text, span);
  if (!selectors) return null;
  return {
    id,
    documentId: open.document.id,
    tag,
    ...selectors,
    textHash: open.document.textHash,
    note: '',
    details: suggestDetails(tag, open.text, selectors.start, selectors.end),
    created: now,
    modified: now,
  };
}

/** An annotation as an update will leave it (the services' rules, without the gazetteer). */
export function patchedAnnotation(
  before: Annotation,
  patch: AnnotationPatch,
  text: string,
  now: string,
): Annotation {
  const tag = patch.tag ?? before.tag;
  const retagging =
    patch.tag !== undefined && patch.details === undefined && patch.detailsPatch === undefined;
  let details = patch.details ?? before.details;
  if (patch.detailsPatch) details = applyDetailsPatch(details, patch.detailsPatch);
  else if (retagging && tag !== before.tag && !before.orphan)
    details = withSuggestedDetails(before.details, tag, text, before.start, before.end);
  return { ...before, tag, note: patch.note ?? before.note, details, modified: now };
}
