import type { Annotation, DocumentMeta } from './model';
import type { Block, Mark, PageSpan } from './structure';

/** The native Gloss JSON export (format "gloss", version 1); documented in docs/FORMAT.md. */
export interface GlossExport {
  format: 'gloss';
  version: 1;
  exported: string;
  documents: ExportedDocument[];
  annotations: ExportedAnnotation[];
}

export interface ExportedDocument {
  id: string;
  title: string;
  format: DocumentMeta['format'];
  sourceName: string;
  sourcePath?: string;
  rawHash: string;
  textHash: string;
  length: number;
  added: string;
  /**
   * The canonical text and its layout, so the file stands alone: importing it into a
   * workspace without the document recreates the document (its hash is checked).
   */
  text?: string;
  layout?: DocumentLayout;
}

/** How a text is laid out in the reader: headings, paragraphs, emphasis, PDF pages. */
export interface DocumentLayout {
  blocks: Block[];
  marks: Mark[];
  pages?: PageSpan[];
}

/** A document's text and layout, for a self-contained export. */
export interface DocumentContent {
  text: string;
  layout: DocumentLayout;
}

export type ExportedAnnotation = Pick<
  Annotation,
  | 'id'
  | 'documentId'
  | 'tag'
  | 'quote'
  | 'prefix'
  | 'suffix'
  | 'start'
  | 'end'
  | 'note'
  | 'details'
  | 'created'
  | 'modified'
>;

/** Builds the native export of some documents and their annotations, in text order. */
export function buildGlossExport(
  documents: readonly DocumentMeta[],
  annotations: readonly Annotation[],
  exported: Date,
  contents: ReadonlyMap<string, DocumentContent> = new Map(),
): GlossExport {
  const order = new Map(documents.map((d, i) => [d.id, i]));
  const sorted = annotations
    .filter((a) => order.has(a.documentId))
    .sort(
      (a, b) =>
        (order.get(a.documentId) ?? 0) - (order.get(b.documentId) ?? 0) ||
        a.start - b.start ||
        a.end - b.end,
    );
  return {
    format: 'gloss',
    version: 1,
    exported: exported.toISOString(),
    documents: documents.map((d) => {
      const content = contents.get(d.id);
      return content ? { ...d, text: content.text, layout: content.layout } : { ...d };
    }),
    annotations: sorted.map((a) => ({
      id: a.id,
      documentId: a.documentId,
      tag: a.tag,
      quote: a.quote,
      prefix: a.prefix,
      suffix: a.suffix,
      start: a.start,
      end: a.end,
      note: a.note,
      details: a.details,
      created: a.created,
      modified: a.modified,
    })),
  };
}
