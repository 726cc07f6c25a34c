import { CodePointIndex } from './code-points';
import type { ExportInput, ExportSource } from './export-input';
import type { Annotation, Details } from './model';

// The W3C Web Annotation export (https://www.w3.org/TR/annotation-model/), JSON-LD: one
// AnnotationCollection whose first (and only) AnnotationPage embeds every annotation. Documented
// in docs/w3c-format.md; read back by import-w3c.ts. What the model has no term for is kept in a
// few `gloss:` extension properties, declared in an embedded extension context, so that a Gloss
// export comes back exactly; other tools ignore them, as the model says they must.

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * The namespace of Gloss's extension terms. Gloss has no web address: `.invalid` is a name that
 * can never resolve (RFC 2606), so the IRIs only name, as JSON-LD vocabulary IRIs do.
 */
export const GLOSS_VOCAB = 'https://gloss.invalid/ns#';

/** The extension context: the `gloss:` prefix, and details kept as a JSON literal. */
export const GLOSS_CONTEXT = {
  '@version': 1.1,
  gloss: GLOSS_VOCAB,
  'gloss:details': { '@id': 'gloss:details', '@type': '@json' },
} as const;

export interface W3cTagBody {
  type: 'TextualBody';
  purpose: 'tagging';
  /** The tag's name. */
  value: string;
  /** The tag's id in the workspace. */
  'gloss:tag': string;
}

export interface W3cNoteBody {
  type: 'TextualBody';
  purpose: 'commenting';
  value: string;
  format: 'text/plain';
}

/** A place with coordinates: the geo: IRI (RFC 5870) the passage identifies. */
export interface W3cPlaceBody {
  type: 'SpecificResource';
  purpose: 'identifying';
  source: { id: string; label?: string };
}

export type W3cBody = W3cTagBody | W3cNoteBody | W3cPlaceBody;

export interface W3cTextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Offsets in Unicode code points of the canonical text, end exclusive. */
export interface W3cTextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface W3cTarget {
  type: 'SpecificResource';
  /** The canonical text the selectors describe, named by its sha256. */
  source: {
    id: string;
    type: 'Text';
    format: 'text/plain';
    'dc:title': string;
    language?: string;
  };
  /** The file the text was read from (file: URL), where its absolute path is known. */
  scope?: string;
  selector: (W3cTextQuoteSelector | W3cTextPositionSelector)[];
  /** The Gloss document (its id in the workspace). */
  'gloss:document': string;
  /** The name of the file the document was imported from. */
  'gloss:sourceName': string;
  /** The selectors describe an earlier text of the document (the one `source` names). */
  'gloss:orphan'?: true;
}

export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  created: string;
  modified: string;
  body: W3cBody[];
  target: W3cTarget;
  /** The Gloss id, when `id` could not simply be urn:uuid:<Gloss id>. */
  'gloss:id'?: string;
  /** The annotation's structured details, exactly (numbers stay numbers). */
  'gloss:details'?: Details;
}

export interface W3cPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: 0;
  items: W3cAnnotation[];
}

export interface W3cCollection {
  '@context': [typeof ANNO_CONTEXT, typeof GLOSS_CONTEXT];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  /** Absent when there is no annotation. */
  first?: W3cPage;
  last?: string;
  /** When the export was made. */
  'gloss:exported': string;
}

export interface W3cExportOptions {
  /** A UUID for the collection; by default one derived from what is exported. */
  collectionId?: string;
}

