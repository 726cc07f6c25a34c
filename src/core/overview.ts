import { CLAIM_STATUSES } from './details';
import type { Annotation, DocumentMeta, Tag } from './model';

// The whole case at a glance: counts per tag and per document, the table of figures, the
// quotes by speaker and the claims by status, for one document or the whole workspace.
// Pure: the services gather the annotations, the overview panel shows what this computes.

/** One document and its annotations (in text order), as the overview reads them. */
export interface OverviewSource {
  meta: Pick<DocumentMeta, 'id' | 'title'>;
  annotations: readonly Annotation[];
}

/** How many annotations carry a tag. */
export interface TagCount {
  tagId: string;
  /** The tag's name, or its id when the tag set no longer has it. */
  name: string;
  color: string;
  count: number;
}

/** How many annotations a document has, in all and per tag (the workspace's tag order). */
export interface DocumentCount {
  documentId: string;
  title: string;
  count: number;
  /** Of `count`, those whose passage was lost in an update of the text. */
  orphans: number;
  byTag: TagCount[];
}

/** An annotation the overview lists; an orphan has no passage to jump to. */
export interface OverviewItem {
  documentId: string;
  documentTitle: string;
  annotationId: string;
  quote: string;
  orphan: boolean;
}

/** A row of the table of figures. */
export interface FigureRow extends OverviewItem {
  /** The number, or null when the figure has none yet. */
  value: number | null;
  /** The upper end of a range ("10–12"), or null. */
  valueMax: number | null;
  unit: string;
  qualifier: string;
  counted: string;
}

/** Quotes of one speaker; `speaker` null holds those whose speaker is not known. */
export interface SpeakerGroup {
  speaker: string | null;
  items: OverviewItem[];
}

/** Claims of one status (those without one count as the default, the first status). */
export interface StatusGroup {
  status: (typeof CLAIM_STATUSES)[number];
  items: OverviewItem[];
}

export interface Overview {
  /** Of one document, or of the whole workspace. */
  scope: 'document' | 'workspace';
  documents: number;
  total: number;
  orphans: number;
  /** Every tag of the set in its order (zero counts included), then tags the set lacks. */
  byTag: TagCount[];
  /** In the workspace's order of documents. */
  byDocument: DocumentCount[];
  /** In document order, then text order; see sortFigures. */
  figures: FigureRow[];
  /** Annotations tagged Location, and of them those placed on the map (with coordinates). */
  places: { tagged: number; located: number };
  /** Largest group first; the unknown speaker last. */
  quotes: SpeakerGroup[];
  /** In the order of CLAIM_STATUSES; only statuses that have claims. */
  claims: StatusGroup[];
}

/** The colour of a tag the tag set no longer has. */
const UNKNOWN_TAG_COLOR = '#868e96';

const text = (v: unknown): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');
const numberOrNull = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/** Counts per tag of some annotations, every tag of the set listed first in its order. */
function countTags(annotations: Iterable<Annotation>, tags: readonly Tag[]): TagCount[] {
  const counts = new Map<string, number>();
  for (const a of annotations) counts.set(a.tag, (counts.get(a.tag) ?? 0) + 1);
  const known = tags.map((t) => ({
    tagId: t.id,
    name: t.name,
    color: t.color,
    count: counts.get(t.id) ?? 0,
  }));
  const ids = new Set(tags.map((t) => t.id));
  const unknown = [...counts]
    .filter(([id]) => !ids.has(id))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, count]) => ({ tagId: id, name: id, color: UNKNOWN_TAG_COLOR, count }));
  return [...known, ...unknown];
}

/** The overview of some documents (one for a document's overview, all for the workspace's). */
export function computeOverview(
  sources: readonly OverviewSource[],
  tags: readonly Tag[],
  scope: Overview['scope'] = sources.length === 1 ? 'document' : 'workspace',
): Overview {
  const all = sources.flatMap((s) => s.annotations);
  const item = (s: OverviewSource, a: Annotation): OverviewItem => ({
    documentId: s.meta.id,
    documentTitle: s.meta.title,
    annotationId: a.id,
    quote: a.quote,
    orphan: a.orphan === true,
  });

  const figures: FigureRow[] = [];
  const speakers = new Map<string, { speaker: string | null; items: OverviewItem[] }>();
  const statuses = new Map<StatusGroup['status'], OverviewItem[]>();
  let tagged = 0;
  let located = 0;
  for (const s of sources) {
    for (const a of s.annotations) {
      const d = a.details;
      switch (a.tag) {
        case 'figure':
          figures.push({
            ...item(s, a),
            value: numberOrNull(d['value']),
            valueMax: numberOrNull(d['valueMax']),
            unit: text(d['unit']),
            qualifier: text(d['qualifier']),
            counted: text(d['counted']),
          });
          break;
        case 'quote': {
          const speaker = text(d['speaker']);
          // The same speaker however written: "Ilse Brandt", "ilse  brandt".
          const key = speaker.toLocaleLowerCase();
          const group = speakers.get(key) ?? { speaker: speaker || null, items: [] };
          group.items.push(item(s, a));
          speakers.set(key, group);
          break;
        }
        case 'claim': {
          const given = text(d['status']);
          const status = CLAIM_STATUSES.find((c) => c === given) ?? CLAIM_STATUSES[0];
          statuses.set(status, [...(statuses.get(status) ?? []), item(s, a)]);
          break;
        }
        case 'location':
          tagged++;
          if (!a.orphan && numberOrNull(d['lat']) !== null && numberOrNull(d['lon']) !== null)
            located++;
          break;
      }
    }
  }

  const quotes = [...speakers.values()].sort(
    (a, b) =>
      Number(a.speaker === null) - Number(b.speaker === null) ||
      b.items.length - a.items.length ||
      (a.speaker ?? '').localeCompare(b.speaker ?? ''),
  );

  return {
    scope,
    documents: sources.length,
    total: all.length,
    orphans: all.filter((a) => a.orphan).length,
    byTag: countTags(all, tags),
    byDocument: sources.map((s) => ({
      documentId: s.meta.id,
      title: s.meta.title,
      count: s.annotations.length,
      orphans: s.annotations.filter((a) => a.orphan).length,
      byTag: countTags(s.annotations, tags),
    })),
    figures,
    places: { tagged, located },
    quotes,
    claims: CLAIM_STATUSES.flatMap((status) => {
      const items = statuses.get(status);
      return items ? [{ status, items }] : [];
    }),
  };
}

export type FigureSortKey = 'value' | 'unit' | 'document' | 'passage';
export type SortDirection = 'asc' | 'desc';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The figures sorted by a column, ascending or descending. Figures without a number (or
 * without a unit, by unit) come last either way; ties keep their order (document, then text).
 */
export function sortFigures(
  rows: readonly FigureRow[],
  key: FigureSortKey,
  direction: SortDirection,
): FigureRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const missing = (r: FigureRow) =>
    key === 'value' ? r.value === null : key === 'unit' ? r.unit === '' : false;
  const compare = (a: FigureRow, b: FigureRow): number => {
    switch (key) {
      case 'value':
        return a.value! - b.value! || (a.valueMax ?? a.value!) - (b.valueMax ?? b.value!);
      case 'unit':
        return collator.compare(a.unit, b.unit);
      case 'document':
        return collator.compare(a.documentTitle, b.documentTitle);
      case 'passage':
        return collator.compare(a.quote, b.quote);
    }
  };
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        Number(missing(a.row)) - Number(missing(b.row)) ||
        (missing(a.row) ? 0 : sign * compare(a.row, b.row)) ||
        a.index - b.index,
    )
    .map(({ row }) => row);
}
