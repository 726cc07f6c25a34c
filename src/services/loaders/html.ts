import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanLine, cleanMetadata } from '../../core/block-text';
import type { ConvertedDocument, DocumentMetadata } from '../../core/structure';
import type { DomElementLike, DomNodeLike, DomToDocumentOptions } from './html-blocks';
import { domToDocument } from './html-blocks';
import { cleanArticle, dropTitleHeading } from './html-cleanup';
import { findQuotes, restoreQuotes } from './html-recover';
import { collapse, wordCount } from './page-words';

// A web page as an article: metadata from the page's head (Open Graph, JSON-LD, <time>…), the
// article's content found by Readability (the engine of Firefox's Reader View), cleaned of the
// headline, bylines, captions and furniture Readability keeps (html-cleanup) and given back the
// quotes it drops (html-recover), measured by `npm run bench:extract`; and the whole
// body, minus navigation and page furniture, when Readability finds no article. linkedom only
// parses: no script on the page ever runs, nothing is fetched.

export interface HtmlOptions {
  /** Where the page came from: resolves relative links, and is the source when none is named. */
  url?: string;
}

/** The DOM this module uses, as linkedom provides it (typed here: services have no DOM lib). */
interface El extends DomElementLike {
  readonly textContent: string | null;
  readonly parentNode: El | null;
  readonly children: ArrayLike<El>;
  readonly childNodes: ArrayLike<El>;
  readonly nodeType: number;
  readonly previousElementSibling: El | null;
  after(...nodes: El[]): void;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  remove(): void;
}
interface Doc {
  readonly documentElement: El | null;
  readonly body: El | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  createElement(tag: string): El & { textContent: string | null };
}

/** Pages nested deeper than this are not given to Readability (see htmlToDocument). */
const MAX_READABILITY_DEPTH = 120;
/** Article text at least this long is taken as the page's content. */
const MIN_ARTICLE_CHARS = 200;
/** ... as is shorter article text that holds this share of the page's text. */
const MIN_ARTICLE_SHARE = 0.4;
/** Cleaning up the article never leaves less than this share of its words. */
const MIN_KEPT_SHARE = 0.5;

/** Page furniture left out when the whole body is read. */
const FURNITURE = [
  'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form',
  'iframe', 'dialog', '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]',
  '[role="complementary"]', '[role="dialog"]', '[role="alertdialog"]',
].join(','); // prettier-ignore
/** What never belongs to an article, even inside what Readability kept. */
const ARTICLE_FURNITURE = [
  'nav', 'form', 'dialog', '[role="navigation"]', '[role="dialog"]', '[role="alertdialog"]',
].join(','); // prettier-ignore
/** Cookie and consent banners, by their names (short ones only: never a page's content). */
const BANNER = /(?:^|[\s_-])(?:cookie|cookies|consent|gdpr)(?:$|[\s_-])/i;
const BANNER_MAX_CHARS = 600;

function parse(html: string): Doc {
  // linkedom builds a broken tree for a fragment (no <html>): give it a whole document.
  let source = html;
  if (!/<html[\s>]/i.test(source)) {
    const hasParts = /<(?:head|body)[\s>]/i.test(source);
    source = `<!DOCTYPE html><html>${hasParts ? source : `<head></head><body>${source}</body>`}</html>`;
  }
  return parseHTML(source).document as unknown as Doc;
}

