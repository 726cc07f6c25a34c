import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { BlockMark } from '../../core/block-text';
import { canonicalBlock, cleanLine, cleanMetadata } from '../../core/block-text';
import type { Result } from '../../core/result';
import type { Block, ConvertedDocument, PageSpan } from '../../core/structure';
import { TextBuilder } from '../../core/structure';
import type { LoadError } from './index';

// A PDF's text layer as readable text: pdf.js (its legacy build, which runs on Node 20) gives the
// positioned text of each page; lines are rebuilt from positions, joined into paragraphs where
// the spacing or indentation says so, and words hyphenated across lines are made whole again.
// pdf.js runs in this thread (its "fake worker"), without eval, fonts, network or console output;
// the process is given back between pages, so a long PDF never blocks it for long.

export interface PdfOptions {
  /** Called after each page with the pages done and the page count. */
  onProgress?(done: number, total: number): void;
  /** Most pages accepted (default DEFAULT_MAX_PDF_PAGES). */
  maxPages?: number;
}

export const DEFAULT_MAX_PDF_PAGES = 2000;

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | undefined;

/** Loads pdf.js once, with its worker code on this thread (no Worker, no file lookup by URL). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const global = globalThis as { pdfjsWorker?: unknown };
    global.pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

/** pdf.js's CMaps and standard font data, read from its package folder (for CJK text). */
function dataFolders(): { cMapUrl?: string; standardFontDataUrl?: string } {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return {
      cMapUrl: join(root, 'cmaps') + '/',
      standardFontDataUrl: join(root, 'standard_fonts') + '/',
    };
  } catch {
    return {};
  }
}

/** A piece of positioned text, as pdf.js gives it. */
interface Piece {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  eol: boolean;
  rtl: boolean;
}

interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

interface Paragraph {
  text: string;
  size: number;
  lines: number;
  page: number;
}

const fail = (kind: LoadError['kind'], message: string): Result<never, LoadError> => ({
  ok: false,
  error: { kind, message },
});

/** Converts a PDF's text layer to canonical text, blocks (with their page) and page spans. */
export async function pdfToDocument(
  bytes: Uint8Array,
  options: PdfOptions = {},
): Promise<Result<ConvertedDocument, LoadError>> {
  if (bytes.length === 0) return fail('empty', 'the file is empty');
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    // pdf.js may take the buffer over: give it a copy.
    data: bytes.slice(),
    ...dataFolders(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    verbosity: 0,
  });
  try {
    let pdf;
    try {
      pdf = await task.promise;
    } catch (error) {
      return fail('corrupt', openFailure(error));
    }
    const total = pdf.numPages;
    const maxPages = options.maxPages ?? DEFAULT_MAX_PDF_PAGES;
    if (total > maxPages) {
      return fail(
        'too-large',
        `the PDF has ${total.toLocaleString('en')} pages, more than the ` +
          `${maxPages.toLocaleString('en')} Gloss can import`,
      );
    }
    const paragraphs: Paragraph[][] = [];
    for (let n = 1; n <= total; n++) {
      try {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        paragraphs.push(pageParagraphs(content.items.flatMap(toPiece), n));
        page.cleanup();
      } catch (error) {
        return fail('corrupt', `the PDF is damaged (page ${n} cannot be read: ${reason(error)})`);
      }
      options.onProgress?.(n, total);
      // Give the event loop a turn between pages.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (paragraphs.every((p) => p.length === 0)) {
      return fail(
        'no-text',
        'the PDF has no text layer (it looks like a scan); Gloss cannot read scanned pages yet',
      );
    }
    let info: Record<string, unknown> = {};
    try {
      info = ((await pdf.getMetadata()).info ?? {}) as Record<string, unknown>;
    } catch {
      // Metadata is a nicety: a PDF whose info dictionary is broken still has its text.
    }
    return { ok: true, value: build(paragraphs, info, total) };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

function toPiece(item: unknown): Piece[] {
  const i = item as {
    str?: unknown;
    transform?: number[];
    width?: number;
    height?: number;
    hasEOL?: boolean;
    dir?: string;
  };
  if (typeof i.str !== 'string' || !Array.isArray(i.transform)) return [];
  const [, , c = 0, d = 0, x = 0, y = 0] = i.transform;
  const size = Math.hypot(c, d) || i.height || 10;
  return [
    {
      // Control characters (from broken font encodings) are not text.
      // eslint-disable-next-line no-control-regex
      str: i.str.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''),
      x,
      y,
      width: i.width ?? 0,
      size,
      eol: i.hasEOL === true,
      rtl: i.dir === 'rtl',
    },
  ];
}

