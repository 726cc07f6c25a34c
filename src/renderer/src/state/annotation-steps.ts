import type { Annotation } from '../../../shared/api';

// How each list of annotations came from the one before it, so the reader can repaint just the
// annotations that changed instead of comparing 10,000 of them on every keystroke.

/** One change of the open document's list: the objects taken out and the objects put in. */
export interface AnnotationStep {
  from: readonly Annotation[];
  removed: readonly Annotation[];
  added: readonly Annotation[];
}

// Keyed by the resulting list; a list nobody holds any more is forgotten with it.
const steps = new WeakMap<readonly Annotation[], AnnotationStep>();

/** Remembers that `to` is `step.from` with `step.removed` taken out and `step.added` put in. */
export function recordStep(to: readonly Annotation[], step: AnnotationStep): void {
  steps.set(to, step);
}

/**
 * The steps that lead from `from` to `to`, oldest first; null when `to` did not come from
 * `from` by recorded steps (another document, or more than `limit` steps apart).
 */
export function stepsBetween(
  from: readonly Annotation[],
  to: readonly Annotation[],
  limit = 64,
): AnnotationStep[] | null {
  const chain: AnnotationStep[] = [];
  for (let at = to; at !== from;) {
    const step = steps.get(at);
    if (!step || chain.length >= limit) return null;
    chain.push(step);
    at = step.from;
  }
  return chain.reverse();
}
