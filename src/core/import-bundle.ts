// What every import format is read into before anything is applied: the documents a file speaks
// of and its annotations, checked and plain. import-gloss.ts (Gloss JSON) and import-w3c.ts
// (W3C Web Annotation) produce it; import-plan.ts decides what it does to a workspace.

import type { DocumentLayout } from './export-json';
import type { DocumentFormat } from './model';
import type { DocumentMetadata } from './structure';

/** A document of the file, as far as the file describes it. */
export interface BundleDocument {
  /** What the file's annotations name it by (a Gloss document id, or a source IRI). */
  key: string;
  /** sha256 of the canonical text the annotations' offsets refer to, when the file says. */
  textHash?: string;
  title?: string;
  sourcePath?: string;
  sourceName?: string;
  /**
   * The document itself, when the file carries it (a Gloss JSON export does): a workspace
   * without the document gets it from here, once its text is checked against textHash.
   */
  content?: BundleContent;
}

/** A document's canonical text and what Gloss needs to show it as it was. */
export interface BundleContent {
  text: string;
  layout?: DocumentLayout;
  format: DocumentFormat;
  rawHash: string;
  added: string;
  metadata?: DocumentMetadata;
}

export interface BundleAnnotation {
  /** The Gloss id (from the extension or the urn:uuid). */
  id: string;
  /** Which BundleDocument. */
  documentKey: string;
  /** A tag id if known, else a tag name to match or create. */
  tag: string;
  tagName?: string;
  note: string;
  details: Record<string, string | number | boolean | null>;
  /** The passage and its context; quote is '' when the file targets a whole document. */
  quote: string;
  prefix: string;
  suffix: string;
  /** Offsets as the file gives them, and their unit. */
  start?: number;
  end?: number;
  offsetUnit: 'code-point' | 'utf16';
  created?: string;
  modified?: string;
  /** The file says its selectors describe an earlier text of the document (no offsets then). */
  orphan?: true;
}

export interface ImportBundle {
  format: 'gloss' | 'w3c';
  documents: BundleDocument[];
  annotations: BundleAnnotation[];
}
