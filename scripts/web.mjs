// `npm run web -- [--workspace DIR] [--port N] [FILES…]`: builds when the build is missing or
// older than the sources, then runs the web host with plain Node (no Electron binary needed).
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputs = [join(root, 'out/main/web-host.js'), join(root, 'out/renderer/index.html')];
const sources = [join(root, 'src'), join(root, 'resources')];
const configs = ['electron.vite.config.ts', 'package.json', 'package-lock.json'].map((f) =>
  join(root, f),
);

/** Newest modification time under a path (0 when it does not exist). */
function newest(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function oldestOutput() {
  let oldest = Infinity;
  for (const output of outputs) {
    try {
      oldest = Math.min(oldest, statSync(output).mtimeMs);
    } catch {
      return 0; // missing: must build
    }
  }
  return oldest;
}

const sourcesTime = Math.max(...sources.map(newest), ...configs.map(newest));
if (oldestOutput() < sourcesTime) {
  process.stderr.write('Gloss: building (electron-vite build)…\n');
  const build = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    // Build chatter goes to stderr: stdout carries only the host's one "running at" line.
    stdio: ['ignore', 2, 'inherit'],
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) {
    process.stderr.write('Gloss: the build failed; not starting.\n');
    process.exit(build.status ?? 1);
  }
}

const host = spawn(
  process.execPath,
  [join(root, 'out/main/web-host.js'), ...process.argv.slice(2)],
  {
    cwd: process.cwd(),
    stdio: 'inherit',
  },
);
// Forwarded as SIGTERM: a process started in the background inherits SIGINT as ignored, and
// Node keeps it so; the host treats both the same (close, flush the workspace, exit 0).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => host.kill('SIGTERM'));
}
host.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
