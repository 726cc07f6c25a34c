import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idSchema } from '../core/model';
import { journalPathFor } from './annotation-journal';
import {
  assertWritableInside,
  isInside,
  isPlainName,
  linkOutOfWorkspace,
  refuseLinksOut,
  workspacePath,
} from './safe-paths';
import { removeFolder, tempFolder } from './test-support';

/** Ids and hashes a hostile file or request might carry. */
const HOSTILE_NAMES = [
  '',
  '.',
  '..',
  '../x',
  '../../etc/passwd',
  '/etc/passwd',
  'a/b',
  'a\\b',
  '..\\..\\Windows\\win.ini',
  'C:\\Windows',
  'C:x',
  'x.json:stream',
  'doc\u0000.json',
  'line\nbreak',
  'a'.repeat(256),
];

describe('isPlainName', () => {
  it('accepts one plain file name', () => {
    for (const name of ['doc-1.json', 'id-1.journal', `${'a'.repeat(64)}.txt`, '...json', 'a.b.c'])
      expect(isPlainName(name), name).toBe(true);
  });

  it('refuses anything a path would read as more than one name', () => {
    for (const name of HOSTILE_NAMES) expect(isPlainName(name), JSON.stringify(name)).toBe(false);
  });
});

describe('workspacePath', () => {
  const root = '/work/space';

  it('joins plain names inside the workspace', () => {
    expect(workspacePath(root, 'annotations', 'id-1.json')).toBe(
      '/work/space/annotations/id-1.json',
    );
  });

  it('refuses every hostile id or hash, before any path is built', () => {
    for (const name of HOSTILE_NAMES) {
      expect(() => workspacePath(root, 'annotations', `${name}`), JSON.stringify(name)).toThrow(
        /not a plain file name/,
      );
    }
  });

  it('keeps every id the id schema accepts inside its folder, with each suffix Gloss adds', () => {
    // idSchema allows letters, digits and _ . : -, so "." and ".." are ids; with a suffix
    // they are still one plain name in the folder ("...json"), never a way up.
    const folder = join(root, 'annotations');
    for (const id of ['.', '..', '...', 'a..b', '-', '_', 'x:y', 'C:', ...HOSTILE_NAMES]) {
      if (!idSchema.safeParse(id).success) continue;
      const paths: [string, string][] = [
        [folder, join(folder, `${id}.json`)],
        [folder, journalPathFor(join(folder, `${id}.json`))],
        [join(root, 'trash'), join(root, 'trash', `${id}-2026-01-01T00-00-00-000Z.json`)],
      ];
      for (const [expected, path] of paths) {
        expect(dirname(path), path).toBe(expected);
        expect(isInside(root, path), path).toBe(true);
      }
    }
    const separated = (n: string) =>
      n === '' || ['/', '\\', '\u0000', '\n'].some((c) => n.includes(c));
    for (const id of HOSTILE_NAMES.filter(separated))
      expect(idSchema.safeParse(id).success, JSON.stringify(id)).toBe(false);
  });
});

describe('isInside', () => {
  it('tells the workspace and what is in it from what is not', () => {
    expect(isInside('/w', '/w')).toBe(true);
    expect(isInside('/w', '/w/a/b')).toBe(true);
    expect(isInside('/w', '/w/a/../b')).toBe(true);
    expect(isInside('/w', '/w/../x')).toBe(false);
    expect(isInside('/w', '/wx')).toBe(false);
    expect(isInside('/w', '/')).toBe(false);
    expect(isInside('/w', '/w/..')).toBe(false);
  });
});

describe('links out of a workspace', () => {
  let root: string;
  let workspace: string;
  let outside: string;
  beforeEach(async () => {
    root = await tempFolder('gloss-safe-paths-');
    workspace = join(root, 'workspace');
    outside = join(root, 'outside');
    await mkdir(join(workspace, 'documents'), { recursive: true });
    await mkdir(join(workspace, 'annotations'), { recursive: true });
    await mkdir(outside);
    await writeFile(join(outside, 'secret.txt'), 'sentinel');
    await writeFile(join(workspace, 'gloss.json'), '{}');
  });
  afterEach(() => removeFolder(root));

  it('finds none in a plain workspace, and allows the workspace folder itself to be a link', async () => {
    expect(await linkOutOfWorkspace(workspace)).toBeNull();
    await symlink(workspace, join(root, 'linked-workspace'));
    expect(await linkOutOfWorkspace(join(root, 'linked-workspace'))).toBeNull();
    await expect(refuseLinksOut(workspace)).resolves.toBeUndefined();
  });

  it('refuses a written folder that is a link, naming it', async () => {
    await removeFolder(join(workspace, 'annotations'));
    await symlink(outside, join(workspace, 'annotations'));
    expect(await linkOutOfWorkspace(workspace)).toMatch(/symbolic link, annotations\//);
    await expect(refuseLinksOut(workspace)).rejects.toMatchObject({
      code: 'io',
      message: expect.stringContaining('annotations/'),
    });
  });

  it('refuses a link inside a written folder, dangling or not', async () => {
    await symlink(join(outside, 'secret.txt'), join(workspace, 'documents', 'x.txt'));
    expect(await linkOutOfWorkspace(workspace)).toMatch(/documents\/x\.txt/);
    await removeFolder(join(workspace, 'documents', 'x.txt'));
    // A journal appended through a dangling link would create its target outside.
    await symlink(join(outside, 'new.journal'), join(workspace, 'annotations', 'd.journal'));
    expect(await linkOutOfWorkspace(workspace)).toMatch(/annotations\/d\.journal/);
  });

  it('refuses gloss.json as a link', async () => {
    await removeFolder(join(workspace, 'gloss.json'));
    await symlink(join(outside, 'secret.txt'), join(workspace, 'gloss.json'));
    expect(await linkOutOfWorkspace(workspace)).toMatch(/gloss\.json/);
  });

  it('refuses a write through a link, at any level, and a path outside', async () => {
    await removeFolder(join(workspace, 'annotations'));
    await symlink(outside, join(workspace, 'annotations'));
    await expect(
      assertWritableInside(workspace, join(workspace, 'annotations', 'd.json')),
    ).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(/annotations.*symbolic link/),
    });
    await symlink(join(outside, 'secret.txt'), join(workspace, 'documents', 'h.txt'));
    await expect(
      assertWritableInside(workspace, join(workspace, 'documents', 'h.txt')),
    ).rejects.toMatchObject({ code: 'io' });
    await expect(
      assertWritableInside(workspace, join(outside, 'secret.txt')),
    ).rejects.toMatchObject({
      code: 'io',
      message: expect.stringContaining('outside the workspace'),
    });
    await expect(assertWritableInside(workspace, join(workspace, '..', 'x'))).rejects.toThrow();
    // Plain files and new files in real folders are fine.
    await assertWritableInside(workspace, join(workspace, 'documents', 'new.txt'));
    await assertWritableInside(workspace, join(workspace, 'trash', 'new', 'x.json'));
    await assertWritableInside(workspace, join(workspace, 'gloss.json'));
    expect(await readFile(join(outside, 'secret.txt'), 'utf8')).toBe('sentinel');
  });
});
