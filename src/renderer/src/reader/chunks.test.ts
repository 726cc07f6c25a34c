import { describe, expect, it } from 'vitest';
import type { Block } from '../../../shared/api';
import { CHUNK_BLOCKS, chunkBlocks } from './chunks';

describe('chunkBlocks', () => {
  it('covers every block once, in order, in chunks of CHUNK_BLOCKS', () => {
    const text = 'word '.repeat(2_000);
    const blocks: Block[] = Array.from({ length: 100 }, (_, i) => ({
      start: i * 100,
      end: i * 100 + 90,
      kind: 'paragraph',
    }));
    const chunks = chunkBlocks(blocks, text);
    expect(chunks.map((c) => [c.from, c.to])).toEqual([
      [0, CHUNK_BLOCKS],
      [CHUNK_BLOCKS, 2 * CHUNK_BLOCKS],
      [2 * CHUNK_BLOCKS, 3 * CHUNK_BLOCKS],
      [3 * CHUNK_BLOCKS, 100],
    ]);
    expect(chunkBlocks([], text)).toEqual([]);
  });

  it('estimates taller chunks for longer text', () => {
    const text = 'x'.repeat(10_000);
    const short: Block[] = [{ start: 0, end: 10, kind: 'paragraph' }];
    const long: Block[] = [{ start: 0, end: 7_000, kind: 'paragraph' }];
    const [a] = chunkBlocks(short, text);
    const [b] = chunkBlocks(long, text);
    expect(a!.height).toBeGreaterThan(0);
    expect(b!.height).toBeGreaterThan(a!.height * 50);
  });
});
