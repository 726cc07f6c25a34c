import { collapse, tokensOf } from './page-words';

// What Readability drops that is the article's: quotes set in the text as <blockquote> (an
// embedded post, a statement quoted whole) are often full of links and short of commas, and
// Readability's clean-up takes them for furniture. A quote that follows one of the article's own
// paragraphs on the page is put back after that paragraph.

/** The DOM this module uses, as linkedom provides it. */
export interface RecoverEl {
  readonly localName: string;
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<RecoverEl>;
  readonly previousElementSibling: RecoverEl | null;
  readonly parentNode: RecoverEl | null;
  querySelectorAll(selector: string): ArrayLike<RecoverEl>;
  after(...nodes: RecoverEl[]): void;
}
export interface RecoverDoc {
  createElement(tag: string): RecoverEl & { textContent: string | null };
}

export interface DroppableQuote {
  /** The quote's visible text, white space collapsed. */
  text: string;
  /** Its words, to find it in other text whatever the spacing and punctuation. */
  key: string;
  /** The words of the paragraph it follows on the page. */
  after: string;
}

/** Quotes shorter than this are not worth putting back; anchors shorter, not distinctive. */
const MIN_QUOTE_WORDS = 6;
const MIN_ANCHOR_WORDS = 8;
const MAX_QUOTES = 50;
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg']);
const BLOCKS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'blockquote', 'section', 'article', 'figure', 'figcaption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th', 'pre', 'header', 'footer',
]); // prettier-ignore

/**
 * The page's quotes with the paragraph each follows, read before Readability changes the page.
 * Quotes inside other quotes are read with their parent.
 */
export function findQuotes(page: RecoverEl): DroppableQuote[] {
  const out: DroppableQuote[] = [];
  for (const quote of Array.from(page.querySelectorAll('blockquote'))) {
    if (out.length >= MAX_QUOTES) break;
    const text = visibleText(quote);
    const key = wordsOf(text);
    if (key.split(' ').length < MIN_QUOTE_WORDS) continue;
    const after = anchorBefore(quote, key);
    if (after !== undefined) out.push({ text, key, after });
  }
  return out;
}

/**
 * The words of the paragraph a quote follows: one of the three elements before it, or before
 * the wrappers it is alone in (an embed's <div>).
 */
function anchorBefore(quote: RecoverEl, key: string): string | undefined {
  let at: RecoverEl | null = quote;
  for (let level = 0; at && level < 3; level++) {
    let sibling = at.previousElementSibling;
    for (let steps = 0; sibling && steps < 3; steps++, sibling = sibling.previousElementSibling) {
      const before = wordsOf(visibleText(sibling));
      if (before.split(' ').length >= MIN_ANCHOR_WORDS) return before;
    }
    const parent: RecoverEl | null = at.parentNode;
    // Climb only out of a wrapper that holds little but the quote.
    if (!parent || wordsOf(visibleText(parent)).length > key.length + 80) return undefined;
    at = parent;
  }
  return undefined;
}

/**
 * Puts back, after its paragraph in the article, each quote the article lost: one whose text
 * is not in `readText` (what Readability kept) and whose paragraph the article still holds.
 * Returns how many were put back.
 */
export function restoreQuotes(
  root: RecoverEl,
  doc: RecoverDoc,
  quotes: readonly DroppableQuote[],
  readText: string,
): number {
  // A quote counts as kept when some of it is in the article (Readability may keep its words
  // and drop its links): only a quote the article holds none of is put back.
  const kept = shinglesOf(wordsOf(readText));
  const lost = quotes.filter((q) => ![...shinglesOf(q.key)].some((s) => kept.has(s)));
  if (lost.length === 0) return 0;
  const paragraphs = new Map<string, RecoverEl>();
  for (const p of Array.from(root.querySelectorAll('p,li'))) {
    const words = wordsOf(visibleText(p));
    if (!paragraphs.has(words)) paragraphs.set(words, p);
  }
  let restored = 0;
  const seen = new Set<string>();
  for (const quote of lost) {
    const anchor = paragraphs.get(quote.after);
    if (!anchor || seen.has(quote.key)) continue;
    seen.add(quote.key);
    const block = doc.createElement('blockquote');
    block.textContent = quote.text;
    anchor.after(block);
    restored++;
  }
  return restored;
}

/** An element's text as a reader sees it (no script or style), white space collapsed. */
export function visibleText(el: RecoverEl): string {
  const parts: string[] = [];
  const walk = (node: RecoverEl, depth: number): void => {
    if (node.nodeType === 3) {
      parts.push(node.textContent ?? '');
      return;
    }
    const tag = node.nodeType === 1 ? node.localName.toLowerCase() : '';
    if (tag === '' || depth > 200 || INVISIBLE.has(tag)) return;
    const block = BLOCKS.has(tag);
    if (block) parts.push(' ');
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i];
      if (kid !== undefined) walk(kid, depth + 1);
    }
    if (block) parts.push(' ');
  };
  walk(el, 0);
  return collapse(parts.join(''));
}

/** The runs of four words of a text (its words, if fewer). */
function shinglesOf(words: string): Set<string> {
  const list = words.split(' ');
  const out = new Set<string>();
  for (let i = 0; i + 4 <= list.length; i++) out.add(list.slice(i, i + 4).join(' '));
  if (list.length < 4) out.add(words);
  return out;
}

/** A text's words, joined by single spaces. */
function wordsOf(s: string): string {
  return tokensOf(s).join(' ');
}
