import { describe, expect, it } from 'vitest';
import { MAX_OPENABLE_URL, isOpenableUrl, openableUrl } from './link-url';

describe('isOpenableUrl', () => {
  it('accepts absolute http and https addresses', () => {
    for (const url of [
      'https://example.org/',
      'https://example.org/report?id=4#page-2',
      'http://news.example/2026/10/floodgates',
      'HTTPS://EXAMPLE.ORG/Path',
      'https://例え.jp/',
      'https://127.0.0.1:8080/x',
    ]) {
      expect(isOpenableUrl(url), url).toBe(true);
    }
  });

  it('refuses every other scheme, including custom ones that launch programs', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'javascript://example.org/%0Aalert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'file://server/share/x.exe',
      'blob:https://example.org/uuid',
      'about:blank',
      'mailto:a@b.example',
      'ftp://example.org/file',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'slack://open',
      'zoommtg://zoom.us/join',
      'chrome://settings',
      'ws://example.org/',
      'httpx://example.org/',
    ]) {
      expect(isOpenableUrl(url), url).toBe(false);
    }
  });

  it('refuses credentials in the address', () => {
    for (const url of [
      'https://user:pw@example.org/',
      'https://user@example.org/',
      'https://:pw@example.org/',
      'https://example.org@evil.example/',
    ]) {
      expect(isOpenableUrl(url), url).toBe(false);
    }
  });

  it('refuses what is not an absolute address', () => {
    for (const url of [
      '',
      'example.org',
      '/relative/path',
      'notes.html',
      '//example.org/x',
      'https://',
      'https:///path',
      'https:example.org',
      'http:/example.org',
      'https://exa mple.org/',
      ' https://example.org/',
      'https://example.org/\n',
      'https://example.org/\u0000',
      'https:\\\\evil.example\\x',
      'https://example.org/\u202e',
      '\u200bhttps://example.org/',
      'https://[::1/',
    ]) {
      expect(isOpenableUrl(url), JSON.stringify(url)).toBe(false);
    }
    for (const value of [undefined, null, 42, {}, ['https://example.org/'], new String('x')]) {
      expect(isOpenableUrl(value)).toBe(false);
    }
  });

  it(`refuses addresses over ${MAX_OPENABLE_URL} characters`, () => {
    const base = 'https://example.org/';
    expect(isOpenableUrl(base + 'a'.repeat(MAX_OPENABLE_URL - base.length))).toBe(true);
    expect(isOpenableUrl(base + 'a'.repeat(MAX_OPENABLE_URL - base.length + 1))).toBe(false);
    expect(isOpenableUrl(base + 'a'.repeat(10 * 1024 * 1024))).toBe(false);
    // Normalising may lengthen an address: the limit applies to what would be opened.
    const quotes = base + '"'.repeat(700);
    expect(quotes.length).toBeLessThan(MAX_OPENABLE_URL);
    expect(isOpenableUrl(quotes)).toBe(false);
  });
});

describe('openableUrl', () => {
  it('answers the normalised address that is shown and opened', () => {
    expect(openableUrl('HTTPS://Example.ORG/a b'.replace(' ', '%20'))).toBe(
      'https://example.org/a%20b',
    );
    expect(openableUrl('https://例え.jp/')).toBe('https://xn--r8jz45g.jp/');
    expect(openableUrl('javascript:alert(1)')).toBeNull();
  });
});
