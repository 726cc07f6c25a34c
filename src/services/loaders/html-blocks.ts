import type { BlockMark } from '../../core/block-text';
import { canonicalBlock, cleanMetadata, safeHref } from '../../core/block-text';
import type { Block, ConvertedDocument, DocumentMetadata } from '../../core/structure';
import { TextBuilder } from '../../core/structure';

// An HTML DOM (linkedom's, or any other) as the reader shows it: the text a browser renders,
// white space collapsed as CSS does, with headings, paragraphs, list items, quotes, preformatted
// code and table rows as blocks and emphasis, strong, code and links as marks. Nothing that a
// browser would not show as text (scripts, styles, embedded content, form controls, hidden
// elements) ever reaches the text.

/** The little of a DOM node this walker reads, so any DOM implementation fits. */
export interface DomNodeLike {
  readonly nodeType: number;
  readonly childNodes: ArrayLike<DomNodeLike>;
}

export interface DomTextLike extends DomNodeLike {
  readonly data: string;
}

export interface DomElementLike extends DomNodeLike {
  readonly localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
}

export interface DomToDocumentOptions {
  /** Resolves relative link targets (the page's own address). */
  baseUrl?: string;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/** Elements whose content is never text a reader sees. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'param', 'svg', 'canvas', 'audio', 'video', 'source', 'track', 'picture', 'img',
  'map', 'area', 'input', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'button',
  'meter', 'progress', 'head', 'title', 'meta', 'link', 'base', 'rp', 'slot', 'dialog',
]); // prettier-ignore

/** Block-level elements that only separate their content from what surrounds it. */
const GENERIC_BLOCKS = new Set([
  'address', 'article', 'aside', 'body', 'center', 'dd', 'details', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'html', 'legend',
  'main', 'menu', 'nav', 'p', 'search', 'section', 'summary', 'caption', 'hr', 'thead', 'tbody',
  'tfoot', 'colgroup', 'col',
]); // prettier-ignore

const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const INLINE_MARKS: Record<string, BlockMark['kind']> = {
  em: 'emphasis',
  i: 'emphasis',
  cite: 'emphasis',
  dfn: 'emphasis',
  strong: 'strong',
  b: 'strong',
  code: 'code',
  kbd: 'code',
  samp: 'code',
  tt: 'code',
};
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:', 'ftp:', 'news:']);
/** Beyond this nesting, a subtree is read as plain inline text (no stack overflow on bombs). */
const MAX_DEPTH = 300;

type BlockInfo = Omit<Block, 'start' | 'end'>;

interface Context {
  /** The block the current text belongs to; its ordinal goes once the block is written. */
  block: BlockInfo;
  listDepth: number;
  pre: boolean;
  /** Inside a table cell: block structure flattens to spaces. */
  cell: boolean;
  depth: number;
}

/** An open inline element's mark; `current` moves on when a block boundary splits the mark. */
interface OpenMark {
  current: BlockMark;
}

/**
 * The text of the block being read, with its marks, white space collapsed on the way in. The
 * text is kept as a list of pieces with its length, last character and trailing spaces tracked,
 * so that a huge block with many inline elements is read in linear time.
 */
class BlockWriter {
  private parts: string[] = [];
  private length = 0;
  /** Spaces at the very end of the text. */
  private trailing = 0;
  /** Whether the text holds anything but white space. */
  private content = false;
  marks: BlockMark[] = [];
  private open: OpenMark[] = [];
  /** A separator owed before more text arrives (a block boundary inside a list item or cell). */
  private owed: '' | ' ' | '\n' = '';

  constructor(private readonly builder: TextBuilder) {}

  private last(): string {
    const part = this.parts[this.parts.length - 1];
    return part === undefined ? '' : part.charAt(part.length - 1);
  }

  private push(s: string): void {
    if (s === '') return;
    this.parts.push(s);
    this.length += s.length;
    const kept = s.replace(/ +$/, '');
    this.trailing = kept === '' ? this.trailing + s.length : s.length - kept.length;
    if (!this.content && /\S/.test(s)) this.content = true;
  }

