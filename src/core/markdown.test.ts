import { describe, expect, it } from 'vitest';
import { documentProblems } from './block-text';
import { markdownToDocument } from './markdown';
import type { ConvertedDocument } from './structure';

/** Each block as [kind, text] (plus level/ordinal when set), for readable expectations. */
function blocksOf(doc: ConvertedDocument) {
  return doc.blocks.map((b) => {
    const row: unknown[] = [b.kind, doc.text.slice(b.start, b.end)];
    if (b.level !== undefined) row.push(b.level);
    if (b.ordinal !== undefined) row.push(`#${b.ordinal}`);
    return row;
  });
}

function marksOf(doc: ConvertedDocument) {
  return doc.marks.map((m) => {
    const row: unknown[] = [m.kind, doc.text.slice(m.start, m.end)];
    if (m.href !== undefined) row.push(m.href);
    return row;
  });
}

function convert(source: string): ConvertedDocument {
  const doc = markdownToDocument(source);
  expect(documentProblems(doc)).toEqual([]);
  return doc;
}

describe('markdownToDocument', () => {
  it('renders headings, paragraphs and inline marks without their markup', () => {
    const doc = convert(
      '# The *big* report\n\nSome **bold** and _emphasised_ text\nover two lines, `code()` and ' +
        '[a link](https://example.org/a "Title").\n\n## Second\n\nLast line.\n',
    );
    expect(doc.text).toBe(
      'The big report\n\nSome bold and emphasised text over two lines, code() and a link.' +
        '\n\nSecond\n\nLast line.',
    );
    expect(blocksOf(doc)).toEqual([
      ['heading', 'The big report', 1],
      ['paragraph', 'Some bold and emphasised text over two lines, code() and a link.'],
      ['heading', 'Second', 2],
      ['paragraph', 'Last line.'],
    ]);
    expect(marksOf(doc)).toEqual([
      ['emphasis', 'big'],
      ['strong', 'bold'],
      ['emphasis', 'emphasised'],
      ['code', 'code()'],
      ['link', 'a link', 'https://example.org/a'],
    ]);
    expect(doc.marks[0]).toEqual({ kind: 'emphasis', start: 4, end: 7 });
    expect(doc.metadata).toEqual({ title: 'The big report' });
  });

  it('keeps nested marks in order, outer first', () => {
    const doc = convert('A **strong *and em* here** [**bold link**](http://x.test).');
    expect(doc.text).toBe('A strong and em here bold link.');
    expect(marksOf(doc)).toEqual([
      ['strong', 'strong and em here'],
      ['emphasis', 'and em'],
      ['link', 'bold link', 'http://x.test'],
      ['strong', 'bold link'],
    ]);
  });

  it('makes list items blocks with their depth and numbers', () => {
    const doc = convert(
      '- one\n- two *em*\n  - nested\n    1. deep\n- three\n\n3. third\n4. fourth\n\n' +
        '- [x] done\n- [ ] open\n',
    );
    expect(blocksOf(doc)).toEqual([
      ['list-item', 'one', 1],
      ['list-item', 'two em', 1],
      ['list-item', 'nested', 2],
      ['list-item', 'deep', 3, '#1'],
      ['list-item', 'three', 1],
      ['list-item', 'third', 1, '#3'],
      ['list-item', 'fourth', 1, '#4'],
      ['list-item', '☑ done', 1],
      ['list-item', '☐ open', 1],
    ]);
    expect(marksOf(doc)).toEqual([['emphasis', 'em']]);
  });

  it('keeps a loose item’s paragraphs in one block, a line each', () => {
    const doc = convert('1. First para\n\n   second para\n\n   - sub\n\n   after\n2. Next\n');
    expect(blocksOf(doc)).toEqual([
      ['list-item', 'First para\nsecond para', 1, '#1'],
      ['list-item', 'sub', 2],
      ['list-item', 'after', 1],
      ['list-item', 'Next', 1, '#2'],
    ]);
  });

  it('turns quotes into quote blocks and keeps code verbatim', () => {
    const doc = convert(
      '> Quoted *words*\n> go on.\n>\n> Second quoted.\n\n```js\nconst a = 1;\n\n  if (a) {  b(); }\n```\n\n' +
        '    indented code\n',
    );
    expect(blocksOf(doc)).toEqual([
      ['quote', 'Quoted words go on.'],
      ['quote', 'Second quoted.'],
      ['code', 'const a = 1;\n\n  if (a) {  b(); }'],
      ['code', 'indented code'],
    ]);
    expect(marksOf(doc)).toEqual([['emphasis', 'words']]);
  });

  it('makes one block per table row, cells joined by tabs', () => {
    const doc = convert('| Name | Count |\n|:-----|------:|\n| *walls* | 12 |\n| doors | `3` |\n');
    expect(blocksOf(doc)).toEqual([
      ['table-row', 'Name\tCount'],
      ['table-row', 'walls\t12'],
      ['table-row', 'doors\t3'],
    ]);
    expect(marksOf(doc)).toEqual([
      ['emphasis', 'walls'],
      ['code', '3'],
    ]);
  });

  it('drops thematic breaks, raw HTML, images and unsafe links', () => {
    const doc = convert(
      'Before\n\n---\n\n<script>alert("x")</script>\n\n<div onclick="evil()">\n\nInline <b>bold</b> tag ' +
        '![alt](pic.png) and [bad](javascript:alert(1)).\n\n</div>\n\nAfter\n',
    );
    expect(doc.text).toBe('Before\n\nInline bold tag and bad.\n\nAfter');
    expect(doc.text).not.toMatch(/alert|onclick|script|evil/);
    expect(doc.marks).toEqual([]);
  });

  it('resolves reference links and renders footnotes', () => {
    const doc = convert(
      'See [the site][Site] and <https://auto.test>, plus www.gfm.test and a note.[^n]\n\n' +
        '[site]: https://example.com/x\n[^n]: A *note*.\n',
    );
    expect(blocksOf(doc)).toEqual([
      ['paragraph', 'See the site and https://auto.test, plus www.gfm.test and a note.[n]'],
      ['paragraph', '[n] A note.'],
    ]);
    expect(marksOf(doc)).toEqual([
      ['link', 'the site', 'https://example.com/x'],
      ['link', 'https://auto.test', 'https://auto.test'],
      ['link', 'www.gfm.test', 'http://www.gfm.test'],
      ['emphasis', 'note'],
    ]);
  });

  it('renders hard line breaks as newlines inside the block', () => {
    const doc = convert('line one  \nline *two*\\\nthree\n');
    expect(blocksOf(doc)).toEqual([['paragraph', 'line one\nline two\nthree']]);
    expect(marksOf(doc)).toEqual([['emphasis', 'two']]);
  });

  it('keeps the text canonical when markup separated a letter from its accent', () => {
    const doc = convert('Cafe*\u0301* and *e*\u0301 ok');
    expect(doc.text).toBe('Café and é ok');
    expect(doc.text).toBe(doc.text.normalize('NFC'));
  });

  it('gives an empty document for Markdown without text', () => {
    const doc = convert('<!-- nothing -->\n\n---\n');
    expect(doc).toEqual({ text: '', blocks: [], marks: [], metadata: {} });
  });

  it('handles astral characters and keeps offsets as string indices', () => {
    const doc = convert('👩‍🚀 **🚀 launch** done');
    expect(marksOf(doc)).toEqual([['strong', '🚀 launch']]);
  });
});