/** Converts a web page to its article's canonical text, blocks, marks and metadata. */
export function htmlToDocument(html: string, options: HtmlOptions = {}): ConvertedDocument {
  const page = parse(html);
  const found = pageMetadata(page, options.url);
  const baseUrl = httpUrl(options.url) ?? found.sourceUrl;
  const headline = textOf(page.querySelector('h1'));
  const convertOptions = baseUrl === undefined ? {} : { baseUrl };

  // Readability takes time quadratic in the page's depth: a page nested absurdly deep is read
  // whole. Readability changes the document it reads, so the whole body is parsed afresh.
  const readable = depthAtMost(page.documentElement, MAX_READABILITY_DEPTH);
  // The page's quotes, read before Readability changes the page (it drops some: see
  // html-recover).
  const quotes = readable && page.documentElement ? findQuotes(page.documentElement) : [];
  const article = readable ? readArticle(page) : undefined;
  let whole: ConvertedDocument | undefined;
  const wholePage = (): ConvertedDocument =>
    (whole ??= wholeBody(readable ? parse(html) : page, convertOptions));

  if (article) {
    found.title ??= cleanLine(article.title, 500);
    found.byline ??= cleanLine(article.byline, 500);
    found.published ??= normaliseDate(article.publishedTime);
    found.siteName ??= cleanLine(article.siteName, 200);
    found.language ??= article.lang ?? undefined;
  }
  const metadata = cleanMetadata(found);
  const fallback = (): ConvertedDocument => {
    const doc = wholePage();
    return { ...doc, metadata: { ...doc.metadata, ...metadata } };
  };

  const articleLength = article ? collapse(article.textContent ?? '').length : 0;
  if (!article || typeof article.content !== 'string' || articleLength === 0) return fallback();
  if (articleLength < MIN_ARTICLE_CHARS) {
    // A short page: Readability's pick is the article if it is a good share of the page's
    // text, and no longer than it (else it kept furniture the whole body leaves out).
    const wholeLength = wholePage().text.length;
    if (articleLength < MIN_ARTICLE_SHARE * wholeLength || articleLength > wholeLength)
      return fallback();
  }

  let content = parse(`<body>${article.content}</body>`);
  let root = content.body ?? content.documentElement;
  if (!root) return fallback();
  removeFurniture(root, ARTICLE_FURNITURE);
  // The headline, byline and date are the document's metadata, shown in its header: the text
  // is the article's own, without them or the furniture Readability kept (see html-cleanup).
  const context = { title: metadata.title, headline, byline: metadata.byline };
  const before = wordCount(root);
  cleanArticle(root, context);
  if (wordCount(root) < MIN_KEPT_SHARE * before) {
    // The rules took most of the article: they misread this page, which is read as it was.
    content = parse(`<body>${article.content}</body>`);
    root = content.body ?? content.documentElement ?? root;
    removeFurniture(root, ARTICLE_FURNITURE);
    dropTitleHeading(root, context);
  }
  restoreQuotes(root, content, quotes, article.textContent ?? '');
  return domToDocument(root, metadata, convertOptions);
}

type Article = NonNullable<ReturnType<Readability['parse']>>;

function readArticle(page: Doc): Article | undefined {
  try {
    return (
      new Readability(page as never, {
        charThreshold: MIN_ARTICLE_CHARS,
        keepClasses: true,
      }).parse() ?? undefined
    );
  } catch {
    return undefined;
  }
}

/** Whether no element under `root` is nested deeper than `limit` (walked without recursion). */
function depthAtMost(root: El | null, limit: number): boolean {
  if (!root) return true;
  const stack: [DomNodeLike, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [DomNodeLike, number];
    if (depth > limit) return false;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child?.nodeType === 1) stack.push([child, depth + 1]);
    }
  }
  return true;
}

/** The whole body as text, without navigation, headers, footers, forms and banners. */
function wholeBody(page: Doc, options: DomToDocumentOptions): ConvertedDocument {
  const root = page.body ?? page.documentElement;
  if (!root) return { text: '', blocks: [], marks: [], metadata: {} };
  removeFurniture(root, FURNITURE);
  return domToDocument(root, {}, options);
}

function removeFurniture(root: El, selector: string): void {
  for (const el of Array.from(root.querySelectorAll(selector))) el.remove();
  for (const el of Array.from(root.querySelectorAll('[id],[class]'))) {
    const names = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
    if (BANNER.test(names) && collapse(el.textContent ?? '').length <= BANNER_MAX_CHARS)
      el.remove();
  }
}

