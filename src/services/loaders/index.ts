import type { DecodeError } from '../../core/canonical-text';
import { canonicalize, toCanonicalText } from '../../core/canonical-text';
import type { Result } from '../../core/result';
import type { ConvertedDocument } from '../../core/structure';
import { plainTextBlocks } from '../../core/structure';

// One entry point from a file's name and bytes to a ConvertedDocument, whatever its format.
// Each format's converter is loaded on first use: together they take longer to load than the
// rest of the services, and starting Gloss should not wait for them.

/**
 * Why a file could not be converted. `message` is written for the analyst and does not name the
 * file: the caller prefixes it ('"report.pdf" cannot be opened: ' + message).
 */
export type LoadError = {
  /** `stopped`: the conversion itself failed (ran out of memory, hung), not the file's bytes. */
  kind: 'corrupt' | 'no-text' | 'too-large' | 'unsupported' | 'empty' | 'stopped';
  message: string;
};

export type LoadedFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

export interface ConvertOptions {
  /** PDF: called after each page. */
  onProgress?(done: number, total: number): void;
  /** Reads a file of an unknown type as plain text instead of refusing it. */
  asText?: boolean;
  /** PDF: most pages accepted (default DEFAULT_MAX_PDF_PAGES). */
  maxPages?: number;
  /** HTML: the page's address, for its links and its source. */
  url?: string;
}

export interface Converted {
  format: LoadedFormat;
  document: ConvertedDocument;
}

const FORMATS: Record<string, LoadedFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

/** The extensions convertDocument reads, with their dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMATS);

/** The lower-case extension of a file name or path (".pdf"), or '' when it has none. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** The format a file name's extension says, if Gloss reads it. */
export function formatOfName(name: string): LoadedFormat | undefined {
  return FORMATS[extensionOf(name)];
}

/** Converts a file to its canonical text and structure, by its extension. */
export async function convertDocument(
  name: string,
  bytes: Uint8Array,
  options: ConvertOptions = {},
): Promise<Result<Converted, LoadError>> {
  const ext = extensionOf(name);
  let format = FORMATS[ext];
  if (format === undefined) {
    if (!options.asText) {
      return fail(
        'unsupported',
        ext
          ? `${ext} files are not supported. Open it as plain text?`
          : 'files without an extension are not supported. Open it as plain text?',
      );
    }
    format = 'text';
  }
  const done = (document: ConvertedDocument): Result<Converted, LoadError> =>
    ({ ok: true, value: { format, document } }) as const;

  switch (format) {
    case 'text': {
      const text = decodePlain(bytes);
      if (!text.ok) return text;
      return done({
        text: text.value,
        blocks: plainTextBlocks(text.value),
        marks: [],
        metadata: {},
      });
    }
    case 'markdown': {
      const text = decodePlain(bytes);
      if (!text.ok) return text;
      const { markdownToDocument } = await import('../../core/markdown');
      const document = markdownToDocument(text.value);
      if (document.text === '') return fail('empty', 'the file holds no text (only markup)');
      return done(document);
    }
    case 'html': {
      const text = decodeHtml(bytes);
      if (!text.ok) return text;
      const { htmlToDocument } = await import('./html');
      const document = htmlToDocument(
        text.value,
        options.url === undefined ? {} : { url: options.url },
      );
      if (document.text === '') return fail('empty', 'the page holds no readable text');
      return done(document);
    }
    case 'docx': {
      const { docxToDocument } = await import('./docx');
      const document = await docxToDocument(bytes);
      return document.ok ? done(document.value) : document;
    }
    case 'pdf': {
      const { pdfToDocument } = await import('./pdf');
      const pdfOptions: Parameters<typeof pdfToDocument>[1] = {};
      if (options.onProgress) pdfOptions.onProgress = options.onProgress;
      if (options.maxPages !== undefined) pdfOptions.maxPages = options.maxPages;
      const document = await pdfToDocument(bytes, pdfOptions);
      return document.ok ? done(document.value) : document;
    }
  }
}

function fail(kind: LoadError['kind'], message: string): Result<never, LoadError> {
  return { ok: false, error: { kind, message } };
}

const fromDecodeError = (error: DecodeError): Result<never, LoadError> =>
  fail(
    error.kind === 'binary'
      ? 'unsupported'
      : error.kind === 'invalid-encoding'
        ? 'corrupt'
        : 'empty',
    error.message,
  );

const startsWith = (bytes: Uint8Array, text: string): boolean =>
  bytes.length >= text.length && [...text].every((c, i) => bytes[i] === c.charCodeAt(0));

/** Strict text decoding (see toCanonicalText), refusing PDFs and ZIPs given as text. */
function decodePlain(bytes: Uint8Array): Result<string, LoadError> {
  if (startsWith(bytes, '%PDF-'))
    return fail('unsupported', 'the file is binary (a PDF document), not text');
  if (startsWith(bytes, 'PK\x03\x04'))
    return fail('unsupported', 'the file is binary (a ZIP archive or Word document), not text');
  const text = toCanonicalText(bytes);
  return text.ok ? text : fromDecodeError(text.error);
}

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']); // prettier-ignore

/**
 * Decodes a web page: a BOM decides first (UTF-8, UTF-16), then the charset the page declares
 * in its first 1024 bytes (`<meta charset>`, `<meta http-equiv>`, an XML declaration), else
 * strict UTF-8. A page declaring windows-1252, latin1 or another legacy encoding is decoded
 * with it, as a browser would.
 */
export function decodeHtml(bytes: Uint8Array): Result<string, LoadError> {
  const hasBom =
    startsWith(bytes, '\xef\xbb\xbf') ||
    startsWith(bytes, '\xff\xfe') ||
    startsWith(bytes, '\xfe\xff');
  const label = hasBom ? undefined : declaredCharset(bytes);
  if (label === undefined || UTF8_LABELS.has(label) || label.startsWith('utf-16'))
    return decodePlain(bytes);
  let decode: (bytes: Uint8Array) => string;
  if (WINDOWS_1252_LABELS.has(label)) {
    decode = decodeWindows1252;
  } else {
    try {
      const decoder = new TextDecoder(label, { fatal: true });
      decode = (b) => decoder.decode(b);
    } catch {
      // An encoding nobody knows: read the page as UTF-8, strictly.
      return decodePlain(bytes);
    }
  }
  if (bytes.includes(0))
    return fail('unsupported', 'the file is binary (it contains NUL characters), not text');
  let text: string;
  try {
    text = canonicalize(decode(bytes));
  } catch {
    return fail('corrupt', `the file is not valid ${label} text, as it declares`);
  }
  if (text.trim() === '') return fail('empty', 'the file holds no text (only white space)');
  return { ok: true, value: text };
}

function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const match =
    /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head) ??
    /<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase();
}

// The labels the Encoding Standard maps to windows-1252 (latin1 and ASCII included: browsers
// read them as windows-1252).
const WINDOWS_1252_LABELS = new Set([
  'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1',
  'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1',
  'us-ascii', 'windows-1252', 'x-cp1252',
]); // prettier-ignore

// 0x80-0x9F in windows-1252 (0 where the byte is unassigned and decodes to its C1 control).
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
]; // prettier-ignore

/**
 * windows-1252, decoded here: Node's TextDecoder reads it as ISO-8859-1, turning curly quotes
 * and dashes (0x80-0x9F) into invisible control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    const codes = Array.from(bytes.subarray(start, start + chunk), (b) =>
      b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
