import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { cleanLine } from '../../core/block-text';
import type { Result } from '../../core/result';
import type { ConvertedDocument } from '../../core/structure';
import type { DomElementLike } from './html-blocks';
import { domToDocument } from './html-blocks';
import type { LoadError } from './index';
import type { ZipLimits } from './zip-guard';
import { DEFAULT_ZIP_LIMITS, checkZipContents, readZipDirectory, readZipEntry } from './zip-guard';

// A Word document (.docx) as text: its ZIP container checked first (see zip-guard), then mammoth
// turns its paragraphs, headings, lists and tables into semantic HTML, which is read like a page.
// Images are never read, and no linked file outside the document is ever opened.

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const damaged = (reason: string): Result<never, LoadError> => ({
  ok: false,
  error: { kind: 'corrupt', message: `the Word file is damaged or not a .docx (${reason})` },
});

interface Body extends DomElementLike {
  querySelectorAll(selector: string): ArrayLike<{ remove(): void }>;
}

/** Converts a .docx file to canonical text, blocks and marks. */
export async function docxToDocument(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Result<ConvertedDocument, LoadError>> {
  if (bytes.length === 0)
    return { ok: false, error: { kind: 'empty', message: 'the file is empty' } };
  // Encrypted .docx files and old .doc files are OLE compound files, not ZIP archives.
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    return {
      ok: false,
      error: {
        kind: 'unsupported',
        message:
          'it is a password-protected Word file or an old .doc file, which Gloss cannot read ' +
          '(save it as an unprotected .docx)',
      },
    };
  }
  const guard = checkZipContents(bytes, limits);
  if (!guard.ok) return guard.error.kind === 'corrupt' ? damaged(guard.error.message) : guard;

  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Images are not shown: do not read them (mammoth would inline them as data URLs).
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
      },
    );
    html = result.value;
  } catch (error) {
    return damaged(plainReason(error));
  }

  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  const body = (document as unknown as { body: Body | null }).body;
  if (!body) return damaged('its content could not be read');
  // Footnotes' "↑" links back to their reference are navigation, not text.
  for (const link of Array.from(
    body.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]'),
  ))
    link.remove();
  const title = coreTitle(bytes);
  const converted = domToDocument(body, title === undefined ? {} : { title });
  if (converted.text === '')
    return { ok: false, error: { kind: 'empty', message: 'the Word document holds no text' } };
  return { ok: true, value: converted };
}

/** The title in the document's properties (docProps/core.xml), if it has one. */
function coreTitle(bytes: Uint8Array): string | undefined {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return undefined;
  const entry = directory.value.find((e) => e.name === 'docProps/core.xml');
  if (!entry || entry.uncompressedSize > 1024 * 1024) return undefined;
  const data = readZipEntry(bytes, entry);
  if (!data.ok) return undefined;
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(data.value);
  } catch {
    return undefined;
  }
  const match = /<dc:title(?:\s[^>]*)?>([\s\S]*?)<\/dc:title>/.exec(xml);
  return match?.[1] === undefined ? undefined : cleanLine(decodeXmlText(match[1]), 500);
}

function decodeXmlText(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => codePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => codePoint(parseInt(dec, 10)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) =>
      name === 'lt'
        ? '<'
        : name === 'gt'
          ? '>'
          : name === 'quot'
            ? '"'
            : name === 'apos'
              ? "'"
              : '&',
    );
}

function codePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff)
    ? String.fromCodePoint(n)
    : '';
}

/** A library's error as a short phrase for the analyst. */
function plainReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n')[0]?.trim() ?? '';
  if (/central directory|end of data|corrupted zip|is this a zip/i.test(first))
    return 'it is not a readable ZIP archive';
  if (/main document part|could not find file/i.test(first))
    return 'it has no Word document inside';
  return (first || 'unknown error').slice(0, 200);
}
