import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Records every writeFile and open call while passing them through to the real fs.
const calls = vi.hoisted(() => ({
  writes: [] as { path: string; options: unknown }[],
  opened: [] as string[],
}));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  return {
    ...real,
    writeFile: (path: string, data: string, options: unknown) => {
      calls.writes.push({ path, options });
      return real.writeFile(path, data, options as Parameters<typeof real.writeFile>[2]);
    },
    open: (path: string, flags: string) => {
      calls.opened.push(path);
      return real.open(path, flags);
    },
  };
});

const { writeFileDurably } = await import('./durable-write');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-write-'));
  calls.writes.length = 0;
  calls.opened.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileDurably', () => {
  it('writes a uniquely named, flushed, exclusive temp file in the same folder', async () => {
    const target = join(dir, 'data.json');
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeFileDurably(target, `{"n":${i}}`)));
    const temps = calls.writes.map((w) => w.path);
    expect(new Set(temps).size).toBe(20);
    for (const w of calls.writes) {
      expect(basename(w.path)).toMatch(
        new RegExp(`^data\\.json\\.${process.pid}-[0-9a-f]{12}\\.tmp$`),
      );
      expect(join(w.path, '..')).toBe(dir);
      expect(w.options).toMatchObject({ flush: true, flag: 'wx' });
    }
    expect(await readdir(dir)).toEqual(['data.json']);
    expect(JSON.parse(await readFile(target, 'utf8'))).toHaveProperty('n');
  });

  it('fsyncs the folder after the rename', async () => {
    await writeFileDurably(join(dir, 'x.txt'), 'x');
    expect(calls.opened).toContain(dir);
  });
});

describe('ensureFolder', () => {
  it('creates nested folders and fsyncs each new entry’s parent', async () => {
    const { ensureFolder } = await import('./durable-write');
    const deep = join(dir, 'a', 'b', 'c');
    await ensureFolder(deep);
    expect(calls.opened).toEqual([join(dir, 'a', 'b'), join(dir, 'a'), dir]);
    calls.opened.length = 0;
    await ensureFolder(deep); // already there: nothing to sync
    expect(calls.opened).toEqual([]);
  });
});
