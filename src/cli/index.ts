import { defaultWorkspaceDir } from '../services';
import { runCli } from './run';

// Entry of the command line (built to out/main/cli.js; `npx gloss` runs it through bin/gloss.mjs).

void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  defaultWorkspace: defaultWorkspaceDir(),
}).then((code) => {
  process.exitCode = code;
});
