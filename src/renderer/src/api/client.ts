// The renderer's one way to the services. It picks the door: window.api (the preload) under
// Electron, HTTP under the web host. Nothing else in the renderer knows which one it has.
import type {
  DesktopBridge,
  ExportFile,
  GlossServices,
  ImportResult,
  MenuCommand,
  PreloadApi,
  RequestOf,
  Result,
  ServiceMethod,
} from '../../../shared/api';
import { openableUrl } from '../../../core/link-url';
import { httpCall, httpUpload, inCallOrder, takeToken } from './http-transport';

export interface GlossClient {
  /** 'desktop' under Electron, 'web' in a browser. */
  kind: 'desktop' | 'web';
  services: GlossServices;
  /** Imports a file the user dropped or picked in a file input. */
  importFile(file: File, asText?: boolean): Promise<Result<ImportResult>>;
  /** The native dialogs (desktop only). */
  desktop: Pick<DesktopBridge, 'openFilesDialog' | 'openAsText'> | null;
  /** Hands an exported file to the user: a save dialog on desktop, a download in a browser. */
  deliverFile(file: ExportFile): Promise<Result<{ savedTo: string } | null>>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

declare global {
  interface Window {
    api?: PreloadApi;
  }
}

function httpServices(token: string): GlossServices {
  const call =
    <M extends ServiceMethod>(method: M) =>
    (payload?: RequestOf<M>) =>
      httpCall(token, method, payload);
  const inOrder = inCallOrder();
  window.addEventListener('pagehide', () => inOrder.hurry());
  window.addEventListener('pageshow', () => inOrder.calm());
  const change = <M extends ServiceMethod>(method: M) => inOrder(call(method));
  return {
    getWorkspace: call('getWorkspace'),
    openDocument: call('openDocument'),
    importFile: (request) => httpUpload(token, request.name, request.bytes, request.asText),
    importProgress: call('importProgress'),
    renameDocument: change('renameDocument'),
    removeDocument: change('removeDocument'),
    checkSource: call('checkSource'),
    updateFromDisk: change('updateFromDisk'),
    reattachAnnotation: change('reattachAnnotation'),
    createTag: change('createTag'),
    suggest: call('suggest'),
    rejectSuggestion: change('rejectSuggestion'),
    placeCandidates: call('placeCandidates'),
    locatedPassages: call('locatedPassages'),
    namedEntities: call('namedEntities'),
    overview: call('overview'),
    search: call('search'),
    updateTag: change('updateTag'),
    moveTag: change('moveTag'),
    countTagUses: call('countTagUses'),
    deleteTag: change('deleteTag'),
    importSamples: call('importSamples'),
    createAnnotation: change('createAnnotation'),
    createAnnotations: change('createAnnotations'),
    updateAnnotation: change('updateAnnotation'),
    deleteAnnotation: change('deleteAnnotation'),
    undo: change('undo'),
    redo: change('redo'),
    exportJson: call('exportJson'),
    exportDocuments: call('exportDocuments'),
    importAnnotations: change('importAnnotations'),
    listBackups: call('listBackups'),
    restoreBackup: change('restoreBackup'),
  } as GlossServices;
}

async function importOne(services: GlossServices, file: File, asText = false) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return services.importFile(
    asText ? { name: file.name, bytes, asText } : { name: file.name, bytes },
  );
}

function download(file: ExportFile): Result<{ savedTo: string }> {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, value: { savedTo: file.fileName } };
}

/** Builds the client for whichever host this page runs in. */
export function createClient(): GlossClient {
  const preload = window.api;
  if (preload) {
    const { desktop, ...services } = preload;
    return {
      kind: 'desktop',
      services,
      importFile: (file, asText) => importOne(services, file, asText),
      desktop: {
        openFilesDialog: () => desktop.openFilesDialog(),
        openAsText: (token) => desktop.openAsText(token),
      },
      deliverFile: async (file) => {
        const saved = await desktop.saveFile(file);
        if (!saved.ok) return saved;
        return { ok: true, value: saved.value ? { savedTo: saved.value.path } : null };
      },
      onMenuCommand: (listener) => desktop.onMenuCommand(listener),
    };
  }
  const services = httpServices(takeToken());
  return {
    kind: 'web',
    services,
    importFile: (file, asText) => importOne(services, file, asText),
    desktop: null,
    deliverFile: async (file) => download(file),
    onMenuCommand: () => () => undefined,
  };
}

/**
 * Opens a document's link in the system browser, only an http(s) one (core/link-url) and only
 * after asking. Under Electron the main process checks it again and asks with a native box;
 * in a browser a confirm dialog asks, and the page opens with no opener and no referrer.
 */
export async function openLink(href: string): Promise<void> {
  const url = openableUrl(href);
  if (url === null) return;
  const desktop = window.api?.desktop;
  if (desktop) {
    await desktop.openLink(url);
    return;
  }
  if (window.confirm(`Open ${url} in your browser?`)) {
    window.open(url, '_blank', 'noopener,noreferrer');
  }
}
