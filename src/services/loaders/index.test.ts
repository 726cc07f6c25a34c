import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { documentProblems } from '../../core/block-text';
import type { ConvertOptions, Converted, LoadError } from './index';
import { convertDocument, decodeHtml, extensionOf, formatOfName } from './index';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function converted(
  name: string,
  bytes: Uint8Array,
  options?: ConvertOptions,
): Promise<Converted> {
  const result = await convertDocument(name, bytes, options);
  if (!result.ok) throw new Error(result.error.message);
  expect(documentProblems(result.value.document)).toEqual([]);
  return result.value;
}

async function refused(
  name: string,
  bytes: Uint8Array,
  options?: ConvertOptions,
): Promise<LoadError> {
  const result = await convertDocument(name, bytes, options);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('convertDocument', () => {
  it('reads plain text as canonical text, a block per line', async () => {
    const { format, document } = await converted(
      'notes.TXT',
      utf8('\uFEFFFirst line\r\n\r\nCafe\u0301\r\n'),
    );
    expect(format).toBe('text');
    expect(document.text).toBe('First line\n\nCafé\n');
    expect(document.blocks).toEqual([
      { start: 0, end: 10, kind: 'paragraph' },
      { start: 12, end: 16, kind: 'paragraph' },
    ]);
    expect(document.marks).toEqual([]);
  });

  it('renders Markdown', async () => {
    const { format, document } = await converted(
      'a/b/notes.md',
      utf8('# Title\r\n\r\nSome *text*.\r\n'),
    );
    expect(format).toBe('markdown');
    expect(document.text).toBe('Title\n\nSome text.');
    expect(document.metadata.title).toBe('Title');
  });

  it('reads web pages, docx and pdf by their extension', async () => {
    const html = await converted('page.htm', utf8('<title>T</title><p>Hello <em>web</em></p>'));
    expect([html.format, html.document.text]).toEqual(['html', 'Hello web']);

    const docx = new Document({ sections: [{ children: [new Paragraph('Hello Word')] }] });
    const word = await converted('report.docx', new Uint8Array(await Packer.toBuffer(docx)));
    expect([word.format, word.document.text]).toEqual(['docx', 'Hello Word']);

    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage().drawText('Hello PDF', { x: 50, y: 700, size: 12, font });
    const progress: number[] = [];
    const read = await converted('scan.PDF', await pdf.save(), {
      onProgress: (d) => progress.push(d),
    });
    expect([read.format, read.document.text, progress]).toEqual(['pdf', 'Hello PDF', [1]]);
  });

  it('refuses unknown extensions, unless asked to read them as text', async () => {
    expect(await refused('data.xyz', utf8('hello'))).toEqual({
      kind: 'unsupported',
      message: '.xyz files are not supported. Open it as plain text?',
    });
    expect(await refused('README', utf8('hello'))).toEqual({
      kind: 'unsupported',
      message: 'files without an extension are not supported. Open it as plain text?',
    });
    const asText = await converted('data.xyz', utf8('hello'), { asText: true });
    expect([asText.format, asText.document.text]).toEqual(['text', 'hello']);
  });

  it('refuses PDFs, ZIPs and binaries given as text', async () => {
    expect(await refused('x.txt', utf8('%PDF-1.7\n...'))).toEqual({
      kind: 'unsupported',
      message: 'the file is binary (a PDF document), not text',
    });
    expect(await refused('x.md', utf8('PK\x03\x04rest'))).toEqual({
      kind: 'unsupported',
      message: 'the file is binary (a ZIP archive or Word document), not text',
    });
    expect(await refused('x.txt', new Uint8Array([0x61, 0, 0x62]))).toEqual({
      kind: 'unsupported',
      message: 'the file is binary (it contains NUL characters), not text',
    });
    expect(await refused('x.txt', new Uint8Array([0x61, 0xc3, 0x28]))).toEqual({
      kind: 'corrupt',
      message: 'the file is not valid UTF-8 text',
    });
    expect(await refused('x.txt', new Uint8Array())).toEqual({
      kind: 'empty',
      message: 'the file is empty',
    });
  });

  it('says when a converted document holds no text', async () => {
    expect(await refused('x.md', utf8('<!-- only a comment -->\n'))).toEqual({
      kind: 'empty',
      message: 'the file holds no text (only markup)',
    });
    expect(await refused('x.html', utf8('<script>x()</script>'))).toEqual({
      kind: 'empty',
      message: 'the page holds no readable text',
    });
  });

  it('refuses a damaged .docx and a damaged .pdf as corrupt', async () => {
    expect((await refused('x.docx', utf8('not a zip'))).kind).toBe('corrupt');
    expect((await refused('x.pdf', utf8('not a pdf'))).kind).toBe('corrupt');
  });
});

describe('decodeHtml', () => {
  const text = (r: ReturnType<typeof decodeHtml>) => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('decodes UTF-8, with or without a BOM', () => {
    expect(text(decodeHtml(utf8('<p>Grüße</p>')))).toBe('<p>Grüße</p>');
    expect(text(decodeHtml(utf8('\uFEFF<p>Grüße</p>')))).toBe('<p>Grüße</p>');
  });

  it('decodes UTF-16 by its BOM', () => {
    const s = '<p>Hé 👋</p>';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) {
      bytes[2 + i * 2] = s.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = s.charCodeAt(i) >> 8;
    }
    expect(text(decodeHtml(bytes))).toBe(s);
  });

  it('honours a declared legacy charset', () => {
    // "Café – “quoted”" in windows-1252.
    const body = [0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x94];
    for (const head of [
      '<meta charset="windows-1252">',
      "<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>",
    ]) {
      const bytes = new Uint8Array([...utf8(`<html><head>${head}</head><body><p>`), ...body]);
      expect(text(decodeHtml(bytes))).toMatch(/<p>Café – “q”$/);
    }
  });

  it('refuses invalid UTF-8 when no other charset is declared', () => {
    expect(decodeHtml(new Uint8Array([...utf8('<p>'), 0xe9, 0x20]))).toEqual({
      ok: false,
      error: { kind: 'corrupt', message: 'the file is not valid UTF-8 text' },
    });
  });
});

describe('file names', () => {
  it('finds the extension and the format', () => {
    expect(extensionOf('C:\\docs\\Report.Final.PDF')).toBe('.pdf');
    expect(extensionOf('.hidden')).toBe('');
    expect(extensionOf('noext')).toBe('');
    expect(formatOfName('page.xhtml')).toBe('html');
    expect(formatOfName('x.doc')).toBeUndefined();
  });
});
