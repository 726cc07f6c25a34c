import { CodePointIndex } from './code-points';
import { detailFields } from './details';
import type { ExportInput, ExportSource } from './export-input';
import type { Annotation } from './model';
import { pageAt } from './structure';

// The CSV export: one header row, then one row per annotation, for spreadsheets and scripts.
//
// - RFC 4180: CRLF between records (and after the last), a field is quoted when it holds a comma,
//   a double quote, CR or LF, and quotes inside it are doubled. Line breaks inside a note stay as
//   they are (LF) inside its quoted field.
// - UTF-8 with a byte-order mark: without it Excel opens the file in the system's legacy code page
//   and garbles every non-ASCII character (Arabic, accents, emoji). LibreOffice, pandas
//   (encoding="utf-8-sig") and csv-parse ({ bom: true }) all read the BOM.
// - `start` and `end` count Unicode code points, 0-based, end exclusive — not the UTF-16 indices
//   Gloss stores, which mean nothing outside JavaScript. They match Python's str indices
//   into the canonical text: text[start:end] == quote. `page` is the PDF page the quote starts on.
// - An orphan (an annotation an update of its document could not place) keeps quote, context
//   and details, but its offsets refer to an earlier text: `start`, `end` and `page` are empty and
//   `orphan` says "true".
// - Formula injection (OWASP): a text cell beginning with =, +, -, @, tab or CR gets a leading
//   apostrophe, so a spreadsheet shows it instead of evaluating it. Only text is escaped: cells
//   written from numbers (offsets, page, value, value_max, lat, lon) stay numbers, so -33.9 sorts
//   and sums. A numeric detail stored as text (an imported file) is text, and escaped.
// - Details are written only in the columns of the annotation's own tag (details of a former tag
//   are kept by Gloss but not exported): place, country, lat, lon for locations; value, value_max,
//   unit, qualifier, counted for figures; speaker for quotes; claimant, status for claims.

/**
 * The columns, in order. `value_max` is the top of a figure's range ("10–15 km"): without it a
 * range would read as its bottom alone.
 */
export const CSV_COLUMNS = [
  'document',
  'tag',
  'quote',
  'prefix',
  'suffix',
  'start',
  'end',
  'page',
  'note',
  'value',
  'value_max',
  'unit',
  'qualifier',
  'counted',
  'place',
  'country',
  'lat',
  'lon',
  'speaker',
  'claimant',
  'status',
  // Last, for joins and audits: the annotation's id (as in the JSON export) and its times.
  'orphan',
  'id',
  'created',
  'modified',
] as const;

type Column = (typeof CSV_COLUMNS)[number];

/** A cell: a number (written as is) or text (escaped against formulas). */
type Cell = number | string | undefined;

/** Detail key per detail column (location's `name` is the `place` column). */
const DETAIL_COLUMNS: Partial<Record<Column, string>> = {
  value: 'value',
  value_max: 'valueMax',
  unit: 'unit',
  qualifier: 'qualifier',
  counted: 'counted',
  place: 'name',
  country: 'country',
  lat: 'lat',
  lon: 'lon',
  speaker: 'speaker',
  claimant: 'claimant',
  status: 'status',
};

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** Builds the CSV export of the input's documents and annotations (see the notes above). */
export function buildCsv(input: ExportInput): string {
  const tagNames = new Map(input.tags.map((t) => [t.id, t.name]));
  const lines = [CSV_COLUMNS.join(',')];
  for (const source of input.documents) {
    // One scan of the text for its surrogate pairs; each offset is then a binary search.
    const codePoints = new CodePointIndex(source.text);
    for (const a of source.annotations) {
      const row = rowOf(source, a, tagNames.get(a.tag) ?? a.tag, codePoints);
      lines.push(CSV_COLUMNS.map((c) => field(row[c])).join(','));
    }
  }
  return BOM + lines.join(CRLF) + CRLF;
}

function rowOf(
  source: ExportSource,
  a: Annotation,
  tagName: string,
  codePoints: CodePointIndex,
): Partial<Record<Column, Cell>> {
  const row: Partial<Record<Column, Cell>> = {
    document: source.meta.title,
    tag: tagName,
    quote: a.quote,
    prefix: a.prefix,
    suffix: a.suffix,
    note: a.note,
    orphan: a.orphan ? 'true' : '',
    id: a.id,
    created: a.created,
    modified: a.modified,
  };
  if (!a.orphan) {
    row.start = codePoints.toCodePoint(a.start) ?? undefined;
    row.end = codePoints.toCodePoint(a.end) ?? undefined;
    row.page = pageAt(source.pages, a.start);
  }
  const keys = new Set(detailFields(a.tag).map((f) => f.key));
  for (const [column, key] of Object.entries(DETAIL_COLUMNS) as [Column, string][]) {
    if (!keys.has(key)) continue;
    const v = a.details[key];
    row[column] =
      typeof v === 'number' ? (Number.isFinite(v) ? v : undefined) : v == null ? '' : String(v);
  }
  return row;
}

/** One CSV field: numbers as they are, text neutralised against formulas, quoted when needed. */
function field(cell: Cell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
