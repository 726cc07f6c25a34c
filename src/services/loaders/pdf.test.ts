import type { PDFFont, PDFPage } from 'pdf-lib';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { documentProblems } from '../../core/block-text';
import type { ConvertedDocument } from '../../core/structure';
import { pdfToDocument } from './pdf';

let regular: PDFFont;
let bold: PDFFont;

/** Draws lines from the top: each [text, x?] one line `step` points below the last. */
function lines(
  page: PDFPage,
  top: number,
  rows: (string | [string, number])[],
  size = 12,
  step = 15,
) {
  let y = top;
  for (const row of rows) {
    const [text, x] = typeof row === 'string' ? [row, 72] : row;
    page.drawText(text, { x, y, size, font: regular });
    y -= step;
  }
  return y;
}

async function reportPdf(options: { title?: string; pages?: number } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  regular = await pdf.embedFont(StandardFonts.Helvetica);
  bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  if (options.title !== undefined) pdf.setTitle(options.title);
  const one = pdf.addPage([595, 842]);
  one.drawText('Storm damage report', { x: 72, y: 760, size: 22, font: bold });
  let y = lines(one, 720, [
    'The council says over 300 concrete walls were rebuilt after the',
    'storm, according to a survey carried out by its interna-',
    'tional partners in the three worst-hit districts of the town.',
  ]);
  // A blank line's gap: a new paragraph.
  lines(one, y - 15, ['A second paragraph follows after a gap and runs on to', 'a second line.']);
  const two = pdf.addPage([595, 842]);
  // No gaps here: paragraphs start with an indented first line.
  y = lines(two, 760, [
    ['Residents described the work as slow but thorough, and', 90],
    'several said the new walls were higher than the old ones,',
    'though not everyone agreed on that point.',
    ['Officials expect the full programme to finish late next', 90],
    'year, funding permitting. Self-',
    'Evidently a capital after a hyphen stays apart.',
  ]);
  for (let i = 2; i < (options.pages ?? 2); i++)
    lines(pdf.addPage([595, 842]), 760, [`Page ${i + 1}.`]);
  return pdf.save();
}

async function convert(bytes: Uint8Array): Promise<ConvertedDocument> {
  const result = await pdfToDocument(bytes);
  if (!result.ok) throw new Error(result.error.message);
  expect(documentProblems(result.value)).toEqual([]);
  return result.value;
}

const blocksOf = (doc: ConvertedDocument) =>
  doc.blocks.map((b) => [b.kind, doc.text.slice(b.start, b.end), b.page, b.level]);

