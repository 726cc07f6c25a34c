import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrowserWindow,
  WebContents,
  app,
  dialog,
  fakeEvent,
  ipcMain,
  resetStandIn,
  session,
  shell,
} from '../../test/electron-stand-in';
import { SERVICE_METHODS } from '../core/api-schema';
import { DESKTOP_CHANNELS, IPC_PREFIX } from '../shared/api';

// The Electron entry as it really starts (against the electron stand-in): proves that the
// window gets the locked-down options, the session denies permissions, every webContents is
// hardened, and the IPC channels it registers refuse other frames — the wiring, not only the
// modules it wires (those have their own tests).

const APP_URL = pathToFileURL(join(__dirname, '../renderer/index.html')).href;

describe('the Electron main process, started', () => {
  let workspace: string;
  const argv = process.argv;
  let window: BrowserWindow;

  beforeAll(async () => {
    resetStandIn();
    workspace = await mkdtemp(join(tmpdir(), 'gloss-main-'));
    process.argv = [process.execPath, '--workspace', workspace];
    await import('./index');
    // start() runs once the app is ready: wait for its window.
    for (let waited = 0; BrowserWindow.instances.length === 0 && waited < 20_000; waited += 20)
      await new Promise((r) => setTimeout(r, 20));
    window = BrowserWindow.instances[0]!;
  }, 30_000);

  afterAll(async () => {
    process.argv = argv;
    // Quitting closes the services (flushing their writes) before the process exits.
    const quit = fakeEvent();
    app.emit('before-quit', quit);
    await new Promise((r) => setTimeout(r, 200));
    await rm(workspace, { recursive: true, force: true });
    resetStandIn();
  });

  it('opens one window with the locked-down web preferences, showing the local renderer', () => {
    expect(BrowserWindow.instances).toHaveLength(1);
    const options = window.options as BrowserWindowConstructorOptions;
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.webPreferences?.preload).toMatch(/preload[\\/]index\.js$/);
    // Not packaged and no ELECTRON_RENDERER_URL: the built file, never a remote URL.
    expect(window.loaded).toEqual([join(__dirname, '../renderer/index.html')]);
  });

  it('denies every permission in the default session', () => {
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal'])
      session.defaultSession.permissionRequestHandler?.(null, permission, (g: boolean) =>
        granted.push(g),
      );
    expect(granted).toEqual([false, false, false, false]);
    expect(session.defaultSession.permissionCheckHandler?.(null, 'media', APP_URL, {})).toBe(false);
  });

  it('hardens every webContents the moment it exists', () => {
    const contents = new WebContents();
    app.emit('web-contents-created', fakeEvent(), contents);
    const away = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const home = fakeEvent({ url: APP_URL });
    contents.emit('will-navigate', home);
    expect(home.defaultPrevented).toBe(false);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({
      action: 'deny',
    });
    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
  });

  it('registers every channel, answering the window and refusing any other frame', async () => {
    const channels = [...ipcMain.handlers.keys()];
    for (const method of SERVICE_METHODS) expect(channels).toContain(IPC_PREFIX + method);
    expect(await ipcMain.invoke(`${IPC_PREFIX}getWorkspace`, APP_URL)).toMatchObject({
      ok: true,
      value: { path: workspace },
    });
    for (const channel of channels) {
      for (const frame of ['https://evil.example/', 'file:///tmp/evil.html', null]) {
        expect(await ipcMain.invoke(channel, frame, undefined), channel).toMatchObject({
          ok: false,
          error: { code: 'unauthorized' },
        });
      }
    }
  });

  it('opens a link in the system browser only after the user agreed to it', async () => {
    const url = 'https://example.org/report';
    dialog.messageResponse = 1;
    expect(await ipcMain.invoke(DESKTOP_CHANNELS.openLink, APP_URL, url)).toEqual({
      ok: true,
      value: { opened: false },
    });
    expect(shell.opened).toEqual([]);
    dialog.messageResponse = 0;
    expect(await ipcMain.invoke(DESKTOP_CHANNELS.openLink, APP_URL, url)).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(
      await ipcMain.invoke(DESKTOP_CHANNELS.openLink, APP_URL, 'file:///etc/passwd'),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(shell.opened).toEqual([url]);
    expect(dialog.messages).toHaveLength(2);
  });
});
