import { describe, expect, it } from 'vitest';
import type { CommandId } from '../../shared/commands';
import { COMMANDS } from '../../shared/commands';
import type { KeyInput } from './keyboard';
import { keyCommand } from './keyboard';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  inTextField: false,
  ...extra,
});
const command = (id: CommandId) => ({ kind: 'command', id });

describe('keyCommand', () => {
  it('maps digit keys to tag hotkeys', () => {
    expect(keyCommand(key('1'))).toEqual({ kind: 'tag', hotkey: '1' });
    expect(keyCommand(key('4'))).toEqual({ kind: 'tag', hotkey: '4' });
    expect(keyCommand(key('0'))).toBeNull();
  });

  it('leaves digits and letters to text fields', () => {
    expect(keyCommand(key('1', { inTextField: true }))).toBeNull();
    expect(keyCommand(key('j', { inTextField: true }))).toBeNull();
    expect(keyCommand(key('?', { inTextField: true }))).toBeNull();
  });

  it('maps Ctrl+Z to undo and Ctrl+Shift+Z and Ctrl+Y to redo', () => {
    expect(keyCommand(key('z', { ctrlKey: true }))).toEqual(command('undo'));
    expect(keyCommand(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual(command('redo'));
    expect(keyCommand(key('y', { ctrlKey: true }))).toEqual(command('redo'));
    expect(keyCommand(key('z', { metaKey: true }))).toEqual(command('undo'));
  });

  it('keeps text undo inside text fields', () => {
    expect(keyCommand(key('z', { ctrlKey: true, inTextField: true }))).toBeNull();
  });

  it('opens and exports with Ctrl+O and Ctrl+E, even from a text field', () => {
    expect(keyCommand(key('o', { ctrlKey: true, inTextField: true }))).toEqual(command('open'));
    expect(keyCommand(key('e', { ctrlKey: true }))).toEqual(command('export'));
  });

  it('shows or hides the places map with Ctrl+Shift+M, not with Ctrl+M', () => {
    expect(keyCommand(key('M', { ctrlKey: true, shiftKey: true }))).toEqual(
      command('toggle-places'),
    );
    expect(keyCommand(key('m', { ctrlKey: true }))).toBeNull();
  });

  it('searches the document with Ctrl+F and the workspace with Ctrl+Shift+F, even from a field', () => {
    expect(keyCommand(key('f', { ctrlKey: true }))).toEqual(command('search-document'));
    expect(keyCommand(key('F', { ctrlKey: true, shiftKey: true, inTextField: true }))).toEqual(
      command('search-workspace'),
    );
  });

  it('opens the command palette with Ctrl+K and Ctrl+Shift+P, the overview with Ctrl+Shift+O', () => {
    expect(keyCommand(key('k', { ctrlKey: true }))).toEqual(command('command-palette'));
    expect(keyCommand(key('P', { ctrlKey: true, shiftKey: true, inTextField: true }))).toEqual(
      command('command-palette'),
    );
    expect(keyCommand(key('O', { ctrlKey: true, shiftKey: true }))).toEqual(
      command('toggle-overview'),
    );
  });

  it('moves between annotations with J/K and Alt+Down/Up', () => {
    expect(keyCommand(key('j'))).toEqual(command('next-annotation'));
    expect(keyCommand(key('k'))).toEqual(command('previous-annotation'));
    expect(keyCommand(key('ArrowDown', { altKey: true }))).toEqual(command('next-annotation'));
    expect(keyCommand(key('ArrowUp', { altKey: true }))).toEqual(command('previous-annotation'));
    // Plain arrows belong to the reading cursor and to scrolling.
    expect(keyCommand(key('ArrowDown'))).toBeNull();
    expect(keyCommand(key('J', { shiftKey: true }))).toBeNull();
  });

  it('opens the details with Enter, except on a button or link that Enter presses', () => {
    expect(keyCommand(key('Enter'))).toEqual(command('open-details'));
    expect(keyCommand(key('Enter', { onControl: true }))).toBeNull();
    expect(keyCommand(key('Enter', { inTextField: true }))).toBeNull();
  });

  it('maps Delete, Escape and ? outside text fields only', () => {
    expect(keyCommand(key('Delete'))).toEqual(command('delete-annotation'));
    expect(keyCommand(key('Escape'))).toEqual(command('close-panels'));
    expect(keyCommand(key('?', { shiftKey: true }))).toEqual(command('shortcuts'));
    expect(keyCommand(key('Delete', { inTextField: true }))).toBeNull();
  });

  it('ignores other Alt combinations', () => {
    expect(keyCommand(key('1', { altKey: true }))).toBeNull();
    expect(keyCommand(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it('gives every shortcut the command list shows to that command', () => {
    for (const c of COMMANDS) {
      for (const keys of c.keys) {
        const parts = keys.split('+');
        const last = parts.pop()!;
        const named: Record<string, string> = { Up: 'ArrowUp', Down: 'ArrowDown' };
        const input = key(named[last] ?? (last.length === 1 ? last.toLowerCase() : last), {
          ctrlKey: parts.includes('Ctrl'),
          shiftKey: parts.includes('Shift') || last === '?',
          altKey: parts.includes('Alt'),
        });
        expect(keyCommand(input), `${keys} for ${c.id}`).toEqual(command(c.id));
      }
    }
  });
});
