import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { CleanEl } from './html-cleanup';
import {
  cleanArticle,
  dropFurnitureText,
  dropLinkLists,
  dropNamedFurniture,
  dropPageSections,
  dropTitleHeading,
  furnitureKind,
  leafBlocks,
  linkDensity,
  nameWords,
} from './html-cleanup';
import { htmlToDocument } from './html';

/** An article's DOM, as Readability hands it over. */
function article(html: string): CleanEl {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return document.body as unknown as CleanEl;
}

/** The text of each leaf block left. */
const blocks = (root: CleanEl) =>
  leafBlocks(root)
    .map(({ el }) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '');

const BODY = [
  '<p>The harbour authority reopened the eastern gates on Thursday after eleven weeks of repairs that cost about 2.4 million euros.</p>',
  '<p>Shipping agents said delays of up to three days would continue for the larger vessels until the western gates reopen in March.</p>',
].join(''); // prettier-ignore
const BODY_TEXT = [
  'The harbour authority reopened the eastern gates on Thursday after eleven weeks of repairs that cost about 2.4 million euros.',
  'Shipping agents said delays of up to three days would continue for the larger vessels until the western gates reopen in March.',
]; // prettier-ignore

describe('leafBlocks', () => {
  it('lists the blocks that hold no other block, in document order, and marks table cells', () => {
    const root = article(
      '<div><p>One <b>bold</b></p><div>Two<br> lines</div></div><ul><li>Three</li><li><p>Four</p></li></ul>' +
        '<table><tr><td>Cell</td></tr></table>',
    );
    expect(blocks(root)).toEqual(['One bold', 'Two lines', 'Three', 'Four', 'Cell']);
    expect(leafBlocks(root).map((b) => b.inTable)).toEqual([false, false, false, false, true]);
  });
});

describe('dropTitleHeading', () => {
  it('drops the heading that repeats the title or the headline, near the top only', () => {
    const root = article(
      `<h2>Gates reopen at the lock</h2>${BODY}<h2>Gates reopen at the lock</h2><p>More.</p>`,
    );
    expect(dropTitleHeading(root, { title: 'Gates Reopen at the Lock!' })).toBe(1);
    expect(blocks(root)).toEqual([...BODY_TEXT, 'Gates reopen at the lock', 'More.']);
  });

  it('keeps headings that are not the title', () => {
    const root = article(`<h1>What the pilots said</h1>${BODY}`);
    expect(dropTitleHeading(root, { title: 'Gates reopen', headline: 'Gates reopen' })).toBe(0);
  });
});

describe('dropPageSections', () => {
  it('drops small header, footer and aside elements kept inside the article', () => {
    const root = article(
      `<header><h1>Gates reopen</h1><p>By Ana Ruiz</p></header>${BODY}` +
        '<aside><p>“We were told six weeks.”</p></aside><footer><a href="/t/ports">Ports</a></footer>',
    );
    expect(dropPageSections(root)).toBe(3);
    expect(blocks(root)).toEqual(BODY_TEXT);
  });

  it('keeps a header or section that holds most of the article', () => {
    const root = article(`<header>${BODY}${BODY}</header><p>End.</p>`);
    expect(dropPageSections(root)).toBe(0);
  });
});

describe('dropNamedFurniture', () => {
  it('splits class and id names into words', () => {
    const el = article('<div class="article__byline shareBar" id="main-Caption"></div>').querySelector('div') as CleanEl; // prettier-ignore
    expect(nameWords(el)).toEqual(['article', 'byline', 'share', 'bar', 'main', 'caption']);
  });

  it('drops captions, bylines, dates, share and related blocks named so, and figcaptions', () => {
    const root = article(
      '<div class="story-meta"><span class="author-name">Ana Ruiz</span> <span class="pub-date">5 March</span></div>' +
        BODY +
        '<figure><img src="a.jpg"><figcaption>The eastern gates on Thursday.</figcaption></figure>' +
        '<p class="image-credit">Photograph by Bo Lind</p>' +
        '<div class="social-share"><a href="#">Facebook</a> <a href="#">Email</a></div>' +
        '<div id="relatedStories"><p>Port strike ends after three weeks</p></div>' +
        '<div class="swiper-slide"><h3>SHIPS WAIT</h3><p>Ten ships wait at the lock</p></div>' +
        '<div class="ad-slot">Advertisement</div>',
    );
    dropNamedFurniture(root);
    expect(blocks(root)).toEqual(BODY_TEXT);
  });

  it('drops a long figcaption, unless it holds most of the article', () => {
    const caption = `<figure><img src="a.jpg"><figcaption>${BODY_TEXT[0]} ${BODY_TEXT[1]}</figcaption></figure>`; // prettier-ignore
    const root = article(`${BODY}${BODY}${caption}`);
    dropNamedFurniture(root);
    expect(blocks(root)).toEqual([...BODY_TEXT, ...BODY_TEXT]);
    const alone = article(`<p>Gates.</p>${caption}`);
    expect(dropNamedFurniture(alone)).toBe(0);
  });

  it('keeps long named parts and names inside running text', () => {
    const root = article(
      `<div class="post-meta">${BODY}${BODY}</div>` +
        '<p>As <span class="author">Ana Ruiz</span> wrote in her report on the lock last spring, the gates were old.</p>',
    );
    expect(dropNamedFurniture(root)).toBe(0);
  });
});

