// Shared pieces of the fuzz tests (src/services/dispatch.fuzz.test.ts,
// src/web-host/server.fuzz.test.ts, src/main/ipc.fuzz.test.ts): a seeded random source, payload
// generators driven by the request schemas themselves (so a method added to the schema is
// fuzzed without touching these files), the oracle every answer is held to, and a snapshot of a
// folder tree to prove nothing outside the workspace changed.
//
// Reproduce a failure with the seed it prints: FUZZ_SEED=<seed> npx vitest run <file>.
// FUZZ_SCALE=<n> multiplies the number of calls (default 1, a few seconds per door).
import { lstat, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { SERVICE_METHODS, requestSchemas } from '../src/core/api-schema';
import type { ServiceMethod } from '../src/core/api-schema';

/** The seed of this run: fixed unless FUZZ_SEED says otherwise, so a failure reproduces. */
export const FUZZ_SEED = Number(process.env['FUZZ_SEED'] ?? 0x6c055) >>> 0 || 1;
/** Multiplies the number of calls each fuzz test makes. */
export const FUZZ_SCALE = Math.max(0.1, Number(process.env['FUZZ_SCALE'] ?? 1));

/** A small, fast, seeded random source (mulberry32). */
export class Rng {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** Prefixes a message with what reproduces it. */
export const repro = (seed: number, call: number, what: string): string =>
  `[FUZZ_SEED=${seed}, call ${call}] ${what}`;

/** A short description of a payload for failure messages (never megabytes of it). */
export function describePayload(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'bigint'
        ? `${v}n`
        : v instanceof Uint8Array
          ? `<${v.byteLength} bytes>`
          : typeof v === 'number' && !Number.isFinite(v)
            ? String(v)
            : v,
    );
  } catch {
    text = `<${typeof value} too deep to print>`;
  }
  if (text === undefined) text = String(value);
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

// --- Values -----------------------------------------------------------------------------------

/** Keys that would reach a prototype if copied carelessly. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Strings that have broken software before, and paths that lead out of a workspace. */
export function hostileStrings(outside: readonly string[] = []): string[] {
  return [
    '',
    ' ',
    '\t\n',
    '../../etc/passwd',
    '../../../../../../../../etc/shadow',
    '/etc/passwd',
    '..\\..\\..\\Windows\\win.ini',
    'C:\\Windows\\System32\\config\\SAM',
    '\\\\server\\share\\file',
    'file:///etc/passwd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '..%c0%af..%c0%afetc',
    'a/../../b',
    '.',
    '..',
    '...',
    'CON',
    'NUL.txt',
    'doc\u0000.txt',
    '\u0000',
    '\ud800',
    '\u202etxt.exe',
    '\ufeff',
    'javascript:alert(1)',
    '<script>globalThis.pwned=1</script>',
    '${process.exit(1)}',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'NaN',
    'null',
    'undefined',
    '-1',
    '1e309',
    '#ffffff',
    '#GGGGGG',
    '10',
    'id-1',
    'a'.repeat(129),
    'x'.repeat(70_000),
    '😀'.repeat(300),
    'é'.normalize('NFD').repeat(100),
    ...outside,
  ];
}

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  2,
  7,
  0.5,
  -0.5,
  NaN,
  Infinity,
  -Infinity,
  1e21,
  -1e21,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.EPSILON,
  1_000_000_001,
];

