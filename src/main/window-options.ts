import type { BrowserWindowConstructorOptions } from 'electron';

/** The paper colour of the UI, shown before the first paint so the window never flashes white/black. */
export const WINDOW_BACKGROUND = '#f7f5f0';

/** The main window's options: locked-down web preferences (DESIGN.md "Security") and a sensible size. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Gloss',
    backgroundColor: WINDOW_BACKGROUND,
    // Shown on 'ready-to-show' so the user never sees a half-painted window.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Dropping a file onto the window imports it (the renderer handles drops); it never navigates.
      navigateOnDragDrop: false,
      // Analysts' documents are not theirs to correct, and the spellchecker may fetch dictionaries.
      spellcheck: false,
      safeDialogs: true,
    },
  };
}
