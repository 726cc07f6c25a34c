// Starts the real web host (node out/main/web-host.js) on a workspace, as e2e/hosts.ts does,
// and calls its HTTP API the way the renderer does: for the screenshot script and the scale
// benchmark. Also the Chromium they drive.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Chromium switches for quiet, offline, headless runs (as in e2e/hosts.ts). */
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
export const chromiumPath = () => process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium';

/** Starts the web host on a workspace, importing `files` (paths) at start as the app does. */
export async function startHost(root, workspace, files = []) {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(root, 'out/main/web-host.js'), '--workspace', workspace, '--port', '0', ...files],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let errText = '';
  child.stderr.on('data', (d) => (errText += d));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`web host did not start: ${out}${errText}`)),
      60_000,
    );
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Gloss is running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}: ${out}${errText}`));
    });
  });
  const readyMs = performance.now() - started;
  const { origin, searchParams } = new URL(url);
  const token = searchParams.get('token');

  async function call(method, payload) {
    const res = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': token },
      body: JSON.stringify({ payload }),
    });
    const result = await res.json();
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  }

  async function stop() {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(kill);
  }

  /** Ends the host at once (SIGKILL: no flushing, as in a crash). */
  const kill = (signal = 'SIGKILL') => child.kill(signal);

  return { url, origin, token, call, stop, kill, readyMs, stderr: () => errText };
}
