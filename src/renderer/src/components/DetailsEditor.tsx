import { useState } from 'react';
import type { Annotation } from '../../../shared/api';
import type { DetailField } from '../../../core/details';
import { detailFields } from '../../../core/details';

type Details = Annotation['details'];

interface DetailsEditorProps {
  annotation: Annotation;
  readOnly: boolean;
  /** The changed fields only (null removes one), so quick edits of two fields never clash. */
  onChange(patch: Details): void;
}

/** The structured details of the selected annotation's tag, each saved when the field is left. */
export function DetailsEditor({ annotation, readOnly, onChange }: DetailsEditorProps) {
  const fields = detailFields(annotation.tag);
  if (fields.length === 0) return null;
  return (
    <fieldset className="details-fields" disabled={readOnly}>
      <legend>Details</legend>
      {fields.map((field) => (
        <DetailInput
          key={`${annotation.id}:${field.key}`}
          field={field}
          value={annotation.details[field.key]}
          onCommit={(value) => onChange({ [field.key]: value })}
        />
      ))}
    </fieldset>
  );
}

interface DetailInputProps {
  field: DetailField;
  value: Details[string] | undefined;
  onCommit(value: string | number | null): void;
}

function DetailInput({ field, value, onCommit }: DetailInputProps) {
  const shown = value === undefined || value === null ? '' : String(value);
  const [draft, setDraft] = useState(shown);
  // Undo, redo or a change of tag can change the value underneath: follow it.
  const [following, setFollowing] = useState(shown);
  if (following !== shown) {
    setFollowing(shown);
    setDraft(shown);
  }
  const id = `detail-${field.key}`;

  const commit = (raw: string) => {
    if (raw === shown) return;
    if (raw.trim() === '') return onCommit(null);
    if (field.kind === 'number') {
      const n = Number(raw.replace(/,/g, ''));
      if (Number.isFinite(n)) onCommit(n);
      else setDraft(shown);
      return;
    }
    onCommit(raw.trim());
  };

  if (field.kind === 'choice') {
    return (
      <div className="detail-field">
        <label htmlFor={id}>{field.label}</label>
        <select
          id={id}
          value={shown}
          onChange={(e) => onCommit(e.target.value === '' ? null : e.target.value)}
        >
          {field.choices?.map((c) => (
            <option key={c} value={c}>
              {c === '' ? '—' : c}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return (
    <div className="detail-field">
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        type="text"
        inputMode={field.kind === 'number' ? 'decimal' : undefined}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => commit(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(draft);
          if (e.key === 'Escape') setDraft(shown);
        }}
      />
    </div>
  );
}
