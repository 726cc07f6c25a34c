// Every command of the app, named once. The desktop menu (main/menu.ts), the command palette
// and the shortcuts dialog are all built from this list, so a command added here shows up in
// all three, and a test fails if one of them leaves it out.

export const COMMAND_IDS = [
  'open',
  'import',
  'export',
  'add-samples',
  'remove-document',
  'backups',
  'undo',
  'redo',
  'delete-annotation',
  'edit-tags',
  'suggest',
  'next-annotation',
  'previous-annotation',
  'open-details',
  'focus-text',
  'search-document',
  'search-workspace',
  'toggle-overview',
  'toggle-places',
  'close-panels',
  'theme-system',
  'theme-light',
  'theme-dark',
  'text-larger',
  'text-smaller',
  'command-palette',
  'shortcuts',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

/** The menus commands are grouped in, in menu-bar order. */
export type CommandGroup = 'File' | 'Edit' | 'Tag' | 'Go' | 'View' | 'Help';

export interface CommandInfo {
  id: CommandId;
  /** As the menu and palette say it ("Export…": an ellipsis when a dialog asks for more). */
  title: string;
  group: CommandGroup;
  /** The keys, as shown to people ("Ctrl+O"); the first one is the menu's accelerator. */
  keys: readonly string[];
  /** Words that find it in the palette besides its title. */
  also?: string;
}

export const COMMANDS: readonly CommandInfo[] = [
  { id: 'open', title: 'Open documents…', group: 'File', keys: ['Ctrl+O'], also: 'file add' },
  {
    id: 'import',
    title: 'Import annotations…',
    group: 'File',
    keys: [],
    also: 'json w3c load',
  },
  {
    id: 'export',
    title: 'Export…',
    group: 'File',
    keys: ['Ctrl+E'],
    also: 'json w3c csv report save',
  },
  { id: 'add-samples', title: 'Add the sample articles', group: 'File', keys: [] },
  {
    id: 'remove-document',
    title: 'Remove this document…',
    group: 'File',
    keys: [],
    also: 'delete close trash',
  },
  { id: 'backups', title: 'Backups…', group: 'File', keys: [], also: 'restore' },
  { id: 'undo', title: 'Undo', group: 'Edit', keys: ['Ctrl+Z'] },
  { id: 'redo', title: 'Redo', group: 'Edit', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'] },
  {
    id: 'delete-annotation',
    title: 'Delete the selected annotation',
    group: 'Edit',
    keys: ['Delete'],
    also: 'remove',
  },
  {
    id: 'edit-tags',
    title: 'Edit tags…',
    group: 'Tag',
    keys: [],
    also: 'rename recolour colour color hotkey',
  },
  {
    id: 'suggest',
    title: 'Suggest annotations',
    group: 'Edit',
    keys: [],
    also: 'figures quotes places detect',
  },
  {
    id: 'next-annotation',
    title: 'Next annotation',
    group: 'Go',
    keys: ['J', 'Alt+Down'],
  },
  {
    id: 'previous-annotation',
    title: 'Previous annotation',
    group: 'Go',
    keys: ['K', 'Alt+Up'],
  },
  {
    id: 'open-details',
    title: "Open the annotation's details",
    group: 'Go',
    keys: ['Enter'],
    also: 'note edit',
  },
  { id: 'focus-text', title: 'Go to the document text', group: 'Go', keys: ['Ctrl+J'] },
  {
    id: 'search-document',
    title: 'Search this document',
    group: 'Go',
    keys: ['Ctrl+F'],
    also: 'find',
  },
  {
    id: 'search-workspace',
    title: 'Search all documents',
    group: 'Go',
    keys: ['Ctrl+Shift+F'],
    also: 'find workspace',
  },
  {
    id: 'toggle-overview',
    title: 'Overview',
    group: 'View',
    keys: ['Ctrl+Shift+O'],
    also: 'chart figures quotes claims counts summary',
  },
  { id: 'toggle-places', title: 'Places map', group: 'View', keys: ['Ctrl+Shift+M'] },
  {
    id: 'close-panels',
    title: 'Close panels',
    group: 'View',
    keys: ['Escape'],
    also: 'hide dismiss',
  },
  { id: 'theme-system', title: 'Theme: follow the system', group: 'View', keys: [] },
  { id: 'theme-light', title: 'Theme: light', group: 'View', keys: [] },
  { id: 'theme-dark', title: 'Theme: dark', group: 'View', keys: [], also: 'night' },
  { id: 'text-larger', title: 'Larger text', group: 'View', keys: [], also: 'size bigger' },
  { id: 'text-smaller', title: 'Smaller text', group: 'View', keys: [], also: 'size' },
  {
    id: 'command-palette',
    title: 'Command palette…',
    group: 'Help',
    keys: ['Ctrl+K', 'Ctrl+Shift+P'],
  },
  { id: 'shortcuts', title: 'Keyboard shortcuts', group: 'Help', keys: ['?'], also: 'keys help' },
];

const BY_ID = new Map(COMMANDS.map((c) => [c.id, c]));

/** A command's description. */
export function commandInfo(id: CommandId): CommandInfo {
  return BY_ID.get(id)!;
}

/** True for the ids of COMMANDS. */
export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && BY_ID.has(value as CommandId);
}

/** "Tag the selection as …", sent by the desktop menu's Tag menu: `tag:` and the tag's id. */
export type TagCommand = `tag:${string}`;
/** What the desktop menu may send the renderer. */
export type MenuCommand = CommandId | TagCommand;

// A tag id's form (TagSchema in core/model), repeated here: this file is imported by the
// sandboxed preload, which cannot bundle zod.
const TAG_COMMAND = /^tag:[a-z0-9][a-z0-9-]{0,39}$/;

/** True for what may arrive from the menu over IPC: a command's id, or a tag's. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return isCommandId(value) || (typeof value === 'string' && TAG_COMMAND.test(value));
}

/**
 * The accelerator a menu shows for a command: its first key a menu can show, in Electron's form
 * ("Ctrl+Shift+O" → "CmdOrCtrl+Shift+O"). Bare keys (J, ?, Delete) act only outside text fields,
 * so a menu must not show them as if they always worked.
 */
export function menuAccelerator(keys: readonly string[]): string | undefined {
  const shown = keys.find((k) => k.includes('+'));
  return shown?.replace(/^Ctrl\+/, 'CmdOrCtrl+');
}
