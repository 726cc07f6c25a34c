import { parseCommandLine, type CommandLine } from '../core/command-line';

/**
 * Strips what Electron puts before the user's arguments: the executable, and when started as
 * `electron <app>` (process.defaultApp) the app path too. Chromium switches that follow are
 * ignored by the parser.
 */
export function userArguments(argv: readonly string[], defaultApp: boolean): string[] {
  return argv.slice(defaultApp ? 2 : 1);
}

/** Parses an Electron process's argv (its own, or a second instance's). */
export function parseElectronArgv(argv: readonly string[], defaultApp: boolean): CommandLine {
  return parseCommandLine(userArguments(argv, defaultApp));
}
