import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentMeta } from '../core/model';
import type { LayoutFile } from '../core/structure';
import { LayoutFileSchema, plainTextBlocks } from '../core/structure';
import type { Layout } from '../shared/api';
import { ensureFolder, writeFileDurably } from './durable-write';
import { isErrno } from './fs-errors';

/**
 * The layouts of canonical texts (blocks, marks, pages): documents/<sha256>.layout.json beside
 * the text they describe. A layout is only presentation: when one is missing or damaged, the
 * text is shown as plain paragraphs and nothing else is affected.
 */
export class DocumentLayouts {
  constructor(readonly folder: string) {}

  private pathOf(textHash: string): string {
    return join(this.folder, `${textHash}.layout.json`);
  }

  /** Stores the layout of a text, durably. */
  async write(textHash: string, layout: Layout): Promise<void> {
    const file: LayoutFile = {
      schemaVersion: 1,
      textHash,
      blocks: layout.blocks,
      marks: layout.marks,
      ...(layout.pages ? { pages: layout.pages } : {}),
    };
    await ensureFolder(this.folder);
    await writeFileDurably(this.pathOf(textHash), JSON.stringify(file));
  }

  /** The layout of a document's text; plain paragraphs when none fits it. */
  async read(meta: DocumentMeta, text: string): Promise<Layout> {
    let raw: string;
    try {
      raw = await readFile(this.pathOf(meta.textHash), 'utf8');
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return plainLayout(text);
      throw error;
    }
    let parsed;
    try {
      parsed = LayoutFileSchema.safeParse(JSON.parse(raw));
    } catch {
      return plainLayout(text);
    }
    if (!parsed.success || parsed.data.textHash !== meta.textHash || !fits(parsed.data, text)) {
      return plainLayout(text);
    }
    const { blocks, marks, pages } = parsed.data;
    return pages ? { blocks, marks, pages } : { blocks, marks };
  }
}

/** One paragraph per non-empty line. */
export function plainLayout(text: string): Layout {
  return { blocks: plainTextBlocks(text), marks: [] };
}

function fits(layout: LayoutFile, text: string): boolean {
  const inside = (r: { start: number; end: number }) => r.start <= r.end && r.end <= text.length;
  return (
    layout.blocks.every(inside) && layout.marks.every(inside) && (layout.pages ?? []).every(inside)
  );
}