  private dropTrailingSpaces(): void {
    let count = this.trailing;
    this.trailing = 0;
    while (count > 0) {
      const part = this.parts.pop() as string;
      const cut = Math.min(count, part.length);
      count -= cut;
      this.length -= cut;
      if (cut < part.length) this.parts.push(part.slice(0, part.length - cut));
    }
  }

  append(data: string, pre: boolean): void {
    let s = pre ? data.replace(/\r\n?/g, '\n') : data.replace(/[ \t\n\r\f]+/g, ' ');
    const atBreak = this.owed !== '' || this.length === 0 || ' \n\t'.includes(this.last());
    if (!pre && atBreak && s.startsWith(' ')) s = s.slice(1);
    if (s === '') return;
    this.payOwed();
    this.push(s);
  }

  /** A line break (`<br>`) inside the block. */
  lineBreak(): void {
    this.payOwed();
    this.dropTrailingSpaces();
    this.push('\n');
  }

  tab(): void {
    this.owed = '';
    this.dropTrailingSpaces();
    this.push('\t');
  }

  /** Asks for `sep` between what came before and what comes next (never at the block's edges). */
  separate(sep: ' ' | '\n'): void {
    if (!this.content) return;
    if (sep === '\n' || this.owed === '') this.owed = sep;
  }

  private payOwed(): void {
    if (this.owed === '') return;
    const sep = this.owed;
    this.owed = '';
    if (this.length === 0 || '\n\t'.includes(this.last())) return;
    if (sep === ' ' && this.trailing > 0) return;
    this.dropTrailingSpaces();
    this.push(sep);
  }

  openMark(kind: BlockMark['kind'], href?: string): OpenMark {
    const current: BlockMark = { kind, start: this.length, end: this.length };
    if (href !== undefined) current.href = href;
    // Recorded as it opens, so an outer mark comes before the marks inside it.
    this.marks.push(current);
    const mark = { current };
    this.open.push(mark);
    return mark;
  }

  closeMark(mark: OpenMark): void {
    mark.current.end = this.length;
    const at = this.open.lastIndexOf(mark);
    if (at !== -1) this.open.splice(at, 1);
  }

