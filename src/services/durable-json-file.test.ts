import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CorruptFileError, DurableJsonFile, NewerFormatError } from './durable-json-file';
import { writeFileDurably } from './durable-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-durable-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const Schema = z.strictObject({ schemaVersion: z.literal(1), items: z.array(z.string()) });
type Data = z.infer<typeof Schema>;

describe('DurableJsonFile', () => {
  it('reads null when the file does not exist', async () => {
    expect(await new DurableJsonFile(join(dir, 'missing.json')).read()).toBeNull();
  });

  it('round-trips data as compact JSON', async () => {
    const path = join(dir, 'data.json');
    const file = new DurableJsonFile<Data>(path, { schema: Schema });
    const data: Data = { schemaVersion: 1, items: ['a', 'ü', '😀', 'line\nbreak'] };
    await file.write(data);
    expect(await file.read()).toEqual(data);
    expect(await readFile(path, 'utf8')).toBe(JSON.stringify(data));
  });

  it('works as a lowdb adapter', async () => {
    const path = join(dir, 'db.json');
    const db = new Low(new DurableJsonFile<Data>(path, { schema: Schema }), {
      schemaVersion: 1,
      items: [],
    });
    await db.read();
    await db.update((d) => d.items.push('one'));
    const again = new Low(new DurableJsonFile<Data>(path, { schema: Schema }), {
      schemaVersion: 1,
      items: [],
    });
    await again.read();
    expect(again.data.items).toEqual(['one']);
  });

  it('leaves no temp file behind', async () => {
    const file = new DurableJsonFile<Data>(join(dir, 'data.json'));
    for (let i = 0; i < 5; i++) await file.write({ schemaVersion: 1, items: [String(i)] });
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('snapshots the data when write is called', async () => {
    const path = join(dir, 'data.json');
    const file = new DurableJsonFile<Data>(path);
    const data: Data = { schemaVersion: 1, items: ['before'] };
    const writing = file.write(data);
    data.items.push('after');
    await writing;
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({
      schemaVersion: 1,
      items: ['before'],
    });
  });

  it('throws CorruptFileError for invalid JSON, truncated JSON, an empty file and bad UTF-8', async () => {
    const path = join(dir, 'bad.json');
    const file = new DurableJsonFile<Data>(path, { schema: Schema });
    const cases: [string | Uint8Array, string][] = [
      ['{not json', 'not valid JSON'],
      ['{"schemaVersion":1,"items":["a"', 'not valid JSON'],
      ['', 'the file is empty'],
      [new Uint8Array([0x7b, 0xff, 0x7d]), 'not valid UTF-8 text'],
    ];
    for (const [content, reason] of cases) {
      await writeFile(path, content);
      const error = await file.read().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CorruptFileError);
      expect(error).toMatchObject({ path, reason });
    }
  });

  it('throws CorruptFileError naming the first problem when the schema fails', async () => {
    const path = join(dir, 'bad.json');
    await writeFile(path, JSON.stringify({ schemaVersion: 1, items: [1] }));
    const error = await new DurableJsonFile<Data>(path, { schema: Schema })
      .read()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptFileError);
    expect((error as CorruptFileError).reason).toMatch(
      /^it does not have the expected content: items\[0\]: /,
    );
    expect((error as CorruptFileError).message).toMatch(/^bad\.json could not be read \(/);
  });

  it('tells a newer format apart from a damaged file', async () => {
    const path = join(dir, 'new.json');
    await writeFile(path, JSON.stringify({ schemaVersion: 2, whatever: true }));
    const error = await new DurableJsonFile<Data>(path, { schema: Schema, schemaVersion: 1 })
      .read()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewerFormatError);
    expect(error).toMatchObject({ found: 2 });
  });

  it('accepts a file an editor saved with a BOM', async () => {
    const path = join(dir, 'bom.json');
    await writeFile(path, '\uFEFF{"schemaVersion":1,"items":[]}');
    expect(await new DurableJsonFile<Data>(path, { schema: Schema }).read()).toEqual({
      schemaVersion: 1,
      items: [],
    });
  });

  it('rethrows read errors other than a missing file', async () => {
    // Reading a folder fails with EISDIR: not "missing", not "corrupt".
    const error = await new DurableJsonFile(dir).read().catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(CorruptFileError);
    expect(error).toMatchObject({ code: 'EISDIR' });
  });

  it('keeps the file valid under concurrent writes from two adapters', async () => {
    const path = join(dir, 'shared.json');
    const a = new DurableJsonFile<Data>(path, { schema: Schema });
    const b = new DurableJsonFile<Data>(path, { schema: Schema });
    const big = (tag: string, i: number): Data => ({
      schemaVersion: 1,
      items: Array.from({ length: 2000 }, () => `${tag}${i}`),
    });
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) writes.push(a.write(big('a', i)), b.write(big('b', i)));
    await Promise.all(writes);
    const final = await a.read();
    expect(final?.items).toHaveLength(2000);
    expect(new Set(final?.items).size).toBe(1);
    expect(await readdir(dir)).toEqual(['shared.json']);
  });

  it('removes its temp file when the write fails, and keeps the old file', async () => {
    const path = join(dir, 'data.json');
    await writeFile(path, '{"schemaVersion":1,"items":["old"]}');
    const file = new DurableJsonFile<unknown>(path);
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    await expect(file.write(cyclic)).rejects.toThrow(TypeError);
    expect(await readdir(dir)).toEqual(['data.json']);
  });
});

describe('writeFileDurably', () => {
  it('cleans up its temp file when the rename fails', async () => {
    // Renaming a file over a non-empty folder fails: the temp file must not stay behind.
    const target = join(dir, 'folder');
    await writeFile(join(dir, 'keep'), 'x');
    await mkdir(join(target, 'inside'), { recursive: true });
    await expect(writeFileDurably(target, 'data')).rejects.toMatchObject({
      code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST|EPERM/),
    });
    expect((await readdir(dir)).sort()).toEqual(['folder', 'keep']);
  });

  it('writes bytes exactly', async () => {
    const target = join(dir, 'bytes.bin');
    const bytes = new Uint8Array([0, 1, 2, 255]);
    await writeFileDurably(target, bytes);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
  });
});
