// Builds Gloss (electron-vite build) when the build is missing or older than the sources, for
// the commands that run the built files with plain Node: `npm run web` and `npx gloss`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputs = [
  'out/main/web-host.js',
  'out/main/cli.js',
  'out/main/analysis-worker.js',
  'out/renderer/index.html',
].map((f) => join(root, f));
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

/** Builds if needed; exits the process with the build's status when it fails. */
export function ensureBuilt() {
  const sourcesTime = Math.max(...sources.map(newest), ...configs.map(newest));
  if (oldestOutput() >= sourcesTime) return;
  process.stderr.write('Gloss: building (electron-vite build)…\n');
  const build = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    // Build chatter goes to stderr: stdout carries only what the command prints.
    stdio: ['ignore', 2, 'inherit'],
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) {
    process.stderr.write('Gloss: the build failed.\n');
    process.exit(build.status ?? 1);
  }
}
