import type { Annotation, Tag } from '../../../shared/api';
import { AnnotationDetails } from './AnnotationDetails';

interface AnnotationsPanelProps {
  annotations: readonly Annotation[];
  tags: readonly Tag[];
  selectedId: string | null;
  readOnly: boolean;
  onSelect(id: string): void;
  onUpdate(id: string, patch: { tag?: string; note?: string }): void;
  onDelete(id: string): void;
}

/** Every annotation of the open document in text order, and the selected one's details. */
export function AnnotationsPanel(props: AnnotationsPanelProps) {
  const { annotations, tags, selectedId } = props;
  const tagById = new Map(tags.map((t) => [t.id, t]));
  const selected = annotations.find((a) => a.id === selectedId) ?? null;
  return (
    <aside className="pane annotations" aria-labelledby="annotations-heading">
      <h2 id="annotations-heading" className="pane-heading">
        Annotations <span className="count">{annotations.length || ''}</span>
      </h2>
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
        <ul aria-label="Annotations" className="annotation-list">
          {annotations.map((a) => {
            const tag = tagById.get(a.tag);
            return (
              <li key={a.id}>
                <button
                  type="button"
                  className="annotation-row"
                  aria-current={a.id === selectedId ? 'true' : undefined}
                  onClick={() => props.onSelect(a.id)}
                  style={{ '--tag-color': tag?.color ?? '#868e96' } as React.CSSProperties}
                >
                  <span className="tag-chip">{tag?.name ?? a.tag}</span>
                  <span className="annotation-quote">{a.quote}</span>
                  {a.note && <span className="annotation-note">{a.note}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {selected && (
        <AnnotationDetails
          key={selected.id}
          annotation={selected}
          tags={tags}
          readOnly={props.readOnly}
          onUpdate={props.onUpdate}
          onDelete={props.onDelete}
        />
      )}
    </aside>
  );
}