  /** Writes the block read so far (if it holds text) and starts the next one. */
  flush(info: BlockInfo): boolean {
    for (const mark of this.open) mark.current.end = this.length;
    const written = this.content;
    if (written) {
      const { text, marks } = canonicalBlock(this.parts.join(''), this.marks);
      this.builder.addBlock(text, info, marks);
    }
    this.parts = [];
    this.length = 0;
    this.trailing = 0;
    this.content = false;
    this.owed = '';
    // Marks still open (a <strong> around several paragraphs) carry on into the next block.
    this.marks = [];
    for (const mark of this.open) {
      mark.current = { ...mark.current, start: 0, end: 0 };
      this.marks.push(mark.current);
    }
    return written;
  }
}

/**
 * Converts the content of `root` (its children, not its own tag) to canonical text, blocks and
 * marks. `metadata` is passed through, cleaned to fit its schema.
 */
export function domToDocument(
  root: DomElementLike,
  metadata: DocumentMetadata = {},
  options: DomToDocumentOptions = {},
): ConvertedDocument {
  const builder = new TextBuilder();
  let firstHeading: string | undefined;
  const writer = new BlockWriter(builder);

  const flush = (ctx: Context): void => {
    if (!writer.flush(ctx.block)) return;
    delete ctx.block.ordinal;
    const written = builder.blocks[builder.blocks.length - 1];
    if (firstHeading === undefined && ctx.block.kind === 'heading' && written)
      firstHeading = builder.text().slice(written.start, written.end);
  };

  const children = (node: DomNodeLike, ctx: Context): void => {
    const list = node.childNodes;
    for (let i = 0; i < list.length; i++) {
      const child = list[i];
      if (child !== undefined) visit(child, ctx);
    }
  };

  const visit = (node: DomNodeLike, ctx: Context): void => {
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      writer.append((node as DomTextLike).data, ctx.pre);
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const el = node as DomElementLike;
    const tag = el.localName.toLowerCase();
    if (SKIPPED.has(tag) || isHidden(el)) return;
    const inner: Context = { ...ctx, depth: ctx.depth + 1 };
    if (inner.depth > MAX_DEPTH) {
      writer.append(plainText(el), ctx.pre);
      return;
    }

    if (tag === 'br') {
      writer.lineBreak();
      return;
    }
    const markKind = INLINE_MARKS[tag];
    if (markKind !== undefined && !(markKind === 'code' && ctx.pre)) {
      const mark = writer.openMark(markKind);
      children(el, inner);
      writer.closeMark(mark);
      return;
    }
    if (tag === 'a') {
      const href = linkTarget(el.getAttribute('href'), options.baseUrl);
      const mark = href === undefined ? undefined : writer.openMark('link', href);
      children(el, inner);
      if (mark) writer.closeMark(mark);
      return;
    }
    if (tag === 'q') {
      writer.append('“', false);
      children(el, inner);
      writer.append('”', false);
      return;
    }

    // Inside a table cell, blocks only separate words.
    if (ctx.cell && isBlockish(tag)) {
      writer.separate(' ');
      children(el, inner);
      writer.separate(' ');
      return;
    }
    const level = HEADINGS[tag];
    if (level !== undefined) {
      if (ctx.block.kind === 'heading') return children(el, inner);
      flush(ctx);
      const heading = { ...inner, block: { kind: 'heading', level } as BlockInfo };
      children(el, heading);
      flush(heading);
      return;
    }
    switch (tag) {
      case 'p':
      case 'div':
        break;
      case 'pre': {
        if (ctx.pre) return children(el, inner);
        flush(ctx);
        const code: Context = { ...inner, pre: true, block: { kind: 'code' } };
        // The parser keeps the newline that may follow <pre>; a browser does not show it.
        const first = el.childNodes[0];
        if (first?.nodeType === TEXT) {
          const data = (first as DomTextLike).data;
          writer.append(data.replace(/^\r?\n/, ''), true);
          for (let i = 1; i < el.childNodes.length; i++)
            visit(el.childNodes[i] as DomNodeLike, code);
        } else {
          children(el, code);
        }
        flush(code);
        return;
      }
      case 'blockquote': {
        flush(ctx);
        const quote: Context = { ...inner, block: { kind: 'quote' } };
        children(el, quote);
        flush(quote);
        return;
      }
      case 'ul':
      case 'ol':
        list(el, tag === 'ol', ctx, inner);
        return;
      case 'li': {
        // An item outside any list: still an item.
        flush(ctx);
        const item: Context = {
          ...inner,
          block: { kind: 'list-item', level: Math.min(9, Math.max(1, ctx.listDepth)) },
        };
        children(el, item);
        flush(item);
        return;
      }
      case 'table': {
        flush(ctx);
        const table: Context = { ...inner, block: { kind: 'paragraph' } };
        children(el, table);
        flush(table);
        return;
      }
      case 'tr':
        row(el, ctx, inner);
        return;
      case 'td':
      case 'th':
        // A cell outside a row: its own row.
        row(el, ctx, inner, true);
        return;
      default:
        if (!GENERIC_BLOCKS.has(tag)) return children(el, inner);
    }

    // A generic block (p, div, section…): in running text it is a block of its own; inside a
    // list item it is a new line of the item; inside a heading or code, a space at most.
    const kind = ctx.block.kind;
    if (kind === 'list-item') {
      writer.separate('\n');
      children(el, inner);
      writer.separate('\n');
    } else if (kind === 'heading' || kind === 'code' || kind === 'table-row') {
      if (!ctx.pre) writer.separate(' ');
      children(el, inner);
      if (!ctx.pre) writer.separate(' ');
    } else {
      flush(ctx);
      const block: Context = { ...inner, block: { kind } };
      children(el, block);
      flush(block);
    }
  };

  const list = (el: DomElementLike, ordered: boolean, ctx: Context, inner: Context): void => {
    flush(ctx);
    const level = Math.min(9, ctx.listDepth + 1);
    const items = elementChildren(el).filter((c) => c.localName.toLowerCase() === 'li');
    const reversed = ordered && el.hasAttribute('reversed');
    const startAttr = parseInt(el.getAttribute('start') ?? '', 10);
    let next = Number.isFinite(startAttr) ? startAttr : reversed ? items.length : 1;
    const listCtx: Context = { ...inner, listDepth: level, block: { kind: 'paragraph' } };
    const nodes = el.childNodes;
    for (let i = 0; i < nodes.length; i++) {
      const child = nodes[i] as DomNodeLike;
      if (
        child.nodeType !== ELEMENT ||
        (child as DomElementLike).localName.toLowerCase() !== 'li'
      ) {
        visit(child, listCtx);
        continue;
      }
      const li = child as DomElementLike;
      if (isHidden(li)) continue;
      const block: BlockInfo = { kind: 'list-item', level };
      if (ordered) {
        const value = parseInt(li.getAttribute('value') ?? '', 10);
        if (Number.isFinite(value)) next = value;
        if (next >= 0) block.ordinal = next;
        next += reversed ? -1 : 1;
      }
      flush(listCtx);
      const item: Context = { ...listCtx, depth: inner.depth + 1, block };
      children(li, item);
      flush(item);
    }
    flush(listCtx);
  };

  const row = (el: DomElementLike, ctx: Context, inner: Context, single = false): void => {
    flush(ctx);
    const rowCtx: Context = { ...inner, cell: true, block: { kind: 'table-row' } };
    const cells = single
      ? [el]
      : elementChildren(el).filter((c) => /^t[dh]$/.test(c.localName.toLowerCase()));
    cells.forEach((cell, i) => {
      if (i > 0) writer.tab();
      if (!isHidden(cell)) children(cell, { ...rowCtx, depth: inner.depth + 1 });
    });
    flush(rowCtx);
  };

  const rootCtx: Context = {
    block: { kind: 'paragraph' },
    listDepth: 0,
    pre: false,
    cell: false,
    depth: 0,
  };
  children(root, rootCtx);
  flush(rootCtx);
  const meta = { ...metadata };
  if (meta.title === undefined && firstHeading !== undefined) meta.title = firstHeading;
  return {
    text: builder.text(),
    blocks: builder.blocks,
    marks: builder.marks,
    metadata: cleanMetadata(meta),
  };
}

function isBlockish(tag: string): boolean {
  return (
    GENERIC_BLOCKS.has(tag) ||
    tag in HEADINGS ||
    ['pre', 'blockquote', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th'].includes(tag)
  );
}

/** Hidden as a browser would hide it: the hidden attribute, aria-hidden, display:none. */
function isHidden(el: DomElementLike): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true') return true;
  const style = el.getAttribute('style');
  return (
    style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style)
  );
}

