import type { CommandId } from '../../shared/commands';

/** What a key press means to Gloss, decided without touching the DOM (testable). */
export type KeyCommand =
  { kind: 'tag'; hotkey: string } | { kind: 'command'; id: CommandId } | null;

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** True when the focus is in a text field, whose own keys (typing, text undo) come first. */
  inTextField: boolean;
  /** True when the focus is on a control Enter activates (a button, a link, a checkbox). */
  onControl?: boolean;
}

const command = (id: CommandId): KeyCommand => ({ kind: 'command', id });

// Ctrl (or Cmd) shortcuts that work even from a text field: they never mean anything to text.
const EVERYWHERE: Record<string, CommandId> = {
  o: 'open',
  e: 'export',
  f: 'search-document',
  'shift+f': 'search-workspace',
  'shift+m': 'toggle-places',
  'shift+o': 'toggle-overview',
  k: 'command-palette',
  'shift+p': 'command-palette',
  j: 'focus-text',
};
// Ctrl shortcuts a text field keeps for itself (undo typing).
const OUTSIDE_TEXT: Record<string, CommandId> = {
  z: 'undo',
  'shift+z': 'redo',
  y: 'redo',
};
// Bare keys, outside text fields only: typing a J in a note must stay a J.
const BARE: Record<string, CommandId> = {
  j: 'next-annotation',
  k: 'previous-annotation',
  Delete: 'delete-annotation',
  Escape: 'close-panels',
  '?': 'shortcuts',
};

/** Maps a key press to a command: 1–9 tag, Ctrl+Z undo, J/K next/previous annotation, … */
export function keyCommand(e: KeyInput): KeyCommand {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey) {
    const chord = (e.shiftKey ? 'shift+' : '') + e.key.toLowerCase();
    const everywhere = EVERYWHERE[chord];
    if (everywhere) return command(everywhere);
    const outside = OUTSIDE_TEXT[chord];
    return outside && !e.inTextField ? command(outside) : null;
  }
  if (e.inTextField || mod) return null;
  if (e.altKey) {
    if (e.shiftKey) return null;
    if (e.key === 'ArrowDown') return command('next-annotation');
    if (e.key === 'ArrowUp') return command('previous-annotation');
    return null;
  }
  if (/^[1-9]$/.test(e.key)) return { kind: 'tag', hotkey: e.key };
  // Enter on a button or link presses it; elsewhere it opens the selected annotation's details.
  if (e.key === 'Enter') return e.onControl || e.shiftKey ? null : command('open-details');
  const bare = BARE[e.key];
  return bare ? command(bare) : null;
}

/** True for elements that take typed text. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** True for elements Enter or Space activates (buttons, links, checkboxes, summaries). */
export function isControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return !!target.closest(
    'button, a[href], summary, [role="button"], [role="link"], input, select',
  );
}
