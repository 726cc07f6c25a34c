import { describe, expect, it } from 'vitest';
import { SERVICE_METHODS } from '../core/api-schema';
import { DESKTOP_CHANNELS } from '../shared/api';
import type { MenuCommand } from '../shared/api';
import { PRELOAD_METHODS, buildApi } from './build-api';

const recorder = () => {
  const invoked: Array<{ channel: string; args: unknown[] }> = [];
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const api = buildApi(
    async (channel, ...args) => {
      invoked.push({ channel, args });
      return { ok: true, value: channel };
    },
    (channel, listener) => {
      listeners.set(channel, listener);
      return () => listeners.delete(channel);
    },
  );
  return { api, invoked, listeners };
};

describe('PRELOAD_METHODS', () => {
  it('equals SERVICE_METHODS, in the same order', () => {
    expect([...PRELOAD_METHODS]).toEqual(SERVICE_METHODS);
  });
});

describe('buildApi', () => {
  it('has one function per service method, plus desktop, and nothing else', () => {
    const { api } = recorder();
    expect(Object.keys(api).sort()).toEqual([...SERVICE_METHODS, 'desktop'].sort());
    expect(Object.keys(api.desktop).sort()).toEqual([
      'onMenuCommand',
      'openAsText',
      'openFilesDialog',
      'openLink',
      'saveFile',
    ]);
  });

  it('invokes gloss:<method> with the payload only', async () => {
    const { api, invoked } = recorder();
    await api.openDocument({ documentId: 'd1' });
    await api.getWorkspace();
    // Extra arguments a page might pass are not forwarded.
    await (api.undo as (...args: unknown[]) => Promise<unknown>)(undefined, 'extra');
    expect(invoked).toEqual([
      { channel: 'gloss:openDocument', args: [{ documentId: 'd1' }] },
      { channel: 'gloss:getWorkspace', args: [undefined] },
      { channel: 'gloss:undo', args: [undefined] },
    ]);
  });

  it('invokes the desktop channels', async () => {
    const { api, invoked } = recorder();
    await api.desktop.openFilesDialog();
    const file = { fileName: 'a.json', mimeType: 'application/json', content: '{}' };
    await api.desktop.saveFile(file);
    await (api.desktop.openLink as (...args: unknown[]) => Promise<unknown>)(
      'https://example.org/',
      'extra',
    );
    expect(invoked).toEqual([
      { channel: DESKTOP_CHANNELS.openFilesDialog, args: [] },
      { channel: DESKTOP_CHANNELS.saveFile, args: [file] },
      // Only the address crosses; the main process checks it again and asks the user.
      { channel: DESKTOP_CHANNELS.openLink, args: ['https://example.org/'] },
    ]);
  });

  it('passes known menu commands to the listener, never the event, and unsubscribes', () => {
    const { api, listeners } = recorder();
    const got: MenuCommand[] = [];
    const off = api.desktop.onMenuCommand((command) => got.push(command));
    const deliver = listeners.get(DESKTOP_CHANNELS.menuCommand);
    deliver?.('undo');
    deliver?.('tag:claim');
    deliver?.('format-disk');
    deliver?.('tag:../../etc');
    deliver?.('tag:');
    deliver?.({ sender: 'ipc' });
    expect(got).toEqual(['undo', 'tag:claim']);
    off();
    expect(listeners.has(DESKTOP_CHANNELS.menuCommand)).toBe(false);
  });

  it('is frozen', () => {
    const { api } = recorder();
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.desktop)).toBe(true);
  });
});
