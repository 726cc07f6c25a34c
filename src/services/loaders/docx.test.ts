import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { documentProblems } from '../../core/block-text';
import type { ConvertedDocument } from '../../core/structure';
import { docxToDocument } from './docx';
import { makeZip } from './test-support';

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });

async function wordFile(options: { title?: string; children: (Paragraph | Table)[] }) {
  const doc = new Document({
    ...(options.title === undefined ? {} : { title: options.title }),
    sections: [{ children: options.children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function convert(bytes: Uint8Array): Promise<ConvertedDocument> {
  const result = await docxToDocument(bytes);
  if (!result.ok) throw new Error(result.error.message);
  expect(documentProblems(result.value)).toEqual([]);
  return result.value;
}

const blocksOf = (doc: ConvertedDocument) =>
  doc.blocks.map((b) => {
    const row: unknown[] = [b.kind, doc.text.slice(b.start, b.end)];
    if (b.level !== undefined) row.push(b.level);
    return row;
  });

describe('docxToDocument', () => {
  it('reads headings, paragraphs with marks, lists and tables', async () => {
    const bytes = await wordFile({
      title: 'Harbour walls',
      children: [
        new Paragraph({ text: 'Storm report', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({
          children: [
            new TextRun('The council rebuilt '),
            new TextRun({ text: 'over 300 walls', bold: true }),
            new TextRun(' in '),
            new TextRun({ text: 'three', italics: true }),
            new TextRun(' districts. '),
            new ExternalHyperlink({
              link: 'https://example.org/report',
              children: [new TextRun('Full report')],
            }),
          ],
        }),
        new Paragraph({ text: 'Districts', heading: HeadingLevel.HEADING_2 }),
        new Paragraph({ text: 'North quay', bullet: { level: 0 } }),
        new Paragraph({ text: 'Old market', bullet: { level: 1 } }),
        new Paragraph({ text: 'Lighthouse road', bullet: { level: 0 } }),
        new Table({
          rows: [
            new TableRow({ children: [cell('District'), cell('Walls')] }),
            new TableRow({ children: [cell('North'), cell('120')] }),
          ],
        }),
      ],
    });
    const doc = await convert(bytes);
    expect(blocksOf(doc)).toEqual([
      ['heading', 'Storm report', 1],
      ['paragraph', 'The council rebuilt over 300 walls in three districts. Full report'],
      ['heading', 'Districts', 2],
      ['list-item', 'North quay', 1],
      ['list-item', 'Old market', 2],
      ['list-item', 'Lighthouse road', 1],
      ['table-row', 'District\tWalls'],
      ['table-row', 'North\t120'],
    ]);
    expect(doc.marks.map((m) => [m.kind, doc.text.slice(m.start, m.end), m.href])).toEqual([
      ['strong', 'over 300 walls', undefined],
      ['emphasis', 'three', undefined],
      ['link', 'Full report', 'https://example.org/report'],
    ]);
    expect(doc.metadata).toEqual({ title: 'Harbour walls' });
  });

  it('takes the first heading as the title when the properties have none', async () => {
    const bytes = await wordFile({
      children: [
        new Paragraph('Intro line.'),
        new Paragraph({ text: 'The heading', heading: HeadingLevel.HEADING_2 }),
      ],
    });
    expect((await convert(bytes)).metadata).toEqual({ title: 'The heading' });
  });

  it('calls a file that is not a .docx damaged', async () => {
    const notZip = await docxToDocument(new TextEncoder().encode('plain text renamed to .docx'));
    expect(notZip).toEqual({
      ok: false,
      error: {
        kind: 'corrupt',
        message: 'the Word file is damaged or not a .docx (it is not a ZIP archive)',
      },
    });
    const real = await wordFile({ children: [new Paragraph('Some text.')] });
    const cut = await docxToDocument(real.subarray(0, Math.floor(real.length / 2)));
    expect(cut).toEqual({
      ok: false,
      error: {
        kind: 'corrupt',
        message:
          'the Word file is damaged or not a .docx (it is cut short: the end of the ZIP archive is missing)',
      },
    });
    const otherZip = await docxToDocument(makeZip([{ name: 'notes.txt', data: 'hello' }]));
    expect(otherZip).toEqual({
      ok: false,
      error: {
        kind: 'corrupt',
        message: 'the Word file is damaged or not a .docx (it has no Word document inside)',
      },
    });
  });

  it('refuses a zip bomb disguised as a .docx before unpacking it', async () => {
    const bomb = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: 'tiny', declaredSize: 3 * 1024 ** 3 },
    ]);
    const result = await docxToDocument(bomb);
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'too-large',
        message:
          'it would unpack to 3 GB or more, more than the 200 MB Gloss accepts; it looks like a “zip bomb”',
      },
    });
  });

  it('refuses password-protected and old .doc files plainly', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const result = await docxToDocument(ole);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('unsupported');
      expect(result.error.message).toMatch(/password-protected Word file or an old \.doc file/);
    }
  });

  it('says so when the document holds no text', async () => {
    const bytes = await wordFile({ children: [new Paragraph('')] });
    expect(await docxToDocument(bytes)).toEqual({
      ok: false,
      error: { kind: 'empty', message: 'the Word document holds no text' },
    });
  });
});
