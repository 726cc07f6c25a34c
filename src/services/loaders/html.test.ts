import { afterEach, describe, expect, it } from 'vitest';
import { documentProblems } from '../../core/block-text';
import type { ConvertedDocument } from '../../core/structure';
import { htmlToDocument, withoutSiteName } from './html';

/** A news page with everything around its article that a reader should not get. */
const NEWS_PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Walls rebuilt in Harbour Town | The Coastal Times</title>
  <meta property="og:title" content="Walls rebuilt in Harbour Town">
  <meta property="og:site_name" content="The Coastal Times">
  <meta name="author" content="Ana Ruiz">
  <meta property="article:published_time" content="2024-03-05T09:30:00Z">
  <link rel="canonical" href="https://coastal.example/news/walls-rebuilt">
  <style>.cookie { position: fixed } body::after { content: "STYLE TEXT" }</style>
  <script>window.pwned = 1; document.body.innerHTML = ''</script>
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
    "headline":"Walls rebuilt","datePublished":"2024-03-05T09:30:00Z","author":{"name":"Ana Ruiz"}}</script>
</head>
<body onload="window.pwned = 2">
  <div class="cookie-banner" id="cookie-consent">We use cookies. <button onclick="accept()">Accept all</button></div>
  <header class="site-header"><a href="/">The Coastal Times</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>Walls rebuilt in Harbour Town</h1>
      <p class="byline">By <a rel="author" href="/authors/ana">Ana Ruiz</a>, <time datetime="2024-03-05">5 March 2024</time></p>
      <div class="share"><a href="https://twitter.example/share">Share on X</a> <a href="javascript:share()">Share</a></div>
      <p>The council says <strong>over 300 concrete walls</strong> were rebuilt after the storm,
         according to <a href="/reports/storm-2024" onclick="track()">its latest report</a>. Residents
         interviewed on Monday described the work as <em>slow but thorough</em>, and several said
         the new walls were higher than the old ones.</p>
      <h2>What the mayor said</h2>
      <blockquote><p>“We rebuilt what the sea took,” the mayor said.</p></blockquote>
      <p>Work continued in three districts:</p>
      <ul>
        <li>North quay</li>
        <li>Old market <img src="x.png" onerror="window.pwned = 3"></li>
        <li>Lighthouse road</li>
      </ul>
      <figure><img src="walls.jpg" alt="New walls"><figcaption>The new sea wall at North quay.</figcaption></figure>
      <p>The full programme is expected to finish in <a href="javascript:alert('x')">late 2025</a>, officials added,
         though funding for the final phase has not yet been approved by the regional government.</p>
      <iframe src="https://ads.example/frame">IFRAME TEXT</iframe>
      <noscript>NOSCRIPT TEXT</noscript>
    </article>
  </main>
  <aside><h3>Most read</h3><ol><li><a href="/a">Something else entirely</a></li></ol></aside>
  <footer><p>© The Coastal Times. <a href="/privacy">Privacy</a></p></footer>
  <script>document.write('SCRIPT TEXT')</script>
