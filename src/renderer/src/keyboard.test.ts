import { describe, expect, it } from 'vitest';
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

describe('keyCommand', () => {
  it('maps digit keys to tag hotkeys', () => {
    expect(keyCommand(key('1'))).toEqual({ kind: 'tag', hotkey: '1' });
    expect(keyCommand(key('4'))).toEqual({ kind: 'tag', hotkey: '4' });
    expect(keyCommand(key('0'))).toBeNull();
  });

  it('leaves digits to text fields', () => {
    expect(keyCommand(key('1', { inTextField: true }))).toBeNull();
  });

  it('maps Ctrl+Z to undo and Ctrl+Shift+Z and Ctrl+Y to redo', () => {
    expect(keyCommand(key('z', { ctrlKey: true }))).toEqual({ kind: 'undo' });
    expect(keyCommand(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ kind: 'redo' });
    expect(keyCommand(key('y', { ctrlKey: true }))).toEqual({ kind: 'redo' });
    expect(keyCommand(key('z', { metaKey: true }))).toEqual({ kind: 'undo' });
  });

  it('keeps text undo inside text fields', () => {
    expect(keyCommand(key('z', { ctrlKey: true, inTextField: true }))).toBeNull();
  });

  it('opens and exports with Ctrl+O and Ctrl+E, even from a text field', () => {
    expect(keyCommand(key('o', { ctrlKey: true, inTextField: true }))).toEqual({ kind: 'open' });
    expect(keyCommand(key('e', { ctrlKey: true }))).toEqual({ kind: 'export' });
  });

  it('shows or hides the places map with Ctrl+Shift+M, not with Ctrl+M', () => {
    expect(keyCommand(key('M', { ctrlKey: true, shiftKey: true }))).toEqual({ kind: 'places' });
    expect(keyCommand(key('m', { ctrlKey: true }))).toBeNull();
  });

  it('searches the document with Ctrl+F and the workspace with Ctrl+Shift+F, even from a field', () => {
    expect(keyCommand(key('f', { ctrlKey: true }))).toEqual({ kind: 'search', scope: 'document' });
    expect(keyCommand(key('F', { ctrlKey: true, shiftKey: true, inTextField: true }))).toEqual({
      kind: 'search',
      scope: 'workspace',
    });
  });

  it('maps Delete and Escape outside text fields only', () => {
    expect(keyCommand(key('Delete'))).toEqual({ kind: 'delete' });
    expect(keyCommand(key('Escape'))).toEqual({ kind: 'deselect' });
    expect(keyCommand(key('Delete', { inTextField: true }))).toBeNull();
  });

  it('ignores Alt combinations', () => {
    expect(keyCommand(key('1', { altKey: true }))).toBeNull();
    expect(keyCommand(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});