/** Any value, of any type, nested up to `depth`; the kinds of values IPC can carry. */
export function randomValue(r: Rng, strings: readonly string[], depth = 3): unknown {
  const kind = r.int(depth > 0 ? 14 : 10);
  switch (kind) {
    case 0:
      return undefined;
    case 1:
      return null;
    case 2:
      return r.chance(0.5);
    case 3:
    case 4:
      return r.pick(NUMBERS);
    case 5:
    case 6:
    case 7:
      return r.pick(strings);
    case 8:
      return r.pick([
        new Uint8Array(r.int(16)),
        new Uint8ClampedArray(3),
        new Int32Array(2),
        new ArrayBuffer(4),
        new Date(r.pick([0, NaN, 8.64e15])),
        BigInt(r.int(1000)) * 10n ** 30n,
        new Map([['documentId', 'id-1']]),
        new Set(['id-1']),
        /re/g,
        new Error('boom'),
      ]);
    case 9:
      return r.pick([[], {}, Object.create(null) as object, [undefined], { length: 1e9 }]);
    case 10:
    case 11: {
      const out: unknown[] = [];
      for (let i = r.int(5); i > 0; i--) out.push(randomValue(r, strings, depth - 1));
      return out;
    }
    default: {
      const out: Record<string, unknown> = {};
      for (let i = r.int(5); i > 0; i--) {
        const key = r.chance(0.2) ? r.pick(PROTO_KEYS) : r.pick(strings).slice(0, 40);
        // defineProperty: a "__proto__" key becomes an own key, as JSON.parse makes it.
        Object.defineProperty(out, key, {
          value: randomValue(r, strings, depth - 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
  }
}

/** The JSON body a browser would send for a payload ({"payload": …}); BigInts as numbers. */
export function jsonBody(payload: unknown): string {
  return JSON.stringify({ payload }, (_key, value: unknown) =>
    typeof value === 'bigint' ? Number(value) : value,
  );
}

/** An array nested `levels` deep ([[[…]]]), built without recursion. */
export function deepArray(levels: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

/** An object nested `levels` deep under `key` (an own "__proto__" key when asked), no recursion. */
export function deepObject(levels: number, key = 'a'): unknown {
  let value: unknown = {};
  for (let i = 0; i < levels; i++) {
    const outer = {};
    Object.defineProperty(outer, key, { value, enumerable: true, writable: true });
    value = outer;
  }
  return value;
}

/** The JSON text of a deep nesting (JSON.stringify itself overflows the stack on it). */
export function deepJson(levels: number, kind: 'array' | 'object', key = '__proto__'): string {
  return kind === 'array'
    ? '['.repeat(levels) + ']'.repeat(levels)
    : `{"${key}":`.repeat(levels) + '{}' + '}'.repeat(levels);
}

// --- Values from the request schemas ----------------------------------------------------------

/** What a value generator may draw on: ids that exist, and hostile strings. */
export interface Pools {
  /** Texts a plausible import brings (one of them is a document whose files were replaced). */
  texts: string[];
  documentIds: string[];
  annotationIds: string[];
  tagIds: string[];
  strings: string[];
}

type AnySchema = z.ZodType;
interface Def {
  type: string;
  innerType?: AnySchema;
  element?: AnySchema;
  valueType?: AnySchema;
  keyType?: AnySchema;
  options?: AnySchema[];
  values?: unknown[];
  in?: AnySchema;
  shape?: Record<string, AnySchema>;
}
const defOf = (schema: AnySchema): Def => (schema as unknown as { def: Def }).def;
const shapeOf = (schema: AnySchema): Record<string, AnySchema> | undefined =>
  (schema as unknown as { shape?: Record<string, AnySchema> }).shape;

/** Strings that pass many of the schemas' string checks: ids, colours, hotkeys, formats. */
function plausibleStrings(pools: Pools): string[] {
  return [
    ...pools.documentIds,
    ...pools.annotationIds,
    ...pools.tagIds,
    'claim',
    'quote',
    'figure',
    'place',
    'doc-1',
    'a',
    'Harbour',
    'Report on the sea wall',
    'notes.txt',
    'export.json',
    '#e8590c',
    '#1C7ED6',
    '3',
    '9',
    'json',
    'w3c',
    'csv',
    'md',
    'html',
    '{"format":"gloss","version":1,"documents":[],"annotations":[]}',
  ];
}

/**
 * A value for a zod schema that is often valid: drawn from plausible values and checked
 * against the schema, falling back to anything when nothing fits.
 */
export function plausible(schema: AnySchema, r: Rng, pools: Pools, depth = 0): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
      return r.chance(0.4) ? undefined : plausible(def.innerType!, r, pools, depth);
    case 'nullable':
      return r.chance(0.2) ? null : plausible(def.innerType!, r, pools, depth);
    case 'default':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return plausible(def.innerType!, r, pools, depth);
    case 'pipe':
      return plausible(def.in!, r, pools, depth);
    case 'undefined':
    case 'void':
      return undefined;
    case 'null':
      return null;
    case 'literal':
      return r.pick(def.values!);
    case 'enum':
      return r.pick(Object.values((schema as unknown as { enum: object }).enum) as unknown[]);
    case 'boolean':
      return r.chance(0.5);
    case 'number':
    case 'int': {
      const fits = [0, 1, 2, 3, 5, 8, 12, 40].filter((n) => schema.safeParse(n).success);
      return fits.length ? r.pick(fits) : r.int(10);
    }
    case 'string': {
      const fits = plausibleStrings(pools).filter((s) => schema.safeParse(s).success);
      return fits.length ? r.pick(fits) : r.pick(pools.strings);
    }
    case 'custom': {
      // The only custom schema is file bytes: a known text, a new one, or not text at all.
      const text = r.chance(0.3)
        ? r.pick(pools.texts)
        : `Harbour council approves sea wall number ${r.int(1e6)}.\n`;
      return r.chance(0.85)
        ? new TextEncoder().encode(text)
        : Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]);
    }
    case 'array': {
      const out: unknown[] = [];
      for (let i = 1 + r.int(3); i > 0; i--) out.push(plausible(def.element!, r, pools, depth + 1));
      return out;
    }
    case 'record': {
      const out: Record<string, unknown> = {};
      for (let i = r.int(3); i > 0; i--)
        out[r.pick(['value', 'unit', 'place', 'who'])] = plausible(
          def.valueType!,
          r,
          pools,
          depth + 1,
        );
      return out;
    }
    case 'union':
      return plausible(r.pick(def.options!), r, pools, depth);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(shapeOf(schema) ?? {})) {
        const value = plausible(field, r, pools, depth + 1);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    default:
      return randomValue(r, pools.strings, 1);
  }
}

/** The field names of a method's payload (none when it takes no payload). */
export function fieldsOf(method: ServiceMethod): string[] {
  return Object.keys(shapeOf(requestSchemas[method] as AnySchema) ?? {});
}

/** How a payload was made, for the failure message and the statistics. */
export type PayloadKind =
  | 'plausible'
  | 'missing-field'
  | 'extra-field'
  | 'wrong-type'
  | 'hostile-string'
  | 'proto-key'
  | 'odd-number'
  | 'array-for-object'
  | 'random'
  | 'huge-string'
  | 'deep-nesting';

/** One payload for a method: plausible, or plausible with one thing wrong, or anything at all. */
export function payloadFor(
  method: ServiceMethod,
  r: Rng,
  pools: Pools,
  kinds?: readonly PayloadKind[],
): { kind: PayloadKind; payload: unknown } {
  const schema = requestSchemas[method] as AnySchema;
  const base = plausible(schema, r, pools);
  const fields = fieldsOf(method);
  const kind: PayloadKind =
    kinds !== undefined
      ? r.pick(kinds)
      : r.pick([
          'plausible',
          'plausible',
          'missing-field',
          'extra-field',
          'wrong-type',
          'wrong-type',
          'hostile-string',
          'hostile-string',
          'proto-key',
          'odd-number',
          'array-for-object',
          'random',
          'random',
        ]);
  const object = (): Record<string, unknown> =>
    base !== null && typeof base === 'object' && !Array.isArray(base)
      ? { ...(base as Record<string, unknown>) }
      : {};
  const field = (): string => (fields.length ? r.pick(fields) : r.pick(['payload', 'documentId']));
  switch (kind) {
    case 'plausible':
      return { kind, payload: base };
    case 'missing-field': {
      const out = object();
      delete out[field()];
      return { kind, payload: fields.length ? out : r.pick([{}, null]) };
    }
    case 'extra-field': {
      const out = object();
      // An own key, whatever its name ("__proto__" too), as JSON.parse or IPC would make it.
      Object.defineProperty(
        out,
        r.pick(['extra', 'path', 'sourcePath', 'file', 'x'.repeat(500), ...pools.strings]),
        { value: randomValue(r, pools.strings, 1), enumerable: true, writable: true },
      );
      return { kind, payload: out };
    }
    case 'wrong-type': {
      const out = object();
      out[field()] = randomValue(r, pools.strings, 2);
      return { kind, payload: out };
    }
    case 'hostile-string': {
      const out = object();
      out[field()] = r.pick(pools.strings);
      return { kind, payload: out };
    }
    case 'proto-key': {
      // A prototype key, as JSON.parse would make it, in any object of an otherwise plausible
      // payload (the payload itself, a field's object, an array's element), or in a new object.
      const out = object();
      if (fields.length && r.chance(0.2)) out[field()] = r.chance(0.5) ? {} : { nested: {} };
      const holders: Record<string, unknown>[] = [];
      const stack: unknown[] = [out];
      while (stack.length) {
        const v = stack.pop();
        if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) continue;
        if (!Array.isArray(v)) holders.push(v as Record<string, unknown>);
        stack.push(...Object.values(v));
      }
      // Inner values of every kind: an object to merge into a prototype, or a plain value
      // that a free-form record (details) would take.
      const inner = r.pick<unknown>([{ polluted: 'yes', isAdmin: true }, 'yes', 1, true, null]);
      Object.defineProperty(r.pick(holders), r.pick(PROTO_KEYS), {
        value: inner,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return { kind, payload: out };
    }
    case 'odd-number': {
      const out = object();
      out[field()] = r.pick([NaN, Infinity, -Infinity, -0, 1e308, -1, 0.1, 2 ** 53 + 1]);
      return { kind, payload: out };
    }
    case 'array-for-object':
      return { kind, payload: r.chance(0.5) ? [base] : Object.values(object()) };
    case 'random':
      return { kind, payload: randomValue(r, pools.strings, 3) };
    case 'huge-string': {
      // 1–10 MB in one field, or as the whole payload.
      const size = (1 + r.int(10)) * 1024 * 1024;
      const huge = r.pick(['a', '\u00e9', '/', '\u0000']).repeat(size);
      const out = object();
      if (fields.length) out[field()] = huge;
      return { kind, payload: fields.length ? out : huge };
    }
    case 'deep-nesting': {
      const deep = r.chance(0.5)
        ? deepArray(10_000)
        : deepObject(10_000, r.pick(['a', ...PROTO_KEYS]));
      const out = object();
      if (fields.length && r.chance(0.7)) out[field()] = deep;
      return { kind, payload: fields.length && r.chance(0.7) ? out : deep };
    }
  }
}

/** Every method of the schema, for a round robin: each gets its share of the calls. */
export const METHODS: readonly ServiceMethod[] = SERVICE_METHODS;

// --- The oracle -------------------------------------------------------------------------------

const ERROR_CODES = new Set([
  'invalid-request',
  'not-found',
  'read-only',
  'bad-file',
  'unsupported-format',
  'io',
  'unauthorized',
  'internal',
]);

/** True when a prototype key is anywhere in a value (walked without recursion, bytes skipped). */
export function hasProtoKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  let seen = 0;
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) continue;
    if (++seen > 1_000_000) return true;
    for (const key of Object.keys(v)) {
      if ((PROTO_KEYS as readonly string[]).includes(key)) return true;
      stack.push((v as Record<string, unknown>)[key]);
    }
  }
  return false;
}

