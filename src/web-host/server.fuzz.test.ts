import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FUZZ_SCALE,
  FUZZ_SEED,
  METHODS,
  Rng,
  changesOutside,
  checkAnswer,
  checkPrototypes,
  deepJson,
  describePayload,
  hostileStrings,
  jsonBody,
  outsidePaths,
  payloadFor,
  plantLinks,
  prototypeKeys,
  repro,
  sentinelRoot,
  shouldAccept,
  snapshotTree,
} from '../../test/fuzz';
import type { Pools, TreeSnapshot } from '../../test/fuzz';
import { isServiceMethod } from '../core/api-schema';
import type { ServiceMethod } from '../core/api-schema';
import type { GlossServices } from '../shared/api';
import type { AppServices } from '../services';
import { openTestServices, removeFolder, tempFolder, unwrap, utf8 } from '../services/test-support';
import { createWebHost } from './server';
import type { WebHost } from './server';

// Fuzzing the web host over real HTTP: the real server on 127.0.0.1 (port 0) with its token,
// real services on a workspace inside a temp root that also holds sentinel files. Every
// request gets a well-formed answer, the right status, no CORS header, and changes nothing
// outside the workspace.

const TOKEN = 'fuzz-token-0123456789abcdefghijklmnopqrstuvwxyz';
const MAX_BODY = 12 * 1024 * 1024;
const CALLS = Math.round(2000 * FUZZ_SCALE);
const HIJACKED = 'A document whose files were swapped for links to files outside.\n';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw request: any method, headers and body, even ones fetch would refuse to send. */
function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer | { error: string }> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'POST',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
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
        res.on('error', (e) => resolve({ error: e.message }));
      },
    );
    // A host that closes the connection on an oversized body may do so while it is sent.
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end(options.body);
  });
}

/** encodeURIComponent, or a malformed escape for a lone surrogate (which it cannot encode). */
const encode = (text: string): string => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};

type Category =
  | 'json'
  | 'raw-body'
  | 'content-type'
  | 'http-method'
  | 'token'
  | 'method-name'
  | 'foreign-site'
  | 'oversize'
  | 'huge-header';

const RAW_BODIES = [
  '',
  '{',
  'null',
  '[]',
  '[{"payload":1}]',
  '"payload"',
  '123',
  'true',
  'NaN',
  '{"payload":NaN}',
  '{"payload":Infinity}',
  '{"payload":-0}',
  '{"payload":1e999}',
  '{"payload":undefined}',
  "{'payload':1}",
  '\ufeff{"payload":null}',
  '{"payload":{"documentId":"a"}}trailing',
  '{"payload":1,"payload":{"documentId":"id-1"}}',
  '{"__proto__":{"payload":{"documentId":"id-1"}}}',
  '{"constructor":{"prototype":{"polluted":1}},"payload":{"__proto__":{"polluted":1}}}',
  '\u0000\u0001\u0002',
  '\xff\xfe\x00{',
  '<xml/>',
  'payload=1&documentId=..%2F..%2Fetc',
  ' '.repeat(100_000),
  '{"payload":"' + '\\u0000'.repeat(1000) + '"}',
  '{"payload":"\\ud800"}',
];

const CONTENT_TYPES = [
  'text/plain',
  'text/html',
  'multipart/form-data; boundary=xyz',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'application/octet-stream',
  'image/png',
  '',
];

/** What the host must answer to a body of /api/<method>: its status and the payload it carries. */
function expectedForBody(
  method: ServiceMethod,
  body: string,
): { status: 400 } | { payload: unknown } {
  if (body.length === 0) return { payload: undefined };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { status: 400 };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { status: 400 };
  void method;
  return { payload: (parsed as { payload?: unknown }).payload };
}