describe('furnitureKind', () => {
  it('recognises labels of page furniture', () => {
    for (const s of [
      'Advertisement',
      'ADVERTISEMENT',
      'Read more »',
      'Share this article',
      'Sign In',
      'Image 3 of 12',
      'Caption',
      'Continue reading below',
      'You may also like',
      'Related stories:',
      'Skip to content',
      '3 comments',
    ])
      // prettier-ignore
      expect([s, furnitureKind(s)]).toEqual([s, 'label']);
  });

  it('recognises pointers to other stories', () => {
    expect(furnitureKind('Related: Port strike ends after three weeks')).toBe('pointer');
    expect(furnitureKind('READ MORE: Ten things to know about the lock')).toBe('pointer');
    expect(furnitureKind('More: the ports of the Black Sea, in pictures')).toBe('pointer');
  });

  it('recognises bylines and datelines', () => {
    expect(furnitureKind('By Ana Ruiz and Bo Lind')).toBe('byline');
    expect(furnitureKind('Posted on March 5, 2024 by Admin')).toBe('byline');
    expect(furnitureKind('Updated 3:27 am PST, Wednesday, November 20, 2019')).toBe('byline');
    expect(furnitureKind('November 20, 2019 / 1:07 AM / Coastal News')).toBe('dateline');
    expect(furnitureKind('19.11.2019, 08:57')).toBe('dateline');
    expect(furnitureKind('Ana Ruiz, Staff Writer', 'Ana Ruiz')).toBe('byline');
    expect(furnitureKind('Staff Reports', 'Staff Reports')).toBe('byline');
  });

  it('recognises image credits and captions with a credit', () => {
    expect(furnitureKind('Photo: Bo Lind, AP')).toBe('credit');
    expect(furnitureKind('(Image: © Space Agency)')).toBe('credit');
    expect(furnitureKind('Image copyright Harbour Pictures')).toBe('credit');
    expect(furnitureKind('The new gates at dawn. (AP Photo/Bo Lind, File)')).toBe('credit');
    expect(furnitureKind('The gates were closed for eleven weeksCredit: Port Authority')).toBe('credit'); // prettier-ignore
    expect(furnitureKind('The governor at a briefing in 2018. (Photo by Bo Lind)')).toBe('credit');
  });

  it('recognises calls to subscribe or follow', () => {
    expect(furnitureKind('Sign up to our newsletter for the latest news.')).toBe('call');
    expect(furnitureKind('Follow us on Twitter and Facebook.')).toBe('call');
    expect(furnitureKind('Subscribe to our channel for all of the latest videos!')).toBe('call');
    expect(furnitureKind('CLICK HERE TO GET THE APP')).toBe('call');
  });

  it('recognises cookie and copyright notices', () => {
    expect(furnitureKind('This website uses cookies to improve your experience. Read More')).toBe('notice'); // prettier-ignore
    expect(furnitureKind('© Bo Lind')).toBe('notice');
    expect(furnitureKind('Copyright 2019 The Ledger. All rights reserved.')).toBe('notice');
  });

  it('leaves the article’s sentences alone', () => {
    for (const s of [
      ...BODY_TEXT,
      'By the time the ship arrived, the gates were shut.',
      'Eat every 2–3 hours',
      'The company’s subscription revenue rose 5% in 2019.',
      'You can sign up for a free trial, then pay $6.99 per month.',
      'HRB HARBOUR HOLDINGS INC. 41.20 -0.35',
      'Lockside Morning Blend',
      'The wire service reported the deal on Monday, citing two sources.',
      'Day 3',
      'The regulator said the site’s cookies broke the law, and fined it.',
      'http://www.example.org/archives/2364',
    ])
      expect([s, furnitureKind(s, 'Lockside')]).toEqual([s, undefined]);
  });
});

