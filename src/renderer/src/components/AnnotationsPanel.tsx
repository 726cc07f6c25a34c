import { useMemo, useState } from 'react';
import type { Annotation, AnnotationPatch, PageSpan, Tag } from '../../../shared/api';
import { readableOn } from '../../../core/colors';
import { detailsSummary } from '../../../core/details';
import { pageAt } from '../../../core/pages';
import { ROW_BACKGROUNDS } from '../../../core/palettes';
import { countOf, LiveCount } from './LiveMessage';
import {
  NO_FILTER,
  filterAnnotations,
  filterCounts,
  isFiltering,
} from '../state/annotation-filter';
import { AnnotationFilters } from './AnnotationFilters';
import { WindowedList } from './WindowedList';

// A row of a long (windowed) list: tag, quote and one line of details (styles.css .windowed).
const ROW_HEIGHT = 68;

// Tag names are drawn on a row's backgrounds (plain, selected, hovered) in either theme: made
// readable on all of a theme's, and theme.css picks the current theme's.
const inkOn = (color: string) => ({
  '--tag-ink-light': ROW_BACKGROUNDS.light.reduce((ink, bg) => readableOn(ink, bg), color),
  '--tag-ink-dark': ROW_BACKGROUNDS.dark.reduce((ink, bg) => readableOn(ink, bg), color),
});

/** The details in a line, unless they only repeat the quote (a place named as written). */
const summary = (a: Annotation) => {
  const line = detailsSummary(a.tag, a.details);
  return line === a.quote ? '' : line;
};
import { AnnotationDetails } from './AnnotationDetails';

/** What a screen reader hears when annotations are added or removed. */
const annotationsChange = (before: number | null, after: number) => {
  const delta = after - (before ?? 0);
  if (delta === 1) return 'Annotation added';
  if (delta === -1) return 'Annotation removed';
  return delta > 0
    ? `${countOf(delta, 'annotation')} added`
    : `${countOf(-delta, 'annotation')} removed`;
};

interface AnnotationsPanelProps {
  annotations: readonly Annotation[];
  tags: readonly Tag[];
  selectedId: string | null;
  /** The provisional annotation its saved successor last replaced (see UiState.replaced). */
  replaced?: { from: string; to: string } | null;
  readOnly: boolean;
  /** The open document's id: a new document starts a new count for the live announcements. */
  documentId?: string;
  /** PDF pages, to say which page each annotation is on. */
  pages?: readonly PageSpan[] | undefined;
  onSelect(id: string): void;
  onReattach(id: string): void;
  /** The suggestions panel, shown above the list while open. */
  suggestions?: React.ReactNode;
  onUpdate(id: string, patch: AnnotationPatch): void;
  onDelete(id: string): void;
}

/** Every annotation of the open document in text order, and the selected one's details. */
export function AnnotationsPanel(props: AnnotationsPanelProps) {
  const { annotations, tags, selectedId, pages } = props;
  const tagById = new Map(tags.map((t) => [t.id, t]));
  const selected = annotations.find((a) => a.id === selectedId) ?? null;
  const placed = annotations.filter((a) => !a.orphan);
  const [filter, setFilter] = useState(NO_FILTER);
  const filtering = isFiltering(filter);
  // Memoised: at 10,000 annotations, typing in a note must not recount and refilter them all.
  const counts = useMemo(() => filterCounts(annotations), [annotations]);
  const shown = useMemo(() => filterAnnotations(annotations, filter), [annotations, filter]);
  const shownPlaced = useMemo(() => shown.filter((a) => !a.orphan), [shown]);
  const shownOrphans = useMemo(() => shown.filter((a) => a.orphan), [shown]);
  const row = (a: Annotation) => {
    const tag = tagById.get(a.tag);
    const page = a.orphan || !pages ? undefined : pageAt(pages, a.start);
    const line = summary(a);
    return (
      <button
        type="button"
        className="annotation-row"
        aria-current={a.id === selectedId ? 'true' : undefined}
        onClick={() => props.onSelect(a.id)}
        style={
          {
            '--tag-color': tag?.color ?? '#868e96',
            ...inkOn(tag?.color ?? '#868e96'),
          } as React.CSSProperties
        }
      >
        <span className="row-head">
          <span className="tag-chip">{tag?.name ?? a.tag}</span>
          {page !== undefined && <span className="page-chip">p. {page}</span>}
        </span>
        <span className="annotation-quote" dir="auto">
          {a.quote}
        </span>
        {line && <span className="annotation-details">{line}</span>}
        {a.note && <span className="annotation-note">{a.note}</span>}
      </button>
    );
  };
  return (
    <aside className="pane annotations" aria-labelledby="annotations-heading">
      <h2 id="annotations-heading" className="pane-heading">
        Annotations{' '}
        <span className="count">
          {filtering ? `${shown.length} of ${annotations.length}` : placed.length || ''}
        </span>
      </h2>
      <LiveCount key={props.documentId} count={placed.length} describe={annotationsChange} />
      {props.suggestions}
      {annotations.length > 0 && (
        <AnnotationFilters tags={tags} counts={counts} filter={filter} onChange={setFilter} />
      )}
      {annotations.length === 0 ? (
        <div className="empty">
          <p>No annotations yet.</p>
          <p>
            Select a passage in the text, then press a tag button or its number key (
            {tags
              .map((t) => t.hotkey)
              .filter(Boolean)
              .join(', ')}
            ).
          </p>
        </div>
      ) : filtering && shown.length === 0 ? (
        <p className="empty">No annotations match these filters.</p>
      ) : (
        <WindowedList
          items={shownPlaced}
          rowHeight={ROW_HEIGHT}
          label="Annotations"
          className="annotation-list"
          keyOf={(a) => a.id}
          render={row}
        />
      )}
      {shownOrphans.length > 0 && (
        <section className="orphans" aria-labelledby="orphans-heading">
          <h2 id="orphans-heading" className="pane-heading">
            Orphaned <span className="count">{shownOrphans.length}</span>
          </h2>
          <p className="orphans-hint">
            Their text changed or vanished when the document was updated. Select a passage and
            re-attach, or delete them.
          </p>
          <WindowedList
            items={shownOrphans}
            rowHeight={ROW_HEIGHT}
            label="Orphaned annotations"
            className="annotation-list"
            keyOf={(a) => a.id}
            render={row}
          />
        </section>
      )}
      {selected && (
        <AnnotationDetails
          // Saving a new annotation swaps its provisional id for the real one: the details stay
          // the same box, so typing in its note goes on undisturbed.
          key={props.replaced?.to === selected.id ? props.replaced.from : selected.id}
          annotation={selected}
          tags={tags}
          readOnly={props.readOnly}
          onUpdate={props.onUpdate}
          onDelete={props.onDelete}
          onReattach={props.onReattach}
        />
      )}
    </aside>
  );
}
