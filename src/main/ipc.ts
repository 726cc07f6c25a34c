import { writeFile } from 'node:fs/promises';
import type {
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import { z } from 'zod';
import { SERVICE_METHODS } from '../core/api-schema';
import { fail, ok } from '../core/result';
import type { AppError, ErrorCode } from '../core/result';
import { DESKTOP_CHANNELS, IPC_PREFIX } from '../shared/api';
import type { GlossServices, ImportResult, Result } from '../shared/api';
import { dispatch } from '../services';
import type { AppServices } from '../services';
import { isTrustedSender } from './security';

// The IPC door: a thin adapter that checks who is calling, then hands the untrusted payload to
// the services' dispatch, which validates it with zod before any service runs.

/** The part of an IpcMainInvokeEvent the handlers read. */
export interface InvokeEventLike {
  senderFrame?: { url: string } | null;
}

/** The part of ipcMain used here (a stand-in in tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

/** The native dialogs, already bound to the parent window by the caller (stand-ins in tests). */
export interface FileDialogs {
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

/** The services as the IPC door needs them: every method, plus importing a path the user chose. */
export type IpcServices = GlossServices & Pick<AppServices, 'importPath'>;

export interface IpcOptions {
  /** The renderer's URL (file:// or the dev server); only frames showing it may call. */
  appUrl: string;
  dialog: FileDialogs;
  /** Where to report what the user cannot see (partial import failures); stderr by default. */
  log?: (message: string) => void;
}

/** Longest export accepted for saving: far above any real workspace, below V8's string limit. */
export const MAX_SAVE_CHARS = 256 * 1024 * 1024;

const saveFileSchema = z.strictObject({
  fileName: z.string().min(1).max(255),
  mimeType: z.string().max(255),
  content: z.string().max(MAX_SAVE_CHARS),
});

const OPEN_FILTERS = [
  { name: 'Text and Markdown', extensions: ['txt', 'md', 'markdown'] },
  { name: 'All files', extensions: ['*'] },
];

const unauthorized = (): Result<never> =>
  fail('unauthorized', 'This request did not come from the Gloss window, so it was refused.');

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Runs a handler body; a throw becomes an 'internal' Result so the renderer always gets an answer. */
async function safely<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (e) {
    return fail('internal', `Something went wrong in Gloss: ${messageOf(e)}`);
  }
}

/** A name safe to suggest in a save dialog: no folders, no characters the file systems refuse. */
export function safeFileName(name: string): string {
  // Path separators, characters Windows refuses, and control characters.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we remove
  const unsafe = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
  const cleaned = name.replace(unsafe, '_').replace(/^\.+/, '').trim();
  return cleaned.slice(0, 200) || 'gloss-export';
}

/**
 * Shows the open dialog and imports each chosen file in order. Answers ok(imported) when at least
 * one file was imported (failures of the others are logged) and ok([]) when the user cancelled;
 * when every file failed, answers the failure with all messages, one per line.
 */
export async function openFilesWithDialog(
  services: Pick<IpcServices, 'importPath'>,
  dialog: FileDialogs,
  log: (message: string) => void,
): Promise<Result<ImportResult[]>> {
  const picked = await dialog.showOpenDialog({
    title: 'Open documents',
    properties: ['openFile', 'multiSelections'],
    filters: OPEN_FILTERS,
  });
  if (picked.canceled || picked.filePaths.length === 0) return ok([]);
  const imported: ImportResult[] = [];
  const failures: AppError[] = [];
  for (const path of picked.filePaths) {
    const result = await safely(() => services.importPath(path));
    if (result.ok) imported.push(result.value);
    else failures.push(result.error);
  }
  if (imported.length === 0 && failures.length > 0) {
    const codes = new Set<ErrorCode>(failures.map((f) => f.code));
    const code = codes.size === 1 ? (failures[0] as AppError).code : 'bad-file';
    return fail(code, failures.map((f) => f.message).join('\n'));
  }
  for (const failure of failures) log(`Gloss: could not import a chosen file: ${failure.message}`);
  return ok(imported);
}

/** Validates an export, asks where to save it and writes it there; ok(null) when cancelled. */
export async function saveFileWithDialog(
  payload: unknown,
  dialog: FileDialogs,
): Promise<Result<{ path: string } | null>> {
  const parsed = saveFileSchema.safeParse(payload);
  if (!parsed.success)
    return fail('invalid-request', 'The file to save was not in the expected form.');
  const fileName = safeFileName(parsed.data.fileName);
  const extension = /\.([A-Za-z0-9]{1,10})$/.exec(fileName)?.[1];
  const chosen = await dialog.showSaveDialog({
    title: 'Export',
    defaultPath: fileName,
    filters: [
      ...(extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : []),
      { name: 'All files', extensions: ['*'] },
    ],
  });
  if (chosen.canceled || !chosen.filePath) return ok(null);
  try {
    // Only the path the user just chose is written: the renderer never names a path itself.
    await writeFile(chosen.filePath, parsed.data.content, 'utf8');
  } catch (e) {
    return fail('io', `Could not save ${chosen.filePath}: ${messageOf(e)}`);
  }
  return ok({ path: chosen.filePath });
}

/** Registers one handler per service method and per desktop channel, each checking its sender. */
export function registerIpc(
  ipcMain: IpcMainLike,
  services: IpcServices,
  options: IpcOptions,
): void {
  const log = options.log ?? ((message: string) => console.error(message));
  const trusted = (event: InvokeEventLike): boolean =>
    isTrustedSender(event.senderFrame?.url, options.appUrl);

  for (const method of SERVICE_METHODS) {
    ipcMain.handle(IPC_PREFIX + method, (event, payload) =>
      trusted(event) ? safely(() => dispatch(services, method, payload)) : unauthorized(),
    );
  }
  ipcMain.handle(DESKTOP_CHANNELS.openFilesDialog, (event) =>
    trusted(event)
      ? safely(() => openFilesWithDialog(services, options.dialog, log))
      : unauthorized(),
  );
  ipcMain.handle(DESKTOP_CHANNELS.saveFile, (event, payload) =>
    trusted(event) ? safely(() => saveFileWithDialog(payload, options.dialog)) : unauthorized(),
  );
}
