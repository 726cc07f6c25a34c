import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/api';

/**
 * The application menu. Commands the renderer carries out (open, export, undo, redo) are sent to
 * it; the rest are Electron roles. Undo/Redo show their shortcuts but do not register them: the
 * renderer handles Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y itself, including inside its text fields.
 */
export function menuTemplate(
  send: (command: MenuCommand) => void,
  platform: NodeJS.Platform,
  packaged: boolean,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => send('open') },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
      { label: 'Import annotations…', click: () => send('import') },
      { type: 'separator' },
      // On macOS, Quit lives in the app menu; File ends with Close Window there.
      mac ? { role: 'close' } : { role: 'quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      {
        label: 'Undo',
        accelerator: 'CmdOrCtrl+Z',
        registerAccelerator: false,
        click: () => send('undo'),
      },
      {
        label: 'Redo',
        accelerator: 'CmdOrCtrl+Shift+Z',
        registerAccelerator: false,
        click: () => send('redo'),
      },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const developer: MenuItemConstructorOptions[] = packaged
    ? []
    : [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
      ];
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...developer,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ label: 'About Gloss', role: 'about' }],
  };
  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    edit,
    view,
    help,
  ];
}
