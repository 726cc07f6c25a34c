import { hostname } from 'node:os';
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isErrno } from './fs-errors';

// One writer per workspace: the app and the web host hold `gloss.lock` while they run, so the
// command line does not write behind their back (their in-memory state would overwrite it).
// A lock left by a process that is gone (a crash) is taken over.

export const LOCK_FILE = 'gloss.lock';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  /** What holds it: "Gloss", "the web host", "gloss import". */
  by: string;
}

export type LockResult = { ok: true; release(): Promise<void> } | { ok: false; holder: LockHolder };

/** True when a process with this id runs on this machine. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrno(error, 'EPERM'); // it exists, but is not ours to signal
  }
}

async function readHolder(path: string): Promise<LockHolder | null> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? (parsed as LockHolder)
      : null;
  } catch {
    return null;
  }
}

/** Takes the workspace's lock for this process, unless another live process holds it. */
export async function lockWorkspace(dir: string, by: string): Promise<LockResult> {
  const path = join(dir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    by,
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      return {
        ok: true,
        release: async () => {
          const holder = await readHolder(path);
          if (holder?.pid === me.pid && holder.host === me.host) await rm(path, { force: true });
        },
      };
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
      const holder = await readHolder(path);
      // Held by a live process here, or by another machine (a shared folder): respect it.
      if (holder && (holder.host !== me.host || processAlive(holder.pid)) && holder.pid !== me.pid)
        return { ok: false, holder };
      await rm(path, { force: true }); // stale, unreadable, or our own: take it over
    }
  }
  const holder = await readHolder(path);
  return { ok: false, holder: holder ?? { ...me, by: 'another Gloss' } };
}

/** "Gloss (process 4121, since 09:14)" */
export function describeHolder(holder: LockHolder): string {
  const since = holder.since ? `, since ${holder.since.slice(11, 16)} UTC` : '';
  return `${holder.by} (process ${holder.pid} on ${holder.host}${since})`;
}