/** Builds the W3C Web Annotation export of some documents and their annotations. */
export function buildW3cExport(input: ExportInput, options: W3cExportOptions = {}): W3cCollection {
  const exported = input.exported.toISOString();
  const tagNames = new Map(input.tags.map((t) => [t.id, t.name]));
  const items = input.documents.flatMap((source) => {
    const index = new CodePointIndex(source.text);
    return source.annotations.map((a) => exportAnnotation(a, source, index, tagNames));
  });

  const collectionUuid =
    options.collectionId && UUID.test(options.collectionId.toLowerCase())
      ? options.collectionId.toLowerCase()
      : uuidV5(glossNamespace(), collectionName(input, exported));
  const id = `urn:uuid:${collectionUuid}`;
  const titles = input.documents.map((d) => d.meta.title);
  const pageId = `urn:uuid:${uuidV5(collectionUuid, 'page:0')}`;
  const collection: W3cCollection = {
    '@context': [ANNO_CONTEXT, GLOSS_CONTEXT],
    id,
    type: 'AnnotationCollection',
    label:
      titles.length === 1
        ? `Gloss annotations on “${titles[0]}”`
        : `Gloss annotations on ${titles.length} documents`,
    'gloss:exported': exported,
    total: items.length,
    ...(items.length > 0
      ? {
          first: { id: pageId, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
          last: pageId,
        }
      : {}),
  };
  return collection;
}

function exportAnnotation(
  a: Annotation,
  source: ExportSource,
  index: CodePointIndex,
  tagNames: ReadonlyMap<string, string>,
): W3cAnnotation {
  const { meta } = source;
  const body: W3cBody[] = [
    {
      type: 'TextualBody',
      purpose: 'tagging',
      value: tagNames.get(a.tag) ?? a.tag,
      'gloss:tag': a.tag,
    },
  ];
  if (a.note)
    body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
  const place = placeBody(a.details);
  if (place) body.push(place);

  const quote: W3cTextQuoteSelector = { type: 'TextQuoteSelector', exact: a.quote };
  if (a.prefix) quote.prefix = a.prefix;
  if (a.suffix) quote.suffix = a.suffix;
  const selector: W3cTarget['selector'] = [quote];
  // An orphan's offsets are into an older text, which is not at hand to count code points in.
  if (!a.orphan && source.text.slice(a.start, a.end) === a.quote) {
    const start = index.toCodePoint(a.start);
    const end = index.toCodePoint(a.end);
    if (start !== null && end !== null) selector.push({ type: 'TextPositionSelector', start, end });
  }

  const scope = meta.sourcePath ? fileUrlFromPath(meta.sourcePath) : null;
  const target: W3cTarget = {
    type: 'SpecificResource',
    source: {
      id: `urn:sha256:${a.orphan ? a.textHash : meta.textHash}`,
      type: 'Text',
      format: 'text/plain',
      'dc:title': meta.title,
      ...(meta.metadata?.language ? { language: meta.metadata.language } : {}),
    },
    ...(scope ? { scope } : {}),
    selector,
    'gloss:document': meta.id,
    'gloss:sourceName': meta.sourceName,
    ...(a.orphan ? { 'gloss:orphan': true as const } : {}),
  };

  const isUuid = UUID.test(a.id);
  const out: W3cAnnotation = {
    id: `urn:uuid:${isUuid ? a.id : uuidV5(glossNamespace(), `annotation:${a.id}`)}`,
    type: 'Annotation',
    ...(isUuid ? {} : { 'gloss:id': a.id }),
    created: utc(a.created),
    modified: utc(a.modified),
    body,
    ...(Object.keys(a.details).length > 0 ? { 'gloss:details': { ...a.details } } : {}),
    target,
  };
  return out;
}

/** The geo: body of details with a latitude and a longitude on the globe, else null. */
function placeBody(details: Details): W3cPlaceBody | null {
  const { lat, lon, name } = details;
  if (typeof lat !== 'number' || typeof lon !== 'number') return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return null;
  const source: W3cPlaceBody['source'] = { id: `geo:${geoNumber(lat)},${geoNumber(lon)}` };
  if (typeof name === 'string' && name.trim()) source.label = name.trim();
  return { type: 'SpecificResource', purpose: 'identifying', source };
}

/** A coordinate as RFC 5870 writes it: plain decimals (no exponent), to 7 places (~1 cm). */
function geoNumber(n: number): string {
  const s = n.toFixed(7).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** The model wants UTC times written with "Z"; Gloss's are, unless an import brought others. */
function utc(date: string): string {
  if (date.endsWith('Z')) return date;
  const time = new Date(date);
  return Number.isNaN(time.getTime()) ? date : time.toISOString();
}

function collectionName(input: ExportInput, exported: string): string {
  const parts = [`collection:${exported}`];
  for (const d of input.documents) {
    parts.push(`${d.meta.id} ${d.meta.textHash}`);
    for (const a of d.annotations) parts.push(`${a.id} ${a.modified}`);
  }
  return parts.join('\n');
}

// ---------------------------------------------------------------------------------------------
// file: URLs (RFC 8089), written and read without Node's url module (core is pure).

/** Characters a path segment keeps as they are (RFC 3986 pchar, less ":"); the rest is %XX. */
const PLAIN = /[A-Za-z0-9\-._~!$&'()*+,;=@]/;

function encodeSegment(segment: string): string {
  let out = '';
  for (const ch of segment) out += PLAIN.test(ch) ? ch : percentEncode(ch);
  return out;
}

function percentEncode(ch: string): string {
  const cp = ch.codePointAt(0)!;
  // A lone surrogate cannot be UTF-8: it is written as U+FFFD, as TextEncoder does.
  const bytes = cp >= 0xd800 && cp <= 0xdfff ? [0xef, 0xbf, 0xbd] : utf8(cp);
  return bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

function utf8(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

/**
 * The file: URL of an absolute path, percent-encoded: POSIX (/home/ana/a b.txt →
 * file:///home/ana/a%20b.txt), Windows (C:\Users\x.txt → file:///C:/Users/x.txt) and UNC
 * (\\server\share\x.txt → file://server/share/x.txt). Null for a relative path.
 */
export function fileUrlFromPath(path: string): string | null {
  const drive = /^([A-Za-z]):[\\/]/.exec(path);
  if (drive) {
    const rest = path.slice(3).split(/[\\/]/).map(encodeSegment).join('/');
    return `file:///${drive[1]}:/${rest}`;
  }
  const unc = /^\\\\([A-Za-z0-9.-]+)\\(.+)$/.exec(path);
  if (unc) return `file://${unc[1]}/${unc[2]!.split('\\').map(encodeSegment).join('/')}`;
  if (path.startsWith('/')) return `file://${path.split('/').map(encodeSegment).join('/')}`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Name-based UUIDs (RFC 9562 version 5, SHA-1), for ids that must be stable across exports.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The RFC 9562 namespace for names that are URLs. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

let glossNs: string | null = null;
/** Gloss's own namespace: the v5 UUID of its vocabulary IRI. */
function glossNamespace(): string {
  return (glossNs ??= uuidV5(URL_NAMESPACE, GLOSS_VOCAB));
}

/** True for a UUID written as Gloss writes them (lowercase hex, with hyphens). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The version-5 UUID of `name` in `namespace` (a UUID). */
export function uuidV5(namespace: string, name: string): string {
  const ns = namespace.replace(/-/g, '');
  const nameBytes = new TextEncoder().encode(name);
  const bytes = new Uint8Array(16 + nameBytes.length);
  for (let i = 0; i < 16; i++) bytes[i] = parseInt(ns.slice(i * 2, i * 2 + 2), 16);
  bytes.set(nameBytes, 16);
  const hash = sha1(bytes);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = Array.from(hash.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** SHA-1 (FIPS 180-4). Used only to name things, as UUID v5 prescribes, never for security. */
export function sha1(message: Uint8Array): Uint8Array {
  const length = (((message.length + 8) >> 6) + 1) << 6;
  const data = new Uint8Array(length);
  data.set(message);
  data[message.length] = 0x80;
  const view = new DataView(data.buffer);
  view.setUint32(length - 8, Math.floor(message.length / 0x20000000));
  view.setUint32(length - 4, (message.length * 8) >>> 0);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Int32Array(80);
  for (let offset = 0; offset < length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(offset + i * 4);
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const f =
        i < 20
          ? (b & c) | (~b & d)
          : i < 40
            ? b ^ c ^ d
            : i < 60
              ? (b & c) | (b & d) | (c & d)
              : b ^ c ^ d;
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  h.forEach((v, i) => outView.setInt32(i * 4, v));
  return out;
}
