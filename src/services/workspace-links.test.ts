import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestServices, removeFolder, snapshotFolder, tempFolder } from './test-support';

let root: string;
beforeEach(async () => (root = await tempFolder()));
afterEach(() => removeFolder(root));

it('refuses to open a workspace whose annotations folder links outside it, writing nothing there', async () => {
  const ws = join(root, 'workspace');
  const elsewhere = join(root, 'elsewhere');
  await mkdir(ws);
  await mkdir(elsewhere);
  await writeFile(join(elsewhere, 'keep.txt'), 'not Gloss’s');
  await symlink(elsewhere, join(ws, 'annotations'));
  const before = await snapshotFolder(elsewhere);

  await expect(openTestServices(ws)).rejects.toThrow(/annotations/);
  expect(await snapshotFolder(elsewhere)).toEqual(before);
});