describe('dropFurnitureText', () => {
  it('drops short furniture blocks but no table cell and no dated heading', () => {
    const root = article(
      `<p>By Ana Ruiz</p><p>Updated 5 March 2024, 10:30 GMT</p>${BODY}<p>Advertisement</p>` +
        '<table><tr><td>5 March 2024</td><td>Reopened</td></tr></table><h3>March 2024</h3>',
    );
    dropFurnitureText(root);
    expect(blocks(root)).toEqual([...BODY_TEXT, '5 March 2024', 'Reopened', 'March 2024']);
  });
});

describe('dropLinkLists', () => {
  it('measures the share of text in links', () => {
    const el = article('<p><a href="/a">Half</a> half</p>').querySelector('p') as CleanEl;
    expect(linkDensity(el)).toBeCloseTo(0.5);
  });

  it('drops lists of links and paragraphs that are one headline-like link', () => {
    const root = article(
      BODY +
        '<ul><li><a href="/a">Port strike ends after three weeks</a></li><li><a href="/b">Ten ships wait at the lock</a></li></ul>' +
        '<p><a href="/c">PILOTS PROUD OF THEIR SAFETY RECORD</a></p>',
    );
    expect(dropLinkLists(root)).toBe(2);
    expect(blocks(root)).toEqual(BODY_TEXT);
  });

  it('keeps lists with text of their own, links that end a sentence, and addresses', () => {
    const root = article(
      '<p><a href="http://www.example.org/archives/2364">http://www.example.org/archives/2364</a></p>' +
        '<ul><li><a href="/a">Eastern gates</a>: reopened on Thursday</li><li><a href="/b">Western gates</a>: closed</li></ul>' +
        '<p><a href="/r">Read the harbour authority’s full report on the repairs.</a></p>' +
        `<p><a href="/q">The pilots said 'we were told six weeks.'</a></p>`,
    );
    expect(dropLinkLists(root)).toBe(0);
  });
});

describe('cleanArticle', () => {
  it('applies every rule', () => {
    const root = article(
      `<h2>Gates reopen</h2><p>By Ana Ruiz</p>${BODY}<p>Related: Port strike ends</p>` +
        '<div class="newsletter-signup"><p>Get our daily briefing</p></div>',
    );
    expect(cleanArticle(root, { title: 'Gates reopen' })).toBe(4);
    expect(blocks(root)).toEqual(BODY_TEXT);
  });
});

describe('htmlToDocument, cleaned', () => {
  const page = (body: string) =>
    `<html><head><title>Gates reopen at the lock | Ledger</title><meta name="author" content="Ana Ruiz"></head>` +
    `<body><nav><a href="/">Home</a></nav><article>${body}</article><footer>© Ledger</footer></body></html>`;

  it('keeps the headline and byline as metadata, out of the text', () => {
    const doc = htmlToDocument(
      page(`<h1>Gates reopen at the lock</h1><p class="byline">By Ana Ruiz</p>${BODY}`),
    );
    expect(doc.text).toBe(BODY_TEXT.join('\n\n'));
    expect(doc.metadata.title).toBe('Gates reopen at the lock');
    expect(doc.metadata.byline).toBe('Ana Ruiz');
  });

  it('keeps headings and lists of the article', () => {
    const doc = htmlToDocument(
      page(`${BODY}<h2>What the pilots said</h2><ul><li>Eastern gates: open</li><li>Western gates: shut</li></ul>${BODY}`),
    ); // prettier-ignore
    expect(doc.blocks.map((b) => b.kind)).toEqual([
      'paragraph', 'paragraph', 'heading', 'list-item', 'list-item', 'paragraph', 'paragraph',
    ]); // prettier-ignore
  });

  it('reads the article as it was when the rules would take most of it', () => {
    // Every paragraph is in a part named "related": the names are wrong, the text is the page.
    const related = BODY.replace(/<p>/g, '<p class="related">');
    const doc = htmlToDocument(page(`${related}${related}`));
    expect(doc.text).toBe([...BODY_TEXT, ...BODY_TEXT].join('\n\n'));
  });
});
