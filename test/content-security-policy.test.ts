import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../src/web-host/server';

// The renderer's Content-Security-Policy, read where it is enforced: the <meta> of
// src/renderer/index.html (the only policy of the Electron window, which loads a file:// page
// that has no response headers) and the header of every web host response.

const ROOT = resolve(__dirname, '..');

/** A policy as directive -> sources (lower-cased keywords stay quoted). */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    // A repeated directive is ignored by browsers: the first one counts, so refuse the confusion.
    expect(directives.has(name.toLowerCase()), `directive ${name} appears twice`).toBe(false);
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The content of the CSP <meta> of an HTML file; fails when there is not exactly one. */
function metaPolicy(html: string): string {
  const metas = [
    ...html.matchAll(/<meta\b[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/gi),
  ];
  expect(metas, 'exactly one CSP <meta>').toHaveLength(1);
  const content = /content="([^"]*)"/i.exec(metas[0]![0]);
  expect(content, 'the CSP <meta> has a content').not.toBeNull();
  return content![1]!;
}

const REMOTE = /^(?:https?:|wss?:|ftp:|\*|[a-z0-9.-]+\.[a-z]{2,}|[a-z0-9-]+:\/\/)/i;

/** The checks of SECURITY.md, on one policy. */
function expectStrict(policy: string, where: string): void {
  const d = parsePolicy(policy);
  const defaults = d.get('default-src');
  expect(defaults, `${where}: default-src`).toBeDefined();
  expect(
    defaults!.length === 1 && ["'self'", "'none'"].includes(defaults![0]!),
    `${where}: default-src is 'self' or 'none', not ${defaults!.join(' ')}`,
  ).toBe(true);

  // Scripts: our own files only. No inline scripts, no eval, no remote origins, no data: or blob:.
  const scripts = d.get('script-src') ?? defaults!;
  expect(scripts, `${where}: script-src`).toEqual(["'self'"]);
  for (const name of ['script-src-elem', 'script-src-attr', 'worker-src']) {
    const sources = d.get(name);
    if (sources) expect(sources, `${where}: ${name}`).toEqual(["'self'"]);
  }
  expect(d.get('object-src'), `${where}: object-src`).toEqual(["'none'"]);
  expect(d.get('base-uri'), `${where}: base-uri`).toEqual(["'none'"]);
  expect(d.get('form-action'), `${where}: form-action`).toEqual(["'none'"]);

  for (const [name, sources] of d) {
    for (const source of sources) {
      // No remote origin anywhere, not even for images or styles: documents are data.
      expect(REMOTE.test(source), `${where}: ${name} allows the remote source ${source}`).toBe(
        false,
      );
      expect(["'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-hashes'"]).not.toContain(source);
      // 'unsafe-inline' only for style attributes (React's style={…}); never for scripts.
      if (source === "'unsafe-inline'") expect(name, `${where}: 'unsafe-inline'`).toBe('style-src');
      // data: and blob: only for images (the map's canvas, our own exports).
      if (source === 'data:' || source === 'blob:')
        expect(name, `${where}: ${source}`).toBe('img-src');
    }
  }
}

describe('Content-Security-Policy', () => {
  it('parses as expected (the checks themselves)', () => {
    expect(() =>
      expectStrict("default-src 'self'; script-src 'self' 'unsafe-inline'", 't'),
    ).toThrow();
    expect(() =>
      expectStrict("default-src 'self'; script-src 'self' https://cdn.example", 't'),
    ).toThrow();
    expect(() => expectStrict("default-src *; object-src 'none'", 't')).toThrow();
    expect(() => expectStrict("default-src 'self'; img-src https:", 't')).toThrow();
    expect(() => expectStrict("default-src 'self'; script-src 'self' data:", 't')).toThrow();
  });

  it("of the Electron window (index.html's <meta>) is strict", () => {
    const html = readFileSync(join(ROOT, 'src/renderer/index.html'), 'utf8');
    expectStrict(metaPolicy(html), 'src/renderer/index.html');
  });

  it('of the web host (every response header) is strict', () => {
    expectStrict(CONTENT_SECURITY_POLICY, 'web host header');
    const d = parsePolicy(CONTENT_SECURITY_POLICY);
    // Headers can say what <meta> cannot: no framing of Gloss by another page.
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is the same for scripts, objects and connections in both doors', () => {
    const meta = parsePolicy(
      metaPolicy(readFileSync(join(ROOT, 'src/renderer/index.html'), 'utf8')),
    );
    const header = parsePolicy(CONTENT_SECURITY_POLICY);
    for (const name of ['default-src', 'script-src', 'connect-src', 'object-src', 'img-src']) {
      expect(meta.get(name), name).toEqual(header.get(name));
    }
  });

  it('holds in the built renderer, which has no inline script or handler', () => {
    const built = join(ROOT, 'out/renderer/index.html');
    // Checked after `npm run build` (npm test builds first); the source is checked above.
    if (!existsSync(built)) return;
    const html = readFileSync(built, 'utf8');
    expectStrict(metaPolicy(html), 'out/renderer/index.html');
    for (const tag of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
      expect(tag[0], 'every script has a src').toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/);
      expect(tag[1]!.trim(), 'no inline script').toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i);
  });
});
