import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../shared/api';
import { documentFacts } from './document-facts';

const doc = (
  format: DocumentMeta['format'],
  metadata?: DocumentMeta['metadata'],
): DocumentMeta => ({
  id: 'd1',
  title: 'Gates reopen',
  format,
  sourceName: 'gates.html',
  rawHash: 'a'.repeat(64),
  textHash: 'b'.repeat(64),
  length: 100,
  added: '2026-01-01T00:00:00.000Z',
  ...(metadata ? { metadata } : {}),
});

describe('documentFacts', () => {
  it('names the author, date, site, kind and length of a web page', () => {
    const facts = documentFacts(
      doc('html', { byline: 'Ana Ruiz', published: 'not a date', siteName: 'The Ledger' }),
      1234,
    );
    expect(facts).toEqual(['Ana Ruiz', 'not a date', 'The Ledger', 'Web page', `${(1234).toLocaleString()} words`]); // prettier-ignore
  });

  it('names a site that is its own byline once, and counts a PDF’s pages', () => {
    expect(documentFacts(doc('html', { byline: 'Harbour News', siteName: 'harbour news' }), 5)).toEqual(['Harbour News', 'Web page', '5 words']); // prettier-ignore
    expect(documentFacts(doc('pdf', { pageCount: 1 }), 9)).toEqual(['PDF', '1 page', '9 words']);
    expect(documentFacts(doc('text'), 0)).toEqual(['Text', '0 words']);
  });
});
