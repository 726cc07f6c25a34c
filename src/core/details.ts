import type { Details } from './model';

// The structured details each built-in tag carries, as flat fields of an annotation's
// `details` (a flat record, so exports and CSV columns stay simple). Custom tags have none yet.

/** One editable detail field. */
export interface DetailField {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'choice';
  /** For 'choice': the allowed values, the first being the default. */
  choices?: readonly string[];
}

export const PLACE_KINDS = ['', 'country', 'region', 'city', 'other'] as const;
export const CLAIM_STATUSES = ['unverified', 'supported', 'disputed', 'false'] as const;
export const FIGURE_QUALIFIERS = [
  '',
  'over',
  'about',
  'under',
  'nearly',
  'at least',
  'at most',
  'up to',
] as const;

const FIELDS: Record<string, readonly DetailField[]> = {
  claim: [
    { key: 'claimant', label: 'Claimant', kind: 'text' },
    { key: 'status', label: 'Status', kind: 'choice', choices: CLAIM_STATUSES },
  ],
  quote: [{ key: 'speaker', label: 'Speaker', kind: 'text' }],
  location: [
    { key: 'name', label: 'Place', kind: 'text' },
    { key: 'kind', label: 'Kind', kind: 'choice', choices: PLACE_KINDS },
    { key: 'country', label: 'Country', kind: 'text' },
    { key: 'lat', label: 'Latitude', kind: 'number' },
    { key: 'lon', label: 'Longitude', kind: 'number' },
  ],
  figure: [
    { key: 'value', label: 'Value', kind: 'number' },
    { key: 'valueMax', label: 'Up to (range)', kind: 'number' },
    { key: 'unit', label: 'Unit', kind: 'text' },
    { key: 'qualifier', label: 'Qualifier', kind: 'choice', choices: FIGURE_QUALIFIERS },
    { key: 'counted', label: 'What is counted', kind: 'text' },
  ],
};

/** The detail fields of a tag (none for tags without structured details). */
export function detailFields(tagId: string): readonly DetailField[] {
  return FIELDS[tagId] ?? [];
}

/**
 * Checks details against their tag's fields: numbers are finite numbers, choices are allowed
 * values, latitude and longitude are on the globe. Returns the problem, or null when they fit.
 * Keys a tag does not define are kept (details survive a change of tag and back).
 */
export function detailsProblem(tagId: string, details: Details): string | null {
  for (const field of detailFields(tagId)) {
    const value = details[field.key];
    if (value === undefined || value === null || value === '') continue;
    if (field.kind === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) {
      return `${field.label} must be a number.`;
    }
    if (field.kind === 'choice' && !field.choices?.includes(String(value))) {
      return `${field.label} must be one of: ${field.choices?.filter(Boolean).join(', ')}.`;
    }
  }
  const lat = details['lat'];
  const lon = details['lon'];
  if (tagId === 'location' && typeof lat === 'number' && Math.abs(lat) > 90)
    return 'Latitude must be between -90 and 90.';
  if (tagId === 'location' && typeof lon === 'number' && Math.abs(lon) > 180)
    return 'Longitude must be between -180 and 180.';
  return null;
}

/** A one-line summary of an annotation's details for lists: "over 210 km · concrete walls". */
export function detailsSummary(tagId: string, details: Details): string {
  const text = (key: string) => {
    const v = details[key];
    return v === undefined || v === null || v === '' ? '' : String(v);
  };
  switch (tagId) {
    case 'figure': {
      const value =
        text('value') &&
        `${formatNumber(details['value'])}${text('valueMax') ? `–${formatNumber(details['valueMax'])}` : ''}`;
      const amount = [text('qualifier'), value, text('unit')].filter(Boolean).join(' ');
      return [amount, text('counted') !== text('unit') ? text('counted') : '']
        .filter(Boolean)
        .join(' · ');
    }
    case 'quote':
      return text('speaker') && `— ${text('speaker')}`;
    case 'claim':
      return [text('status'), text('claimant') && `by ${text('claimant')}`]
        .filter(Boolean)
        .join(' · ');
    case 'location': {
      // A country is not repeated after itself: "Kazakhstan", not "Kazakhstan, Kazakhstan".
      const name = text('name');
      const country = text('country');
      return [name, country === name ? '' : country].filter(Boolean).join(', ');
    }
    default:
      return '';
  }
}

function formatNumber(v: unknown): string {
  return typeof v === 'number'
    ? v.toLocaleString('en-US', { maximumFractionDigits: 6 })
    : String(v);
}

/** `details` with the patch's fields set, and those the patch gives as null removed. */
export function applyDetailsPatch(details: Details, patch: Details): Details {
  const next: Details = { ...details };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}
