import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from './html';
import type { RecoverDoc, RecoverEl } from './html-recover';
import { findQuotes, restoreQuotes, visibleText } from './html-recover';

const parse = (html: string) => {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return { doc: document as unknown as RecoverDoc, body: document.body as unknown as RecoverEl };
};

const LEAD = '<p>A great many people online pointed out what was wrong with the new campaign.</p>';
const TWEET =
  '<blockquote class="embedded-post"><p>Yes this is real and the state spent half a million on it <a href="https://t.example/x">t.example/x</a></p>' +
  '— Dana (@dana) <a href="https://t.example/d">November 18, 2019</a></blockquote><script>embed()</script>';
const NEXT =
  '<p>The governor said the campaign was working, and that people were talking about it.</p>';

describe('visibleText', () => {
  it('reads the text a reader sees, blocks apart, without scripts', () => {
    const { body } = parse('<div><p>One <b>two</b></p><p>three</p><script>x()</script></div>');
    expect(visibleText(body)).toBe('One two three');
  });
});

describe('findQuotes', () => {
  it('finds each quote with the paragraph before it, out of an embed’s wrapper too', () => {
    const { body } = parse(`${LEAD}<div class="embed">${TWEET}</div>${NEXT}`);
    const quotes = findQuotes(body);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.text).toBe(
      'Yes this is real and the state spent half a million on it t.example/x — Dana (@dana) November 18, 2019',
    );
    expect(quotes[0]?.after).toBe(
      'A great many people online pointed out what was wrong with the new campaign',
    );
  });

  it('skips short quotes and quotes after no paragraph', () => {
    const { body } = parse(`<blockquote>Too short.</blockquote><div>${TWEET}</div>`);
    expect(findQuotes(body)).toEqual([]);
  });
});

describe('restoreQuotes', () => {
  it('puts a lost quote back after its paragraph, once', () => {
    const quotes = findQuotes(parse(`${LEAD}${TWEET}${NEXT}`).body);
    const { doc, body } = parse(`${LEAD}${NEXT}`);
    expect(restoreQuotes(body, doc, [...quotes, ...quotes], `${LEAD}${NEXT}`)).toBe(1);
    expect(Array.from(body.childNodes).map((n) => n.localName)).toEqual(['p', 'blockquote', 'p']);
  });

  it('leaves a quote Readability kept, and one whose paragraph is gone', () => {
    const quotes = findQuotes(parse(`${LEAD}${TWEET}${NEXT}`).body);
    const kept = parse(`${LEAD}${TWEET}${NEXT}`);
    expect(restoreQuotes(kept.body, kept.doc, quotes, visibleText(kept.body))).toBe(0);
    // Readability kept its words but not its links: it is kept.
    const partly = parse(`${LEAD}<blockquote>Yes this is real and the state spent half a million on it</blockquote>${NEXT}`); // prettier-ignore
    expect(restoreQuotes(partly.body, partly.doc, quotes, visibleText(partly.body))).toBe(0);
    const orphan = parse(NEXT);
    expect(restoreQuotes(orphan.body, orphan.doc, quotes, NEXT)).toBe(0);
  });
});

describe('htmlToDocument, with quotes', () => {
  it('keeps an embedded post that Readability drops', () => {
    const paragraph = (n: number) =>
      `<p>Paragraph ${n} of the story, long enough, with commas, clauses, and the details of the campaign that analysts read.</p>`;
    const page =
      `<html><body><article>${paragraph(1)}${paragraph(2)}${LEAD}` +
      `<div class="embed">${TWEET.replace('<blockquote', '<blockquote class="embedded-post"')}</div>` +
      `${NEXT}${paragraph(3)}${paragraph(4)}</article></body></html>`;
    const doc = htmlToDocument(page);
    expect(doc.text).toContain('Yes this is real and the state spent half a million on it');
    expect(doc.text.match(/Yes this is real/g)).toHaveLength(1);
    const quote = doc.blocks.find((b) => b.kind === 'quote');
    expect(quote && doc.text.slice(quote.start, quote.end)).toMatch(/^Yes this is real/);
  });
});
