// Starting Gloss for a test: the web host (a real `node out/main/web-host.js` process plus
// Debian Chromium) or the Electron app. Both return a page showing the real renderer.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron, chromium } from '@playwright/test';
import type { Browser, ElectronApplication, Page } from '@playwright/test';

export const ROOT = resolve(__dirname, '..');
const WEB_HOST = join(ROOT, 'out/main/web-host.js');
const MAIN = join(ROOT, 'out/main/index.js');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where Debian puts Chromium; PLAYWRIGHT_CHROMIUM overrides it. */
export function chromiumPath(): string {
  return process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium';
}

/** Why the Electron app cannot run here, or null when its binary is installed. */
export function electronUnavailable(): string | null {
  const dir = join(ROOT, 'node_modules/electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) {
    return 'the Electron binary is not installed (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); these specs ran against the web host only';
  }
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? null : `the Electron binary ${binary} is missing`;
}

export function assertBuilt(): void {
  if (!existsSync(WEB_HOST) || !existsSync(join(ROOT, 'out/renderer/index.html'))) {
    throw new Error('Gloss is not built: run `npm run build` before the end-to-end tests.');
  }
}

export interface RunningHost {
  page: Page;
  stop(): Promise<void>;
  /** The Electron app, for stubbing native dialogs; null on the web host. */
  electron: ElectronApplication | null;
}

/** Starts the web host on a free port and opens its printed URL in Chromium. */
export async function startWebHost(
  browser: Browser,
  workspace: string,
  files: string[],
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<RunningHost> {
  assertBuilt();
  const child = spawn(
    process.execPath,
    [WEB_HOST, '--workspace', workspace, '--port', '0', ...args, '--', ...files],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    },
  );
  const url = await waitForUrl(child);
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(url);
  return {
    page,
    electron: null,
    async stop() {
      await context.close();
      await stopProcess(child);
    },
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let errText = '';
    const timer = setTimeout(
      () => reject(new Error(`web host did not start: ${out}${errText}`)),
      20_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Gloss is running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (errText += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}: ${out}${errText}`));
    });
  });
}

/** Stops a host the way a user would (SIGTERM lets it flush), killing it only if it hangs. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timeout);
}

/** Launches the Electron app on a workspace with files on its command line. */
export async function startElectron(
  workspace: string,
  files: string[],
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<RunningHost> {
  assertBuilt();
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await _electron.launch({
    args: [...rootArgs, MAIN, '--workspace', workspace, ...args, '--', ...files],
    cwd: ROOT,
    env: { ...process.env, ...env } as Record<string, string>,
  });
  const page = await app.firstWindow();
  await page.setViewportSize({ width: 1400, height: 900 });
  return {
    page,
    electron: app,
    async stop() {
      await app.close();
    },
  };
}

export { chromium };
