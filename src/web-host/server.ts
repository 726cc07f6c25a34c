import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { isServiceMethod } from '../core/api-schema';
import { fail } from '../core/result';
import type { GlossServices, Result } from '../shared/api';
import { dispatch } from '../services';

// The web host's HTTP door: the built renderer and the services, for this machine's user only.
// Loopback only, a per-run token (cookie for pages, header for calls), Host and Origin checked
// against DNS rebinding, no CORS, and the same zod-validating dispatch as the IPC door.

/** Largest request body: a 50 MB import plus headroom; bigger bodies get 413. */
export const MAX_BODY_BYTES = 60 * 1024 * 1024;

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const LOOPBACK = '127.0.0.1';
const COOKIE = 'gloss-token';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export interface WebHostOptions {
  services: GlossServices;
  /** The built renderer (out/renderer): index.html and its assets. */
  rendererDir: string;
  /** The per-run secret; whoever holds it is the user. */
  token: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** Test seam: a smaller body limit. */
  maxBodyBytes?: number;
}

export interface WebHost {
  /** The address to open, token included: http://127.0.0.1:PORT/?token=TOKEN */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  /** The address the server is bound to (always 127.0.0.1). */
  address: string;
  close(): Promise<void>;
}

/** Compares secrets in constant time (hashing first makes the lengths equal). */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: Result<unknown>,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** Reads a whole body, stopping at `limit` bytes ('too-large' then; the rest is discarded). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        resolveBody('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolveBody(Buffer.concat(chunks, size));
    });
    req.on('error', reject);
  });
}

const tooLargeResult = (limit: number) =>
  fail('invalid-request', `The request is larger than ${Math.round(limit / (1024 * 1024))} MB.`);

/** Starts the web host on 127.0.0.1 and resolves once it is listening. */
export async function createWebHost(options: WebHostOptions): Promise<WebHost> {
  const { services, token } = options;
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  // Symlinks are resolved once here and per file below, so no link can lead out of the folder.
  const root = await realpath(options.rendererDir);
  let port = 0; // known once listening; every request arrives after that

  const allowedHosts = (): string[] => [`${LOOPBACK}:${port}`, `localhost:${port}`];
  const allowedOrigins = (): string[] => allowedHosts().map((h) => `http://${h}`);
  const inside = (path: string): boolean => path === root || path.startsWith(root + sep);

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
  ): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, fail('invalid-request', 'Service calls are POST requests.'), {
        Allow: 'POST',
      });
      return;
    }
    const given = req.headers['x-gloss-token'];
    if (!sameSecret(typeof given === 'string' ? given : undefined, token)) {
      sendJson(
        res,
        401,
        fail('unauthorized', 'Missing or wrong token: open the address Gloss printed at start.'),
      );
      return;
    }
    if (!isServiceMethod(method)) {
      sendJson(res, 404, fail('invalid-request', `There is no service method "${method}".`));
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    const body = declared > maxBody ? 'too-large' : await readBody(req, maxBody);
    if (body === 'too-large') {
      // Close the connection rather than read the rest of a body we will not use.
      sendJson(res, 413, tooLargeResult(maxBody), { Connection: 'close' });
      return;
    }

    let payload: unknown;
    if (method === 'importFile') {
      // Raw bytes: a 50 MB file needs no JSON or base64 round trip.
      let name: string;
      try {
        name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
      } catch {
        sendJson(res, 400, fail('invalid-request', 'The file name was not readable.'));
        return;
      }
      const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
      // The user agreed to open a file of an unknown kind as plain text.
      const asText = req.headers['x-open-as-text'] === '1';
      payload = asText ? { name, bytes, asText } : { name, bytes };
    } else {
      try {
        const parsed: unknown = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error('not an object');
        payload = (parsed as { payload?: unknown }).payload;
      } catch {
        sendJson(
          res,
          400,
          fail('invalid-request', 'The request body must be JSON: {"payload": …}.'),
        );
        return;
      }
    }
    sendJson(res, 200, await dispatch(services, method, payload));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
      return;
    }
    // The printed address carries the token once; the cookie then lets the page load its assets.
    const setCookie = sameSecret(url.searchParams.get('token') ?? undefined, token);
    if (!setCookie && !sameSecret(cookieValue(req.headers.cookie, COOKIE), token)) {
      sendText(
        res,
        401,
        'Gloss needs its token for this page.\nOpen the address Gloss printed when it started ' +
          `(http://${LOOPBACK}:${port}/?token=…).\n`,
      );
      return;
    }
    if (setCookie)
      res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);

    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      sendText(res, 400, 'Bad path.');
      return;
    }
    if (pathname.includes('\0')) {
      sendText(res, 400, 'Bad path.');
      return;
    }
    const wanted = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
    let file: string;
    try {
      file = await realpath(wanted);
      if (!inside(wanted) || !inside(file) || !(await stat(file)).isFile())
        throw new Error('outside');
    } catch {
      sendText(res, 404, 'Not found.');
      return;
    }
    const content = await readFile(file);
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': String(content.length),
      // index.html names the hashed assets of the current build: never serve a stale one.
      'Cache-Control': file === resolve(root, 'index.html') ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    // DNS rebinding: a page of evil.example resolved to 127.0.0.1 still sends its own Host/Origin.
    const host = (req.headers.host ?? '').toLowerCase();
    if (!allowedHosts().includes(host)) {
      sendText(res, 403, 'Forbidden: Gloss answers only at 127.0.0.1 or localhost.');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().includes(origin.toLowerCase())) {
      sendText(res, 403, 'Forbidden: requests from other sites are refused.');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/'))
      await handleApi(req, res, url.pathname.slice('/api/'.length));
    else await handleStatic(req, res, url);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      process.stderr.write(
        `Gloss web host: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      );
      if (!res.headersSent)
        sendJson(res, 500, fail('internal', 'Something went wrong in the Gloss host.'));
      else res.destroy();
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK, port: options.port ?? 0 }, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  const origin = `http://${LOOPBACK}:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    address: address.address,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((e) => (e ? reject(e) : resolveClose()));
        // Browsers keep connections open; close() alone would wait for them.
        server.closeAllConnections();
      }),
  };
}
