#!/usr/bin/env node
// `npm test`: every check CI runs, in order, then one summary line that adds all suites up:
// `tests: N passed, M failed`. Typecheck, lint and build count as one test each; unit and
// end-to-end suites count their own tests. Every suite runs even when an earlier one fails,
// so one red line never hides another.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = [];
mkdirSync('test-results', { recursive: true });

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: r.status === 0, seconds };
}

function step(name, command, args) {
  const r = run(name, command, args);
  results.push({
    name,
    passed: r.ok ? 1 : 0,
    failed: r.ok ? 0 : 1,
    skipped: 0,
    seconds: r.seconds,
  });
  return r.ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

step('typecheck', 'npx', ['tsc', '-b']);
step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);

rmSync('test-results/unit.json', { force: true });
const unit = run('unit', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=test-results/unit.json',
]);
const unitJson = readJson('test-results/unit.json');
results.push(
  unitJson
    ? {
        name: 'unit',
        passed: unitJson.numPassedTests,
        failed: unitJson.numFailedTests + (unit.ok || unitJson.numFailedTests ? 0 : 1),
        skipped: unitJson.numPendingTests + unitJson.numTodoTests,
        seconds: unit.seconds,
      }
    : { name: 'unit', passed: 0, failed: 1, skipped: 0, seconds: unit.seconds },
);

const built = step('build', 'npx', ['electron-vite', 'build']);

rmSync('test-results/e2e-results.json', { force: true });
if (built) {
  const e2e = run('e2e', 'npx', ['playwright', 'test']);
  const stats = readJson('test-results/e2e-results.json')?.stats;
  results.push(
    stats
      ? {
          name: 'e2e',
          passed: stats.expected + stats.flaky,
          failed: stats.unexpected + (e2e.ok || stats.unexpected ? 0 : 1),
          skipped: stats.skipped,
          seconds: e2e.seconds,
        }
      : { name: 'e2e', passed: 0, failed: 1, skipped: 0, seconds: e2e.seconds },
  );
} else {
  results.push({
    name: 'e2e (not run: build failed)',
    passed: 0,
    failed: 1,
    skipped: 0,
    seconds: '0',
  });
}

console.log('\nSuite results:');
for (const r of results) {
  console.log(
    `  ${r.name.padEnd(12)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${r.seconds}s)`,
  );
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
if (existsSync('test-results'))
  console.log(
    `  (skipped tests: ${skipped}; the electron project skips where its binary is not installed)`,
  );
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
