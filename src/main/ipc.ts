import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type {
  MessageBoxOptions,
  MessageBoxReturnValue,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import { z } from 'zod';
import { SERVICE_METHODS } from '../core/api-schema';
import { MAX_OPENABLE_URL, openableUrl } from '../core/link-url';
import { fail, ok } from '../core/result';
import { DESKTOP_CHANNELS, IPC_PREFIX } from '../shared/api';
import type { DialogImport, GlossServices, Result, Tag } from '../shared/api';
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
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
}

/** The services as the IPC door needs them: every method, plus importing a path the user chose. */
export type IpcServices = GlossServices & Pick<AppServices, 'importPath'>;

export interface IpcOptions {
  /** The renderer's URL (file:// or the dev server); only frames showing it may call. */
  appUrl: string;
  dialog: FileDialogs;
  /** shell.openExternal (a stand-in in tests): reached only through openLinkWithDialog. */
  openExternal(url: string): Promise<void>;
  /** Told the workspace's tags whenever an answer carries them (the menu lists them). */
  onTags?(tags: readonly Tag[]): void;
}

/** Longest export accepted for saving: far above any real workspace, below V8's string limit. */
export const MAX_SAVE_CHARS = 256 * 1024 * 1024;

const saveFileSchema = z.strictObject({
  fileName: z.string().min(1).max(255),
  mimeType: z.string().max(255),
  content: z.string().max(MAX_SAVE_CHARS),
});

/** The one-time tokens of TextOffers (randomUUID). */
const tokenSchema = z.uuid();

const OPEN_FILTERS = [
  {
    name: 'Documents',
    extensions: ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'docx', 'pdf'],
  },
  { name: 'All files', extensions: ['*'] },
];

/** The tags an answer carries (a WorkspaceState, or a Mutation that changed them). */
const tagsOf = (value: unknown): readonly Tag[] | undefined =>
  value && typeof value === 'object' && 'tags' in value && Array.isArray(value.tags)
    ? (value.tags as Tag[])
    : undefined;

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
 * Paths the user chose in the open dialog that Gloss did not recognise: the renderer may ask to
 * open them as plain text by token, never by path, so it can reach no file the user did not pick.
 */
export class TextOffers {
  private readonly paths = new Map<string, string>();

  /** Remembers a chosen path and returns the token that stands for it. */
  offer(path: string): string {
    const token = randomUUID();
    this.paths.set(token, path);
    return token;
  }

  /** The path of a token, once: a token cannot be used twice. */
  take(token: unknown): string | undefined {
    if (typeof token !== 'string') return undefined;
    const path = this.paths.get(token);
    this.paths.delete(token);
    return path;
  }
}

/**
 * Shows the open dialog and imports each chosen file in order, answering one result per file
 * (nothing when the user cancelled) and a token for each file of an unknown kind.
 */
export async function openFilesWithDialog(
  services: Pick<IpcServices, 'importPath'>,
  dialog: FileDialogs,
  offers: TextOffers,
): Promise<Result<DialogImport>> {
  const picked = await dialog.showOpenDialog({
    title: 'Open documents',
    properties: ['openFile', 'multiSelections'],
    filters: OPEN_FILTERS,
  });
  const outcome: DialogImport = { results: [], textOffers: [] };
  if (picked.canceled) return ok(outcome);
  for (const path of picked.filePaths) {
    const result = await safely(() => services.importPath(path));
    outcome.results.push(result);
    if (!result.ok && result.error.code === 'unsupported-format') {
      outcome.textOffers.push({ name: basename(path), token: offers.offer(path) });
    }
  }
  return ok(outcome);
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

/** The answers of the "open this link?" box: its buttons, in order. */
const LINK_BUTTONS = ['Open in browser', 'Cancel'];

/**
 * Opens a document's link in the system browser: checks the payload (a string) and the address
 * (http or https, no credentials: core/link-url) here, whatever the renderer checked, asks the
 * user, and only then calls shell.openExternal. ok({ opened: false }) when the user says no.
 */
export async function openLinkWithDialog(
  payload: unknown,
  dialog: Pick<FileDialogs, 'showMessageBox'>,
  openExternal: (url: string) => Promise<void>,
): Promise<Result<{ opened: boolean }>> {
  const parsed = z.string().max(MAX_OPENABLE_URL).safeParse(payload);
  if (!parsed.success)
    return fail('invalid-request', 'The link to open was not in the expected form.');
  const url = openableUrl(parsed.data);
  if (url === null)
    return fail(
      'invalid-request',
      'Gloss opens only web links (http or https, without a user name or password) in the browser.',
    );
  const answer = await dialog.showMessageBox({
    type: 'question',
    title: 'Open link',
    message: `Open ${url} in your browser?`,
    detail: 'The link is part of the document; the page it leads to is not checked by Gloss.',
    buttons: LINK_BUTTONS,
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  if (answer.response !== 0) return ok({ opened: false });
  try {
    await openExternal(url);
  } catch (e) {
    return fail('io', `Could not open ${url}: ${messageOf(e)}`);
  }
  return ok({ opened: true });
}

/** Registers one handler per service method and per desktop channel, each checking its sender. */
export function registerIpc(
  ipcMain: IpcMainLike,
  services: IpcServices,
  options: IpcOptions,
): void {
  const offers = new TextOffers();
  const trusted = (event: InvokeEventLike): boolean =>
    isTrustedSender(event.senderFrame?.url, options.appUrl);

  for (const method of SERVICE_METHODS) {
    ipcMain.handle(IPC_PREFIX + method, async (event, payload) => {
      if (!trusted(event)) return unauthorized();
      const result = await safely(() => dispatch(services, method, payload));
      // The workspace and every change that touches tags answer with the tags as they now are.
      const tags = result.ok ? tagsOf(result.value) : undefined;
      if (tags) options.onTags?.(tags);
      return result;
    });
  }
  ipcMain.handle(DESKTOP_CHANNELS.openFilesDialog, (event) =>
    trusted(event)
      ? safely(() => openFilesWithDialog(services, options.dialog, offers))
      : unauthorized(),
  );
  ipcMain.handle(DESKTOP_CHANNELS.openAsText, async (event, token) => {
    if (!trusted(event)) return unauthorized();
    if (!tokenSchema.safeParse(token).success)
      return fail('invalid-request', 'The file to open was not in the expected form.');
    const path = offers.take(token);
    if (path === undefined)
      return fail('not-found', 'That file is no longer waiting to be opened; open it again.');
    return safely(() => services.importPath(path, true));
  });
  ipcMain.handle(DESKTOP_CHANNELS.saveFile, (event, payload) =>
    trusted(event) ? safely(() => saveFileWithDialog(payload, options.dialog)) : unauthorized(),
  );
  ipcMain.handle(DESKTOP_CHANNELS.openLink, (event, payload) =>
    trusted(event)
      ? safely(() => openLinkWithDialog(payload, options.dialog, options.openExternal))
      : unauthorized(),
  );
}
