#!/usr/bin/env node
// `npx gloss …` from the repository: the command line (export, import, list) with plain Node,
// building first when the build is missing or stale. See `gloss --help`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, root } from '../scripts/ensure-build.mjs';

ensureBuilt();
const run = spawnSync(process.execPath, [join(root, 'out/main/cli.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
