// The `gloss` command line (export, import, list), parsed without touching the system so it
// can be tested table by table. The runner (src/cli) does the work.

export const EXPORT_FORMATS = ['json', 'w3c', 'csv', 'md', 'html'] as const;
export type CliFormat = (typeof EXPORT_FORMATS)[number];

export type CliCommand =
  | { command: 'help' }
  | {
      command: 'export';
      workspace?: string;
      format: CliFormat;
      documents: string[];
      tags: string[];
      output?: string;
    }
  | { command: 'import'; workspace?: string; file: string }
  | { command: 'list'; workspace?: string };

export type CliParse = { ok: true; value: CliCommand } | { ok: false; problem: string };

export const CLI_USAGE = `Usage:
  gloss export [--workspace DIR] --format json|w3c|csv|md|html [--document ID]… [--tag T]… [-o FILE]
  gloss import [--workspace DIR] FILE
  gloss list   [--workspace DIR]
  gloss --help

export   writes the chosen documents (all when none is named; --document takes an id from
         "gloss list" or a document's title) in one format, to FILE or to standard output.
         --tag keeps only annotations with that tag (its id or name; repeatable).
import   adds the annotations of a Gloss JSON or W3C Web Annotation file to the workspace's
         documents, in one step or not at all.
list     prints the workspace's documents: id, annotations, title.

--workspace defaults to the app's own workspace folder.
Exit codes: 0 done, 1 it could not be done (the message says why), 2 wrong usage.`;

const fail = (problem: string): CliParse => ({ ok: false, problem });

/** Parses the arguments after `gloss`. */
export function parseCliArgs(argv: readonly string[]): CliParse {
  if (argv.length === 0) return fail('Say what to do: export, import or list.');
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help')
    return { ok: true, value: { command: 'help' } };
  const [command, ...rest] = argv;
  if (command !== 'export' && command !== 'import' && command !== 'list')
    return fail(`Unknown command "${command}": use export, import or list.`);

  const values: Record<string, string[]> = {};
  const positional: string[] = [];
  const takes = new Set(
    command === 'export' ? ['workspace', 'format', 'document', 'tag', 'output'] : ['workspace'],
  );
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const raw = eq === -1 ? arg : arg.slice(0, eq);
    const name = raw === '-o' ? 'output' : raw.startsWith('--') ? raw.slice(2) : '';
    if (!takes.has(name)) return fail(`"${raw}" is not an option of gloss ${command}.`);
    const value = eq === -1 ? rest[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') return fail(`${raw} needs a value.`);
    (values[name] ??= []).push(value);
  }
  const once = (name: string): string | undefined => values[name]?.at(-1);
  const workspace = once('workspace');
  const base = workspace === undefined ? {} : { workspace };

  if (command === 'list') {
    if (positional.length) return fail(`gloss list takes no file ("${positional[0]}").`);
    return { ok: true, value: { command, ...base } };
  }
  if (command === 'import') {
    if (positional.length !== 1)
      return fail(
        positional.length ? 'gloss import takes one file at a time.' : 'Name the file to import.',
      );
    return { ok: true, value: { command, ...base, file: positional[0]! } };
  }
  if (positional.length)
    return fail(`gloss export takes no file ("${positional[0]}"): use -o FILE.`);
  const format = once('format');
  if (!format) return fail(`Choose a format with --format (${EXPORT_FORMATS.join(', ')}).`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    return fail(`Unknown format "${format}": use one of ${EXPORT_FORMATS.join(', ')}.`);
  const output = once('output');
  return {
    ok: true,
    value: {
      command,
      ...base,
      format: format as CliFormat,
      documents: values['document'] ?? [],
      tags: values['tag'] ?? [],
      ...(output === undefined ? {} : { output }),
    },
  };
}
