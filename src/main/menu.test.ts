import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../shared/api';
import { COMMANDS } from '../shared/commands';
import { menuTemplate } from './menu';

const items = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);

const find = (template: MenuItemConstructorOptions[], label: string) =>
  items(template).find((item) => item.label === label);

describe('menuTemplate', () => {
  const sent: MenuCommand[] = [];
  const template = menuTemplate((command) => sent.push(command), 'linux', true);

  it('has File, Edit, Tag, Go, View and Help menus', () => {
    expect(template.map((menu) => menu.label)).toEqual([
      '&File',
      '&Edit',
      '&Tag',
      '&Go',
      '&View',
      '&Help',
    ]);
  });

  it("lists the workspace's tags in the Tag menu, each sending its id", () => {
    const tags = [
      { id: 'claim', name: 'Claim', hotkey: '1' },
      { id: 'source-check', name: 'Source check' },
    ];
    const withTags = menuTemplate((command) => sent.push(command), 'linux', true, tags);
    sent.length = 0;
    (find(withTags, 'Tag the selection as Claim (1)')?.click as () => void)();
    (find(withTags, 'Tag the selection as Source check')?.click as () => void)();
    expect(sent).toEqual(['tag:claim', 'tag:source-check']);
    // Without tags, the Tag menu holds Edit tags… alone.
    const tagMenu = template.find((m) => m.label === '&Tag');
    expect((tagMenu?.submenu as MenuItemConstructorOptions[]).map((i) => i.label)).toEqual([
      'Edit tags…',
    ]);
  });

  it('has every command of the app, in its group, sending its id', () => {
    for (const command of COMMANDS) {
      const menu = template.find((m) => m.label === `&${command.group}`);
      const entry = items(Array.isArray(menu?.submenu) ? menu.submenu : []).find(
        (item) => item.label === command.title,
      );
      expect(entry, `${command.title} in ${command.group}`).toBeDefined();
      sent.length = 0;
      (entry?.click as () => void)();
      expect(sent).toEqual([command.id]);
    }
  });

  it('shows shortcuts with modifiers but registers none: the renderer handles every key', () => {
    expect(find(template, 'Overview')?.accelerator).toBe('CmdOrCtrl+Shift+O');
    expect(find(template, 'Next annotation')?.accelerator).toBe('Alt+Down');
    // A bare key (Delete) acts only outside text fields, so the menu does not claim it.
    expect(find(template, 'Delete the selected annotation')?.accelerator).toBeUndefined();
    const registered = items(template).filter(
      (item) => item.accelerator && item.click && item.registerAccelerator !== false,
    );
    expect(registered).toEqual([]);
  });

  it('sends open and export with CmdOrCtrl+O and CmdOrCtrl+E', () => {
    expect(find(template, 'Open documents…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(find(template, 'Export…')?.accelerator).toBe('CmdOrCtrl+E');
    sent.length = 0;
    (find(template, 'Open documents…')?.click as () => void)();
    (find(template, 'Export…')?.click as () => void)();
    (find(template, 'Import annotations…')?.click as () => void)();
    expect(sent).toEqual(['open', 'export', 'import']);
  });

  it('shows Undo/Redo shortcuts without registering them, and sends the commands on click', () => {
    const undo = find(template, 'Undo');
    const redo = find(template, 'Redo');
    expect(undo).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(redo).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false });
    sent.length = 0;
    (undo?.click as () => void)();
    (redo?.click as () => void)();
    expect(sent).toEqual(['undo', 'redo']);
  });

  it('has Quit and the clipboard roles', () => {
    const roles = items(template).map((item) => item.role);
    expect(roles).toEqual(
      expect.arrayContaining(['quit', 'cut', 'copy', 'paste', 'selectAll', 'about']),
    );
  });

  it('offers reload and developer tools only when not packaged', () => {
    const packagedRoles = items(template).map((item) => item.role);
    expect(packagedRoles).not.toContain('toggleDevTools');
    expect(packagedRoles).not.toContain('reload');
    const devRoles = items(menuTemplate(() => undefined, 'linux', false)).map((item) => item.role);
    expect(devRoles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('puts Quit in the app menu on macOS', () => {
    const mac = menuTemplate(() => undefined, 'darwin', true);
    expect(mac[0]?.role).toBe('appMenu');
    expect(items(mac).map((item) => item.role)).not.toContain('quit');
  });
});
