import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { importStartFiles } from '../core/command-line';
import { DESKTOP_CHANNELS } from '../shared/api';
import type { MenuCommand } from '../shared/api';
import {
  ANALYSIS_WORKER_FILE,
  APP_NAME,
  CONVERSION_WORKER_FILE,
  GAZETTEER_FILE,
  openServices,
  workerAnalysis,
  workerConversion,
} from '../services';
import type { AppServices } from '../services';
import { parseElectronArgv } from './command-line';
import { registerIpc } from './ipc';
import type { FileDialogs } from './ipc';
import type { MenuTag } from './menu';
import { menuTemplate } from './menu';
import { hardenSession, hardenWebContents } from './security';
import { windowOptions } from './window-options';

// The Electron entry: wiring only. Everything with a decision in it lives in a module beside it.

const RENDERER_FILE = join(__dirname, '../renderer/index.html');
const PRELOAD_FILE = join(__dirname, '../preload/index.js');
// The dev server is trusted only in development: a packaged app never loads a URL from the environment.
const DEV_URL = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const APP_URL = DEV_URL ?? pathToFileURL(RENDERER_FILE).href;

const report = (message: string): void => {
  process.stderr.write(`${message}\n`);
};
const messageOf = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));

let services: AppServices | null = null;
let mainWindow: BrowserWindow | null = null;

const dialogs: FileDialogs = {
  showOpenDialog: (options) =>
    mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
  showSaveDialog: (options) =>
    mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
  showMessageBox: (options) =>
    mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options),
};

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(DESKTOP_CHANNELS.menuCommand, command);
}

let menuTags = '';

/** Sets the application menu, listing `tags` in its Tag menu; rebuilt only when they change. */
function showMenu(tags: readonly MenuTag[]): void {
  const shown = JSON.stringify(tags.map(({ id, name, hotkey }) => [id, name, hotkey]));
  if (shown === menuTags) return;
  menuTags = shown;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate(sendMenuCommand, process.platform, app.isPackaged, tags)),
  );
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(PRELOAD_FILE));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  const loading = DEV_URL ? win.loadURL(DEV_URL) : win.loadFile(RENDERER_FILE);
  loading.catch((e: unknown) => report(`Gloss: could not load the window: ${messageOf(e)}`));
  return win;
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** A second `gloss FILE…` hands its files to this instance, which imports and shows the first. */
async function onSecondInstance(argv: string[], workingDirectory: string): Promise<void> {
  focusWindow();
  const { files } = parseElectronArgv(argv, Boolean(process.defaultApp));
  if (!services || files.length === 0) return;
  const ids = await importStartFiles(
    services,
    files.map((f) => resolve(workingDirectory, f)),
    report,
  );
  // The contract has no "workspace changed" push yet; a reload makes the renderer read the
  // workspace again and open the new document. Every edit is already on disk, so nothing is lost.
  if (ids.length > 0) mainWindow?.webContents.reload();
}

async function start(): Promise<void> {
  const commandLine = parseElectronArgv(process.argv, Boolean(process.defaultApp));
  for (const problem of commandLine.problems) report(`Gloss: ${problem}`);

  hardenSession(session.defaultSession);
  const workspaceDir = commandLine.workspace
    ? resolve(commandLine.workspace)
    : join(app.getPath('userData'), 'workspace');
  services = await openServices({
    workspaceDir,
    samplesDir: join(app.getAppPath(), 'resources', 'samples'),
    lockAs: 'Gloss',
    analysis: workerAnalysis(
      join(__dirname, ANALYSIS_WORKER_FILE),
      join(app.getAppPath(), 'resources', 'gazetteer', GAZETTEER_FILE),
    ),
    conversion: workerConversion(join(__dirname, CONVERSION_WORKER_FILE)),
    ...(commandLine.maxFileMb !== undefined
      ? { maxImportBytes: Math.round(commandLine.maxFileMb * 1024 * 1024) }
      : {}),
  });
  await importStartFiles(
    services,
    commandLine.files.map((f) => resolve(f)),
    report,
  );

  registerIpc(ipcMain, services, {
    appUrl: APP_URL,
    dialog: dialogs,
    // Reached only through openLinkWithDialog: an http(s) link the user agreed to open.
    openExternal: (url) => shell.openExternal(url),
    onTags: showMenu,
  });
  showMenu([]);
  app.setAboutPanelOptions({ applicationName: 'Gloss', applicationVersion: app.getVersion() });
  mainWindow = createWindow();
}

function main(): void {
  // One folder for Electron and the web host (defaultWorkspaceDir): ~/.config/Gloss etc., whatever
  // package.json's name. Set before the single-instance lock, which lives in the userData folder.
  app.setPath('userData', join(app.getPath('appData'), APP_NAME));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  // Every webContents, the window's and any other, is hardened the moment it exists.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, APP_URL));
  app.on('second-instance', (_event, argv, workingDirectory) => {
    onSecondInstance(argv, workingDirectory).catch((e: unknown) =>
      report(`Gloss: ${messageOf(e)}`),
    );
  });
  app.on('window-all-closed', () => app.quit());

  // Pending writes are flushed before the process ends: hold the quit, close the services, exit.
  let closing = false;
  app.on('before-quit', (event) => {
    if (!services) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    services
      .close()
      .then(() => app.exit(0))
      .catch((e: unknown) => {
        report(`Gloss: could not save everything before quitting: ${messageOf(e)}`);
        app.exit(1);
      });
  });

  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      report(`Gloss could not start: ${messageOf(e)}`);
      dialog.showErrorBox('Gloss could not start', e instanceof Error ? e.message : String(e));
      app.exit(1);
    });
}

main();
