import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ipcMain, resetStandIn, shell } from '../../test/electron-stand-in';
import { fakeServices } from '../../test/fake-services';
import type { FakeServices } from '../../test/fake-services';
import { SERVICE_METHODS } from '../core/api-schema';
import { DESKTOP_CHANNELS } from '../shared/api';
import type { ImportResult, Result } from '../shared/api';
import { openLinkWithDialog, registerIpc, safeFileName } from './ipc';
import type { FileDialogs } from './ipc';
import type { DialogImport } from '../shared/api';

const APP = 'file:///opt/gloss/out/renderer/index.html';

interface Setup {
  services: FakeServices;
  openChoice: { canceled: boolean; filePaths: string[] };
  saveChoice: { canceled: boolean; filePath: string };
  openOptions: OpenDialogOptions[];
  saveOptions: SaveDialogOptions[];
  /** The button the user presses in a message box: 0 opens the link, 1 cancels. */
  messageChoice: number;
  messageOptions: MessageBoxOptions[];
  logged: string[];
}

function setup(services = fakeServices()): Setup {
  const state: Setup = {
    services,
    openChoice: { canceled: true, filePaths: [] },
    saveChoice: { canceled: true, filePath: '' },
    openOptions: [],
    saveOptions: [],
    messageChoice: 1,
    messageOptions: [],
    logged: [],
  };
  const dialog: FileDialogs = {
    showOpenDialog: async (options) => (state.openOptions.push(options), state.openChoice),
    showSaveDialog: async (options) => (state.saveOptions.push(options), state.saveChoice),
    showMessageBox: async (options) => (
      state.messageOptions.push(options),
      { response: state.messageChoice, checkboxChecked: false }
    ),
  };
  registerIpc(ipcMain, services, { appUrl: APP, dialog, openExternal: shell.openExternal });
  return state;
}

const fromApp = (channel: string, ...args: unknown[]) =>
  ipcMain.invoke(channel, APP, ...args) as Promise<Result<unknown>>;

