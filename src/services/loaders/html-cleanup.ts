import { tokensOf, wordCount } from './page-words';

// What Readability keeps of a page that is not the article: the headline (the document's title,
// shown in its header), bylines and datelines, image captions and credits, share, subscribe and
// "related stories" blocks, advertisement labels, slideshow controls. Each rule looks at the
// article's DOM (Readability's output, its class names kept) the way a reader would: by the
// names the page gives its parts, by what a short block says, by how much of it is links.
// Nothing here knows any site: every rule is about pages in general.

/** The DOM this module uses, as linkedom provides it. */
export interface CleanEl {
  readonly localName: string;
  readonly textContent: string | null;
  readonly parentNode: CleanEl | null;
  readonly children: ArrayLike<CleanEl>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): CleanEl | null;
  querySelectorAll(selector: string): ArrayLike<CleanEl>;
  remove(): void;
}

export interface CleanupContext {
  /** The document's title (from the page's metadata), shown in its header. */
  title?: string | undefined;
  /** The page's <h1>. */
  headline?: string | undefined;
  /** The byline from the page's metadata. */
  byline?: string | undefined;
}

/** Elements that make blocks of text. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'figure', 'figcaption', 'li',
  'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr',
  'td', 'th', 'pre', 'address', 'main', 'details', 'summary', 'center', 'hr', 'br',
]); // prettier-ignore
const HEADING = /^h[1-6]$/;

/** A part of the page named like this is never the article's text (if it is small). */
const FURNITURE_WORDS: Record<string, 'caption' | 'byline' | 'furniture'> = {
  caption: 'caption', captions: 'caption', figcaption: 'caption', credit: 'caption',
  credits: 'caption', copyright: 'caption', photographer: 'caption', image: 'caption',
  img: 'caption', photo: 'caption', picture: 'caption',
  byline: 'byline', bylines: 'byline', author: 'byline', authors: 'byline', dateline: 'byline',
  timestamp: 'byline', date: 'byline', dates: 'byline', pubdate: 'byline', published: 'byline',
  updated: 'byline', posted: 'byline', meta: 'byline', postmeta: 'byline', time: 'byline',
  share: 'furniture', sharing: 'furniture', sharebar: 'furniture', social: 'furniture',
  related: 'furniture', recommended: 'furniture',
  recommendations: 'furniture', recirc: 'furniture', trending: 'furniture',
  promo: 'furniture', promoted: 'furniture', sponsored: 'furniture',
  ad: 'furniture', ads: 'furniture', advert: 'furniture',
  adverts: 'furniture', advertisement: 'furniture', advertising: 'furniture',
  newsletter: 'furniture', subscribe: 'furniture', subscription: 'furniture',
  signup: 'furniture', comments: 'furniture', comment: 'furniture',
  bio: 'furniture', tags: 'furniture', breadcrumb: 'furniture', breadcrumbs: 'furniture',
  pagination: 'furniture', pager: 'furniture', toolbar: 'furniture', tools: 'furniture',
  print: 'furniture', slideshow: 'furniture', gallery: 'furniture', carousel: 'furniture',
  swiper: 'furniture', slider: 'furniture', rail: 'furniture', widget: 'furniture',
  cookie: 'furniture', cookies: 'furniture', consent: 'furniture',
}; // prettier-ignore
/** Names that may hold one of those words (a quick test before the names are split). */
const MAYBE_FURNITURE = new RegExp(Object.keys(FURNITURE_WORDS).join('|'), 'i');
/** A named part is only dropped when it is this short... */
const NAMED_MAX_WORDS = 60;
/** ... and holds at most this share of the article's words. */
const NAMED_MAX_SHARE = 0.2;
const FIGCAPTION_MAX_SHARE = 0.5;

