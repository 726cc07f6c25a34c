// `npm run web -- [--workspace DIR] [--port N] [FILES…]`: builds when the build is missing or
// older than the sources, then runs the web host with plain Node (no Electron binary needed).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, root } from './ensure-build.mjs';

ensureBuilt();

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
