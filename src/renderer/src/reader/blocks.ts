/** A paragraph of the canonical text as the reader shows it: [start, end) offsets. */
export interface Block {
  start: number;
  end: number;
  kind: 'paragraph' | 'heading';
}

/**
 * Splits the canonical text into displayable blocks, one per non-empty line. The newlines
 * between blocks are not rendered, so DOM text and canonical text agree inside every block.
 */
export function splitBlocks(text: string, markdown: boolean): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (text.slice(start, end).trim() !== '') {
      const heading = markdown && /^#{1,6}\s/.test(text.slice(start, start + 7));
      blocks.push({ start, end, kind: heading ? 'heading' : 'paragraph' });
    }
    start = end + 1;
  }
  return blocks;
}
