import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Root reads any file, so "no permission" is made here by the file system stand-in below when
// the tests run as root, and by chmod otherwise.
const denied = new Set<string>();
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const refuse = (path: unknown) => {
    if (typeof path === 'string' && denied.has(path)) {
      throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), {
        code: 'EACCES',
      });
    }
  };
  return {
    ...real,
    open: async (path: string, ...rest: unknown[]) => {
      refuse(path);
      return (real.open as (...a: unknown[]) => ReturnType<typeof real.open>)(path, ...rest);
    },
  };
});

const { readImportPath } = await import('./import-source');

describe('readImportPath without permission', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gloss-perm-'));
  });
  afterEach(async () => {
    denied.clear();
    await rm(dir, { recursive: true, force: true });
  });

  it('names the file and says Gloss may not read it', async () => {
    const path = join(dir, 'secret.txt');
    await writeFile(path, 'classified');
    if (process.getuid?.() === 0) denied.add(path);
    else await chmod(path, 0o000);
    const result = await readImportPath(path, 1024);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'bad-file',
        message: '"secret.txt" cannot be opened: Gloss is not allowed to read it.',
      },
    });
  });
});
