import { parseHTML } from 'linkedom';
import type { Nodes, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import type { ExportInput, ExportSource } from './export-input';
import { buildHtmlReport, buildMarkdownReport } from './export-report';
import type { Annotation, Details, DocumentMeta } from './model';
import type { PageSpan } from './structure';
import { BUILT_IN_TAGS } from './tags';

const HASH = 'b'.repeat(64);
const EXPORTED = new Date('2026-11-25T10:02:33.000Z');

interface Spec {
  quote: string;
  tag: string;
  note?: string;
  details?: Details;
  orphan?: true;
}

let counter = 0;
function source(
  title: string,
  text: string,
  specs: Spec[],
  extra: Partial<DocumentMeta> = {},
  pages: PageSpan[] = [],
): ExportSource {
  const id = `d${++counter}`;
  const annotations = specs.map((s): Annotation => {
    const found = text.indexOf(s.quote);
    const start = found < 0 ? 0 : found;
    return {
      id: `a${++counter}`,
      documentId: id,
      tag: s.tag,
      start,
      end: start + s.quote.length,
      quote: s.quote,
      prefix: '',
      suffix: '',
      textHash: HASH,
      note: s.note ?? '',
      details: s.details ?? {},
      ...(s.orphan ? { orphan: true as const } : {}),
      created: '2026-01-02T00:00:00.000Z',
      modified: '2026-01-03T00:00:00.000Z',
    };
  });
  const meta: DocumentMeta = {
    id,
    title,
    format: 'text',
    sourceName: `${id}.txt`,
    rawHash: 'a'.repeat(64),
    textHash: HASH,
    length: text.length,
    added: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
  return { meta, text, annotations, pages };
}

function input(...documents: ExportSource[]): ExportInput {
  return { documents, tags: [...BUILT_IN_TAGS], exported: EXPORTED };
}

const SEA_TEXT =
  'The council voted for a sea wall over 210 km long, at about €1.2 billion. ' +
  '"It protects 40,000 homes," said mayor Ana Lee in Nordhafen.\n\n' +
  'Engineers in Hamburg expect 30–50 cm of sea level rise. "Never asked," said Piet de Vries. ' +
  'In Hamburg, Lee said: "We will start in May." The council denies the union figures.';
const PAGE2 = SEA_TEXT.indexOf('Engineers');

function seaWall(): ExportSource {
  return source(
    'Harbour council approves new sea wall',
    SEA_TEXT,
    [
      // Deliberately not in tag order: the report groups by the workspace's tag order.
      {
        quote: 'over 210 km long',
        tag: 'figure',
        details: { value: 210, unit: 'km', qualifier: 'over', counted: 'length of the wall' },
        note: 'Check the tender.\nThe 2019 plan said 180 km.',
      },
      { quote: 'Nordhafen', tag: 'location', details: { name: 'Nordhafen', country: 'Germany' } },
      {
        quote: 'about €1.2 billion',
        tag: 'figure',
        details: { value: 1.2, unit: 'billion €', qualifier: 'about', counted: 'cost' },
      },
      {
        quote: '"It protects 40,000 homes,"',
        tag: 'quote',
        details: { speaker: 'Ana Lee' },
      },
      {
        quote: 'It protects 40,000 homes',
        tag: 'claim',
        details: { claimant: 'Ana Lee', status: 'disputed' },
        note: 'Census: 31,200 homes.',
      },
      {
        quote: 'Hamburg',
        tag: 'location',
        details: { name: 'Hamburg', country: 'Germany', lat: 53.5511, lon: 9.9937 },
      },
      { quote: '30–50 cm', tag: 'figure', details: { value: 30, valueMax: 50, unit: 'cm' } },
      { quote: '"Never asked,"', tag: 'quote', details: { speaker: 'Piet de Vries' } },
      {
        quote: 'Hamburg, Lee',
        tag: 'location',
        details: { name: 'Hamburg', country: 'Germany', lat: 53.5511, lon: 9.9937 },
      },
      { quote: '"We will start in May."', tag: 'quote', details: { speaker: 'ana lee' } },
      { quote: 'The council denies the union figures.', tag: 'claim', details: {} },
      { quote: 'sea wall', tag: 'claim', details: { status: 'false', claimant: 'union' } },
      { quote: 'council voted', tag: 'claim', details: { status: 'supported' } },
    ],
    {
      format: 'pdf',
      sourceName: 'sea-wall.pdf',
      metadata: {
        byline: 'By Jan Müller',
        published: '2026-03-04T08:00:00Z',
        sourceUrl: 'https://example.org/news/sea-wall',
        siteName: 'Nordhafen Courier',
      },
    },
    [
      { page: 1, start: 0, end: PAGE2 - 2 },
      { page: 2, start: PAGE2, end: SEA_TEXT.length },
    ],
  );
}

const ARABIC_TEXT = 'قال وزير المياه إن السد في أسوان سيوفر المياه لثلاثة ملايين شخص.';
function arabic(): ExportSource {
  return source('وزير المياه: السد', ARABIC_TEXT, [
    {
      quote: 'سيوفر المياه لثلاثة ملايين شخص',
      tag: 'claim',
      details: { claimant: 'وزير المياه', status: 'unverified' },
    },
    {
      quote: 'أسوان',
      tag: 'location',
      details: { name: 'Aswan', country: 'Egypt', lat: 24.0889, lon: 32.8998 },
    },
    {
      quote: 'Hamburg',
      tag: 'location',
      details: { name: 'Hamburg', country: 'Germany', lat: 53.5511, lon: 9.9937 },
    },
  ]);
}

// ——— Markdown, read back with the same parser Gloss imports Markdown with ———

function mdTree(md: string): Root {
  return fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (node.type === 'break') return '\n';
  // Blocks inside a list item are paragraphs: a blank line between them.
  const between = node.type === 'listItem' || node.type === 'list' ? '\n\n' : '';
  if ('children' in node) return (node.children as Nodes[]).map(plain).join(between);
  return '';
}

function headings(root: Root, depth: number): string[] {
  return root.children
    .filter((n) => n.type === 'heading' && n.depth === depth)
    .map((n) => plain(n));
}

function tableAfter(root: Root, heading: string): string[][] {
  const i = root.children.findIndex((n) => n.type === 'heading' && plain(n) === heading);
  const table = root.children[i + 1] as Table;
  expect(table.type).toBe('table');
  return table.children.map((row) => row.children.map((cell) => plain(cell)));
}

/** The plain text of the section under a heading, up to the next heading of its depth or above. */
function section(root: Root, heading: string): string {
  const i = root.children.findIndex((n) => n.type === 'heading' && plain(n) === heading);
  expect(i).toBeGreaterThanOrEqual(0);
  const depth = (root.children[i] as { depth: number }).depth;
  const out: string[] = [];
  for (const n of root.children.slice(i + 1)) {
    if (n.type === 'heading' && n.depth <= depth) break;
    out.push(plain(n));
  }
  return out.join('\n');
}

function allNodes(node: Nodes): Nodes[] {
  return [node, ...('children' in node ? (node.children as Nodes[]).flatMap(allNodes) : [])];
}

describe('buildMarkdownReport', () => {
  it('reports on one document: metadata, tags in order, figures, places, speakers, claims', () => {
    const md = buildMarkdownReport(input(seaWall()));
    const root = mdTree(md);
    expect(headings(root, 1)).toEqual(['Harbour council approves new sea wall']);
    expect(headings(root, 2)).toEqual([
      'Annotations',
      'Figures',
      'Places',
      'Quotes by speaker',
      'Claims by status',
    ]);
    expect(md).toContain('- **Source:** https://example.org/news/sea-wall');
    expect(md).toContain('- **Byline:** By Jan Müller');
    expect(md).toContain('- **Published:** 2026-03-04');
    expect(md).toContain(`- **Words:** ${SEA_TEXT.split(/\s+/).length}`);
    expect(md).toContain('- **Annotations:** 13');
    expect(md).toContain('- **Exported:** 2026-11-25 10:02 UTC');

    // Tags in the workspace's order, each with its count.
    expect(headings(root, 3).slice(0, 4)).toEqual([
      'Claim (4)',
      'Quote (3)',
      'Location (3)',
      'Figure (3)',
    ]);
    const figures = section(root, 'Figure (3)');
    expect(figures).toContain('over 210 km long');
    expect(figures).toContain('p. 1');
    expect(figures).toContain('over 210 km · length of the wall');
    expect(figures).toContain('Check the tender.\nThe 2019 plan said 180 km.');
    expect(section(root, 'Quote (3)')).toContain('p. 2');

    // One document: no document column.
    expect(tableAfter(root, 'Figures')).toEqual([
      ['Quote', 'Value', 'Unit', 'Qualifier', 'Counted'],
      ['over 210 km long', '210', 'km', 'over', 'length of the wall'],
      ['about €1.2 billion', '1.2', 'billion €', 'about', 'cost'],
      ['30–50 cm', '30–50', 'cm', '', ''],
    ]);
    expect(tableAfter(root, 'Places')).toEqual([
      ['Place', 'Country', 'Coordinates', 'Mentions'],
      ['Hamburg', 'Germany', '53.5511° N, 9.9937° E', '2'],
      ['Nordhafen', 'Germany', '', '1'],
    ]);

    // Speakers: most quoted first, names matched regardless of case.
    const speakers = headings(root, 3).slice(4, 6);
    expect(speakers).toEqual(['Ana Lee (2)', 'Piet de Vries (1)']);
    expect(section(root, 'Ana Lee (2)')).toContain('We will start in May.');
    // Claims: by status in the fixed order, no status counting as unverified.
    expect(headings(root, 3).slice(6)).toEqual([
      'Unverified (1)',
      'Supported (1)',
      'Disputed (1)',
      'False (1)',
    ]);
    expect(section(root, 'Unverified (1)')).toContain('The council denies the union figures.');
    expect(section(root, 'Disputed (1)')).toContain('by Ana Lee');
    expect(section(root, 'Disputed (1)')).toContain('Census: 31,200 homes.');
  });

  it('reports on a workspace: contents, a section per document, a document column', () => {
    const empty = source('Nothing annotated', 'Some text here.', []);
    const md = buildMarkdownReport(input(seaWall(), arabic(), empty));
    const root = mdTree(md);
    expect(headings(root, 1)).toEqual(['Workspace report']);
    expect(md).toContain('- **Documents:** 3\n- **Annotations:** 16\n');
    expect(headings(root, 2)).toEqual([
      'Documents',
      'Harbour council approves new sea wall',
      'وزير المياه: السد',
      'Nothing annotated',
      'Figures',
      'Places',
      'Quotes by speaker',
      'Claims by status',
    ]);
    expect(section(root, 'Documents')).toContain('وزير المياه: السد (3 annotations)');
    expect(section(root, 'Nothing annotated')).toContain('No annotations.');
    const figures = tableAfter(root, 'Figures');
    expect(figures[0]).toEqual(['Quote', 'Value', 'Unit', 'Qualifier', 'Counted', 'Document']);
    expect(figures[1]![5]).toBe('Harbour council approves new sea wall, p. 1');
    const places = tableAfter(root, 'Places');
    expect(places[1]).toEqual([
      'Hamburg',
      'Germany',
      '53.5511° N, 9.9937° E',
      '3',
      'Harbour council approves new sea wall; وزير المياه: السد',
    ]);
    expect(places.map((r) => r[0])).toEqual(['Place', 'Hamburg', 'Aswan', 'Nordhafen']);
    expect(places[2]![2]).toBe('24.0889° N, 32.8998° E');
    expect(section(root, 'Unverified (2)')).toContain('وزير المياه: السد');
  });

  it('gives a short report for an empty workspace', () => {
    const md = buildMarkdownReport(input());
    expect(md).toBe(
      '# Workspace report\n\n' +
        '- **Documents:** 0\n- **Annotations:** 0\n- **Exported:** 2026-11-25 10:02 UTC\n\n' +
        'No documents to report.\n',
    );
  });

  it('marks orphans and leaves their page out', () => {
    const doc = seaWall();
    doc.annotations.push({
      ...doc.annotations[0]!,
      id: 'lost',
      quote: 'a passage since removed',
      orphan: true,
    });
    const root = mdTree(buildMarkdownReport(input(doc)));
    expect(section(root, 'Figure (4)')).toContain(
      'a passage since removed” — not found in the current text',
    );
  });

  it('escapes user text so it cannot break the layout', () => {
    const nasty = [
      '# not a heading',
      '| a | b |',
      '*not emphasis* and **not strong** and _no_',
      '`not code` and ```fence',
      '<script>alert(1)</script> <b>bold</b>',
      '[link](http://evil.example) ![img](x.png)',
      '- not a list',
      '1. not a list either',
      '> not a quote',
      '===',
      '---',
      '\\ backslash \\',
      '&amp; ~~strike~~',
    ];
    const text = nasty.join('\n');
    const title = '# Title | with *stars* <i>';
    const doc = source(title, text, [
      {
        quote: nasty[1]!,
        tag: 'figure',
        details: { value: 5, unit: 'a|b', counted: '`x`|*y*', qualifier: '' },
        note: nasty.join('\n'),
      },
      {
        quote: nasty[0]!,
        tag: 'location',
        details: { name: '| Place *x*', country: '<b>C</b>' },
      },
      { quote: nasty[4]!, tag: 'quote', details: { speaker: '# **Boss** | <i>' } },
      {
        quote: nasty[2]!,
        tag: 'claim',
        details: { claimant: '[x](y) `z`', status: 'false' },
        note: nasty.join('\n\n'),
      },
    ]);
    const withTag = {
      ...input(doc, source('Other | doc', 'x', [])),
      tags: [
        { id: 'figure', name: '*Fig* | `x`', color: '#123456' },
        ...BUILT_IN_TAGS.filter((t) => t.id !== 'figure'),
      ],
    };
    const md = buildMarkdownReport(withTag);
    const root = mdTree(md);

    // No markup came from user text: no code, html, links, images, strikes, block quotes,
    // thematic breaks or extra headings, lists or tables; the only emphasis is the report's own,
    // around details summaries, and holds just their text. (A bare URL may still be linked by
    // GFM's autolinks: then the link is the URL itself.)
    const nodes = allNodes(root);
    for (const n of nodes)
      if (n.type === 'link') expect(plain(n)).toBe(n.url.replace(/^mailto:/, ''));
    const types = new Set(nodes.map((n) => n.type));
    for (const t of ['inlineCode', 'code', 'html', 'image', 'delete'])
      expect(types).not.toContain(t);
    for (const t of ['blockquote', 'thematicBreak']) expect(types).not.toContain(t);
    const emphasis = nodes.filter((n) => n.type === 'emphasis' || n.type === 'strong');
    expect(new Set(emphasis.map((n) => plain(n)))).toEqual(
      new Set([
        'Source:',
        'Words:',
        'Annotations:',
        'Exported:',
        'Documents:',
        '5 a|b · `x`|*y*',
        '| Place *x*, <b>C</b>',
        '— # **Boss** | <i>',
        'false · by [x](y) `z`',
        'by [x](y) `z`',
      ]),
    );
    for (const n of emphasis)
      if ('children' in n) expect(n.children.map((c) => c.type)).toEqual(['text']);
    expect(headings(root, 1)).toEqual(['Workspace report']);
    expect(headings(root, 2).slice(1, 3)).toEqual([title, 'Other | doc']);
    expect(headings(root, 3)).toContain('# **Boss** | <i> (1)');

    const figures = tableAfter(root, 'Figures');
    expect(figures).toHaveLength(2);
    expect(figures[1]).toEqual(['| a | b |', '5', 'a|b', '', '`x`|*y*', title]);
    const places = tableAfter(root, 'Places');
    expect(places[1]!.slice(0, 2)).toEqual(['| Place *x*', '<b>C</b>']);

    // A multi-line note reads back line for line.
    const figureSection = section(root, '*Fig* | `x` (1)');
    expect(figureSection).toContain(nasty.join('\n'));
    const claims = section(root, 'False (1)');
    expect(claims).toContain('by [x](y) `z`');
    expect(claims).toContain(nasty.join('\n\n'));
  });
});

// ——— HTML, read back with a DOM ———

function dom(html: string) {
  return parseHTML(html).document;
}

describe('buildHtmlReport', () => {
  it('is a standalone page: doctype, charset, title, strict CSP, print rules, no scripts', () => {
    const html = buildHtmlReport(input(seaWall()));
    expect(
      html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'),
    ).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html).toContain('<title>Harbour council approves new sea wall — Gloss report</title>');
    expect(html).toMatch(/@media print \{[\s\S]*break-before: page/);
    expect(html).not.toMatch(
      /<script|<link|<img|<iframe|@import|url\(|src=|https?:\/\/(?!example\.org)/i,
    );
    const doc = dom(html);
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed')).toHaveLength(0);
  });

  it('has the report’s structure', () => {
    const doc = dom(buildHtmlReport(input(seaWall(), arabic())));
    const text = (sel: string) => [...doc.querySelectorAll(sel)].map((e) => e.textContent.trim());
    expect(text('h1')).toEqual(['Workspace report']);
    expect(text('h2')).toEqual([
      'Documents',
      'Harbour council approves new sea wall',
      'وزير المياه: السد',
      'Figures',
      'Places',
      'Quotes by speaker',
      'Claims by status',
    ]);
    expect(text('section.document')).toHaveLength(2);
    expect(text('#doc-1 h3')).toEqual(['Claim 4', 'Quote 3', 'Location 3', 'Figure 3']);
    expect(text('#doc-2 h3')).toEqual(['Claim 1', 'Location 2']);

    const figureRows = [...doc.querySelectorAll('section.figures tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(figureRows).toEqual([
      [
        'over 210 km long',
        '210',
        'km',
        'over',
        'length of the wall',
        'Harbour council approves new sea wall, p. 1',
      ],
      [
        'about €1.2 billion',
        '1.2',
        'billion €',
        'about',
        'cost',
        'Harbour council approves new sea wall, p. 1',
      ],
      ['30–50 cm', '30–50', 'cm', '', '', 'Harbour council approves new sea wall, p. 2'],
    ]);
    const placeRows = [...doc.querySelectorAll('section.places tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent),
    );
    expect(placeRows).toEqual([
      ['Hamburg', 'Germany', '53.5511° N, 9.9937° E', '3'],
      ['Aswan', 'Egypt', '24.0889° N, 32.8998° E', '1'],
      ['Nordhafen', 'Germany', '', '1'],
    ]);
    expect(text('section.speakers h3')).toEqual(['Ana Lee 2', 'Piet de Vries 1']);
    expect(text('section.speakers ul')[0]).toContain('We will start in May.');
    expect(text('section.claims h3')).toEqual([
      'Unverified 2',
      'Supported 1',
      'Disputed 1',
      'False 1',
    ]);
    // Quotes and notes follow their own direction; notes keep their line breaks.
    const quotes = [...doc.querySelectorAll('blockquote.quote')];
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(q.getAttribute('dir')).toBe('auto');
    expect(text('#doc-1 .note')).toContain('Check the tender.\nThe 2019 plan said 180 km.');
    expect(text('#doc-1 .meta')).toContain('p. 1 · over 210 km · length of the wall');
  });

  it('escapes every piece of user text', () => {
    const payloads = [
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(2)>',
      "'><svg onload=alert(3)>",
      '</textarea><iframe src="javascript:alert(4)">',
      '&lt;b&gt; & <!-- comment -->',
    ];
    const all = payloads.join(' ');
    const text = payloads.join('\n');
    const doc = source(
      all,
      text,
      payloads.map((p, i) => ({
        quote: p,
        tag: ['claim', 'quote', 'location', 'figure', 'custom<b>'][i]!,
        note: all,
        details: {
          claimant: p,
          status: p,
          speaker: p,
          name: p,
          country: p,
          value: p,
          valueMax: p,
          unit: p,
          qualifier: p,
          counted: p,
        },
      })),
      {
        sourceName: all,
        metadata: {
          byline: all,
          published: all,
          sourceUrl: 'javascript:alert(5)',
          siteName: all,
        },
      },
    );
    const html = buildHtmlReport({
      ...input(doc, source(all, 'x', [])),
      tags: [{ id: 'claim', name: all, color: '"><script>' }, ...BUILT_IN_TAGS.slice(1)],
    });
    expect(html).not.toMatch(/<(script|img|svg|iframe|textarea|b)\b/i);
    expect(html).not.toContain('<!--');
    expect(html).not.toMatch(/href="javascript/i);
    const page = dom(html);
    expect(page.querySelectorAll('script, img, svg, iframe, textarea, b')).toHaveLength(0);
    expect(page.title).toBe('Workspace report — Gloss');
    // The payloads read back as text.
    const quotes = [...page.querySelectorAll('#doc-1 blockquote.quote')].map((q) => q.textContent);
    expect(quotes).toEqual(payloads);
    expect(page.querySelector('#doc-1 h2')!.textContent).toBe(all);
    expect(page.querySelector('#doc-1 .note')!.textContent).toBe(all);
    expect(page.querySelector('#doc-1 h3')!.textContent).toContain(all);
    // An invalid tag colour is dropped, never written into a style.
    expect(page.querySelectorAll('#doc-1 h3')[0]!.querySelector('.swatch')).toBeNull();
  });

  it('gives a short page for an empty workspace', () => {
    const html = buildHtmlReport(input());
    const doc = dom(html);
    expect(doc.querySelector('h1')!.textContent).toBe('Workspace report');
    expect(doc.querySelectorAll('h2, section, table')).toHaveLength(0);
    expect(doc.querySelector('.empty')!.textContent).toBe('No documents to report.');
    expect([...doc.querySelectorAll('dd')].map((d) => d.textContent)).toEqual([
      '0',
      '0',
      '2026-11-25 10:02 UTC',
    ]);
  });
});