/** Rebuilds a page's lines from positioned pieces, then its paragraphs from its lines. */
function pageParagraphs(pieces: Piece[], page: number): Paragraph[] {
  return paragraphsOf(linesOf(pieces), page);
}

function linesOf(pieces: Piece[]): Line[] {
  // Lines in the content stream's order, which follows columns; a piece on another baseline,
  // or after an end of line, starts a new line.
  const groups: Piece[][] = [];
  let current: Piece[] = [];
  let lineY = 0;
  let lineSize = 0;
  for (const piece of pieces) {
    if (piece.str === '' && !piece.eol) continue;
    const sameLine =
      current.length > 0 &&
      !current[current.length - 1]?.eol &&
      Math.abs(piece.y - lineY) <= 0.5 * Math.max(piece.size, lineSize);
    if (!sameLine && current.length > 0) {
      groups.push(current);
      current = [];
    }
    if (current.length === 0) {
      lineY = piece.y;
      lineSize = piece.size;
    }
    current.push(piece);
    lineSize = Math.max(lineSize, piece.size);
  }
  if (current.length > 0) groups.push(current);
  let lines = groups.map(joinPieces).filter((l): l is Line => l !== undefined);

  // A stream that jumps up the page again and again is not in reading order: sort its lines
  // top to bottom, left to right, and merge the ones on one baseline.
  let jumps = 0;
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1] as Line, lines[i] as Line];
    if (b.y > a.y + 0.5 * Math.max(a.size, b.size)) jumps++;
  }
  if (jumps > Math.max(2, lines.length * 0.2)) {
    const sorted = [...lines].sort((a, b) => b.y - a.y || a.x - b.x);
    const merged: Line[] = [];
    for (const line of sorted) {
      const last = merged[merged.length - 1];
      if (last && Math.abs(last.y - line.y) <= 0.5 * Math.max(last.size, line.size)) {
        const gap = line.x - last.right > 0.15 * line.size && !/\s$/.test(last.text);
        merged[merged.length - 1] = {
          ...last,
          text: last.text + (gap ? ' ' : '') + line.text,
          right: Math.max(last.right, line.right),
          size: Math.max(last.size, line.size),
        };
      } else {
        merged.push(line);
      }
    }
    lines = merged;
  }
  return lines;
}

function joinPieces(group: Piece[]): Line | undefined {
  const pieces = group.every((p) => !p.rtl) ? [...group].sort((a, b) => a.x - b.x) : group;
  let text = '';
  let right = -Infinity;
  let size = 0;
  for (const p of pieces) {
    if (p.str !== '') {
      const gap = text !== '' && p.x - right > 0.15 * p.size;
      if (gap && !/\s$/.test(text) && !/^\s/.test(p.str)) text += ' ';
      text += p.str;
    }
    right = Math.max(right, p.x + p.width);
    size = Math.max(size, p.size);
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  const first = pieces[0] as Piece;
  return { text, x: Math.min(...pieces.map((p) => p.x)), right, y: first.y, size };
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function paragraphsOf(lines: Line[], page: number): Paragraph[] {
  // The page's usual line spacing: the median baseline step between neighbouring lines.
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1] as Line, lines[i] as Line];
    const step = a.y - b.y;
    if (step > 0 && step < 3 * Math.max(a.size, b.size)) steps.push(step);
  }
  const spacing = median(steps);

  const paragraphs: Paragraph[] = [];
  let para: { lines: Line[]; text: string } | undefined;
  const close = (): void => {
    if (!para) return;
    const size = Math.max(...para.lines.map((l) => l.size));
    paragraphs.push({ text: para.text, size, lines: para.lines.length, page });
    para = undefined;
  };
  for (const line of lines) {
    const prev = para?.lines[para.lines.length - 1];
    if (para && prev && !startsParagraph(para.lines, prev, line, spacing)) {
      para.text = joinLines(para.text, line.text);
      para.lines.push(line);
      continue;
    }
    close();
    para = { lines: [line], text: line.text };
  }
  close();
  return paragraphs;
}