/** Removes from `root` what is not the article's own text. Returns how many elements went. */
export function cleanArticle(root: CleanEl, context: CleanupContext = {}): number {
  let removed = 0;
  removed += dropTitleHeading(root, context);
  removed += dropPageSections(root);
  removed += dropNamedFurniture(root);
  removed += dropFurnitureText(root, context);
  removed += dropLinkLists(root);
  return removed;
}

// ---------------------------------------------------------------------------------------------
// Rule: the headline is the document's title, not its text.

/**
 * Drops the heading that repeats the document's title or the page's headline, among the first
 * blocks of the article: the title is shown in the document's header.
 */
export function dropTitleHeading(root: CleanEl, context: CleanupContext): number {
  const titles = [context.title, context.headline]
    .map((t) => comparable(t ?? ''))
    .filter((t) => t.length > 0);
  if (titles.length === 0) return 0;
  let seen = 0;
  for (const { el } of leafBlocks(root)) {
    if (wordCount(el) === 0) continue;
    if (++seen > 8) break;
    const tag = el.localName.toLowerCase();
    if (!HEADING.test(tag) && !(tag === 'p' || tag === 'div')) continue;
    const text = comparable(el.textContent ?? '');
    if (titles.some((t) => t === text || (text.length >= 20 && t.startsWith(text)))) {
      el.remove();
      return 1;
    }
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Rule: a page's header, footer and aside, when Readability kept them inside the article.

/**
 * Drops <header>, <footer> and <aside> elements that hold a small part of the article: the
 * site's or the article's header (headline, byline), its footer (tags, share buttons), its
 * asides (pull quotes, related stories).
 */
export function dropPageSections(root: CleanEl): number {
  const total = wordCount(root);
  let removed = 0;
  for (const el of Array.from(root.querySelectorAll('header,footer,aside'))) {
    if (!attached(el, root)) continue;
    if (wordCount(el) <= Math.max(NAMED_MAX_WORDS, NAMED_MAX_SHARE * total)) {
      el.remove();
      removed++;
    }
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------
// Rule: parts the page names as captions, bylines, share or related blocks, advertisements.

function rawNames(el: CleanEl): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemprop') ?? ''} ${el.getAttribute('rel') ?? ''}`;
}

/** The words of an element's class and id ("article__byline shareBar" → article, byline, share, bar). */
export function nameWords(el: CleanEl): string[] {
  return rawNames(el)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * Drops small elements whose class, id, itemprop or rel names them as captions, bylines and
 * dates, or page furniture (share, related, advertisement, newsletter, comments…), and every
 * <figcaption>.
 */
export function dropNamedFurniture(root: CleanEl): number {
  const total = wordCount(root);
  const limit = Math.min(NAMED_MAX_WORDS, Math.max(12, NAMED_MAX_SHARE * total));
  let removed = 0;
  for (const el of Array.from(root.querySelectorAll('figcaption,[class],[id],[itemprop],[rel]'))) {
    const tag = el.localName.toLowerCase();
    if (tag === 'a' || tag === 'html' || tag === 'body') continue;
    const named =
      tag === 'figcaption' ||
      (MAYBE_FURNITURE.test(rawNames(el)) && nameWords(el).some((w) => FURNITURE_WORDS[w]));
    if (!named || !attached(el, root)) continue;
    const own = wordCount(el);
    // An inline element named so inside running text ("… said <span class=author>Jo</span>")
    // is part of a sentence: it stays.
    const parent = el.parentNode;
    if (!BLOCK_TAGS.has(tag) && parent && wordCount(parent) - own > 6) continue;
    // A <figcaption> is a caption whatever its length, unless it holds most of the article.
    if (own <= limit || (tag === 'figcaption' && own <= FIGCAPTION_MAX_SHARE * total)) {
      el.remove();
      removed++;
    }
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------
// Rule: short blocks that say they are furniture.

/** Labels of page furniture, as a whole short block says them (any case). */
const FURNITURE_LABELS = new RegExp(
  '^(?:' +
    [
      'advertisement', 'advert', 'ad', 'ads', 'sponsored', 'sponsored content', 'anzeige',
      'publicité', 'publicidad', 'pubblicità', 'iklan', 'реклама', 'werbung',
      'read more', 'read next', 'read also', 'also read', 'more', 'see more', 'continue reading',
      'continue reading below', 'story continues below', 'article continues below',
      'share', 'share this', 'share this article', 'share this story', 'share on \\w+', 'tweet',
      'email', 'print', 'comments?', '\\d+ comments?', 'leave a comment', 'view comments',
      'sign in', 'log in', 'login', 'register', 'subscribe', 'subscribe now', 'close', 'caption',
      'enlarge image', 'enlarge', 'expand', 'hide caption', 'toggle caption', 'image \\d+ of \\/? ?\\d+',
      '\\d+ of \\d+', 'loading', 'loading content', 'skip to content', 'skip to main content',
      'back to top', 'trending', 'trending now', 'latest', 'latest news', 'popular', 'most popular',
      'most read', 'top stories', 'breaking news', 'you may also like', 'you might also like',
      'recommended', 'recommended for you', 'related', 'related news', 'related stories',
      'related articles', 'related content', 'related coverage', 'more stories', 'more from \\w+',
      "don'?t miss", 'editors?\'? picks?', 'view author archive', 'email the author',
      'follow on \\w+', 'follow us', 'this slideshow requires javascript', 'highlights',
      'disclaimer', 'video', 'watch', 'photos?', 'gallery', 'advertisement - scroll to continue',
    ].join('|') +
    ')$',
  'iu',
); // prettier-ignore

/** A short block opening with one of these points elsewhere ("Related: …", "READ MORE: …"). */
const POINTER =
  /^(?:related|more|see more|read more|see also|also read|read also|also|watch|listen|read next|recommended|don'?t miss|click here)\b\s*[:|–—-]/iu;

/** A byline: "By Ana Ruiz", "Written by …", "Posted on … by …". */
const BYLINE =
  /^(?:by|written by|words by|von|par|por|di|door|av|posted(?: on| by| at)?|published(?: on| by| at)?|updated(?: on| at)?|last updated|first published|created|modified)\b/iu;

/** A caption's credit: "Photo: …", "(Image: © …)", "Image copyright …", "… (AP Photo/…)". */
const CREDIT_OPENING = /^\(?(?:photo|photos|photograph|image|images|picture|pictures|credit|credits|source|illustration|graphic|video|foto|fotos|bild|imagen|image caption|image copyright|copyright|©)\b\s*(?::|copyright|caption|by|courtesy|©)/iu; // prettier-ignore
const CREDIT_CLOSING = /(?:\((?:[^()]*\b(?:photo|image|picture|credit|illustration|file)s?\b[^()]*)\)|(?:credit|\bphoto|\bimage|\bpicture)s?\s*:\s*[^.!?]{1,80})\s*$/iu; // prettier-ignore

const MONTHS = 'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december'; // prettier-ignore
const DATE_WORDS = new RegExp(
  `^(?:\\d+(?:st|nd|rd|th)?|${MONTHS}|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday|am|pm|a|p|m|est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|utc|bst|cet|cest|ist|aest|jst|et|pt|ct|h|hrs|on|at|of|the|published|updated|posted|last|modified|first|date|time|today|yesterday|ago|hours?|minutes?|days?|weeks?|months?|years?|hr|min|mins|read|reading|de|le|el|la|am|um|às|em)$`,
  'iu',
); // prettier-ignore
/** A date or time: a month's name, a year, a clock time, a numeric date, or a relative date. */
const HAS_DATE = new RegExp(
  `\\b(?:${MONTHS}|today|yesterday|ago)\\b|\\b(?:19|20)\\d\\d\\b|\\b\\d{1,2}[:.h]\\d\\d\\b|\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}\\b`,
  'iu',
);

/** A call to subscribe, sign up, follow, download or share, as the page says it to its reader. */
const CALL_TO_ACTION = /\b(?:subscribe (?:to|now|for|today|here)|our newsletters?|click(?:ing)? here|follow (?:us|@?\w+) on (?:twitter|facebook|instagram|linkedin|youtube|tiktok|x)|follow us|download (?:the|our) app|get the \w+(?: \w+)? app|join (?:us|our)|in your inbox|like us on)\b/iu; // prettier-ignore
const CALL_MAX_WORDS = 50;
/** A site's notice: cookies, copyright, rights reserved. */
const NOTICE = /\b(?:(?:this|our) (?:web)?site uses cookies|we use cookies|use of cookies|cookie policy|accept (?:all )?cookies|all rights reserved|subject to copyright|may be reproduced without)\b/iu; // prettier-ignore
/** Longer blocks are never furniture by what they say. */
const MAX_FURNITURE_WORDS = 60;
const MAX_FURNITURE_CHARS = 800;
/** A caption's credit names a photo, an image or a picture agency. */
const CREDIT_WORD = /\((?:[^()]*\b(?:photo|image|picture|credit|illustration)s?\b)|(?:credit|\bphoto|\bimage|\bpicture)s?\s*:/iu; // prettier-ignore

/** What a short block says: furniture, a pointer, a byline, a dateline, a credit, a call. */
export function furnitureKind(
  text: string,
  byline?: string,
): 'label' | 'pointer' | 'byline' | 'dateline' | 'credit' | 'call' | 'notice' | undefined {
  if (text.length > MAX_FURNITURE_CHARS) return undefined;
  const s = text.replace(/\s+/g, ' ').trim();
  const tokens = tokensOf(s);
  const n = tokens.length;
  if (n === 0) return s === '' ? undefined : 'label';
  if (n > MAX_FURNITURE_WORDS) return undefined;
  if (n <= 8) {
    const bare = s.replace(/[\s:|.…>»›▶→-]+$/u, '').replace(/^[\s|•·▶»›-]+/u, '');
    if (FURNITURE_LABELS.test(bare)) return 'label';
  }
  if (n <= 25 && POINTER.test(s)) return 'pointer';
  if (n <= 16) {
    if (BYLINE.test(s) && !/[.!?]["”’)]?$/u.test(s.replace(/\b[A-Z]\.$/u, ''))) return 'byline';
    if (byline && isBylineBlock(s, byline)) return 'byline';
    if (HAS_DATE.test(s)) {
      const other = tokens.filter((t) => !DATE_WORDS.test(t));
      if (other.length <= 2 && other.length <= n / 3) return 'dateline';
    }
  }
  if (CREDIT_OPENING.test(s)) return 'credit';
  if (CREDIT_WORD.test(s) && CREDIT_CLOSING.test(s.slice(-120))) return 'credit';
  if (n <= CALL_MAX_WORDS && CALL_TO_ACTION.test(s)) return 'call';
  if ((n <= 8 && /^(?:©|\(c\)|copyright\b)/iu.test(s)) || NOTICE.test(s)) return 'notice';
  return undefined;
}

/**
 * Whether a block is the page's byline: the name itself, or a name of two words or more with a
 * few more words after it ("Ana Ruiz, Staff Writer"), never a sentence.
 */
function isBylineBlock(text: string, byline: string): boolean {
  const name = comparable(byline);
  const block = comparable(text);
  if (name === '' || block === name) return name !== '';
  if (name.split(' ').length < 2 || !block.startsWith(`${name} `)) return false;
  return (
    block.split(' ').length - name.split(' ').length <= 6 && !/[.!?]["”’]?$/u.test(text.trim())
  );
}

/** Drops the short leaf blocks that furnitureKind recognises (outside tables). */
export function dropFurnitureText(root: CleanEl, context: CleanupContext = {}): number {
  let removed = 0;
  for (const { el, inTable } of leafBlocks(root)) {
    if (inTable) continue;
    const kind = furnitureKind(el.textContent ?? '', context.byline);
    if (kind === undefined) continue;
    // A heading may be a date or a name ("2019", "By the river"): only labels and pointers go.
    if (HEADING.test(el.localName.toLowerCase()) && kind !== 'label' && kind !== 'pointer')
      continue;
    el.remove();
    removed++;
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------
// Rule: lists of links to other stories.

/** Share of an element's text that is the text of links. */
export function linkDensity(el: CleanEl): number {
  const all = (el.textContent ?? '').replace(/\s+/g, '').length;
  if (all === 0) return 0;
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) {
    linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  }
  return Math.min(1, linked / all);
}

const LINK_BLOCK = /^(?:p|div|h[2-6])$/i;

/**
 * Drops lists whose every item is a link (to other stories, sections or products), and
 * paragraphs that are nothing but one link with a headline's words: "related stories" the
 * page puts between the article's paragraphs.
 */
export function dropLinkLists(root: CleanEl): number {
  let removed = 0;
  for (const list of Array.from(root.querySelectorAll('ul,ol'))) {
    if (!attached(list, root)) continue;
    const items = Array.from(list.children).filter((c) => c.localName.toLowerCase() === 'li');
    if (items.length < 2) continue;
    if (items.every((li) => wordCount(li) === 0 || linkDensity(li) >= 0.9)) {
      list.remove();
      removed++;
    }
  }
  for (const { el } of leafBlocks(root)) {
    if (!LINK_BLOCK.test(el.localName)) continue;
    const text = (el.textContent ?? '').trim();
    // A sentence, or an address shown as it is (a source the article cites), is not a headline.
    if (
      text.length > 300 ||
      /[.!?:]["”’')]*$/u.test(text) ||
      /^(?:https?:\/\/|www\.)\S+$/iu.test(text)
    )
      continue;
    const n = tokensOf(text).length;
    if (n >= 4 && n <= 25 && linkDensity(el) >= 0.95) {
      el.remove();
      removed++;
    }
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------

export interface LeafBlock {
  el: CleanEl;
  /** Inside a table: its cells are data, not sentences. */
  inTable: boolean;
}

/**
 * The blocks under `root` that hold no other block (a paragraph, a heading, a list item
 * without a list inside it…), in document order, found in one walk of the tree.
 */
export function leafBlocks(root: CleanEl): LeafBlock[] {
  const out: LeafBlock[] = [];
  const walk = (el: CleanEl, inTable: boolean, depth: number): boolean => {
    const tag = el.localName.toLowerCase();
    const block = BLOCK_TAGS.has(tag) && tag !== 'br' && tag !== 'hr';
    const table = inTable || TABLE_PART.test(tag);
    let holdsBlock = false;
    if (depth < MAX_DEPTH) {
      const kids = el.children;
      for (let i = 0; i < kids.length; i++) {
        const kid = kids[i];
        if (kid !== undefined && walk(kid, table, depth + 1)) holdsBlock = true;
      }
    }
    // A leaf holds no block, so nothing under it was listed: it is listed in document order.
    if (block && !holdsBlock && el !== root) out.push({ el, inTable });
    return block || holdsBlock;
  };
  walk(root, false, 0);
  return out;
}

const TABLE_PART = /^(?:table|thead|tbody|tfoot|tr|td|th|caption)$/i;
const MAX_DEPTH = 400;

/** Whether `el` is still under `root` (not inside something removed). */
function attached(el: CleanEl, root: CleanEl): boolean {
  for (let p: CleanEl | null = el; p; p = p.parentNode) if (p === root) return true;
  return false;
}

/** Text compared without case, punctuation or spacing. */
function comparable(s: string): string {
  return tokensOf(s.toLowerCase()).join(' ');
}
