// The command line both doors accept: `--workspace DIR` (or `--workspace=DIR`), `--port N` (the
// web host's), and files. Pure: no node, so Electron's main process and the web host share it,
// and resolving paths against a working directory stays with the caller.

/** What a Gloss command line asks for. */
export interface CommandLine {
  /** The workspace folder, as typed (not yet resolved). */
  workspace?: string;
  /** The web host's port; the Electron app ignores it. */
  port?: number;
  /** The largest file to import, in MB (`--max-file-mb N`; default 50). */
  maxFileMb?: number;
  /** Files to import at start, in the order given. */
  files: string[];
  /** Readable complaints about values that could not be used (e.g. `--port abc`). */
  problems: string[];
}

const VALUE_FLAGS = ['workspace', 'port', 'max-file-mb'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

const isValueFlag = (name: string): name is ValueFlag =>
  (VALUE_FLAGS as readonly string[]).includes(name);

/** Parses user arguments (no executable or app path); unknown flags such as Chromium's are ignored. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const result: CommandLine = { files: [], problems: [] };
  const set = (flag: ValueFlag, value: string | undefined): void => {
    if (value === undefined || value === '') {
      result.problems.push(`--${flag} needs a value.`);
    } else if (flag === 'workspace') {
      result.workspace = value;
    } else if (flag === 'max-file-mb') {
      const mb = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
      if (mb > 0 && mb <= 1024) result.maxFileMb = mb;
      else
        result.problems.push(
          `--max-file-mb must be a number of megabytes from 0 to 1024, not "${value}".`,
        );
    } else {
      const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
      if (Number.isInteger(port) && port <= 65535) result.port = port;
      else result.problems.push(`--port must be a number from 0 to 65535, not "${value}".`);
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      // Everything after a bare `--` is a file, even if it starts with a dash.
      result.files.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (!isValueFlag(name)) continue; // Chromium/Electron switches (--no-sandbox, --inspect=…)
      if (eq !== -1) {
        set(name, arg.slice(eq + 1));
      } else {
        const next = argv[i + 1];
        // A following flag is not a value: `--workspace --no-sandbox` is a mistake, not a folder.
        if (next !== undefined && !next.startsWith('--')) i++;
        set(name, next !== undefined && !next.startsWith('--') ? next : undefined);
      }
      continue;
    }
    // Single-dash switches (macOS's -psn_…, -v) are not files either.
    if (arg.startsWith('-') && arg.length > 1) continue;
    if (arg !== '') result.files.push(arg);
  }
  return result;
}

/** What importing the command line's files needs of the services (structural: core imports no services). */
export interface StartFileImporter {
  importPath(
    path: string,
  ): Promise<
    { ok: true; value: { document: { id: string } } } | { ok: false; error: { message: string } }
  >;
  setOpenOnStart(documentId: string): void;
  /** Keeps a problem for the UI to show: the analyst may never see the terminal. */
  noteStartupProblem(message: string): void;
}

/**
 * Imports files named at start (paths already resolved by the caller), one at a time in order;
 * the first that imports becomes the document to open. Failures are reported, not fatal.
 * Returns the ids of the imported documents.
 */
export async function importStartFiles(
  services: StartFileImporter,
  paths: readonly string[],
  report: (message: string) => void,
): Promise<string[]> {
  const ids: string[] = [];
  for (const path of paths) {
    try {
      const result = await services.importPath(path);
      if (result.ok) ids.push(result.value.document.id);
      else {
        report(`Gloss: could not import ${path}: ${result.error.message}`);
        services.noteStartupProblem(result.error.message);
      }
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      report(`Gloss: could not import ${path}: ${message}`);
      services.noteStartupProblem(`${path} could not be imported: ${message}`);
    }
  }
  if (ids[0] !== undefined) services.setOpenOnStart(ids[0]);
  return ids;
}
