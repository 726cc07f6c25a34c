import type { MenuItemConstructorOptions } from 'electron';
import type { CommandId, MenuCommand } from '../shared/commands';
import { COMMANDS, menuAccelerator } from '../shared/commands';

const SEPARATOR: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu: every command of shared/commands, sent to the renderer to carry out,
 * and Electron's roles (clipboard, zoom, quit). The menu shows shortcuts but registers none:
 * the renderer handles every key itself, so that a text field keeps its own (Ctrl+Z in a note
 * undoes typing) and a key never acts twice.
 */
/** A tag as the Tag menu lists it. */
export interface MenuTag {
  id: string;
  name: string;
  hotkey?: string | undefined;
}

export function menuTemplate(
  send: (command: MenuCommand) => void,
  platform: NodeJS.Platform,
  packaged: boolean,
  tags: readonly MenuTag[] = [],
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const item = (id: CommandId): MenuItemConstructorOptions => {
    const command = COMMANDS.find((c) => c.id === id)!;
    const accelerator = menuAccelerator(command.keys);
    return {
      label: command.title,
      ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
      click: () => send(id),
    };
  };
  const items = (...ids: (CommandId | null)[]) => ids.map((id) => (id ? item(id) : SEPARATOR));

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      ...items('open', 'import', 'export', null, 'add-samples', 'remove-document', 'backups'),
      SEPARATOR,
      // On macOS, Quit lives in the app menu; File ends with Close Window there.
      mac ? { role: 'close' } : { role: 'quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      ...items('undo', 'redo'),
      SEPARATOR,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      SEPARATOR,
      ...items('delete-annotation', 'suggest'),
    ],
  };
  // The workspace's own tags (main rebuilds the menu when they change); their keys are bare
  // digits, which act only outside text fields, so they are named, not registered.
  const tag: MenuItemConstructorOptions = {
    label: '&Tag',
    submenu: [
      ...tags.map((t) => ({
        label: `Tag the selection as ${t.name}${t.hotkey ? ` (${t.hotkey})` : ''}`,
        click: () => send(`tag:${t.id}`),
      })),
      ...(tags.length ? [SEPARATOR] : []),
      item('edit-tags'),
    ],
  };
  const go: MenuItemConstructorOptions = {
    label: '&Go',
    submenu: items(
      'next-annotation',
      'previous-annotation',
      'open-details',
      'focus-text',
      null,
      'search-document',
      'search-workspace',
    ),
  };
  const developer: MenuItemConstructorOptions[] = packaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, SEPARATOR];
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...items('toggle-overview', 'toggle-places', 'close-panels', null),
      ...items('theme-system', 'theme-light', 'theme-dark', 'text-larger', 'text-smaller'),
      SEPARATOR,
      ...developer,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      SEPARATOR,
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      ...items('command-palette', 'shortcuts'),
      SEPARATOR,
      { label: 'About Gloss', role: 'about' },
    ],
  };
  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    edit,
    tag,
    go,
    view,
    help,
  ];
}
