import type { Block } from '../../../shared/api';

// Blocks are grouped in chunks that the browser skips whole while off screen
// (content-visibility): a 2 MB report has thousands of blocks, and laying each out, even as an
// empty placeholder, is what made its first frame and fast scrolling slow.
export const CHUNK_BLOCKS = 32;
// For a chunk's placeholder height before it is first shown (then the browser remembers it):
// the reader's 18px type at line-height 1.7, about 70 characters a line, 1em between blocks.
const LINE_PX = 18 * 1.7;
const CHARS_PER_LINE = 70;
const BLOCK_GAP_PX = 18;

/** Splits blocks into chunks of CHUNK_BLOCKS, each with an estimated height in pixels. */
export function chunkBlocks(
  blocks: readonly Block[],
  text: string,
): { from: number; to: number; height: number }[] {
  const chunks: { from: number; to: number; height: number }[] = [];
  for (let from = 0; from < blocks.length; from += CHUNK_BLOCKS) {
    const to = Math.min(blocks.length, from + CHUNK_BLOCKS);
    let height = 0;
    for (let i = from; i < to; i++) {
      const b = blocks[i]!;
      height += linesOf(text, b.start, b.end) * LINE_PX + BLOCK_GAP_PX;
    }
    chunks.push({ from, to, height: Math.round(height) });
  }
  return chunks;
}

/** Lines [start, end) of the text takes at CHARS_PER_LINE, without copying it (2 MB at open). */
function linesOf(text: string, start: number, end: number): number {
  let lines = 0;
  for (let from = start; from <= end;) {
    const newline = text.indexOf('\n', from);
    const to = newline === -1 || newline > end ? end : newline;
    lines += Math.max(1, Math.ceil((to - from) / CHARS_PER_LINE));
    from = to + 1;
  }
  return lines;
}
