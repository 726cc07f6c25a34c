import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { networkInterfaces } from 'node:os';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeServices } from '../../test/fake-services';
import type { FakeServices } from '../../test/fake-services';
import { MAX_IMPORT_BYTES } from '../core/api-schema';
import { CONTENT_SECURITY_POLICY, MAX_BODY_BYTES, createWebHost } from './server';
import type { WebHost } from './server';

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request (fetch would not let us set Host, or send a body bigger than it says). */
function send(
  host: WebHost,
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    chunks?: Buffer[];
    /** false: send no Host header at all. */
    setHost?: boolean;
  } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers:
          options.setHost === false
            ? options.headers
            : { Host: `127.0.0.1:${host.port}`, ...options.headers },
        setHost: options.setHost ?? true,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

const api = (
  host: WebHost,
  method: string,
  payload: unknown,
  headers: Record<string, string> = {},
) =>
  send(host, `/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': TOKEN, ...headers },
    body: JSON.stringify({ payload }),
  });

describe('createWebHost', () => {
  let dir: string;
  let rendererDir: string;
  let services: FakeServices;
  let host: WebHost;
  const cookie = `gloss-token=${TOKEN}`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gloss-web-host-'));
    rendererDir = join(dir, 'renderer');
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Gloss</title>');
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("gloss")');
    await writeFile(join(rendererDir, 'assets', 'app.css'), 'body{}');
    await writeFile(join(dir, 'secret.txt'), 'outside the renderer');
    await symlink(join(dir, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
    services = fakeServices();
    host = await createWebHost({
      services,
      rendererDir,
      token: TOKEN,
      port: 0,
      maxBodyBytes: 64 * 1024,
    });
  });

  afterAll(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only and gives the address with the token', async () => {
    expect(host.address).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
    // Not reachable on the machine's other addresses.
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const address of others) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: host.port });
        socket.once('connect', () => (socket.destroy(), resolve(false)));
        socket.once('error', () => resolve(true));
      });
      expect(refused, `reachable on ${address}`).toBe(true);
    }
  });

  describe('pages', () => {
    it('refuses a page without the token', async () => {
      const answer = await send(host, '/');
      expect(answer.status).toBe(401);
      expect(answer.body).toContain('address Gloss printed');
      expect((await send(host, '/?token=wrong')).status).toBe(401);
      expect((await send(host, '/assets/app.js')).status).toBe(401);
    });

    it('sets the cookie from the token and serves index.html uncached', async () => {
      const answer = await send(host, `/?token=${TOKEN}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('<title>Gloss</title>');
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.headers['set-cookie']).toEqual([
        `gloss-token=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`,
      ]);
    });

    it('serves assets to the cookie, with their content types', async () => {
      const js = await send(host, '/assets/app.js', { headers: { Cookie: cookie } });
      expect(js.status).toBe(200);
      expect(js.body).toBe('console.log("gloss")');
      expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
      const css = await send(host, '/assets/app.css', {
        headers: { Cookie: `other=1; ${cookie}` },
      });
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(
        (await send(host, '/assets/app.js', { headers: { Cookie: 'gloss-token=wrong' } })).status,
      ).toBe(401);
    });

    it('never serves a file outside the renderer folder', async () => {
      for (const path of [
        '/../secret.txt',
        '/assets/../../secret.txt',
        '/%2e%2e/secret.txt',
        '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
        '/..%5csecret.txt',
        '/assets/link.txt',
        '/assets',
        '/missing.js',
      ]) {
        const answer = await send(host, path, { headers: { Cookie: cookie } });
        expect(answer.status, path).toBe(404);
        expect(answer.body).not.toContain('outside the renderer');
      }
      expect((await send(host, '/%00', { headers: { Cookie: cookie } })).status).toBe(400);
    });

    it('answers only GET and HEAD for pages', async () => {
      expect((await send(host, '/', { method: 'PUT', headers: { Cookie: cookie } })).status).toBe(
        405,
      );
      const head = await send(host, '/', { method: 'HEAD', headers: { Cookie: cookie } });
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
    });
  });

  describe('every response', () => {
    it('carries the CSP and hardening headers and no CORS headers', async () => {
      for (const answer of [
        await send(host, '/'),
        await send(host, `/?token=${TOKEN}`),
        await api(host, 'getWorkspace', undefined),
        await send(host, '/', { headers: { Host: 'evil.example' } }),
      ]) {
        expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
        expect(answer.headers['x-content-type-options']).toBe('nosniff');
        expect(answer.headers['referrer-policy']).toBe('no-referrer');
        expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'))).toEqual(
          [],
        );
      }
    });
  });

  describe('CORS', () => {
    it('answers no preflight and sends no Access-Control header, whatever the request', async () => {
      const before = services.calls.length;
      const preflight = {
        Origin: 'http://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'x-gloss-token, content-type',
      };
      const answers = [
        // A foreign page's preflight: refused before anything else.
        await send(host, '/api/getWorkspace', { method: 'OPTIONS', headers: preflight }),
        // Our own origin's preflight (which our page never needs): not a service call.
        await send(host, '/api/getWorkspace', {
          method: 'OPTIONS',
          headers: {
            ...preflight,
            Origin: `http://127.0.0.1:${host.port}`,
            'X-Gloss-Token': TOKEN,
          },
        }),
        await send(host, '/', { method: 'OPTIONS', headers: preflight }),
        await api(host, 'getWorkspace', undefined, { Origin: 'http://evil.example' }),
        await api(host, 'nope', undefined),
        await api(host, 'getWorkspace', undefined, { 'X-Gloss-Token': 'wrong' }),
        await send(host, '/missing.js', { headers: { Cookie: cookie } }),
      ];
      expect(answers.map((a) => a.status)).toEqual([403, 405, 403, 403, 404, 401, 404]);
      for (const answer of answers) {
        expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'))).toEqual(
          [],
        );
        expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      }
      expect(services.calls.length).toBe(before);
    });
  });

  describe('DNS rebinding', () => {
    it('refuses a foreign Host', async () => {
      for (const hostHeader of [
        'evil.example',
        `evil.example:${host.port}`,
        '127.0.0.1:1',
        `127.0.0.1.evil.example:${host.port}`,
        `[::1]:${host.port}`,
        `0.0.0.0:${host.port}`,
        `LOCALHOST.evil.example:${host.port}`,
      ]) {
        const answer = await send(host, `/?token=${TOKEN}`, { headers: { Host: hostHeader } });
        expect(answer.status, hostHeader).toBe(403);
      }
      // No Host at all: Node's own parser refuses it (400) before our check would (403).
      expect([400, 403]).toContain(
        (await send(host, `/?token=${TOKEN}`, { setHost: false })).status,
      );
      const call = await api(host, 'getWorkspace', undefined, {
        Host: `evil.example:${host.port}`,
      });
      expect(call.status).toBe(403);
    });

    it('accepts localhost as well as 127.0.0.1', async () => {
      const answer = await send(host, `/?token=${TOKEN}`, {
        headers: { Host: `localhost:${host.port}` },
      });
      expect(answer.status).toBe(200);
    });

    it('refuses a foreign Origin', async () => {
      const before = services.calls.length;
      for (const origin of [
        'http://evil.example',
        `http://evil.example:${host.port}`,
        'null',
        `https://127.0.0.1:${host.port}`,
      ]) {
        expect(
          (await api(host, 'getWorkspace', undefined, { Origin: origin })).status,
          origin,
        ).toBe(403);
      }
      expect(services.calls.length).toBe(before);
      expect(
        (await api(host, 'getWorkspace', undefined, { Origin: `http://127.0.0.1:${host.port}` }))
          .status,
      ).toBe(200);
      expect(
        (await api(host, 'getWorkspace', undefined, { Origin: `http://localhost:${host.port}` }))
          .status,
      ).toBe(200);
    });
  });

  describe('service calls', () => {
    it('refuses a call without the token header, even with the cookie', async () => {
      const before = services.calls.length;
      const missing = await send(host, '/api/getWorkspace', {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(missing.status).toBe(401);
      expect(JSON.parse(missing.body)).toMatchObject({
        ok: false,
        error: { code: 'unauthorized' },
      });
      expect(
        (await api(host, 'getWorkspace', undefined, { 'X-Gloss-Token': 'wrong' })).status,
      ).toBe(401);
      expect(services.calls.length).toBe(before);
    });

    it('routes a call through dispatch and answers its Result', async () => {
      const answer = await api(host, 'openDocument', { documentId: 'doc-1' });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(answer.body)).toEqual({ ok: true, value: { method: 'openDocument' } });
      expect(services.calls.at(-1)).toEqual({
        method: 'openDocument',
        request: { documentId: 'doc-1' },
      });
    });

    it('answers a malformed payload with invalid-request and calls nothing', async () => {
      const before = services.calls.length;
      const answer = await api(host, 'openDocument', { documentId: '../../etc' });
      expect(JSON.parse(answer.body)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
      const notJson = await send(host, '/api/undo', {
        method: 'POST',
        headers: { 'X-Gloss-Token': TOKEN },
        body: '{',
      });
      expect(notJson.status).toBe(400);
      expect(services.calls.length).toBe(before);
    });

    it('answers 404 for an unknown method and 405 for GET', async () => {
      expect((await api(host, 'constructor', undefined)).status).toBe(404);
      expect((await api(host, 'deleteEverything', undefined)).status).toBe(404);
      expect(
        (await send(host, '/api/getWorkspace', { headers: { 'X-Gloss-Token': TOKEN } })).status,
      ).toBe(405);
    });

    it('takes importFile as raw bytes with the name in X-File-Name', async () => {
      const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69, 0x00, 0xff]);
      const answer = await send(host, '/api/importFile', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/octet-stream',
          'X-Gloss-Token': TOKEN,
          'X-File-Name': encodeURIComponent('Bericht über Mauern.txt'),
        },
        body: bytes,
      });
      expect(answer.status).toBe(200);
      const call = services.calls.at(-1) as {
        method: string;
        request: { name: string; bytes: Uint8Array };
      };
      expect(call.method).toBe('importFile');
      expect(call.request.name).toBe('Bericht über Mauern.txt');
      expect(call.request.bytes).toBeInstanceOf(Uint8Array);
      expect([...call.request.bytes]).toEqual([...bytes]);
    });

    it('refuses an import without a file name', async () => {
      const answer = await send(host, '/api/importFile', {
        method: 'POST',
        headers: { 'X-Gloss-Token': TOKEN },
        body: 'hello',
      });
      expect(JSON.parse(answer.body)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    });

    it('answers 413 to a body over the limit, declared or streamed', async () => {
      const before = services.calls.length;
      const declared = await send(host, '/api/importFile', {
        method: 'POST',
        headers: {
          'X-Gloss-Token': TOKEN,
          'X-File-Name': 'big.txt',
          'Content-Length': String(10 * 1024 * 1024),
        },
        body: '',
      });
      expect(declared.status).toBe(413);
      const streamed = await send(host, '/api/importFile', {
        method: 'POST',
        headers: {
          'X-Gloss-Token': TOKEN,
          'X-File-Name': 'big.txt',
          'Transfer-Encoding': 'chunked',
        },
        chunks: Array.from({ length: 8 }, () => Buffer.alloc(16 * 1024, 0x61)),
      });
      expect(streamed.status).toBe(413);
      expect(JSON.parse(streamed.body)).toMatchObject({ ok: false });
      expect(services.calls.length).toBe(before);
    });

    it('keeps the 60 MB default limit', async () => {
      const defaults = await createWebHost({ services, rendererDir, token: TOKEN });
      try {
        const answer = await send(defaults, '/api/importFile', {
          method: 'POST',
          headers: {
            'X-Gloss-Token': TOKEN,
            'X-File-Name': 'big.txt',
            'Content-Length': String(MAX_BODY_BYTES + 1),
          },
          body: '',
        });
        expect(answer.status).toBe(413);
        expect(MAX_BODY_BYTES).toBeGreaterThan(MAX_IMPORT_BYTES);
      } finally {
        await defaults.close();
      }
    });
  });
});
