// Offsets <-> DOM positions for the reader. Each block element holds exactly one text node
// whose content is the canonical text of [start, end), so the mapping is a binary search.

export interface IndexedBlock {
  start: number;
  end: number;
  element: HTMLElement;
  node: Text;
}

export class TextIndex {
  constructor(private readonly blocks: readonly IndexedBlock[]) {}

  /** Builds the index from a container's block elements (those with data-start). */
  static fromContainer(container: HTMLElement): TextIndex {
    const blocks: IndexedBlock[] = [];
    for (const element of container.querySelectorAll<HTMLElement>('[data-start]')) {
      const node = element.firstChild;
      if (!(node instanceof Text)) continue;
      const start = Number(element.dataset.start);
      blocks.push({ start, end: start + node.data.length, element, node });
    }
    return new TextIndex(blocks);
  }

  /** The block holding an offset, or the nearest one before it (offsets between blocks). */
  blockAt(offset: number): IndexedBlock | undefined {
    let lo = 0;
    let hi = this.blocks.length - 1;
    let found: IndexedBlock | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const block = this.blocks[mid]!;
      if (block.start <= offset) {
        found = block;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found ?? this.blocks[0];
  }

  /** A DOM position for a text offset (clamped into its block). */
  position(offset: number): { node: Text; offset: number } | null {
    const block = this.blockAt(offset);
    if (!block) return null;
    return { node: block.node, offset: Math.max(0, Math.min(offset, block.end) - block.start) };
  }

  /** A DOM Range over [start, end), or null when the reader does not hold it. */
  range(start: number, end: number): Range | null {
    const from = this.position(start);
    const to = this.position(end);
    if (!from || !to) return null;
    const range = new Range();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /** The text offset of a DOM position inside the reader, or null when it is outside. */
  offsetOf(node: Node, offset: number): number | null {
    if (node instanceof Text) {
      const block = this.blocks.find((b) => b.node === node);
      return block ? block.start + offset : null;
    }
    const asBlock = this.blocks.find((b) => b.element === node);
    if (asBlock) return offset === 0 ? asBlock.start : asBlock.end;
    // A position between blocks (e.g. a selection dragged past a paragraph's end): the
    // child at `offset` starts there; past the last child means the end of the text.
    const child = node.childNodes[offset];
    if (child) {
      const next = this.blocks.find((b) => child === b.element || child.contains(b.element));
      if (next) return next.start;
    }
    const before = [...this.blocks].reverse().find((b) => node.contains(b.element));
    return before ? before.end : null;
  }
}