/**
 * Whether the services should accept a payload: its schema says yes and it holds no prototype
 * key. Deep nestings are checked by the schema first, which stops at the first wrong level.
 */
export function shouldAccept(method: ServiceMethod, payload: unknown): boolean {
  return (requestSchemas[method] as AnySchema).safeParse(payload).success && !hasProtoKey(payload);
}

/**
 * The rule every answer is held to: a Result; an invalid payload gets invalid-request and
 * nothing else; a valid one gets a value or an error the analyst can read — never 'internal'
 * (an exception that escaped a service) and never a message of megabytes or control characters.
 */
export function checkAnswer(answer: unknown, accept: boolean): string | null {
  if (answer === null || typeof answer !== 'object')
    return `not a Result: ${describePayload(answer)}`;
  const result = answer as { ok?: unknown; value?: unknown; error?: unknown };
  if (result.ok === true) {
    if (!('value' in result)) return 'ok without a value';
    return accept ? null : `an invalid payload was accepted: ${describePayload(result.value)}`;
  }
  if (result.ok !== false) return `not a Result: ${describePayload(answer)}`;
  const error = result.error as { code?: unknown; message?: unknown } | undefined;
  if (!error || typeof error.code !== 'string' || !ERROR_CODES.has(error.code))
    return `an error without a known code: ${describePayload(error)}`;
  if (typeof error.message !== 'string' || error.message.length === 0)
    return 'an error without a message';
  if (error.message.length > 5000) return `an error message of ${error.message.length} characters`;
  if (!accept && error.code !== 'invalid-request')
    return `an invalid payload got ${error.code}, not invalid-request: ${error.message}`;
  if (accept && error.code === 'internal')
    return `a valid payload broke a service: ${error.message}`;
  return null;
}

