/** What a key press means to Gloss, decided without touching the DOM (testable). */
export type KeyCommand =
  | { kind: 'tag'; hotkey: string }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'open' }
  | { kind: 'export' }
  | { kind: 'places' }
  /** Ctrl+F searches the open document, Ctrl+Shift+F the whole workspace. */
  | { kind: 'search'; scope: 'document' | 'workspace' }
  | { kind: 'delete' }
  | { kind: 'deselect' }
  | null;

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** True when the focus is in a text field, whose own keys (typing, text undo) come first. */
  inTextField: boolean;
}

/** Maps a key press to a command: 1–9 tag, Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo, … */
export function keyCommand(e: KeyInput): KeyCommand {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && !e.altKey) {
    if (key === 'o') return { kind: 'open' };
    if (key === 'e') return { kind: 'export' };
    if (key === 'm' && e.shiftKey) return { kind: 'places' };
    if (key === 'f') return { kind: 'search', scope: e.shiftKey ? 'workspace' : 'document' };
    if (e.inTextField) return null;
    if (key === 'z') return e.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
    if (key === 'y' && !e.shiftKey) return { kind: 'redo' };
    return null;
  }
  if (e.inTextField || e.altKey) return null;
  if (/^[1-9]$/.test(e.key)) return { kind: 'tag', hotkey: e.key };
  if (e.key === 'Delete') return { kind: 'delete' };
  if (e.key === 'Escape') return { kind: 'deselect' };
  return null;
}

/** True for elements that take typed text. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
