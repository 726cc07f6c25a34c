import { canonicalize } from './canonical-text';
import type { ConvertedDocument, DocumentMetadata, Mark } from './structure';
import { BlockSchema, DocumentMetadataSchema, MarkSchema, PageSpanSchema } from './structure';

// Helpers every format converter shares: canonical block text with its marks kept in place,
// links that are safe to show, metadata that fits its schema, and a checker for the contract.

/** A mark relative to one block's text. */
export type BlockMark = Omit<Mark, never>;

/** A block's text made canonical (CR/CRLF -> LF, NFC) with its marks moved along. */
export function canonicalBlock(
  text: string,
  marks: readonly BlockMark[],
): { text: string; marks: BlockMark[] } {
  const canonical = canonicalize(text);
  if (canonical === text) return { text, marks: sortMarks(clampMarks(marks, text)) };
  // An offset maps to the length of the canonical form of the text before it (a boundary inside
  // a composed sequence lands on it). That form is built up between boundaries where
  // normalisation cannot reach across, so long blocks with many marks stay linear.
  const lead = text.length - text.replace(/^\uFEFF+/, '').length;
  const offsets = [...new Set(marks.flatMap((m) => [m.start, m.end]))].sort((a, b) => a - b);
  const mapped = new Map<number, number>();
  let raw = lead;
  let out = 0;
  for (const offset of offsets) {
    const at = Math.max(lead, Math.min(text.length, offset));
    let safe = at;
    while (safe > raw && !isInert(text, safe)) safe--;
    if (safe > raw) {
      out += normalise(text.slice(raw, safe)).length;
      raw = safe;
    }
    mapped.set(offset, Math.min(canonical.length, out + normalise(text.slice(raw, at)).length));
  }
  const moved = marks.map((m) => ({
    ...m,
    start: mapped.get(m.start) ?? 0,
    end: mapped.get(m.end) ?? 0,
  }));
  return { text: canonical, marks: sortMarks(clampMarks(moved, canonical)) };
}

const normalise = (s: string): string => s.replace(/\r\n?/g, '\n').normalize('NFC');

/**
 * True when normalisation never joins the character at `i` to the one before it: ASCII (but
 * the LF of a CRLF), kana and CJK ideographs are never the second half of a composition.
 */
