import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { BlockMark } from './block-text';
import { canonicalBlock, cleanMetadata, safeHref } from './block-text';
import type { Block, ConvertedDocument } from './structure';
import { TextBuilder } from './structure';

// Markdown as its reader sees it: the canonical text is the rendered text (no `#`, `*` or `-`),
// with headings, list items, quotes, code and table rows as blocks and emphasis, strong, inline
// code and links as marks. HTML inside the Markdown is never rendered: its tags are dropped.

type BlockInfo = Omit<Block, 'start' | 'end'>;

/**
 * One block's text being assembled, with its marks relative to it. Pieces are kept in a list
 * and the end of the text tracked, so that a huge paragraph is assembled in linear time.
 */
class Inline {
  private parts: string[] = [];
  length = 0;
  marks: BlockMark[] = [];

  get text(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }

  /** The last character, '' when empty. */
  last(): string {
    const part = this.parts[this.parts.length - 1];
    return part === undefined ? '' : part.charAt(part.length - 1);
  }

  append(s: string): void {
    if (s === '') return;
    this.parts.push(s);
    this.length += s.length;
  }

  /** Drops spaces and tabs at the end (before a line break, at a cell's end). */
  trimEnd(): void {
    while (this.parts.length > 0) {
      const part = this.parts[this.parts.length - 1] as string;
      const trimmed = part.replace(/[ \t]+$/, '');
      this.length -= part.length - trimmed.length;
      if (trimmed !== '') {
        this.parts[this.parts.length - 1] = trimmed;
        return;
      }
      this.parts.pop();
    }
  }

  /** Appends `other` and its marks, after `separator` unless this is still empty. */
  appendInline(other: Inline, separator = ''): void {
    if (this.length > 0) this.append(separator);
    const shift = this.length;
    this.append(other.text);
    for (const m of other.marks)
      this.marks.push({ ...m, start: m.start + shift, end: m.end + shift });
  }

  isBlank(): boolean {
    return this.text.trim() === '';
  }
}

/** An inline whose white space at both ends is gone, its marks moved along. */
function trimmed(inline: Inline): Inline {
  const text = inline.text;
  const lead = text.length - text.trimStart().length;
  const out = new Inline();
  out.append(text.trim());
  for (const m of inline.marks) out.marks.push({ ...m, start: m.start - lead, end: m.end - lead });
  return out;
}

interface Context {
  quote: boolean;
  /** Nesting depth of the list the content is in, 0 outside lists. */
  listDepth: number;
}

