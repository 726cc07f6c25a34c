import type { Annotation } from './model';

// Search that ignores case and diacritics ("sahel" finds "Sāhel"), answering offsets into the
// original text. The text is folded once (NFD, combining marks dropped, lower case) with a map
// from each folded character back to the code point it came from.

/** What a search hit matched. */
export type SearchKind = 'text' | 'quote' | 'note' | 'detail';

/** A passage of a string around a match, split so the match can be emphasised. */
export interface SearchContext {
  before: string;
  match: string;
  after: string;
}

/** One place the query was found. */
export interface SearchHit {
  documentId: string;
  title: string;
  kind: SearchKind;
  /** Offsets in the document's text: the match for 'text', the annotation's passage otherwise. */
  start: number;
  end: number;
  /** The annotation matched (quote, note, detail). */
  annotationId?: string;
  /** The annotation is orphaned: its offsets belong to an older text. */
  orphan?: boolean;
  /** The detail matched, for 'detail'. */
  detail?: string;
  context: SearchContext;
}

export interface SearchResults {
  hits: SearchHit[];
  /** True when there were more hits than the limit: the rest are left out. */
  capped: boolean;
}

/** Most hits one search answers. */
export const SEARCH_LIMIT = 500;

/** A folded text and, for each of its characters, where it came from in the original. */
export interface FoldedText {
  folded: string;
  /** Original index of the code point each folded character came from. */
  from: Int32Array;
  /** Original index just after that code point. */
  to: Int32Array;
  length: number;
}

const MARKS = /\p{M}/gu;
// Texts repeat few distinct characters: each non-ASCII one is folded once.
const folds = new Map<number, string>();

/** One non-ASCII code point, folded: no combining marks, lower case (may be empty or longer). */
function foldCodePoint(code: number): string {
  let piece = folds.get(code);
  if (piece === undefined) {
    piece = String.fromCodePoint(code).normalize('NFD').replace(MARKS, '').toLowerCase();
    if (folds.size < 10_000) folds.set(code, piece);
  }
  return piece;
}

/** Folds a query the way texts are folded (and trims it). */
export function foldQuery(query: string): string {
  return query.trim().normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** Folds a text for searching, keeping the way back to its offsets. */
export function foldText(text: string): FoldedText {
  // Folding rarely lengthens a text; the buffers grow when it does.
  let units = new Uint16Array(text.length + 1);
  let from = new Int32Array(text.length + 1);
  let to = new Int32Array(text.length + 1);
  let n = 0;
  const room = (more: number) => {
    if (n + more <= units.length) return;
    const size = Math.max(units.length * 2, n + more);
    const grow = <T extends Uint16Array | Int32Array>(a: T, b: T): T => (b.set(a), b);
    units = grow(units, new Uint16Array(size));
    from = grow(from, new Int32Array(size));
    to = grow(to, new Int32Array(size));
  };
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    // ASCII, the bulk of most texts, needs no normalisation.
    if (code < 0x80) {
      room(1);
      units[n] = code >= 65 && code <= 90 ? code + 32 : code;
      from[n] = i;
      to[n] = i + 1;
      n++;
    } else {
      const piece = foldCodePoint(code);
      room(piece.length);
      for (let k = 0; k < piece.length; k++) {
        units[n] = piece.charCodeAt(k);
        from[n] = i;
        to[n] = i + width;
        n++;
      }
    }
    i += width;
  }
  // One decode, not a string per character; a leading U+FEFF is text here, not a byte-order mark.
  const folded = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(
    new Uint8Array(units.buffer, 0, n * 2),
  );
  return { folded, from, to, length: text.length };
}

/**
 * Every match of a query in a folded text, as original offsets, up to `limit`. A match takes
 * in the combining marks that follow its last letter, so it never splits a character.
 */
export function findInFolded(
  text: FoldedText,
  query: string,
  limit = Number.POSITIVE_INFINITY,
): { start: number; end: number }[] {
  const needle = foldQuery(query);
  const out: { start: number; end: number }[] = [];
  if (!needle) return out;
  const { folded, from, to } = text;
  for (let at = folded.indexOf(needle); at !== -1 && out.length < limit;) {
    const last = at + needle.length;
    const start = from[at]!;
    const end = last < folded.length ? Math.max(from[last]!, to[last - 1]!) : text.length;
    out.push({ start, end });
    at = folded.indexOf(needle, last);
  }
  return out;
}

/** Every match of a query in a string (folding it first). */
export function findAll(text: string, query: string, limit?: number) {
  return findInFolded(foldText(text), query, limit);
}

// Context: a few words either side, never past a line break, never too long.
const CONTEXT_WORDS = 5;
const CONTEXT_CHARS = 60;

/**
 * The words around [start, end) of a text, with the match split out; "…" marks where the line
 * goes on beyond them.
 */
export function contextOf(text: string, start: number, end: number): SearchContext {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end);
  const words = text
    .slice(Math.max(lineStart, start - CONTEXT_CHARS), start)
    .split(/(?=\s)/u)
    .slice(-CONTEXT_WORDS - 1)
    .join('');
  const wordsAfter = text
    .slice(end, Math.min(lineEnd, end + CONTEXT_CHARS))
    .split(/(?<=\s)/u)
    .slice(0, CONTEXT_WORDS + 1)
    .join('');
  const before = words.trimStart();
  const after = wordsAfter.trimEnd();
  return {
    before: start - before.length > lineStart ? `…${before}` : before,
    match: text.slice(start, end),
    after: end + after.length < lineEnd ? `${after}…` : after,
  };
}

/** What a document offers to search: its text (already folded when cached) and annotations. */
export interface SearchableDocument {
  documentId: string;
  title: string;
  text: FoldedText & { source: string };
  annotations: readonly Annotation[];
}

/** Folds a text and keeps it with its source, for searchDocument. */
export function searchableText(text: string): FoldedText & { source: string } {
  return { ...foldText(text), source: text };
}

/**
 * Hits of a query in one document: its text, then its annotations' quotes, notes and details,
 * at most `limit` in all.
 */
export function searchDocument(
  doc: SearchableDocument,
  query: string,
  limit = SEARCH_LIMIT,
): SearchHit[] {
  const { documentId, title } = doc;
  const hits: SearchHit[] = [];
  for (const m of findInFolded(doc.text, query, limit)) {
    hits.push({
      documentId,
      title,
      kind: 'text',
      ...m,
      context: contextOf(doc.text.source, m.start, m.end),
    });
  }
  for (const a of doc.annotations) {
    const fields: [SearchKind, string, string | undefined][] = [
      ['quote', a.quote, undefined],
      ['note', a.note, undefined],
      ...Object.entries(a.details).flatMap(([key, value]): [SearchKind, string, string][] =>
        typeof value === 'string' || typeof value === 'number'
          ? [['detail', String(value), key]]
          : [],
      ),
    ];
    for (const [kind, value, detail] of fields) {
      if (hits.length >= limit) return hits;
      const [m] = findAll(value, query, 1);
      if (!m) continue;
      hits.push({
        documentId,
        title,
        kind,
        start: a.start,
        end: a.end,
        annotationId: a.id,
        ...(a.orphan ? { orphan: true } : {}),
        ...(detail === undefined ? {} : { detail }),
        context: contextOf(value, m.start, m.end),
      });
    }
  }
  return hits.slice(0, limit);
}