function isInert(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return !(c === 0x0a && text.charCodeAt(i - 1) === 0x0d);
  return (
    (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || (c >= 0x4e00 && c <= 0x9fff)
  );
}

/** Marks in reading order: by start, the outer of two marks with one start first. */
export function sortMarks<M extends { start: number; end: number }>(marks: readonly M[]): M[] {
  return [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
}

// Within the text, and without white space at either edge (the space before a closing </em>).
function clampMarks(marks: readonly BlockMark[], text: string): BlockMark[] {
  const out: BlockMark[] = [];
  for (const m of marks) {
    let start = Math.max(0, Math.min(text.length, m.start));
    let end = Math.max(0, Math.min(text.length, m.end));
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (end > start) out.push({ ...m, start, end });
  }
  return out;
}

const UNSAFE_SCHEME = /^\s*(?:javascript|vbscript|data|file|blob|about):/i;
// Control characters (tabs and newlines too, which browsers strip from "java\nscript:"):
// never part of a link worth keeping.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A link target fit to show as a title: script, data and file URLs, in-page anchors and
 * overlong or malformed targets give undefined (the text stays, the link goes).
 */
export function safeHref(href: string | null | undefined): string | undefined {
  if (href === null || href === undefined) return undefined;
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  if (trimmed.length > 2048 || CONTROL.test(trimmed)) return undefined;
  if (UNSAFE_SCHEME.test(trimmed)) return undefined;
  return trimmed;
}

/** White space collapsed, trimmed, and cut to `max` characters without splitting a pair. */
export function cleanLine(value: string | null | undefined, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  let line = canonicalize(value).replace(/\s+/g, ' ').trim();
  if (line === '') return undefined;
  if (line.length > max) {
    let cut = max - 1;
    // Do not leave half a surrogate pair behind.
    if (/[\uD800-\uDBFF]/.test(line.charAt(cut - 1))) cut -= 1;
    line = `${line.slice(0, cut).trimEnd()}…`;
  }
  return line;
}

const LIMITS = { title: 500, byline: 500, published: 100, sourceUrl: 2048, siteName: 200 } as const;
const LANGUAGE = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/;

/** Metadata trimmed to what its schema accepts: empty or malformed fields are left out. */
export function cleanMetadata(
  raw: Partial<Record<keyof DocumentMetadata, unknown>>,
): DocumentMetadata {
  const out: DocumentMetadata = {};
  for (const key of ['title', 'byline', 'published', 'siteName'] as const) {
    const value = cleanLine(typeof raw[key] === 'string' ? raw[key] : undefined, LIMITS[key]);
    if (value !== undefined) out[key] = value;
  }
  if (typeof raw.sourceUrl === 'string') {
    const url = raw.sourceUrl.trim();
    if (url !== '' && url.length <= LIMITS.sourceUrl && !CONTROL.test(url)) out.sourceUrl = url;
  }
  if (typeof raw.language === 'string') {
    const language = raw.language.trim();
    if (language.length <= 35 && LANGUAGE.test(language))
      out.language = language.replace(/_/g, '-');
  }
  if (typeof raw.pageCount === 'number' && Number.isInteger(raw.pageCount) && raw.pageCount > 0)
    out.pageCount = raw.pageCount;
  return out;
}

/**
 * Problems with a converted document, none when it keeps the contract: canonical text, blocks
 * within bounds, in order and disjoint, marks within bounds and inside a block, pages in order,
 * every field valid for its schema. For tests, and for a converter's caller to double-check.
 */
export function documentProblems(doc: ConvertedDocument): string[] {
  const problems: string[] = [];
  const { text } = doc;
  if (text !== canonicalize(text)) problems.push('text is not canonical');
  let previousEnd = 0;
  doc.blocks.forEach((b, i) => {
    if (!BlockSchema.safeParse(b).success) problems.push(`block ${i} does not fit its schema`);
    if (b.start >= b.end || b.end > text.length) problems.push(`block ${i} is out of bounds`);
    if (b.start < previousEnd) problems.push(`block ${i} overlaps or precedes block ${i - 1}`);
    // Code and table rows may start with indentation or an empty cell; nothing ends with space.
    const body = text.slice(b.start, b.end);
    const trimmed = b.kind === 'code' || b.kind === 'table-row' ? body.trimEnd() : body.trim();
    if (trimmed !== body || body.trim() === '')
      problems.push(`block ${i} starts or ends with white space`);
    previousEnd = b.end;
  });
  let previousStart = 0;
  doc.marks.forEach((m, i) => {
    if (!MarkSchema.safeParse(m).success) problems.push(`mark ${i} does not fit its schema`);
    if (m.start >= m.end || m.end > text.length) problems.push(`mark ${i} is out of bounds`);
    if (m.start < previousStart) problems.push(`mark ${i} is out of order`);
    if (!doc.blocks.some((b) => b.start <= m.start && m.end <= b.end))
      problems.push(`mark ${i} is not inside one block`);
    previousStart = m.start;
  });
  let previousPage = 0;
  let previousPageEnd = 0;
  for (const p of doc.pages ?? []) {
    if (!PageSpanSchema.safeParse(p).success)
      problems.push(`page ${p.page} does not fit its schema`);
    if (p.page <= previousPage) problems.push(`page ${p.page} is out of order`);
    if (p.start > p.end || p.end > text.length || p.start < previousPageEnd)
      problems.push(`page ${p.page} is out of bounds`);
    previousPage = p.page;
    previousPageEnd = p.end;
  }
  if (!DocumentMetadataSchema.safeParse(doc.metadata).success)
    problems.push('metadata does not fit its schema');
  return problems;
}
