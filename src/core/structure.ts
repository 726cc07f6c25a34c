import { z } from 'zod';

// A document as the reader shows it: the one canonical text plus its block structure and inline
// marks, all as [start, end) offsets into that text. Every format (text, Markdown, HTML, Word,
// PDF) is converted to this; annotations anchor on `text` alone.

const offset = z.number().int().nonnegative();

export const BlockKindSchema = z.enum([
  'paragraph',
  'heading',
  'list-item',
  'quote',
  'code',
  'table-row',
]);
export type BlockKind = z.infer<typeof BlockKindSchema>;

export const BlockSchema = z.strictObject({
  start: offset,
  end: offset,
  kind: BlockKindSchema,
  /** Heading level 1–6, or list nesting depth from 1. */
  level: z.number().int().min(1).max(9).optional(),
  /** Ordered list items: their number. */
  ordinal: z.number().int().nonnegative().optional(),
  /** PDF: the page (from 1) the block starts on. */
  page: z.number().int().positive().optional(),
});
export type Block = z.infer<typeof BlockSchema>;

export const MarkKindSchema = z.enum(['emphasis', 'strong', 'code', 'link']);
export const MarkSchema = z.strictObject({
  start: offset,
  end: offset,
  kind: MarkKindSchema,
  /** Links: shown as a title only, never followed by the reader. */
  href: z.string().max(2048).optional(),
});
export type Mark = z.infer<typeof MarkSchema>;

export const PageSpanSchema = z.strictObject({
  page: z.number().int().positive(),
  start: offset,
  end: offset,
});
export type PageSpan = z.infer<typeof PageSpanSchema>;

export const DocumentMetadataSchema = z.strictObject({
  title: z.string().max(500).optional(),
  byline: z.string().max(500).optional(),
  /** As the source gives it (ISO 8601 where it can be parsed). */
  published: z.string().max(100).optional(),
  sourceUrl: z.string().max(2048).optional(),
  siteName: z.string().max(200).optional(),
  language: z.string().max(35).optional(),
  pageCount: z.number().int().positive().optional(),
});
export type DocumentMetadata = z.infer<typeof DocumentMetadataSchema>;

/** What every format converter produces. `text` is already canonical (see canonicalize). */
export interface ConvertedDocument {
  text: string;
  blocks: Block[];
  marks: Mark[];
  /** PDF only: where each page's text lies. */
  pages?: PageSpan[];
  metadata: DocumentMetadata;
}

/** The stored layout of a canonical text: documents/<textHash>.layout.json. */
export const LayoutFileSchema = z.strictObject({
  schemaVersion: z.literal(1),
  textHash: z.string().regex(/^[0-9a-f]{64}$/),
  blocks: z.array(BlockSchema),
  marks: z.array(MarkSchema),
  pages: z.array(PageSpanSchema).optional(),
});
export type LayoutFile = z.infer<typeof LayoutFileSchema>;

/** Blocks of a plain text: one per non-empty line, so DOM text and canonical text agree. */
export function plainTextBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (text.slice(start, end).trim() !== '') blocks.push({ start, end, kind: 'paragraph' });
    start = end + 1;
  }
  return blocks;
}

/**
 * Joins converted blocks into one canonical text: blocks separated by a blank line, so the text
 * reads well on its own (exports, search) and offsets are stable. Used by every converter.
 */
export class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly blocks: Block[] = [];
  readonly marks: Mark[] = [];

  /** Appends a block; `marks` are relative to `text`. Empty (white-space) blocks are dropped. */
  addBlock(
    text: string,
    block: Omit<Block, 'start' | 'end'>,
    marks: readonly Omit<Mark, never>[] = [],
  ): void {
    // Code keeps its indentation and a table row its empty first cells; other blocks are trimmed.
    const keepsLeading = block.kind === 'code' || block.kind === 'table-row';
    const start0 = keepsLeading
      ? text.length - text.replace(/^[ \t]*\n/, '').replace(/^\n+/, '').length
      : 0;
    const leading = keepsLeading ? start0 : text.length - text.trimStart().length;
    const content = keepsLeading ? text.slice(start0).trimEnd() : text.trim();
    if (content.trim() === '') return;
    if (this.length > 0) this.push('\n\n');
    const start = this.length;
    this.push(content);
    this.blocks.push({ ...block, start, end: this.length });
    for (const m of marks) {
      const s = Math.max(0, m.start - leading);
      const e = Math.min(content.length, m.end - leading);
      if (e > s) this.marks.push({ ...m, start: start + s, end: start + e });
    }
  }

  private push(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }

  /** The text built so far. */
  text(): string {
    return this.parts.join('');
  }
}

export { pageAt } from './pages';
