import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeFolder, tempFolder } from './test-support';
import { LOCK_FILE, lockWorkspace } from './workspace-lock';

describe('lockWorkspace', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempFolder();
  });
  afterEach(() => removeFolder(dir));

  it('lets one holder in at a time, and the next one in after release', async () => {
    const first = await lockWorkspace(dir, 'Gloss');
    expect(first.ok).toBe(true);
    // Held by a live process (this one stands in for it under another pid: the parent's).
    await writeFile(
      join(dir, LOCK_FILE),
      JSON.stringify({
        pid: process.ppid,
        host: hostname(),
        since: '2026-01-01T09:14:00Z',
        by: 'Gloss',
      }),
    );
    const second = await lockWorkspace(dir, 'gloss import');
    expect(second).toEqual({
      ok: false,
      holder: expect.objectContaining({ pid: process.ppid, by: 'Gloss' }),
    });
  });

  it('takes over a lock left by a process that is gone', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid!;
    await new Promise((done) => child.on('exit', done));
    await writeFile(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid, host: hostname(), since: '', by: 'Gloss' }),
    );
    const lock = await lockWorkspace(dir, 'gloss import');
    expect(lock.ok).toBe(true);
    if (lock.ok) await lock.release();
    expect((await lockWorkspace(dir, 'again')).ok).toBe(true);
  });

  it('takes over an unreadable lock file', async () => {
    await writeFile(join(dir, LOCK_FILE), 'garbage');
    expect((await lockWorkspace(dir, 'Gloss')).ok).toBe(true);
  });
});
