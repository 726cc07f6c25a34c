import type { Annotation } from '../../../shared/api';

// Which annotations the panel lists. Kinds combine with AND (a tag and a status); the choices
// within a kind with OR (claims or quotes).

export type NoteChoice = 'with' | 'without';

export interface AnnotationFilter {
  tags: readonly string[];
  /** Values of the `status` detail (claims: unverified, supported, disputed, false). */
  statuses: readonly string[];
  notes: readonly NoteChoice[];
  orphanedOnly: boolean;
}

export const NO_FILTER: AnnotationFilter = {
  tags: [],
  statuses: [],
  notes: [],
  orphanedOnly: false,
};

/** True when the filter leaves anything out. */
export function isFiltering(f: AnnotationFilter): boolean {
  return f.tags.length > 0 || f.statuses.length > 0 || f.notes.length > 0 || f.orphanedOnly;
}

const hasNote = (a: Annotation) => a.note.trim() !== '';
const statusOf = (a: Annotation) => {
  const s = a.details['status'];
  return typeof s === 'string' ? s : '';
};

/** The annotations the filter keeps, in their order (the same array when it keeps all). */
export function filterAnnotations(
  annotations: readonly Annotation[],
  f: AnnotationFilter,
): readonly Annotation[] {
  if (!isFiltering(f)) return annotations;
  const tags = new Set(f.tags);
  const statuses = new Set(f.statuses);
  const notes = new Set(f.notes);
  return annotations.filter(
    (a) =>
      (tags.size === 0 || tags.has(a.tag)) &&
      (statuses.size === 0 || statuses.has(statusOf(a))) &&
      (notes.size === 0 || notes.has(hasNote(a) ? 'with' : 'without')) &&
      (!f.orphanedOnly || a.orphan === true),
  );
}

/** How many annotations each tag, status, note choice and orphan state has, in one pass. */
export interface FilterCounts {
  tags: Map<string, number>;
  statuses: Map<string, number>;
  notes: Map<NoteChoice, number>;
  orphans: number;
}

export function filterCounts(annotations: readonly Annotation[]): FilterCounts {
  const counts: FilterCounts = {
    tags: new Map(),
    statuses: new Map(),
    notes: new Map(),
    orphans: 0,
  };
  const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const a of annotations) {
    bump(counts.tags, a.tag);
    const status = statusOf(a);
    if (status) bump(counts.statuses, status);
    bump(counts.notes, hasNote(a) ? 'with' : 'without');
    if (a.orphan) counts.orphans++;
  }
  return counts;
}

/** The list with a value added, or removed when it was there (a chip pressed). */
export function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}
