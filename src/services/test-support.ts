// Helpers for the services' tests only (imported by *.test.ts, never by the app).
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Result } from '../core/result';
import type { BackupTimers } from './backups';
import type { AppServices, ServicesOptions } from './services';
import { openServices } from './services';

/** A fresh temp folder; call the returned cleanup when done. */
export async function tempFolder(prefix = 'gloss-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Removes a temp folder and everything in it. */
export async function removeFolder(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
}

/** A clock that moves one second per call, from a fixed start. */
export function steppingClock(start = '2026-03-04T05:06:07.000Z'): () => Date {
  let t = Date.parse(start);
  return () => {
    const now = new Date(t);
    t += 1000;
    return now;
  };
}

/** Ids id-1, id-2, … */
export function countingIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** Opens services over `workspaceDir` with a fixed clock and predictable ids. */
export function openTestServices(
  workspaceDir: string,
  options: Partial<ServicesOptions> = {},
): Promise<AppServices> {
  return openServices({ workspaceDir, now: steppingClock(), newId: countingIds(), ...options });
}

/** What servicesForEachTest gives a test: its services, their temp folder, and a reopen. */
export interface TestWorkspace {
  readonly services: AppServices;
  /** The temp folder; the workspace is its `ws` folder. */
  readonly dir: string;
  /** Closes the services and opens them again over the same workspace (a restart). */
  reopen(): Promise<AppServices>;
}

/** Fresh services over a new temp workspace for each test of the calling block; closed after. */
export function servicesForEachTest(): TestWorkspace {
  let dir = '';
  let services: AppServices | null = null;
  beforeEach(async () => {
    dir = await tempFolder();
    services = await openTestServices(join(dir, 'ws'));
  });
  afterEach(async () => {
    await services?.close();
    await removeFolder(dir);
  });
  return {
    get services() {
      if (!services) throw new Error('servicesForEachTest: used outside a test');
      return services;
    },
    get dir() {
      return dir;
    },
    async reopen() {
      await services?.close();
      services = await openTestServices(join(dir, 'ws'));
      return services;
    },
  };
}

/** The value of an ok Result; fails the test with the error otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Every file under a folder (relative paths, sorted) with its bytes, to prove nothing changed. */
export async function snapshotFolder(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(dir: string): Promise<void> {
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      if ((await stat(path)).isDirectory()) await walk(path);
      else out[relative(root, path)] = (await readFile(path)).toString('base64');
    }
  }
  await walk(root);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Timers that fire only when the test moves the clock. */
export function fakeTimers(): BackupTimers & {
  advance(ms: number): Promise<void>;
  armed(): number;
} {
  let now = 0;
  let nextId = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout(run, ms) {
      pending.set(++nextId, { at: now + ms, run });
      return nextId;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
    armed: () => pending.size,
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...pending.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].run();
        // Let what it started get going (a backup doing real I/O needs waiting for as well).
        for (let i = 0; i < 20; i++) await Promise.resolve();
      }
      now = until;
    },
  };
}
