// Offsets <-> DOM positions for the reader. Each block element carries data-start; the text
// nodes inside it (one per run of marks) hold the canonical text of the block in order, so the
// mapping is a binary search over text nodes.

export interface IndexedNode {
  start: number;
  end: number;
  node: Text;
  /** The block element (with data-start) holding the node. */
  block: HTMLElement;
}

export class TextIndex {
  private readonly byNode = new Map<Text, IndexedNode>();

  constructor(
    private readonly root: HTMLElement,
    private readonly nodes: readonly IndexedNode[],
  ) {
    for (const n of nodes) this.byNode.set(n.node, n);
  }

  /** Builds the index from a container's block elements (those with data-start). */
  static fromContainer(container: HTMLElement): TextIndex {
    const nodes: IndexedNode[] = [];
    for (const block of container.querySelectorAll<HTMLElement>('[data-start]')) {
      let at = Number(block.dataset.start);
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const node = n as Text;
        nodes.push({ start: at, end: at + node.data.length, node, block });
        at += node.data.length;
      }
    }
    return new TextIndex(container, nodes);
  }

  /** The text node holding an offset, or the nearest one before it (offsets between blocks). */
  nodeAt(offset: number): IndexedNode | undefined {
    let lo = 0;
    let hi = this.nodes.length - 1;
    let found: IndexedNode | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const entry = this.nodes[mid]!;
      if (entry.start <= offset) {
        found = entry;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found ?? this.nodes[0];
  }

  /** The block element holding an offset. */
  blockAt(offset: number): HTMLElement | undefined {
    return this.nodeAt(offset)?.block;
  }

  /** A DOM position for a text offset (clamped into its node). */
  position(offset: number): { node: Text; offset: number } | null {
    const entry = this.nodeAt(offset);
    if (!entry) return null;
    return { node: entry.node, offset: Math.max(0, Math.min(offset, entry.end) - entry.start) };
  }

  /**
   * A range over [start, end), or null when the reader does not hold it. A StaticRange: the
   * reader's text never changes under it, and unlike a live Range it costs the browser nothing
   * on every later DOM change (10,000 live ranges slow down each update of the page).
   */
  range(start: number, end: number): StaticRange | null {
    const from = this.position(start);
    // An end exactly at a node's start belongs to the previous node's end (no empty tail).
    const to = this.position(Math.max(start, end - 1));
    if (!from || !to) return null;
    const toEntry = this.byNode.get(to.node);
    return new StaticRange({
      startContainer: from.node,
      startOffset: from.offset,
      endContainer: to.node,
      endOffset: toEntry ? Math.min(end, toEntry.end) - toEntry.start : to.offset,
    });
  }

  /** The text offset of a DOM position inside the reader, or null when it is outside. */
  offsetOf(node: Node, offset: number): number | null {
    if (node instanceof Text) {
      const entry = this.byNode.get(node);
      if (entry) return entry.start + Math.min(offset, node.data.length);
    }
    if (!this.root.contains(node)) return null;
    // An element position (or an unindexed text node, such as a page label): the first indexed
    // text at or after it starts there; past the end, the last one before it ends there.
    const after =
      node instanceof Text ? nextNode(node) : (node.childNodes[offset] ?? nextNode(node));
    const walker = document.createTreeWalker(this.root, NodeFilter.SHOW_TEXT);
    if (after) {
      walker.currentNode = after;
      for (
        let n: Node | null = after instanceof Text ? after : walker.nextNode();
        n;
        n = walker.nextNode()
      ) {
        const entry = this.byNode.get(n as Text);
        if (entry) return entry.start;
      }
    }
    const last = this.nodes[this.nodes.length - 1];
    return last ? last.end : null;
  }
}

/** The node after `node` and its children in document order. */
function nextNode(node: Node): Node | null {
  let n: Node | null = node;
  while (n) {
    if (n.nextSibling) return n.nextSibling;
    n = n.parentNode;
  }
  return null;
}