</body>
</html>`;

function convert(html: string, url?: string): ConvertedDocument {
  const doc = htmlToDocument(html, url === undefined ? {} : { url });
  expect(documentProblems(doc)).toEqual([]);
  return doc;
}

const blocksOf = (doc: ConvertedDocument) =>
  doc.blocks.map((b) => {
    const row: unknown[] = [b.kind, doc.text.slice(b.start, b.end)];
    if (b.level !== undefined) row.push(b.level);
    return row;
  });

describe('htmlToDocument', () => {
  afterEach(() => {
    delete (globalThis as { pwned?: unknown }).pwned;
  });

  it('extracts the article, and only the article, from a news page', () => {
    const doc = convert(NEWS_PAGE);
    // The headline, byline and date are the document's metadata (its header), and the image's
    // caption is not the article's text: none of them is in the text.
    expect(blocksOf(doc)).toEqual([
      [
        'paragraph',
        'The council says over 300 concrete walls were rebuilt after the storm, according to its ' +
          'latest report. Residents interviewed on Monday described the work as slow but ' +
          'thorough, and several said the new walls were higher than the old ones.',
      ],
      ['heading', 'What the mayor said', 2],
      ['quote', '“We rebuilt what the sea took,” the mayor said.'],
      ['paragraph', 'Work continued in three districts:'],
      ['list-item', 'North quay', 1],
      ['list-item', 'Old market', 1],
      ['list-item', 'Lighthouse road', 1],
      [
        'paragraph',
        'The full programme is expected to finish in late 2025, officials added, though funding ' +
          'for the final phase has not yet been approved by the regional government.',
      ],
    ]);
    expect(doc.marks.map((m) => [m.kind, doc.text.slice(m.start, m.end), m.href])).toEqual([
      ['strong', 'over 300 concrete walls', undefined],
      ['link', 'its latest report', 'https://coastal.example/reports/storm-2024'],
      ['emphasis', 'slow but thorough', undefined],
    ]);
  });

  it('never lets script, style, handler or furniture text through', () => {
    const { text } = convert(NEWS_PAGE);
    for (const unwanted of [
      'pwned',
      'innerHTML',
      'STYLE TEXT',
      'SCRIPT TEXT',
      'IFRAME TEXT',
      'NOSCRIPT TEXT',
      'onerror',
      'onclick',
      'track()',
      'alert',
      'javascript',
      'share()',
      'cookies',
      'Accept all',
      'Sport',
      'Opinion',
      'Most read',
      'Something else',
      'Privacy',
      '©',
      '@context',
    ])
      // prettier-ignore
      expect(text).not.toContain(unwanted);
  });

  it('never runs the page’s scripts', () => {
    const page =
      '<html><head><script>globalThis.pwned = 1; document.body.innerHTML = ""</script></head>' +
      '<body onload="globalThis.pwned = 2"><p>Still here.</p><img src="x" onerror="globalThis.pwned = 3">' +
      '<script>globalThis.pwned = 4; document.write("<p>written</p>")</script></body></html>';
    const doc = convert(page);
    expect(doc.text).toBe('Still here.');
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  it('extracts the metadata', () => {
    expect(convert(NEWS_PAGE).metadata).toEqual({
      title: 'Walls rebuilt in Harbour Town',
      byline: 'Ana Ruiz',
      published: '2024-03-05T09:30:00Z',
      sourceUrl: 'https://coastal.example/news/walls-rebuilt',
      siteName: 'The Coastal Times',
      language: 'en-GB',
    });
  });

  it('falls back on <title>, rel=author, <time> and the given address', () => {
    const page = `<html><head><title> A  plain page </title></head><body>
      <p>Written by <span rel="author">Bo Lind</span> on <time datetime="2023-11-02">2 Nov</time>.</p>
      <p>Short body text.</p></body></html>`;
    const doc = convert(page, 'https://plain.example/page#top');
    expect(doc.metadata).toEqual({
      title: 'A plain page',
      byline: 'Bo Lind',
      published: '2023-11-02',
      sourceUrl: 'https://plain.example/page#top',
    });
  });

  it('reads JSON-LD when the head has no meta tags, and ignores broken JSON-LD', () => {
    const page = `<html><head>
      <script type="application/ld+json">{ broken </script>
      <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},
        {"@type":"Article","headline":"LD headline","datePublished":"March 7, 2024",
         "author":[{"name":"A. One"},{"name":"B. Two"}],"publisher":{"name":"LD Press"}}]}</script>
      </head><body><p>Body text.</p></body></html>`;
    expect(convert(page).metadata).toEqual({
      title: 'LD headline',
      byline: 'A. One, B. Two',
      published: new Date('March 7, 2024').toISOString(),
      siteName: 'LD Press',
    });
  });

  it('reads the whole body, without page furniture, when there is no article', () => {
    const page = `<html><body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
      <header><h1>Site name</h1></header>
      <h2>Opening hours</h2><p>Monday to Friday, 9 to 5.</p>
      <div class="cookie-notice">We use cookies</div>
      <form><label>Search <input name="q"></label><button>Go</button></form>
      <footer>Footer text</footer><script>tracker()</script></body></html>`;
    const doc = convert(page);
    expect(doc.text).toBe('Opening hours\n\nMonday to Friday, 9 to 5.');
    expect(doc.metadata).toEqual({ title: 'Site name' });
  });

  it('reads a fragment without <html> or <body>', () => {
    const doc = convert('<p>Just a <b>fragment</b>.</p><ul><li>and an item</li></ul>');
    expect(blocksOf(doc)).toEqual([
      ['paragraph', 'Just a fragment.'],
      ['list-item', 'and an item', 1],
    ]);
  });

  it('keeps only http(s) addresses as the source', () => {
    const page =
      '<html><head><link rel="canonical" href="javascript:alert(1)"></head><body><p>x</p></body></html>';
    expect(convert(page).metadata.sourceUrl).toBeUndefined();
    const relative =
      '<html><head><link rel="canonical" href="/c"></head><body><p>x</p></body></html>';
    expect(convert(relative, 'https://a.example/b/c?d').metadata.sourceUrl).toBe(
      'https://a.example/c',
    );
  });

  it('reads a page nested absurdly deep quickly, without Readability', () => {
    const depth = 3000;
    const page = `<html><body><p>Intro.</p>${'<div>'.repeat(depth)}deep <b>text</b>${'</div>'.repeat(depth)}</body></html>`;
    const started = Date.now();
    expect(convert(page).text).toBe('Intro.\n\ndeep text');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('gives an empty document for a page without visible text', () => {
    expect(convert('<html><body><script>x()</script></body></html>').text).toBe('');
  });
});

describe('withoutSiteName', () => {
  it('takes the headline when the title is the headline plus the site name', () => {
    expect(
      withoutSiteName(
        'Floodgates reopen at Varna lock | The Coastal Ledger',
        'Floodgates reopen at Varna lock',
      ),
    ).toBe('Floodgates reopen at Varna lock');
    expect(withoutSiteName('Dam talks stall — Steppe Post', 'Dam talks stall')).toBe(
      'Dam talks stall',
    );
  });

  it('keeps a title that is not the headline with a suffix', () => {
    expect(withoutSiteName('Dam talks stall again', 'Dam talks stall')).toBe(
      'Dam talks stall again',
    );
    expect(withoutSiteName('Opinion: why the dam matters', 'Why it matters')).toBe(
      'Opinion: why the dam matters',
    );
    expect(withoutSiteName(undefined, 'Headline here')).toBeUndefined();
  });
});
