import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MAX_IMPORT_BYTES } from '../core/api-schema';
import { importStartFiles, parseCommandLine } from '../core/command-line';
import {
  ANALYSIS_WORKER_FILE,
  CONVERSION_WORKER_FILE,
  defaultWorkspaceDir,
  GAZETTEER_FILE,
  openServices,
  workerAnalysis,
  workerConversion,
} from '../services';
import { createWebHost } from './server';

// The web host's entry (built to out/main/web-host.js, run with plain Node by `npm run web`):
//   node out/main/web-host.js [--workspace DIR] [--port N] [FILES…]
// Prints one line with the address to open, and serves until SIGINT/SIGTERM.

const RENDERER_DIR = join(__dirname, '../renderer');
const SAMPLES_DIR = join(__dirname, '../../resources/samples');
const GAZETTEER = join(__dirname, '../../resources/gazetteer', GAZETTEER_FILE);
const ANALYSIS_WORKER = join(__dirname, ANALYSIS_WORKER_FILE);
const CONVERSION_WORKER = join(__dirname, CONVERSION_WORKER_FILE);

const report = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

async function main(argv: readonly string[]): Promise<void> {
  const commandLine = parseCommandLine(argv);
  if (commandLine.problems.length > 0) {
    for (const problem of commandLine.problems) report(`Gloss: ${problem}`);
    report('Usage: npm run web -- [--workspace DIR] [--port N] [--max-file-mb N] [FILES…]');
    process.exit(2);
  }
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    report(
      `Gloss: no built renderer in ${RENDERER_DIR}. Run "npm run build" (or use "npm run web").`,
    );
    process.exit(1);
  }

  const workspaceDir = commandLine.workspace
    ? resolve(commandLine.workspace)
    : defaultWorkspaceDir();
  const maxImportBytes =
    commandLine.maxFileMb !== undefined
      ? Math.round(commandLine.maxFileMb * 1024 * 1024)
      : undefined;
  const services = await openServices({
    workspaceDir,
    samplesDir: SAMPLES_DIR,
    lockAs: 'Gloss in the browser (npm run web)',
    analysis: workerAnalysis(ANALYSIS_WORKER, GAZETTEER),
    conversion: workerConversion(CONVERSION_WORKER),
    ...(maxImportBytes ? { maxImportBytes } : {}),
  });
  await importStartFiles(
    services,
    commandLine.files.map((f) => resolve(f)),
    report,
  );

  const token = randomBytes(32).toString('base64url');
  const host = await createWebHost({
    services,
    rendererDir: RENDERER_DIR,
    token,
    port: commandLine.port ?? 0,
    // Room for the largest file plus the request around it; the services name the file if over.
    maxBodyBytes: (maxImportBytes ?? MAX_IMPORT_BYTES) + 10 * 1024 * 1024,
  }).catch(async (e: unknown) => {
    // e.g. the port is taken: nothing was served, but the workspace is closed cleanly.
    await services.close();
    throw e;
  });
  process.stdout.write(`Gloss is running at ${host.url}\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // Stop taking requests first, then flush pending writes, then leave.
    host
      .close()
      .then(() => services.close())
      .then(() => process.exit(0))
      .catch((e: unknown) => {
        report(
          `Gloss: could not save everything before stopping: ${e instanceof Error ? e.message : String(e)}`,
        );
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE')
    report('Gloss could not start: that port is in use. Try another --port, or leave it out.');
  else report(`Gloss could not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
