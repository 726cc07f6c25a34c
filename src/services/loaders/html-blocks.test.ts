import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { documentProblems } from '../../core/block-text';
import type { ConvertedDocument } from '../../core/structure';
import type { DomElementLike } from './html-blocks';
import { domToDocument } from './html-blocks';

function convert(body: string, baseUrl?: string): ConvertedDocument {
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`);
  const root = (document as unknown as { body: DomElementLike }).body;
  const doc = domToDocument(root, {}, baseUrl === undefined ? {} : { baseUrl });
  expect(documentProblems(doc)).toEqual([]);
  return doc;
}

const blocksOf = (doc: ConvertedDocument) =>
  doc.blocks.map((b) => {
    const row: unknown[] = [b.kind, doc.text.slice(b.start, b.end)];
    if (b.level !== undefined) row.push(b.level);
    if (b.ordinal !== undefined) row.push(`#${b.ordinal}`);
    return row;
  });

const marksOf = (doc: ConvertedDocument) =>
  doc.marks.map((m) => {
    const row: unknown[] = [m.kind, doc.text.slice(m.start, m.end)];
    if (m.href !== undefined) row.push(m.href);
    return row;
  });

describe('domToDocument', () => {
  it('reads headings, paragraphs and inline marks, collapsing white space', () => {
    const doc = convert(`
      <h1>  The   <em>big</em> story </h1>
      <p>Some <strong>bold</strong>,
         <i>italic</i> and <b>b</b> text with <code>code()</code>
         and <a href="https://example.org/x">a   link</a>.</p>
      <h3>Small</h3>`);
    expect(doc.text).toBe(
      'The big story\n\nSome bold, italic and b text with code() and a link.\n\nSmall',
    );
    expect(blocksOf(doc)).toEqual([
      ['heading', 'The big story', 1],
      ['paragraph', 'Some bold, italic and b text with code() and a link.'],
      ['heading', 'Small', 3],
    ]);
    expect(marksOf(doc)).toEqual([
      ['emphasis', 'big'],
      ['strong', 'bold'],
      ['emphasis', 'italic'],
      ['strong', 'b'],
      ['code', 'code()'],
      ['link', 'a link', 'https://example.org/x'],
    ]);
    expect(doc.metadata).toEqual({ title: 'The big story' });
  });

  it('makes list items blocks with their depth and numbers', () => {
    const doc = convert(`
      <ul><li>One</li><li>Two<ul><li>Nested <em>a</em></li><li><p>Para one</p><p>Para two</p></li></ul>
        After nested</li></ul>
      <ol start="4"><li>Four</li><li value="9">Nine</li><li>Ten</li></ol>
      <ol reversed><li>Three</li><li>Two</li><li>One</li></ol>`);
    expect(blocksOf(doc)).toEqual([
      ['list-item', 'One', 1],
      ['list-item', 'Two', 1],
      ['list-item', 'Nested a', 2],
      ['list-item', 'Para one\nPara two', 2],
      ['list-item', 'After nested', 1],
      ['list-item', 'Four', 1, '#4'],
      ['list-item', 'Nine', 1, '#9'],
      ['list-item', 'Ten', 1, '#10'],
      ['list-item', 'Three', 1, '#3'],
      ['list-item', 'Two', 1, '#2'],
      ['list-item', 'One', 1, '#1'],
    ]);
  });

  it('reads quotes, preformatted code and table rows', () => {
    const doc = convert(`
      <blockquote><p>First <em>quoted</em>.</p><p>Second quoted.</p></blockquote>
      <pre>
  indented line
    <code>more</code>   spaces</pre>
      <table><caption>Walls</caption>
        <thead><tr><th>District</th><th>Count</th></tr></thead>
        <tbody><tr><td>North <b>quay</b></td><td> 120 </td></tr>
        <tr><td><p>Old</p><p>market</p></td><td>8</td></tr></tbody></table>`);
    expect(blocksOf(doc)).toEqual([
      ['quote', 'First quoted.'],
      ['quote', 'Second quoted.'],
      // Code keeps its indentation, first line included.
      ['code', '  indented line\n    more   spaces'],
      ['paragraph', 'Walls'],
      ['table-row', 'District\tCount'],
      ['table-row', 'North quay\t120'],
      ['table-row', 'Old market\t8'],
    ]);
    expect(marksOf(doc)).toEqual([
      ['emphasis', 'quoted'],
      ['strong', 'quay'],
    ]);
  });

  it('turns <br> into a line break inside the block and reads loose div text', () => {
    const doc = convert(`<div>Loose text <span>in a div</span><p>a paragraph</p>tail text</div>
      <p>line one <br>  line two<br></p>`);
    expect(blocksOf(doc)).toEqual([
      ['paragraph', 'Loose text in a div'],
      ['paragraph', 'a paragraph'],
      ['paragraph', 'tail text'],
      ['paragraph', 'line one\nline two'],
    ]);
  });

  it('skips scripts, styles, embedded content, form controls and hidden elements', () => {
    const doc = convert(`
      <p>Visible<script>var secret = 1;</script><style>p { color: red }</style></p>
      <noscript>no script</noscript><template><p>template</p></template>
      <iframe>frame text</iframe><object>object text</object><embed><svg><text>svg text</text></svg>
      <canvas>canvas text</canvas><select><option>option</option></select>
      <textarea>typed</textarea><button>Click me</button><input value="input">
      <p hidden>hidden attr</p><div aria-hidden="true">aria hidden</div>
      <p style="display: none">display none</p><p style="color:red; visibility:hidden">invisible</p>
      <p>Also visible <span aria-hidden="false">shown</span></p>`);
    expect(doc.text).toBe('Visible\n\nAlso visible shown');
  });

  it('keeps safe links only, resolved against the page', () => {
    const doc = convert(
      `<p><a href="/rel/path">relative</a> <a href="javascript:alert(1)">script</a>
       <a href=" JavaScript:alert(1)">spaced</a> <a href="data:text/html,x">data</a>
       <a href="#section">anchor</a> <a href="mailto:a@b.example">mail</a> <a>bare</a></p>`,
      'https://news.example/2024/story.html',
    );
    expect(doc.text).toBe('relative script spaced data anchor mail bare');
    expect(marksOf(doc)).toEqual([
      ['link', 'relative', 'https://news.example/rel/path'],
      ['link', 'mail', 'mailto:a@b.example'],
    ]);
  });

  it('keeps relative links as written when there is no page address', () => {
    const doc = convert('<p><a href="notes.html">notes</a></p>');
    expect(marksOf(doc)).toEqual([['link', 'notes', 'notes.html']]);
  });

  it('normalises each block to NFC and keeps marks on the right words', () => {
    const doc = convert('<p>Cafe\u0301 <em>cre\u0300me</em> bru\u0302le\u0301e</p>');
    expect(doc.text).toBe('Café crème brûlée');
    expect(marksOf(doc)).toEqual([['emphasis', 'crème']]);
  });

  it('carries a mark that spans blocks into each of them', () => {
    const doc = convert('<strong><p>First bold</p><p>Second bold</p></strong>');
    expect(marksOf(doc)).toEqual([
      ['strong', 'First bold'],
      ['strong', 'Second bold'],
    ]);
  });

  it('reads a deeply nested page without overflowing the stack', () => {
    const depth = 5000;
    const doc = convert(`${'<div>'.repeat(depth)}deep <b>text</b>${'</div>'.repeat(depth)}`);
    expect(doc.text).toBe('deep text');
  });

  it('gives an empty document for a body without visible text', () => {
    expect(convert('<script>x()</script><img src=a.png>')).toEqual({
      text: '',
      blocks: [],
      marks: [],
      metadata: {},
    });
  });
});
