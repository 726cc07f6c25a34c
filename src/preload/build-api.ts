import { DESKTOP_CHANNELS, IPC_PREFIX } from '../shared/api';
import type { DesktopBridge, GlossServices, PreloadApi, ServiceMethod } from '../shared/api';
import { isMenuCommand } from '../shared/commands';

// Built from two plain functions so it can be tested without Electron. The sandboxed preload may
// import only 'electron', so this file imports nothing at runtime but constants (no zod).

/** Every service method; a test checks it equals SERVICE_METHODS, the compiler that none is missing. */
export const PRELOAD_METHODS = [
  'getWorkspace',
  'openDocument',
  'importFile',
  'importProgress',
  'renameDocument',
  'removeDocument',
  'checkSource',
  'updateFromDisk',
  'createTag',
  'updateTag',
  'moveTag',
  'countTagUses',
  'deleteTag',
  'reattachAnnotation',
  'importSamples',
  'createAnnotation',
  'createAnnotations',
  'suggest',
  'rejectSuggestion',
  'placeCandidates',
  'locatedPassages',
  'namedEntities',
  'overview',
  'search',
  'updateAnnotation',
  'deleteAnnotation',
  'undo',
  'redo',
  'exportJson',
  'exportDocuments',
  'importAnnotations',
  'listBackups',
  'restoreBackup',
] as const satisfies readonly ServiceMethod[];

// Fails to compile when a method is added to the contract but not to the list above.
type Missing = Exclude<ServiceMethod, (typeof PRELOAD_METHODS)[number]>;
const everyMethodListed: [Missing] extends [never] ? true : Missing = true;
void everyMethodListed;

/** ipcRenderer.invoke, as the preload passes it in. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
/** Subscribes to a channel with a listener that never sees the IPC event; returns the unsubscribe. */
export type Subscribe = (channel: string, listener: (...args: unknown[]) => void) => () => void;

/** Builds window.api: one narrow function per service method plus the desktop bridge. */
export function buildApi(invoke: Invoke, subscribe: Subscribe): PreloadApi {
  const services = Object.fromEntries(
    PRELOAD_METHODS.map((method) => [
      method,
      // Only the one payload argument crosses; anything else the page passes is dropped.
      (payload?: unknown) => invoke(IPC_PREFIX + method, payload),
    ]),
  ) as unknown as GlossServices; // fromEntries loses the per-method types the contract spells out

  // The main process answers each channel with the contract's Result; the types say so here.
  const call = <T>(channel: string, ...args: unknown[]): Promise<T> =>
    invoke(channel, ...args) as Promise<T>;
  const desktop: DesktopBridge = {
    openFilesDialog: () => call(DESKTOP_CHANNELS.openFilesDialog),
    saveFile: (file) => call(DESKTOP_CHANNELS.saveFile, file),
    openAsText: (token) => call(DESKTOP_CHANNELS.openAsText, token),
    openLink: (url) => call(DESKTOP_CHANNELS.openLink, url),
    onMenuCommand: (listener) =>
      subscribe(DESKTOP_CHANNELS.menuCommand, (command) => {
        // Only known commands reach the page, whatever arrives on the channel.
        if (isMenuCommand(command)) listener(command);
      }),
  };
  return Object.freeze({ ...services, desktop: Object.freeze(desktop) });
}