describe('registerIpc', () => {
  beforeEach(resetStandIn);

  it('registers one channel per service method and the desktop channels', () => {
    setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      [
        ...SERVICE_METHODS.map((m) => `gloss:${m}`),
        DESKTOP_CHANNELS.openFilesDialog,
        DESKTOP_CHANNELS.saveFile,
        DESKTOP_CHANNELS.openAsText,
        DESKTOP_CHANNELS.openLink,
      ].sort(),
    );
  });

  it('tells the menu the tags an answer carries, and nothing for other answers', async () => {
    const services = fakeServices();
    const tags = [{ id: 'claim', name: 'Claim', color: '#e8590c', hotkey: '1' }];
    services.getWorkspace = async () => ({ ok: true, value: { tags } as never });
    const told: unknown[] = [];
    registerIpc(ipcMain, services, {
      appUrl: APP,
      dialog: {} as FileDialogs,
      openExternal: shell.openExternal,
      onTags: (t) => told.push(t),
    });
    await fromApp('gloss:getWorkspace');
    await fromApp('gloss:openDocument', { documentId: 'doc-1' });
    await ipcMain.invoke('gloss:getWorkspace', 'https://evil.example/');
    expect(told).toEqual([tags]);
  });

  it('routes a valid call to the service', async () => {
    const { services } = setup();
    const result = await fromApp('gloss:openDocument', { documentId: 'doc-1' });
    expect(result).toEqual({ ok: true, value: { method: 'openDocument' } });
    expect(services.calls).toEqual([{ method: 'openDocument', request: { documentId: 'doc-1' } }]);
  });

  it('refuses a sender that is not our renderer, without calling the service', async () => {
    const { services } = setup();
    for (const url of ['https://evil.example/', 'file:///tmp/evil.html', null]) {
      for (const channel of [
        'gloss:openDocument',
        DESKTOP_CHANNELS.openFilesDialog,
        DESKTOP_CHANNELS.saveFile,
        DESKTOP_CHANNELS.openAsText,
        DESKTOP_CHANNELS.openLink,
      ]) {
        const result = await ipcMain.invoke(channel, url, { documentId: 'doc-1' });
        expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      }
    }
    expect(services.calls).toEqual([]);
  });

  it('rejects a malformed payload before any service runs', async () => {
    const { services } = setup();
    for (const [channel, payload] of [
      ['gloss:openDocument', { documentId: '../../etc/passwd' }],
      ['gloss:openDocument', { documentId: 'd', extra: true }],
      ['gloss:createAnnotation', { documentId: 'd', start: -1, end: 2, tag: 'claim' }],
      ['gloss:importFile', { name: 'a.txt', bytes: 'not bytes' }],
      ['gloss:getWorkspace', { surprise: 1 }],
    ] as const) {
      expect(await fromApp(channel, payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect(services.calls).toEqual([]);
  });
});

describe('openFilesDialog channel', () => {
  beforeEach(resetStandIn);

  it('answers no results when the user cancels', async () => {
    const state = setup();
    expect(await fromApp(DESKTOP_CHANNELS.openFilesDialog)).toEqual({
      ok: true,
      value: { results: [], textOffers: [] },
    });
    expect(state.openOptions[0]?.properties).toEqual(['openFile', 'multiSelections']);
    expect(state.openOptions[0]?.filters?.[0]?.extensions).toEqual(
      expect.arrayContaining(['txt', 'md', 'html', 'docx', 'pdf']),
    );
  });

  it('imports every chosen file and answers one result per file, failures included', async () => {
    const bad = (path: string): Result<ImportResult> | undefined =>
      path.endsWith('.bin')
        ? { ok: false, error: { code: 'bad-file', message: `${path} is not text` } }
        : undefined;
    const state = setup(fakeServices(bad as (p: string) => Result<ImportResult>));
    state.openChoice = { canceled: false, filePaths: ['/a.txt', '/b.bin', '/c.md'] };
    const result = (await fromApp(DESKTOP_CHANNELS.openFilesDialog)) as Result<DialogImport>;
    if (!result.ok) throw new Error('expected ok');
    expect(result.value.results.map((r) => (r.ok ? r.value.document.id : r.error.message))).toEqual(
      ['doc:/a.txt', '/b.bin is not text', 'doc:/c.md'],
    );
    expect(result.value.textOffers).toEqual([]);
    expect(state.services.calls.map((c) => c.request)).toEqual(['/a.txt', '/b.bin', '/c.md']);
  });

  it('offers files of an unknown kind as plain text, by a one-time token, never by path', async () => {
    const state = setup(
      fakeServices((path) => ({
        ok: false,
        error: { code: 'unsupported-format', message: `${path}: unknown kind` },
      })),
    );
    state.openChoice = { canceled: false, filePaths: ['/notes/field.log'] };
    const result = (await fromApp(DESKTOP_CHANNELS.openFilesDialog)) as Result<DialogImport>;
    if (!result.ok) throw new Error('expected ok');
    const [offer] = result.value.textOffers;
    expect(offer?.name).toBe('field.log');
    expect(JSON.stringify(result.value.textOffers)).not.toContain('/notes');
    await fromApp(DESKTOP_CHANNELS.openAsText, offer!.token);
    expect(state.services.calls.at(-1)).toEqual({
      method: 'importPath',
      request: '/notes/field.log',
    });
    // The token is spent, and a made-up one reaches nothing.
    expect(await fromApp(DESKTOP_CHANNELS.openAsText, offer!.token)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await fromApp(DESKTOP_CHANNELS.openAsText, '/etc/passwd')).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(
      await fromApp(DESKTOP_CHANNELS.openAsText, '0f8fad5b-d9cb-469f-a165-70867728950e'),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(state.services.calls.filter((c) => c.method === 'importPath')).toHaveLength(2);
  });
});

describe('saveFile channel', () => {
  let dir: string;
  beforeEach(async () => {
    resetStandIn();
    dir = await mkdtemp(join(tmpdir(), 'gloss-ipc-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const file = { fileName: 'gloss-export.json', mimeType: 'application/json', content: '{"a":1}' };

  it('writes the content where the user chose', async () => {
    const state = setup();
    const target = join(dir, 'chosen.json');
    state.saveChoice = { canceled: false, filePath: target };
    expect(await fromApp(DESKTOP_CHANNELS.saveFile, file)).toEqual({
      ok: true,
      value: { path: target },
    });
    expect(await readFile(target, 'utf8')).toBe('{"a":1}');
    expect(state.saveOptions[0]?.defaultPath).toBe('gloss-export.json');
  });

  it('answers ok(null) when the user cancels', async () => {
    setup();
    expect(await fromApp(DESKTOP_CHANNELS.saveFile, file)).toEqual({ ok: true, value: null });
  });

  it('rejects a malformed file without showing a dialog', async () => {
    const state = setup();
    for (const payload of [
      undefined,
      { ...file, content: 42 },
      { ...file, fileName: '' },
      { ...file, extra: 1 },
    ]) {
      expect(await fromApp(DESKTOP_CHANNELS.saveFile, payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect(state.saveOptions).toEqual([]);
  });

  it('never lets the renderer suggest a folder', async () => {
    const state = setup();
    await fromApp(DESKTOP_CHANNELS.saveFile, { ...file, fileName: '../../.bashrc' });
    expect(state.saveOptions[0]?.defaultPath).not.toContain('/');
    expect(safeFileName('C:\\Windows\\x.json')).toBe('C__Windows_x.json');
    expect(safeFileName('...')).toBe('gloss-export');
  });

  it('reports a write that fails as an io error', async () => {
    const state = setup();
    state.saveChoice = { canceled: false, filePath: join(dir, 'missing-folder', 'x.json') };
    expect(await fromApp(DESKTOP_CHANNELS.saveFile, file)).toMatchObject({
      ok: false,
      error: { code: 'io' },
    });
  });
});

describe('openLink channel', () => {
  beforeEach(resetStandIn);

  it('asks first, then opens an https link in the system browser', async () => {
    const state = setup();
    state.messageChoice = 0;
    expect(await fromApp(DESKTOP_CHANNELS.openLink, 'https://example.org/report?id=4')).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(state.messageOptions).toHaveLength(1);
    expect(state.messageOptions[0]).toMatchObject({
      message: 'Open https://example.org/report?id=4 in your browser?',
      cancelId: 1,
      defaultId: 1,
    });
    expect(shell.opened).toEqual(['https://example.org/report?id=4']);
  });

  it('opens nothing when the user cancels', async () => {
    const state = setup();
    state.messageChoice = 1;
    expect(await fromApp(DESKTOP_CHANNELS.openLink, 'http://news.example/')).toEqual({
      ok: true,
      value: { opened: false },
    });
    expect(shell.opened).toEqual([]);
  });

  it('refuses every address that is not a plain http(s) link, without asking', async () => {
    const state = setup();
    state.messageChoice = 0;
    for (const payload of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'ms-msdt:/id PCWDiagnostic',
      'https://user:pw@example.org/',
      'not a url',
      `https://example.org/${'a'.repeat(5000)}`,
      undefined,
      42,
      { url: 'https://example.org/' },
      ['https://example.org/'],
    ]) {
      expect(await fromApp(DESKTOP_CHANNELS.openLink, payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect(state.messageOptions).toEqual([]);
    expect(shell.opened).toEqual([]);
  });

  it('refuses a sender that is not our renderer, without asking', async () => {
    const state = setup();
    state.messageChoice = 0;
    for (const url of ['https://evil.example/', 'file:///tmp/evil.html', null]) {
      expect(
        await ipcMain.invoke(DESKTOP_CHANNELS.openLink, url, 'https://example.org/'),
      ).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(state.messageOptions).toEqual([]);
    expect(shell.opened).toEqual([]);
  });

  it('reports a browser that cannot be started as an io error', async () => {
    const dialog = {
      showMessageBox: async () => ({ response: 0, checkboxChecked: false }),
    };
    const result = await openLinkWithDialog('https://example.org/', dialog, async () => {
      throw new Error('no browser');
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
  });
});
