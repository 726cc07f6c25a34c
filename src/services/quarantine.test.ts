import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileTimestamp, findSetAside, moveAside, setAsideName } from './quarantine';
import { removeFolder, tempFolder } from './test-support';

const AT = new Date('2026-11-25T09:38:05.123Z');

let dir: string;
beforeEach(async () => {
  dir = await tempFolder();
});
afterEach(async () => {
  await removeFolder(dir);
});

describe('set-aside names', () => {
  it('are safe on every file system', () => {
    expect(fileTimestamp(AT)).toBe('2026-11-25T09-38-05-123Z');
    expect(setAsideName('gloss.json', AT)).toBe('gloss.corrupt-2026-11-25T09-38-05-123Z.json');
    expect(setAsideName('abc-123.json', AT, 3)).toBe(
      'abc-123.corrupt-2026-11-25T09-38-05-123Z-3.json',
    );
    expect(setAsideName('x.txt', AT)).toBe('x.corrupt-2026-11-25T09-38-05-123Z.txt');
  });
});

describe('moveAside', () => {
  it('renames without touching the bytes and never replaces a file', async () => {
    const bytes = new Uint8Array([0, 255, 10, 13, 0x7b]);
    await writeFile(join(dir, 'gloss.json'), bytes);
    const first = await moveAside(join(dir, 'gloss.json'), AT);
    await writeFile(join(dir, 'gloss.json'), 'second');
    const second = await moveAside(join(dir, 'gloss.json'), AT);
    expect(first).not.toBe(second);
    expect(new Uint8Array(await readFile(first))).toEqual(bytes);
    expect(await readFile(second, 'utf8')).toBe('second');
    expect(await readdir(dir)).toHaveLength(2);
    expect(await findSetAside(dir, 'gloss.json')).toHaveLength(2);
    expect(await findSetAside(dir, 'other.json')).toEqual([]);
    expect(await findSetAside(join(dir, 'missing'), 'gloss.json')).toEqual([]);
  });
});