/** Converts canonical Markdown to its rendered text, blocks and marks. Pure. */
export function markdownToDocument(source: string): ConvertedDocument {
  const tree = fromMarkdown(source, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
  const definitions = new Map<string, string>();
  collectDefinitions(tree, definitions);
  const builder = new TextBuilder();
  let title: string | undefined;

  const add = (inline: Inline, info: BlockInfo): void => {
    const { text, marks } = canonicalBlock(inline.text, inline.marks);
    if (title === undefined && info.kind === 'heading' && text.trim() !== '') title = text;
    builder.addBlock(text, info, marks);
  };

  const phrasing = (nodes: readonly PhrasingContent[], out: Inline): void => {
    for (const node of nodes) inlineNode(node, out);
  };

  const inlineNode = (node: PhrasingContent, out: Inline): void => {
    switch (node.type) {
      case 'text':
        // A soft line break renders as a space, runs of spaces as one (across nodes too).
        out.append(
          node.value
            .replace(/[ \t]*\n[ \t]*/g, ' ')
            .replace(/[ \t]+/g, ' ')
            .replace(/^ /, out.length === 0 || /[ \n]/.test(out.last()) ? '' : ' '),
        );
        return;
      case 'break':
        out.trimEnd();
        out.append('\n');
        return;
      case 'emphasis':
      case 'strong':
        marked(out, { kind: node.type }, node.children);
        return;
      case 'delete':
        phrasing(node.children, out);
        return;
      case 'inlineCode': {
        const start = out.length;
        out.append(node.value);
        out.marks.push({ start, end: out.length, kind: 'code' });
        return;
      }
      case 'link':
      case 'linkReference': {
        const href = safeHref(
          node.type === 'link' ? node.url : definitions.get(node.identifier.toLowerCase()),
        );
        if (href === undefined) phrasing(node.children, out);
        else marked(out, { kind: 'link', href }, node.children);
        return;
      }
      case 'footnoteReference':
        out.append(`[${node.label ?? node.identifier}]`);
        return;
      // Raw HTML is never rendered; images are not shown (no remote content).
      case 'html':
      case 'image':
      case 'imageReference':
        return;
      default:
        return;
    }
  };

  // The mark is recorded when it opens, so that an outer mark comes before the marks inside it.
  const marked = (
    out: Inline,
    mark: Omit<BlockMark, 'start' | 'end'>,
    children: readonly PhrasingContent[],
  ): void => {
    const entry: BlockMark = { ...mark, start: out.length, end: out.length };
    out.marks.push(entry);
    phrasing(children, out);
    entry.end = out.length;
  };

  const inlineOf = (nodes: readonly PhrasingContent[]): Inline => {
    const out = new Inline();
    phrasing(nodes, out);
    return out;
  };

  const blocks = (nodes: readonly RootContent[], ctx: Context): void => {
    for (const node of nodes) block(node, ctx);
  };

  const block = (node: RootContent, ctx: Context): void => {
    switch (node.type) {
      case 'heading':
        add(inlineOf(node.children), { kind: 'heading', level: node.depth });
        return;
      case 'paragraph':
        add(inlineOf(node.children), { kind: ctx.quote ? 'quote' : 'paragraph' });
        return;
      case 'blockquote':
        blocks(node.children, { ...ctx, quote: true });
        return;
      case 'code': {
        const code = new Inline();
        code.append(node.value);
        add(code, { kind: 'code' });
        return;
      }
      case 'list': {
        const level = Math.min(9, ctx.listDepth + 1);
        node.children.forEach((item, index) => {
          const info: BlockInfo = { kind: 'list-item', level };
          if (node.ordered) info.ordinal = (node.start ?? 1) + index;
          listItem(item.children, item.checked, info, { ...ctx, listDepth: level });
        });
        return;
      }
      case 'table':
        for (const row of node.children) {
          const out = new Inline();
          row.children.forEach((cell, i) => {
            if (i > 0) out.append('\t');
            // Cell text is trimmed so the tabs line up with the columns.
            out.appendInline(trimmed(inlineOf(cell.children)));
          });
          add(out, { kind: 'table-row' });
        }
        return;
      case 'footnoteDefinition': {
        const [first, ...rest] = node.children;
        const label = `[${node.label ?? node.identifier}] `;
        if (first?.type === 'paragraph') {
          const out = new Inline();
          out.append(label);
          phrasing(first.children, out);
          add(out, { kind: ctx.quote ? 'quote' : 'paragraph' });
          blocks(rest, ctx);
        } else {
          blocks(node.children, ctx);
        }
        return;
      }
      // Thematic breaks, definitions and raw HTML render no text.
      default:
        return;
    }
  };

  // A list item's paragraphs make one block, a line each; a nested list, code or quote inside it
  // ends that block, and text after them continues the item (without its number again).
  const listItem = (
    children: readonly RootContent[],
    checked: boolean | null | undefined,
    info: BlockInfo,
    ctx: Context,
  ): void => {
    let pending = new Inline();
    let current: BlockInfo = info;
    // A task item's checkbox starts its first line.
    let prefix = checked === true ? '☑ ' : checked === false ? '☐ ' : '';
    const flush = (): void => {
      if (pending.isBlank()) return;
      add(pending, current);
      pending = new Inline();
      current = { ...current };
      delete current.ordinal;
    };
    for (const child of children) {
      if (child.type === 'paragraph' || child.type === 'heading') {
        const line = new Inline();
        line.append(prefix);
        prefix = '';
        phrasing(child.children, line);
        if (!line.isBlank()) pending.appendInline(line, '\n');
      } else {
        flush();
        block(child, ctx);
      }
    }
    flush();
  };

  blocks(tree.children, { quote: false, listDepth: 0 });
  return {
    text: builder.text(),
    blocks: builder.blocks,
    marks: builder.marks,
    metadata: cleanMetadata({ title }),
  };
}

function collectDefinitions(node: Nodes, into: Map<string, string>): void {
  if (node.type === 'definition') {
    const id = node.identifier.toLowerCase();
    // The first definition of a label wins, as CommonMark says.
    if (!into.has(id)) into.set(id, node.url);
    return;
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}
