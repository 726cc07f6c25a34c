// A small stand-in for the 'electron' module under vitest (aliased in vitest.config.ts): the real
// one needs its binary. It records what the code under test registers so tests can drive it.
// Only what src/main and src/preload use is here.

type Listener = (...args: unknown[]) => unknown;

/** A minimal event emitter that remembers its listeners. */
export class Recorder {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  removeListener(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  /** Calls every listener of an event, as Electron would. */
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

/** An Electron-like event: records whether the default was prevented. */
export function fakeEvent<T extends object>(
  fields: T = {} as T,
): T & { defaultPrevented: boolean; preventDefault(): void } {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class WebContents extends Recorder {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  reload(): void {}
}

export class Session {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  setPermissionRequestHandler(handler: Listener | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener | null): void {
    this.permissionCheckHandler = handler;
  }
}

export const session = { defaultSession: new Session() };

export class BrowserWindow extends Recorder {
  /** Every window created, in order. */
  static readonly instances: BrowserWindow[] = [];
  readonly webContents = new WebContents();
  /** What the window was asked to load: a file path or a URL. */
  readonly loaded: string[] = [];
  constructor(readonly options: unknown) {
    super();
    BrowserWindow.instances.push(this);
  }
  loadFile = async (path: string): Promise<void> => {
    this.loaded.push(path);
  };
  loadURL = async (url: string): Promise<void> => {
    this.loaded.push(url);
  };
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
}

/** The part of IpcMainInvokeEvent the stand-in fills in. */
export interface StandInInvokeEvent {
  senderFrame: { url: string } | null;
}
type Handler = (event: StandInInvokeEvent, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
  /** What ipcRenderer.invoke would get from the handler, for a sender frame at `url`. */
  async invoke(channel: string, url: string | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: url === null ? null : { url } }, ...args);
  },
};

export const ipcRenderer = Object.assign(new Recorder(), {
  invocations: [] as Array<{ channel: string; args: unknown[] }>,
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    ipcRenderer.invocations.push({ channel, args });
    return { ok: true, value: null };
  },
});

export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed[key] = api;
  },
};

export const dialog = {
  showOpenDialog: async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] }),
  showSaveDialog: async (..._args: unknown[]) => ({ canceled: true, filePath: '' }),
  /** The button the stand-in's message boxes answer with (1: Cancel in Gloss's boxes). */
  messageResponse: 1,
  messages: [] as unknown[][],
  async showMessageBox(...args: unknown[]) {
    dialog.messages.push(args);
    return { response: dialog.messageResponse, checkboxChecked: false };
  },
  showErrorBox: (_title: string, _content: string): void => {},
};

export const shell = {
  /** Every URL handed to the system browser, in order. */
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    shell.opened.push(url);
  },
};

export const Menu = {
  current: null as unknown,
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu(menu: unknown): void {
    this.current = menu;
  },
};

export const app = Object.assign(new Recorder(), {
  isPackaged: false,
  getPath: (name: string) => `/tmp/gloss-electron-stand-in/${name}`,
  setPath: (_name: string, _path: string): void => {},
  getAppPath: () => process.cwd(),
  getVersion: () => '0.0.0-stand-in',
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  setAboutPanelOptions: (_options: unknown): void => {},
  quit: (): void => {},
  exit: (_code?: number): void => {},
});

/** Forgets everything recorded, between tests. */
export function resetStandIn(): void {
  ipcMain.handlers.clear();
  ipcRenderer.invocations.length = 0;
  ipcRenderer.listeners.clear();
  contextBridge.exposed = {};
  Menu.current = null;
  shell.opened.length = 0;
  dialog.messages.length = 0;
  dialog.messageResponse = 1;
  BrowserWindow.instances.length = 0;
  session.defaultSession = new Session();
}