function elementChildren(el: DomElementLike): DomElementLike[] {
  const out: DomElementLike[] = [];
  for (let i = 0; i < el.childNodes.length; i++) {
    const c = el.childNodes[i];
    if (c?.nodeType === ELEMENT) out.push(c as DomElementLike);
  }
  return out;
}

/** The visible text under a too-deeply nested element, read without recursion. */
function plainText(el: DomElementLike): string {
  const parts: string[] = [];
  const stack: DomNodeLike[] = [el];
  while (stack.length > 0) {
    const node = stack.pop() as DomNodeLike;
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      parts.push((node as DomTextLike).data);
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const child = node as DomElementLike;
    if (SKIPPED.has(child.localName.toLowerCase()) || isHidden(child)) continue;
    parts.push(' ');
    for (let i = node.childNodes.length - 1; i >= 0; i--) {
      const c = node.childNodes[i];
      if (c !== undefined) stack.push(c);
    }
  }
  return parts.join('');
}

/** A link's target made absolute against the page, if it is one worth keeping. */
function linkTarget(raw: string | null, baseUrl: string | undefined): string | undefined {
  const href = safeHref(raw);
  if (href === undefined) return undefined;
  let url: URL;
  try {
    url = baseUrl === undefined ? new URL(href) : new URL(href, baseUrl);
  } catch {
    // A relative target without a page address to resolve it against stays as written.
    return baseUrl === undefined && !/^[a-z][a-z0-9+.-]*:/i.test(href) ? href : undefined;
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) return undefined;
  return safeHref(url.href);
}