function startsParagraph(
  lines: Line[],
  prev: Line,
  line: Line,
  spacing: number | undefined,
): boolean {
  const size = Math.max(prev.size, line.size);
  const step = prev.y - line.y;
  // Up the page (a new column) or a wider gap than the usual line spacing.
  if (step <= 0.3 * size) return true;
  const usual = spacing ?? 1.25 * size;
  if (step > usual * 1.3 + 0.5) return true;
  // Another font size: a heading, a caption.
  if (Math.abs(line.size - prev.size) > 0.15 * Math.min(line.size, prev.size)) return true;
  // An indented first line after a line at the margin.
  const margin = Math.min(...lines.map((l) => l.x));
  if (line.x > prev.x + 0.8 * size && prev.x <= margin + 0.5 * size) return true;
  // A short line that ends a sentence ends its paragraph.
  if (lines.length >= 2) {
    const right = Math.max(...lines.map((l) => l.right));
    const width = right - margin;
    if (prev.right < right - 0.25 * width && /[.!?:]["”’)]?$/.test(prev.text)) return true;
  }
  return false;
}

/** Joins two lines of a paragraph: a word hyphenated across them is made whole again. */
function joinLines(before: string, after: string): string {
  if (before.endsWith('\u00ad')) return before.slice(0, -1) + after;
  if (/\p{L}[-\u2010]$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}

function build(
  pages: Paragraph[][],
  info: Record<string, unknown>,
  pageCount: number,
): ConvertedDocument {
  // The body font size is the one most text is set in; clearly larger short paragraphs are headings.
  const weight = new Map<number, number>();
  for (const p of pages.flat()) {
    const size = Math.round(p.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + p.text.length);
  }
  const body = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;

  const builder = new TextBuilder();
  const spans: PageSpan[] = [];
  let end = 0;
  pages.forEach((paragraphs, index) => {
    const page = index + 1;
    const first = builder.blocks.length;
    for (const p of paragraphs) {
      const { text, marks } = canonicalBlock(p.text, [] as BlockMark[]);
      const block: Omit<Block, 'start' | 'end'> = { kind: 'paragraph', page };
      if (body > 0 && p.size >= body * 1.25 && p.lines <= 3 && text.length <= 200) {
        block.kind = 'heading';
        block.level = p.size >= body * 1.6 ? 1 : 2;
      }
      builder.addBlock(text, block, marks);
    }
    const added = builder.blocks.slice(first);
    const start = added[0]?.start ?? end;
    end = added[added.length - 1]?.end ?? end;
    spans.push({ page, start, end });
  });
  const text = builder.text();
  const firstHeading = builder.blocks.find((b) => b.kind === 'heading');
  const firstBlock = firstHeading ?? builder.blocks[0];
  const title =
    infoTitle(info.Title) ??
    (firstBlock
      ? cleanLine(text.slice(firstBlock.start, firstBlock.end).split('\n')[0], 200)
      : undefined);
  return {
    text,
    blocks: builder.blocks,
    marks: builder.marks,
    pages: spans,
    metadata: cleanMetadata({
      title,
      byline: typeof info.Author === 'string' ? info.Author : undefined,
      language: typeof info.Language === 'string' ? info.Language : undefined,
      pageCount,
    }),
  };
}

/** The info dictionary's title, unless it is a placeholder or a file name. */
function infoTitle(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const title = cleanLine(value.replace(/^Microsoft (?:Word|PowerPoint|Excel) - /i, ''), 500);
  if (title === undefined) return undefined;
  if (/^(?:untitled|document\d*|title|slide \d+|presentation\d*)$/i.test(title)) return undefined;
  if (/\.(?:pdf|docx?|odt|rtf|txt|pptx?|xlsx?|indd|tex|dvi|ps|qxd|pages|html?)$/i.test(title))
    return undefined;
  if (!/\p{L}/u.test(title)) return undefined;
  return title;
}

/** pdf.js's reason for refusing a file, in plain words. */
function openFailure(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException')
    return 'the PDF is protected by a password; Gloss cannot open encrypted PDFs yet';
  if (name === 'InvalidPDFException')
    return 'the file is damaged or not a PDF (its structure is invalid)';
  return `the PDF is damaged (${reason(error)})`;
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0]?.trim() || 'unknown error').slice(0, 200);
}
