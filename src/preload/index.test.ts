import { beforeAll, describe, expect, it } from 'vitest';
import { contextBridge, ipcRenderer, resetStandIn } from '../../test/electron-stand-in';
import { SERVICE_METHODS } from '../core/api-schema';
import { DESKTOP_CHANNELS } from '../shared/api';
import type { MenuCommand, PreloadApi } from '../shared/api';

/** Every non-function value reachable from an object (there should be none but objects of functions). */
function nonFunctions(value: unknown, path = 'api'): string[] {
  if (typeof value === 'function') return [];
  if (typeof value !== 'object' || value === null) return [path];
  return Object.entries(value).flatMap(([key, inner]) => nonFunctions(inner, `${path}.${key}`));
}

describe('preload', () => {
  let api: PreloadApi;
  beforeAll(async () => {
    resetStandIn();
    await import('./index');
    api = contextBridge.exposed['api'] as PreloadApi;
  });

  it('exposes window.api and nothing else', () => {
    expect(Object.keys(contextBridge.exposed)).toEqual(['api']);
  });

  it('exposes only functions: no ipcRenderer, no values', () => {
    expect(nonFunctions(api)).toEqual([]);
    expect(Object.keys(api)).not.toContain('ipcRenderer');
    expect(Object.values(api)).not.toContain(ipcRenderer);
    expect(Object.keys(api).sort()).toEqual([...SERVICE_METHODS, 'desktop'].sort());
  });

  it('calls ipcRenderer.invoke on gloss:<method>', async () => {
    await api.createAnnotation({ documentId: 'd', start: 0, end: 3, tag: 'claim' });
    expect(ipcRenderer.invocations.at(-1)).toEqual({
      channel: 'gloss:createAnnotation',
      args: [{ documentId: 'd', start: 0, end: 3, tag: 'claim' }],
    });
  });

  it('delivers menu commands without the IPC event, and unsubscribes', () => {
    const got: unknown[] = [];
    const off = api.desktop.onMenuCommand((command: MenuCommand) => got.push(command));
    ipcRenderer.emit(DESKTOP_CHANNELS.menuCommand, { sender: 'the IPC event' }, 'export');
    off();
    ipcRenderer.emit(DESKTOP_CHANNELS.menuCommand, { sender: 'the IPC event' }, 'open');
    expect(got).toEqual(['export']);
  });
});