// --- Prototypes -------------------------------------------------------------------------------

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];

/** The own keys of the built-in prototypes, to compare after the run. */
export function prototypeKeys(): string[][] {
  return PROTOTYPES.map((p) => Reflect.ownKeys(p).map(String).sort());
}

/** Fails when a built-in prototype gained (or lost) a key, or a plain object inherits one. */
export function checkPrototypes(before: string[][]): string | null {
  const after = prototypeKeys();
  for (let i = 0; i < PROTOTYPES.length; i++) {
    if (after[i]!.join() !== before[i]!.join())
      return `a built-in prototype changed: ${after[i]!.filter((k) => !before[i]!.includes(k)).join(', ')}`;
  }
  const plain = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin', 'nested'])
    if (plain[key] !== undefined) return `Object.prototype.${key} is set`;
  return null;
}

// --- The folder tree around the workspace -----------------------------------------------------

/** What a file-system entry looks like from outside: kind, size and modification time. */
export type TreeSnapshot = Map<string, string>;

/** Every entry under `root` (symlinks not followed), with kind, size and mtime. */
export async function snapshotTree(root: string): Promise<TreeSnapshot> {
  const out: TreeSnapshot = new Map();
  const walk = async (dir: string): Promise<void> => {
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      const info = await lstat(path);
      const kind = info.isSymbolicLink() ? 'link' : info.isDirectory() ? 'dir' : 'file';
      out.set(relative(root, path), `${kind} ${info.size} ${info.mtimeMs} ${info.mode}`);
      if (kind === 'dir') await walk(path);
    }
  };
  await walk(root);
  return out;
}

