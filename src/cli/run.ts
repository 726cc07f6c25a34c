import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MAX_IMPORT_BYTES } from '../core/api-schema';
import type { CliCommand } from '../core/cli-args';
import { CLI_USAGE, parseCliArgs } from '../core/cli-args';
import type { Result } from '../core/result';
import type { AppServices } from '../services';
import { openServices } from '../services';
import { readImportPath } from '../services/import-source';
import { describeHolder } from '../services/workspace-lock';
import type { ImportReport } from '../shared/api';

// `gloss export | import | list`: the same services as the app, without Electron or a window.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Where relative paths start. */
  cwd: string;
  /** The app's own workspace, used when --workspace is not given. */
  defaultWorkspace: string;
}

/** A failure the user can act on: printed, exit code 1. */
class CliError extends Error {}

/** Runs one command line; resolves to the exit code (0 done, 1 failed, 2 usage). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.err(`gloss: ${parsed.problem}\nRun "gloss --help" for usage.\n`);
    return 2;
  }
  const command = parsed.value;
  if (command.command === 'help') {
    io.out(`${CLI_USAGE}\n`);
    return 0;
  }
  const workspace = resolve(io.cwd, command.workspace ?? io.defaultWorkspace);
  // A mistyped folder must not become a new, empty workspace: the folder must be there.
  if (!isFolder(workspace)) {
    io.err(`gloss: there is no Gloss workspace at ${workspace} (no such folder).\n`);
    return 1;
  }
  let services: AppServices | null = null;
  try {
    // Only an import writes; it must not write behind a running Gloss's back.
    services = await openServices({
      workspaceDir: workspace,
      ...(command.command === 'import' ? { lockAs: 'gloss import' } : {}),
    });
    const holder = services.lockedBy();
    if (holder)
      throw new CliError(
        `the workspace is open in ${describeHolder(holder)}. Close it first, or import from its Import button.`,
      );
    await runCommand(services, command, io);
    return 0;
  } catch (error) {
    io.err(`gloss: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await services?.close();
  }
}

async function runCommand(services: AppServices, command: CliCommand, io: CliIo): Promise<void> {
  const workspace = unwrap(await services.getWorkspace());
  if (command.command === 'list') {
    for (const d of workspace.documents) {
      const opened = unwrap(await services.openDocument({ documentId: d.id }));
      io.out(`${d.id}\t${opened.annotations.length}\t${d.title}\n`);
    }
    return;
  }
  if (command.command === 'import') {
    if (workspace.readOnly) throw new CliError(workspace.problem ?? 'The workspace is read-only.');
    const file = await readImportPath(resolve(io.cwd, command.file), MAX_IMPORT_BYTES, true);
    if (!file.ok) throw new CliError(file.error.message);
    let content: string;
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(file.value.bytes);
    } catch {
      throw new CliError(`“${file.value.name}” is not UTF-8 text.`);
    }
    const report = unwrap(await services.importAnnotations({ name: file.value.name, content }));
    io.out(describeImport(file.value.name, report));
    return;
  }
  if (command.command !== 'export') return;
  const documentIds = command.documents.map((wanted) => {
    const lower = wanted.toLowerCase();
    const found =
      workspace.documents.find((d) => d.id === wanted) ??
      workspace.documents.find((d) => d.title.toLowerCase() === lower);
    if (!found)
      throw new CliError(`There is no document "${wanted}" in the workspace (see "gloss list").`);
    return found.id;
  });
  const tags = command.tags.map((wanted) => {
    const found = workspace.tags.find(
      (t) => t.id === wanted || t.name.toLowerCase() === wanted.toLowerCase(),
    );
    if (!found)
      throw new CliError(
        `There is no tag "${wanted}"; the workspace has ${workspace.tags.map((t) => t.name).join(', ')}.`,
      );
    return found.id;
  });
  const file = unwrap(
    await services.exportDocuments({
      format: command.format,
      ...(documentIds.length ? { documentIds } : {}),
      ...(tags.length ? { tags } : {}),
    }),
  );
  if (command.output === undefined || command.output === '-') {
    io.out(file.content.endsWith('\n') ? file.content : `${file.content}\n`);
    return;
  }
  const path = resolve(io.cwd, command.output);
  try {
    await writeFile(path, file.content);
  } catch (error) {
    throw new CliError(
      `could not write ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  io.err(`Wrote ${path}\n`);
}

/** What an import did, in a few lines. */
export function describeImport(name: string, report: ImportReport): string {
  const lines = [
    `Imported ${name}: ${report.added} added, ${report.skipped} already here, ${report.orphans} not found in their text (listed to re-attach).`,
  ];
  if (report.newDocuments.length)
    lines.push(`New documents (carried by the file): ${report.newDocuments.join(', ')}.`);
  if (report.newTags.length) lines.push(`New tags: ${report.newTags.join(', ')}.`);
  lines.push(...report.notes);
  for (const u of report.unmatched)
    lines.push(
      `Not in this workspace: “${u.title}” (${u.annotations} annotations not imported; open the document first).`,
    );
  for (const c of report.conflicts) lines.push(`Conflict: ${c}`);
  return `${lines.join('\n')}\n`;
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new CliError(result.error.message);
  return result.value;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
