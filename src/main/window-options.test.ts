import { describe, expect, it } from 'vitest';
import { windowOptions } from './window-options';

describe('windowOptions', () => {
  const options = windowOptions('/app/out/preload/index.js');

  it('locks down every web preference of the Electron security checklist', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });

  it('stays hidden until ready-to-show and has a sensible size and title', () => {
    expect(options.show).toBe(false);
    expect(options).toMatchObject({
      width: 1400,
      height: 900,
      minWidth: 900,
      minHeight: 600,
      title: 'Gloss',
    });
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});