describe('pdfToDocument', () => {
  let report: Uint8Array;
  beforeAll(async () => {
    report = await reportPdf({ title: 'Harbour walls: the storm survey' });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('rebuilds paragraphs, joins hyphenated words and notes each block’s page', async () => {
    const doc = await convert(report);
    expect(blocksOf(doc)).toEqual([
      ['heading', 'Storm damage report', 1, 1],
      [
        'paragraph',
        'The council says over 300 concrete walls were rebuilt after the storm, according to a ' +
          'survey carried out by its international partners in the three worst-hit districts of the town.',
        1,
        undefined,
      ],
      [
        'paragraph',
        'A second paragraph follows after a gap and runs on to a second line.',
        1,
        undefined,
      ],
      [
        'paragraph',
        'Residents described the work as slow but thorough, and several said the new walls were ' +
          'higher than the old ones, though not everyone agreed on that point.',
        2,
        undefined,
      ],
      [
        'paragraph',
        'Officials expect the full programme to finish late next year, funding permitting. ' +
          'Self- Evidently a capital after a hyphen stays apart.',
        2,
        undefined,
      ],
    ]);
    expect(doc.pages).toEqual([
      { page: 1, start: 0, end: doc.blocks[2]!.end },
      { page: 2, start: doc.blocks[3]!.start, end: doc.text.length },
    ]);
    expect(doc.metadata).toEqual({ title: 'Harbour walls: the storm survey', pageCount: 2 });
  });

  it('takes the first heading as the title when the info dictionary has none worth showing', async () => {
    const untitled = await convert(await reportPdf());
    expect(untitled.metadata.title).toBe('Storm damage report');
    const fileName = await convert(await reportPdf({ title: 'Microsoft Word - survey_v3.docx' }));
    expect(fileName.metadata.title).toBe('Storm damage report');
  });

  it('reports progress after each page, giving the event loop a turn between pages', async () => {
    const calls: [number, number][] = [];
    let turned = false;
    let turnedBeforeLastPage = false;
    const result = await pdfToDocument(await reportPdf({ pages: 3 }), {
      onProgress(done, total) {
        calls.push([done, total]);
        if (done === 1) setImmediate(() => (turned = true));
        if (done === 2) turnedBeforeLastPage = turned;
      },
    });
    expect(result.ok).toBe(true);
    expect(calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(turnedBeforeLastPage).toBe(true);
  });

  it('puts lines drawn out of order back in reading order', async () => {
    const pdf = await PDFDocument.create();
    regular = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    const rows = ['first line of the text', 'second line of the text', 'third line of the text',
      'fourth line of the text', 'fifth line of the text', 'sixth line of the text']; // prettier-ignore
    // Drawn bottom up, as some generators do.
    for (let i = rows.length - 1; i >= 0; i--)
      page.drawText(rows[i]!, { x: 72, y: 760 - i * 15, size: 12, font: regular });
    const doc = await convert(await pdf.save());
    expect(doc.text).toBe(rows.join(' '));
  });

  it('refuses a PDF without a text layer as a scan', async () => {
    const pdf = await PDFDocument.create();
    pdf
      .addPage([595, 842])
      .drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.4, 0.4, 0.4) });
    pdf.addPage([595, 842]);
    expect(await pdfToDocument(await pdf.save())).toEqual({
      ok: false,
      error: {
        kind: 'no-text',
        message:
          'the PDF has no text layer (it looks like a scan); Gloss cannot read scanned pages yet',
      },
    });
  });

  it('refuses a truncated or fake PDF as damaged', async () => {
    const cut = await pdfToDocument(report.subarray(0, Math.floor(report.length / 2)));
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.error.kind).toBe('corrupt');
    expect(await pdfToDocument(new TextEncoder().encode('%PDF-1.7\nnothing else'))).toEqual({
      ok: false,
      error: {
        kind: 'corrupt',
        message: 'the file is damaged or not a PDF (its structure is invalid)',
      },
    });
    expect((await pdfToDocument(new Uint8Array())).ok).toBe(false);
  });

  it('refuses a password-protected PDF plainly', async () => {
    expect(await pdfToDocument(encryptedPdf())).toEqual({
      ok: false,
      error: {
        kind: 'corrupt',
        message: 'the PDF is protected by a password; Gloss cannot open encrypted PDFs yet',
      },
    });
  });

  it('refuses more pages than allowed', async () => {
    expect(await pdfToDocument(report, { maxPages: 1 })).toEqual({
      ok: false,
      error: {
        kind: 'too-large',
        message: 'the PDF has 2 pages, more than the 1 Gloss can import',
      },
    });
  });

  it('prints nothing to the console and leaves the caller’s bytes alone', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((name) =>
      vi.spyOn(console, name),
    );
    const copy = report.slice();
    await pdfToDocument(copy);
    await pdfToDocument(copy.subarray(0, 100));
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(copy).toEqual(report);
  });
});

/**
 * A PDF whose standard security handler wants a user password: its /U entry matches no empty
 * password (pdf-lib cannot encrypt, so the file is written by hand).
 */
function encryptedPdf(): Uint8Array {
  const hex = (byte: number) => byte.toString(16).padStart(2, '0').repeat(32);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(0x11)}> /U <${hex(0x22)}> /P -4 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const id = '0123456789abcdef0123456789abcdef';
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${id}> <${id}>] >>\n`;
  body += `startxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
