import { useEffect, useId, useState } from 'react';
import type { Annotation, PlaceCandidate } from '../../../shared/api';
import type { DetailField } from '../../../core/details';
import { detailFields } from '../../../core/details';
import { placeDetails } from '../../../core/gazetteer';
import { useDocumentAnalysis } from './analysis-context';

type Details = Annotation['details'];

interface DetailsEditorProps {
  annotation: Annotation;
  readOnly: boolean;
  /** The changed fields only (null removes one), so quick edits of two fields never clash. */
  onChange(patch: Details): void;
}

/** The structured details of the selected annotation's tag, each saved when the field is left. */
export function DetailsEditor({ annotation, readOnly, onChange }: DetailsEditorProps) {
  const { names } = useDocumentAnalysis();
  const namesId = useId();
  const fields = detailFields(annotation.tag);
  if (fields.length === 0) return null;
  const placeName = annotation.details['name'];
  // Only who-said-it fields offer the document's names (a 2 MB report can name hundreds).
  const offersNames = names.length > 0 && fields.some((f) => NAMED_FIELDS.has(f.key));
  return (
    <fieldset className="details-fields" disabled={readOnly}>
      <legend>Details</legend>
      {fields.map((field) => (
        <DetailInput
          key={`${annotation.id}:${field.key}`}
          field={field}
          value={annotation.details[field.key]}
          // People and organisations the document names are offered for who said or claimed it.
          suggestions={offersNames && NAMED_FIELDS.has(field.key) ? namesId : undefined}
          onCommit={(value) => onChange({ [field.key]: value })}
        />
      ))}
      {annotation.tag === 'location' && (
        <PlacePicker
          key={annotation.id}
          name={typeof placeName === 'string' && placeName ? placeName : annotation.quote}
          placeId={annotation.details['placeId']}
          onPick={onChange}
        />
      )}
      {offersNames && (
        <datalist id={namesId}>
          {names.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      )}
    </fieldset>
  );
}

const NAMED_FIELDS = new Set(['claimant', 'speaker']);

/** Clears what a match set, leaving the name as written. */
const UNMATCHED: Details = { kind: null, country: null, lat: null, lon: null, placeId: null };

/**
 * The gazetteer's places for a location's name, likeliest first: the analyst confirms or picks
 * another (several places share a name), or keeps it a plain name.
 */
function PlacePicker({
  name,
  placeId,
  onPick,
}: {
  name: string;
  placeId: Details[string] | undefined;
  onPick(patch: Details): void;
}) {
  const { placeCandidates } = useDocumentAnalysis();
  const [found, setFound] = useState<{
    name: string;
    places: PlaceCandidate[];
    problem?: string;
  } | null>(null);
  useEffect(() => {
    let current = true;
    void placeCandidates(name).then((result) => {
      if (!current) return;
      if (result.ok) setFound({ name, places: result.value });
      else setFound({ name, places: [], problem: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [name, placeCandidates]);

  const places = found?.name === name ? found.places : [];
  const chosen = typeof placeId === 'string' ? placeId : '';
  // A place picked before stays listed even when the name no longer finds it.
  const listed = chosen && !places.some((p) => p.id === chosen);
  return (
    <div className="detail-field place-picker">
      <label htmlFor="detail-place-match">Gazetteer</label>
      <select
        id="detail-place-match"
        value={chosen}
        disabled={!found}
        onChange={(e) => {
          const place = places.find((p) => p.id === e.target.value);
          onPick(place ? { ...placeDetails(place) } : UNMATCHED);
        }}
      >
        <option value="">
          {found && places.length === 0 ? 'No match: a plain name' : 'Not matched: a plain name'}
        </option>
        {listed && <option value={chosen}>{name} (chosen before)</option>}
        {places.map((place) => (
          <option key={place.id} value={place.id}>
            {place.label}
          </option>
        ))}
      </select>
      {found?.problem && (
        <p className="detail-problem" role="status">
          {found.problem}
        </p>
      )}
    </div>
  );
}

interface DetailInputProps {
  field: DetailField;
  value: Details[string] | undefined;
  /** The id of a datalist of values to offer. */
  suggestions?: string | undefined;
  onCommit(value: string | number | null): void;
}

function DetailInput({ field, value, suggestions, onCommit }: DetailInputProps) {
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
        list={suggestions}
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
