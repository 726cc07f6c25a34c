import type { Annotation, DocumentMeta, Tag } from './model';
import type { DocumentLayout } from './export-json';
import type { PageSpan } from './structure';

// What every export format is built from: the chosen documents with their texts and
// annotations (already filtered by scope and tag), and the workspace's tag set.

export interface ExportSource {
  meta: DocumentMeta;
  /** The canonical text the annotations' offsets refer to (orphans refer to an older one). */
  text: string;
  /** In text order; orphans included, flagged by `orphan`. */
  annotations: Annotation[];
  /** Page boundaries, for PDFs. */
  pages: PageSpan[];
  /** Blocks and marks too, for the self-contained Gloss JSON (absent: plain paragraphs). */
  layout?: DocumentLayout;
}

export interface ExportInput {
  documents: ExportSource[];
  tags: Tag[];
  exported: Date;
}
