import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import {
  CHROMIUM_ARGS,
  chromium,
  chromiumPath,
  electronUnavailable,
  startElectron,
  startWebHost,
} from './hosts';
import type { RunningHost } from './hosts';

export interface GlossTestOptions {
  host: 'web' | 'electron';
}

/** One running Gloss for a test, on a fresh workspace folder of its own. */
export interface Gloss {
  host: 'web' | 'electron';
  workspace: string;
  /**
   * Starts Gloss with these files (and options such as --max-file-mb) on its command line, and
   * these environment variables (such as GLOSS_BACKUP_IDLE_MS) set; restart() keeps both.
   */
  launch(files?: string[], args?: string[], env?: Record<string, string>): Promise<Page>;
  /** Stops Gloss (letting it flush) and starts it again on the same workspace. */
  restart(): Promise<Page>;
  /** The current page. */
  page(): Page;
  running(): RunningHost;
}

let warnedElectron = false;

export const test = base.extend<GlossTestOptions & { gloss: Gloss }>({
  host: ['web', { option: true }],
  gloss: async ({ host }, use, testInfo) => {
    if (host === 'electron') {
      const why = electronUnavailable();
      if (why && !warnedElectron) {
        warnedElectron = true;
        console.log(`[electron] skipped: ${why}`);
      }
      testInfo.skip(why !== null, `Electron skipped: ${why}`);
    }
    const workspace = mkdtempSync(join(tmpdir(), 'gloss-e2e-'));
    const browser =
      host === 'web'
        ? await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
        : null;
    let current: RunningHost | null = null;
    const problems: string[] = [];
    const watch = (page: Page) => {
      // Console errors and page errors fail the test.
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      return page;
    };
    let lastArgs: string[] = [];
    let lastEnv: Record<string, string> = {};
    const start = async (
      files: string[],
      args: string[] = lastArgs,
      env: Record<string, string> = lastEnv,
    ) => {
      lastArgs = args;
      lastEnv = env;
      current =
        host === 'web'
          ? await startWebHost(browser!, workspace, files, args, env)
          : await startElectron(workspace, files, args, env);
      return watch(current.page);
    };
    const gloss: Gloss = {
      host,
      workspace,
      launch: (files = [], args = [], env = {}) => start(files, args, env),
      async restart() {
        await current?.stop();
        current = null;
        return start([]);
      },
      page() {
        if (!current) throw new Error('Gloss is not running: call gloss.launch() first');
        return current.page;
      },
      running() {
        if (!current) throw new Error('Gloss is not running');
        return current;
      },
    };
    await use(gloss);
    await (current as RunningHost | null)?.stop();
    await browser?.close();
    rmSync(workspace, { recursive: true, force: true });
    expect(problems, 'console and page errors').toEqual([]);
  },
});

export { expect };
