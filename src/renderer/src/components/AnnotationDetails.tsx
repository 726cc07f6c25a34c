import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Annotation, AnnotationPatch, Tag } from '../../../shared/api';
import { DetailsEditor } from './DetailsEditor';

interface AnnotationDetailsProps {
  annotation: Annotation;
  tags: readonly Tag[];
  readOnly: boolean;
  onUpdate(id: string, patch: AnnotationPatch): void;
  onDelete(id: string): void;
  onReattach(id: string): void;
}

// Notes save after a pause in typing (one undo step per pause), and at once on leaving the box.
const NOTE_SAVE_DELAY_MS = 600;

/** The selected annotation: its tag (changeable), its note, and delete. */
export function AnnotationDetails({
  annotation,
  tags,
  readOnly,
  onUpdate,
  onDelete,
  onReattach,
}: AnnotationDetailsProps) {
  const [draft, setDraft] = useState(annotation.note);
  // Refs, not state: the save runs from timers and unmount, and must see the latest values.
  const draftRef = useRef(annotation.note);
  const saved = useRef(annotation.note);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const focused = useRef(false);
  const latest = useRef({ onUpdate, id: annotation.id });
  useLayoutEffect(() => {
    latest.current = { onUpdate, id: annotation.id };
  });

  const save = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (draftRef.current !== saved.current) {
      saved.current = draftRef.current;
      latest.current.onUpdate(latest.current.id, { note: draftRef.current });
    }
  }, []);

  // An undo or redo can change the note underneath us: follow it unless the user is typing.
  useEffect(() => {
    if (!focused.current && annotation.note !== saved.current) {
      saved.current = annotation.note;
      draftRef.current = annotation.note;
      setDraft(annotation.note);
    }
  }, [annotation.note]);

  // Leaving the annotation (or the panel) never drops a note being typed.
  useEffect(() => save, [save]);

  return (
    <section className="details" aria-labelledby="details-heading">
      <h3 id="details-heading">Selected annotation</h3>
      <blockquote className="details-quote" dir="auto">
        {annotation.quote}
      </blockquote>
      {annotation.orphan && (
        <div className="orphan-note">
          <p>This passage was not found in the updated text. Select where it belongs now:</p>
          <button
            type="button"
            disabled={readOnly}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onReattach(annotation.id)}
          >
            Re-attach to selection
          </button>
        </div>
      )}
      <label htmlFor="annotation-tag">Tag</label>
      <select
        id="annotation-tag"
        value={annotation.tag}
        disabled={readOnly}
        onChange={(e) => onUpdate(annotation.id, { tag: e.target.value })}
      >
        {tags.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
        {!tags.some((t) => t.id === annotation.tag) && (
          <option value={annotation.tag}>{annotation.tag}</option>
        )}
      </select>
      <DetailsEditor
        annotation={annotation}
        readOnly={readOnly}
        onChange={(detailsPatch) => onUpdate(annotation.id, { detailsPatch })}
      />
      <label htmlFor="annotation-note">Note</label>
      <textarea
        id="annotation-note"
        value={draft}
        rows={5}
        readOnly={readOnly}
        placeholder="Why this passage matters, sources, follow-ups…"
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          save();
        }}
        onChange={(e) => {
          draftRef.current = e.target.value;
          setDraft(e.target.value);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(save, NOTE_SAVE_DELAY_MS);
        }}
      />
      <div className="details-footer">
        <span className="details-dates" title={`Created ${annotation.created}`}>
          Edited {new Date(annotation.modified).toLocaleString()}
        </span>
        <button
          type="button"
          className="danger"
          disabled={readOnly}
          onClick={() => onDelete(annotation.id)}
        >
          Delete annotation
        </button>
      </div>
    </section>
  );
}