/** Title, byline, date, address, site and language from the page's own markup. */
function pageMetadata(page: Doc, url: string | undefined): DocumentMetadata {
  const meta = (...selectors: string[]): string | undefined => {
    for (const selector of selectors) {
      const value = collapse(page.querySelector(selector)?.getAttribute('content') ?? '');
      if (value) return value;
    }
    return undefined;
  };
  const text = (...selectors: string[]): string | undefined => {
    for (const selector of selectors) {
      for (const el of Array.from(page.querySelectorAll(selector))) {
        if (el.localName.toLowerCase() === 'link' || el.localName.toLowerCase() === 'meta')
          continue;
        const value = textOf(el);
        if (value) return value;
      }
    }
    return undefined;
  };
  const ld = jsonLd(page);

  const headline = textOf(page.querySelector('h1'));
  const title =
    meta('meta[property="og:title"]', 'meta[name="og:title"]', 'meta[name="twitter:title"]') ??
    withoutSiteName(textOf(page.querySelector('title')), headline) ??
    headline ??
    ld.headline;
  const byline =
    meta('meta[name="author"]', 'meta[property="author"]', 'meta[property="article:author"]') ??
    text('[rel~="author"]', '.byline', '[itemprop="author"]') ??
    ld.author;
  const published =
    meta('meta[property="article:published_time"]', 'meta[itemprop="datePublished"]') ??
    ld.datePublished ??
    meta('meta[name="date"]', 'meta[name="dc.date"]', 'meta[name="DC.date.issued"]') ??
    page.querySelector('time[datetime]')?.getAttribute('datetime') ??
    undefined;
  const canonical =
    page.querySelector('link[rel~="canonical"]')?.getAttribute('href') ??
    meta('meta[property="og:url"]', 'meta[name="og:url"]');
  const sourceUrl = resolveHttp(canonical, url) ?? httpUrl(url);
  const siteName = meta('meta[property="og:site_name"]', 'meta[name="application-name"]');
  const language =
    page.documentElement?.getAttribute('lang') ??
    meta('meta[http-equiv="content-language"]', 'meta[http-equiv="Content-Language"]');

  const out: DocumentMetadata = {};
  if (title) out.title = title;
  if (byline) out.byline = byline;
  const date = normaliseDate(published);
  if (date) out.published = date;
  if (sourceUrl) out.sourceUrl = sourceUrl;
  if (siteName ?? ld.publisher) out.siteName = siteName ?? ld.publisher;
  if (language?.trim()) out.language = language.trim();
  return out;
}

interface LdFacts {
  headline?: string;
  author?: string;
  datePublished?: string;
  publisher?: string;
}

/** The first article-ish facts of the page's JSON-LD blocks (parsed as data, never run). */
function jsonLd(page: Doc): LdFacts {
  const facts: LdFacts = {};
  const name = (value: unknown): string | undefined => {
    if (typeof value === 'string') return collapse(value) || undefined;
    if (Array.isArray(value)) {
      const names = value.map(name).filter((n): n is string => n !== undefined);
      return names.length > 0 ? names.join(', ') : undefined;
    }
    if (value && typeof value === 'object' && 'name' in value) return name(value.name);
    return undefined;
  };
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.datePublished === 'string') facts.datePublished ??= record.datePublished;
    if (typeof record.headline === 'string') facts.headline ??= collapse(record.headline);
    if (record.author !== undefined) facts.author ??= name(record.author);
    if (record.publisher !== undefined) facts.publisher ??= name(record.publisher);
    if (record['@graph'] !== undefined) visit(record['@graph'], depth + 1);
  };
  for (const script of Array.from(page.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A broken JSON-LD block is ignored, like a browser ignores it.
    }
  }
  return facts;
}

/** ISO 8601 where the date can be read (kept as written when it already is), else as given. */
/**
 * A page's <title> usually carries the site's name ("Headline | The Ledger"): when the page's
 * own headline opens the title, the headline is the document's title.
 */
export function withoutSiteName(
  title: string | undefined,
  headline: string | undefined,
): string | undefined {
  if (!title) return undefined;
  if (
    headline &&
    headline.length >= 8 &&
    title.startsWith(headline) &&
    /^\s*[|\-–—:·•]/.test(title.slice(headline.length))
  ) {
    return headline;
  }
  return title;
}

function normaliseDate(value: string | null | undefined): string | undefined {
  const date = collapse(value ?? '');
  if (date === '') return undefined;
  if (/^\d{4}-\d{2}(?:-\d{2})?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(date)) return date;
  const parsed = Date.parse(date);
  return Number.isNaN(parsed) ? date : new Date(parsed).toISOString();
}

function httpUrl(url: string | undefined): string | undefined {
  return resolveHttp(url, undefined);
}

function resolveHttp(
  href: string | null | undefined,
  base: string | undefined,
): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    const url = base === undefined ? new URL(href.trim()) : new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function textOf(el: El | null | undefined): string | undefined {
  return collapse(el?.textContent ?? '') || undefined;
}
