import { hostname } from 'node:os';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeLeftoverTemps } from './leftovers';
import type { AppServices } from './services';
import { openTestServices, removeFolder, tempFolder, unwrap } from './test-support';

let root: string;
let ws: string;
let services: AppServices | null;

beforeEach(async () => {
  root = await tempFolder();
  ws = join(root, 'workspace');
  services = null;
});
afterEach(async () => {
  await services?.close();
  await removeFolder(root);
});

// A pid far above any real one (Linux caps them at 2^22): its process is certainly gone.
const GONE = 999_999_999;

/** Temp files as writeFileDurably names them, and lookalikes that are not. */
async function litter(): Promise<{ leftovers: string[]; others: string[] }> {
  for (const folder of ['annotations', 'backups', 'documents', 'trash'])
    await mkdir(join(ws, folder), { recursive: true });
  const leftovers = [
    `gloss.json.${GONE}-0123456789ab.tmp`,
    `annotations/doc.json.${GONE}-ba9876543210.tmp`,
    `backups/backup-2026-11-25T15-04-05.123Z.json.${GONE}-00aa11bb22cc.tmp`,
    `documents/${'a'.repeat(64)}.txt.${process.pid}-abcdefabcdef.tmp`,
    `trash/doc-2026.json.${GONE}-1234567890ab.tmp`,
  ];
  const others = [
    'notes.tmp',
    `gloss.json.${GONE}-0123.tmp`, // too few hex digits
    `gloss.json.${GONE}-0123456789AB.tmp`, // upper case: not ours
    `gloss.json.${GONE}-0123456789ab.tmp.bak`,
    `annotations/doc.json.${process.ppid}-0123456789ab.tmp`, // a live process: perhaps writing
    'annotations/doc.json',
    `other/x.${GONE}-0123456789ab.tmp`, // not a folder Gloss writes to
  ];
  for (const path of [...leftovers, ...others]) {
    await mkdir(join(ws, path, '..'), { recursive: true });
    await writeFile(join(ws, path), 'x');
  }
  return { leftovers, others };
}

async function allFiles(): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(ws, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name).slice(ws.length + 1));
  return out.sort();
}

describe('removeLeftoverTemps', () => {
  it('deletes the temp files of processes that are gone, and nothing else', async () => {
    const { leftovers, others } = await litter();
    const removed = await removeLeftoverTemps(ws);
    expect(removed.sort()).toEqual([...leftovers].sort());
    expect(await allFiles()).toEqual([...others].sort());
  });
});

describe('opening a workspace', () => {
  it('cleans up leftover temp files once it holds the workspace’s lock', async () => {
    const { others } = await litter();
    services = await openTestServices(ws, { lockAs: 'the test' });
    expect(unwrap(await services.getWorkspace()).readOnly).toBe(false);
    expect(await allFiles()).toEqual([...others, 'gloss.lock'].sort());
  });

  it('leaves them alone without the lock (the command line reading a workspace)', async () => {
    await litter();
    const before = await allFiles();
    services = await openTestServices(ws, {});
    expect(await allFiles()).toEqual(before);
  });

  it('leaves them alone while another Gloss holds the lock', async () => {
    await litter();
    await writeFile(
      join(ws, 'gloss.lock'),
      JSON.stringify({
        pid: process.ppid,
        host: hostname(),
        since: new Date().toISOString(),
        by: 'Gloss',
      }),
    );
    const before = await allFiles();
    services = await openTestServices(ws, { lockAs: 'the test' });
    expect(services.lockedBy()).toMatchObject({ pid: process.ppid });
    expect(await allFiles()).toEqual(before);
  });
});