describe(`the web host under fuzzing (FUZZ_SEED=${FUZZ_SEED})`, () => {
  let root: string;
  let workspace: string;
  let sentinelFiles: string[];
  let services: AppServices;
  let host: WebHost;
  let pools: Pools;
  let before: TreeSnapshot;
  let sentinelBytes: string[];
  const serviceCalls = { count: 0 };
  const prototypesBefore = prototypeKeys();

  beforeAll(async () => {
    root = await tempFolder('gloss-fuzz-web-');
    ({ workspace, sentinelFiles } = await sentinelRoot(root));
    const rendererDir = join(root, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Gloss</title>');
    services = await openTestServices(workspace);
    const hijacked = unwrap(
      await services.importFile({ name: 'hijacked.txt', bytes: utf8(HIJACKED) }),
    );
    const kept = unwrap(
      await services.importFile({ name: 'kept.txt', bytes: utf8('The convoy left at dawn.\n') }),
    );
    await services.close();
    // Opened afresh (nothing cached), then the document's text and layout are swapped for
    // links that lead outside, as if someone did it while Gloss runs.
    services = await openTestServices(workspace, { newId: () => crypto.randomUUID() });
    await plantLinks(workspace, sentinelFiles, hijacked.document.textHash);
    // Counts every call that reaches a service, to prove refused requests reach none.
    const counted = new Proxy(services, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          serviceCalls.count++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    }) as GlossServices;
    host = await createWebHost({
      services: counted,
      rendererDir,
      token: TOKEN,
      port: 0,
      maxBodyBytes: MAX_BODY,
    });
    pools = {
      texts: [HIJACKED],
      documentIds: [hijacked.document.id, kept.document.id],
      annotationIds: [],
      tagIds: ['claim', 'quote', 'place'],
      strings: hostileStrings(outsidePaths(workspace, sentinelFiles)),
    };
    sentinelBytes = await Promise.all(sentinelFiles.map((f) => readFile(f, 'latin1')));
    before = await snapshotTree(root);
  });

  afterAll(async () => {
    await host?.close();
    await services?.close();
    await removeFolder(root);
  });

  it(
    `answers ${CALLS} hostile requests over every method as it should`,
    { timeout: 120_000 * FUZZ_SCALE },
    async () => {
      const r = new Rng(FUZZ_SEED);
      const failures: string[] = [];
      const seen = new Map<Category, number>();
      const fail = (call: number, what: string) => {
        if (failures.length < 10) failures.push(repro(FUZZ_SEED, call, what));
      };
      const auth = { 'X-Gloss-Token': TOKEN };
      // A few bodies of 1-10 MB, over the limit, and nested 10,000 deep; a few huge headers.
      const special = new Map<
        number,
        'huge-string' | 'deep-nesting' | 'oversize' | 'huge-header'
      >();
      for (let i = 0; i < 4; i++) special.set(r.int(CALLS), 'huge-string');
      for (let i = 0; i < 20; i++) special.set(r.int(CALLS), 'deep-nesting');
      for (let i = 0; i < 4; i++) special.set(r.int(CALLS), 'oversize');
      for (let i = 0; i < 4; i++) special.set(r.int(CALLS), 'huge-header');

      for (let call = 0; call < CALLS; call++) {
        const method = METHODS[call % METHODS.length]!;
        const forced = special.get(call);
        const category: Category =
          forced === 'oversize' || forced === 'huge-header'
            ? forced
            : forced
              ? 'json'
              : r.pick<Category>([
                  'json',
                  'json',
                  'json',
                  'json',
                  'json',
                  'json',
                  'raw-body',
                  'raw-body',
                  'content-type',
                  'http-method',
                  'token',
                  'method-name',
                  'foreign-site',
                ]);
        seen.set(category, (seen.get(category) ?? 0) + 1);
        const path = `/api/${method}`;
        const callsBefore = serviceCalls.count;
        let what = `${category} ${method}`;
        let answer: Answer | { error: string };
        // The status the host must give, and when 200, whether the payload is to be accepted.
        let expected: { status: number; accept?: boolean; noCall?: boolean };

        if (method === 'importFile' && (category === 'json' || category === 'content-type')) {
          // importFile takes raw bytes and its name in X-File-Name.
          const name = r.pick([
            'notes.txt',
            'report.md',
            'page.html',
            '',
            '%E0%A4%A',
            '%00',
            encode(r.pick(pools.strings).slice(0, 2000)),
            '..%2F..%2Fsentinel%2Fsecret.txt',
          ]);
          const bytes = r.chance(0.7)
            ? utf8(r.chance(0.2) ? HIJACKED : `Field report ${r.int(1e6)}.\n`)
            : Uint8Array.from({ length: r.int(64) }, () => r.int(256));
          const asText = r.chance(0.2);
          what += ` name=${describePayload(name)} ${bytes.length} bytes`;
          answer = await send(host.port, path, {
            headers: {
              ...auth,
              'Content-Type': r.pick(CONTENT_TYPES) || 'application/octet-stream',
              ...(name ? { 'X-File-Name': name } : {}),
              ...(asText ? { 'X-Open-As-Text': '1' } : {}),
            },
            body: Buffer.from(bytes),
          });
          let decoded: string | null;
          try {
            decoded = decodeURIComponent(name);
          } catch {
            decoded = null;
          }
          expected =
            decoded === null
              ? { status: 400, accept: false }
              : {
                  status: 200,
                  accept: shouldAccept(
                    'importFile',
                    asText ? { name: decoded, bytes, asText } : { name: decoded, bytes },
                  ),
                };
        } else if (category === 'json' || category === 'content-type') {
          let body: string;
          if (forced === 'deep-nesting') {
            // JSON.stringify cannot write it; JSON.parse in the host must read it without harm.
            body = `{"payload":${deepJson(10_000, r.chance(0.5) ? 'array' : 'object', r.pick(['a', '__proto__']))}}`;
          } else {
            const { kind, payload } = payloadFor(
              method,
              r,
              pools,
              forced === 'huge-string' ? [forced] : undefined,
            );
            body = jsonBody(payload);
            what += `(${kind})`;
          }
          what += ` ${body.length > 300 ? `${body.slice(0, 300)}… (${body.length} chars)` : body}`;
          const sent = expectedForBody(method, body);
          expected =
            Buffer.byteLength(body) > MAX_BODY
              ? { status: 413, noCall: true }
              : 'status' in sent
                ? { status: 400, accept: false }
                : { status: 200, accept: shouldAccept(method, sent.payload) };
          answer = await send(host.port, path, {
            headers: {
              ...auth,
              ...(category === 'json'
                ? { 'Content-Type': 'application/json' }
                : r.chance(0.8)
                  ? { 'Content-Type': r.pick(CONTENT_TYPES) }
                  : {}),
              ...(r.chance(0.3) ? { Origin: host.origin } : {}),
            },
            body,
          });
        } else if (category === 'raw-body') {
          const body = r.pick(RAW_BODIES);
          what += ` ${describePayload(body.slice(0, 200))}`;
          const sent = expectedForBody(method, body);
          expected =
            method === 'importFile'
              ? // The body is the file; without X-File-Name it has no name.
                { status: 200, accept: false }
              : 'status' in sent
                ? { status: 400, accept: false, noCall: true }
                : { status: 200, accept: shouldAccept(method, sent.payload) };
          answer = await send(host.port, path, { headers: auth, body });
        } else if (category === 'http-method') {
          const verb = r.pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
          what += ` ${verb}`;
          expected = { status: 405, noCall: true };
          answer = await send(host.port, path, {
            method: verb,
            headers: {
              ...auth,
              Origin: host.origin,
              'Access-Control-Request-Method': 'POST',
              'Access-Control-Request-Headers': 'x-gloss-token',
            },
          });
        } else if (category === 'token') {
          const headers = r.pick<Record<string, string>>([
            {},
            { 'X-Gloss-Token': '' },
            { 'X-Gloss-Token': 'wrong' },
            { 'X-Gloss-Token': TOKEN.slice(0, -1) },
            // (HTTP trims white space around header values, so a trailing space is the same token.)
            { 'X-Gloss-Token': `${TOKEN}x` },
            { 'X-Gloss-Token': TOKEN.toUpperCase() },
            { Cookie: `gloss-token=${TOKEN}` },
            { Authorization: `Bearer ${TOKEN}` },
          ]);
          what += ` ${JSON.stringify(headers)}`;
          expected = { status: 401, noCall: true };
          answer = await send(host.port, r.chance(0.5) ? path : `${path}?token=${TOKEN}`, {
            headers: { 'Content-Type': 'application/json', ...headers },
            body: jsonBody(payloadFor(method, r, pools).payload),
          });
        } else if (category === 'method-name') {
          const name = r.pick([
            '__proto__',
            'constructor',
            'toString',
            'hasOwnProperty',
            'importPath',
            'close',
            'flush',
            `${method}/x`,
            `${method}%00`,
            `%2e%2e/${method}`,
            `../api/${method}`,
            `..%2F..%2Fsentinel%2Fsecret.txt`,
            method.toUpperCase(),
            `${method}?x=1`,
            encode(r.pick(pools.strings).slice(0, 200)),
          ]);
          const target = `/api/${name}`;
          const resolved = new URL(target, 'http://127.0.0.1').pathname;
          const real = resolved.startsWith('/api/') && isServiceMethod(resolved.slice(5));
          what += ` ${target}`;
          if (real) {
            // The URL parser folded it back into a real method: an ordinary call.
            const payload = payloadFor(resolved.slice(5) as ServiceMethod, r, pools, ['plausible']);
            expected = {
              status: 200,
              accept: shouldAccept(resolved.slice(5) as ServiceMethod, payload.payload),
            };
            answer = await send(host.port, target, {
              headers: auth,
              body: jsonBody(payload.payload),
            });
          } else {
            // Not a method: 404 under /api/, else a page request without its cookie.
            expected = { status: resolved.startsWith('/api/') ? 404 : 405, noCall: true };
            answer = await send(host.port, target, { headers: auth, body: '{}' });
          }
        } else if (category === 'foreign-site') {
          const headers = r.pick<Record<string, string>>([
            { Origin: 'http://evil.example' },
            { Origin: 'null' },
            { Origin: `http://localhost.evil.example:${host.port}` },
            { Origin: `https://127.0.0.1:${host.port}` },
            { Host: 'evil.example' },
            { Host: `evil.example:${host.port}` },
            { Host: `127.0.0.1:${host.port + 1}` },
            { Host: `0.0.0.0:${host.port}` },
          ]);
          what += ` ${JSON.stringify(headers)}`;
          expected = { status: 403, noCall: true };
          answer = await send(host.port, path, {
            headers: { ...auth, 'Content-Type': 'application/json', ...headers },
            body: '{}',
          });
        } else if (category === 'oversize') {
          const declared = r.chance(0.5);
          what += declared ? ' declared' : ' streamed';
          expected = { status: 413, noCall: true };
          answer = await send(host.port, path, {
            headers: {
              ...auth,
              ...(declared ? { 'Content-Length': String(MAX_BODY + 1) } : {}),
              'X-File-Name': 'big.txt',
            },
            body: declared ? '{}' : Buffer.alloc(MAX_BODY + 1024, 0x61),
          });
        } else {
          what += ' 20 KB header';
          expected = { status: 431, noCall: true };
          answer = await send(host.port, path, {
            headers: { ...auth, 'X-File-Name': 'a'.repeat(20_000) },
            body: '{}',
          });
        }

        if ('error' in answer) {
          // Only an oversized body may be cut off by the host closing the connection.
          if (expected.status !== 413) fail(call, `${what}: no answer (${answer.error})`);
          continue;
        }
        if (answer.status !== expected.status)
          fail(
            call,
            `${what}: status ${answer.status}, expected ${expected.status}: ${answer.body.slice(0, 300)}`,
          );
        const cors = Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'));
        if (cors.length) fail(call, `${what}: CORS headers ${cors.join(', ')}`);
        if (expected.noCall && serviceCalls.count !== callsBefore)
          fail(call, `${what}: a refused request reached a service`);
        if (answer.status === 200 || answer.status === 400 || answer.status === 413) {
          let result: unknown;
          try {
            result = JSON.parse(answer.body);
          } catch {
            fail(call, `${what}: the answer is not JSON: ${answer.body.slice(0, 200)}`);
            continue;
          }
          const problem = checkAnswer(result, answer.status === 200 && expected.accept === true);
          if (problem) fail(call, `${what}: ${problem}`);
        }
        if (call % 400 === 399) {
          const alive = await send(host.port, '/api/getWorkspace', { headers: auth, body: '{}' });
          if (!('status' in alive) || alive.status !== 200 || !alive.body.startsWith('{"ok":true'))
            fail(call, 'getWorkspace stopped answering');
        }
      }

      expect(failures, failures.join('\n')).toEqual([]);
      expect([...seen.keys()]).toEqual(
        expect.arrayContaining(['json', 'raw-body', 'token', 'method-name', 'foreign-site']),
      );
    },
  );

  it('still answers getWorkspace, and no prototype was touched', async () => {
    const alive = await send(host.port, '/api/getWorkspace', {
      headers: { 'X-Gloss-Token': TOKEN },
    });
    expect(alive).toMatchObject({ status: 200 });
    expect(JSON.parse((alive as Answer).body)).toMatchObject({ ok: true });
    expect(checkPrototypes(prototypesBefore), `FUZZ_SEED=${FUZZ_SEED}`).toBeNull();
  });

  it('changed nothing outside the workspace folder', async () => {
    await services.flush();
    const after = await snapshotTree(root);
    expect(changesOutside(before, after, 'workspace'), `FUZZ_SEED=${FUZZ_SEED}`).toEqual([]);
    expect(await Promise.all(sentinelFiles.map((f) => readFile(f, 'latin1')))).toEqual(
      sentinelBytes,
    );
  });
});
