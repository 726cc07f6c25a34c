import type { Annotation, AnnotationPatch, PageSpan, Tag } from '../../../shared/api';
import { readableOn } from '../../../core/colors';
import { detailsSummary } from '../../../core/details';
import { pageAt } from '../../../core/pages';
import { WindowedList } from './WindowedList';

// A row of a long (windowed) list: tag, quote and one line of details (styles.css .windowed).
const ROW_HEIGHT = 68;

// The panel's background (styles.css --pane): tag names drawn on it must stay readable.
const PANEL_BACKGROUND = '#fbfaf8';

/** The details in a line, unless they only repeat the quote (a place named as written). */
const summary = (a: Annotation) => {
  const line = detailsSummary(a.tag, a.details);
  return line === a.quote ? '' : line;
};
import { AnnotationDetails } from './AnnotationDetails';

interface AnnotationsPanelProps {
  annotations: readonly Annotation[];
  tags: readonly Tag[];
  selectedId: string | null;
  readOnly: boolean;
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
  const orphans = annotations.filter((a) => a.orphan);
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
            '--tag-ink': readableOn(tag?.color ?? '#868e96', PANEL_BACKGROUND),
          } as React.CSSProperties
        }
      >
        <span className="row-head">
          <span className="tag-chip">{tag?.name ?? a.tag}</span>
          {page !== undefined && <span className="page-chip">p. {page}</span>}
        </span>
        <span className="annotation-quote">{a.quote}</span>
        {line && <span className="annotation-details">{line}</span>}
        {a.note && <span className="annotation-note">{a.note}</span>}
      </button>
    );
  };
  return (
    <aside className="pane annotations" aria-labelledby="annotations-heading">
      <h2 id="annotations-heading" className="pane-heading">
        Annotations <span className="count">{placed.length || ''}</span>
      </h2>
      {props.suggestions}
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
      ) : (
        <WindowedList
          items={placed}
          rowHeight={ROW_HEIGHT}
          label="Annotations"
          className="annotation-list"
          keyOf={(a) => a.id}
          render={row}
        />
      )}
      {orphans.length > 0 && (
        <section className="orphans" aria-labelledby="orphans-heading">
          <h2 id="orphans-heading" className="pane-heading">
            Orphaned <span className="count">{orphans.length}</span>
          </h2>
          <p className="orphans-hint">
            Their text changed or vanished when the document was updated. Select a passage and
            re-attach, or delete them.
          </p>
          <WindowedList
            items={orphans}
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
          key={selected.id}
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
