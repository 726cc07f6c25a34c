import { describe, expect, it } from 'vitest';
import { splitBlocks } from './blocks';

describe('splitBlocks', () => {
  it('makes one block per non-empty line with exact offsets', () => {
    const text = 'Title\n\nFirst para.\nSecond line.\n\n  \nLast';
    const blocks = splitBlocks(text, false);
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual([
      'Title',
      'First para.',
      'Second line.',
      'Last',
    ]);
  });

  it('marks Markdown headings only in Markdown documents', () => {
    const text = '# Heading\n\nBody #1';
    expect(splitBlocks(text, true).map((b) => b.kind)).toEqual(['heading', 'paragraph']);
    expect(splitBlocks(text, false).map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('handles a text without a final newline and an empty text', () => {
    expect(splitBlocks('one', false)).toEqual([{ start: 0, end: 3, kind: 'paragraph' }]);
    expect(splitBlocks('', false)).toEqual([]);
  });
});