/** Entries outside `inside` (a folder relative to the root) that appeared, changed or vanished. */
export function changesOutside(
  before: TreeSnapshot,
  after: TreeSnapshot,
  inside: string,
): string[] {
  const within = (path: string) => path === inside || path.startsWith(inside + sep);
  const changes: string[] = [];
  for (const [path, info] of after) {
    if (within(path)) continue;
    const was = before.get(path);
    if (was === undefined) changes.push(`appeared: ${path}`);
    else if (was !== info) changes.push(`changed: ${path} (${was} -> ${info})`);
  }
  for (const path of before.keys())
    if (!within(path) && !after.has(path)) changes.push(`vanished: ${path}`);
  return changes;
}

/** A temp root holding `workspace/` and a `sentinel/` folder of files that must never change. */
export async function sentinelRoot(root: string): Promise<{
  workspace: string;
  sentinel: string;
  sentinelFiles: string[];
}> {
  const workspace = join(root, 'workspace');
  const sentinel = join(root, 'sentinel');
  await mkdir(join(sentinel, 'nested'), { recursive: true });
  const sentinelFiles = [
    join(sentinel, 'secret.txt'),
    join(sentinel, 'gloss.json'),
    join(sentinel, 'nested', 'passwd'),
  ];
  for (const file of sentinelFiles) await writeFile(file, `sentinel ${file}\n`);
  await mkdir(workspace, { recursive: true });
  return { workspace, sentinel, sentinelFiles };
}

/**
 * Replaces a document's text and layout in the workspace with symlinks to sentinel files, and
 * adds a stray link, as a hostile copy of a workspace might: reading through them must give an
 * error, and writing must replace the link, never the file it points at.
 */
export async function plantLinks(
  workspace: string,
  sentinelFiles: readonly string[],
  textHash: string,
): Promise<void> {
  const documents = join(workspace, 'documents');
  const [first, second, third] = sentinelFiles;
  const plant = async (target: string, name: string) => {
    await rm(join(documents, name), { force: true });
    await symlink(target, join(documents, name));
  };
  await plant(first!, `${textHash}.txt`);
  await plant(second!, `${textHash}.layout.json`);
  await plant(third!, 'stray-link.txt');
}

/** Hostile strings plus the sentinel's paths, absolute and relative to the workspace. */
export function outsidePaths(workspace: string, sentinelFiles: readonly string[]): string[] {
  return sentinelFiles.flatMap((file) => [file, relative(workspace, file)]);
}
