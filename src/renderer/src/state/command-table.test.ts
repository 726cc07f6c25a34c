import { describe, expect, it } from 'vitest';
import { COMMAND_IDS } from '../../../shared/commands';
import type { CommandConditions } from './command-table';
import { commandAvailability, neighbourAnnotation } from './command-table';

const everything: CommandConditions = {
  hasWorkspace: true,
  hasDocuments: true,
  hasDocument: true,
  hasAnnotations: true,
  hasSelection: true,
  readOnly: false,
  canUndo: true,
  canRedo: true,
  canGrowText: true,
  canShrinkText: true,
};

const available = (conditions: Partial<CommandConditions> = {}) =>
  commandAvailability({ ...everything, ...conditions });
const unavailable = (conditions: Partial<CommandConditions>) =>
  COMMAND_IDS.filter((id) => !available(conditions)[id]);

describe('commandAvailability', () => {
  it('has every command available when all is possible', () => {
    expect(COMMAND_IDS.every((id) => available()[id])).toBe(true);
  });

  it('needs a selected annotation to delete it or open its details', () => {
    expect(unavailable({ hasSelection: false })).toEqual(['delete-annotation', 'open-details']);
  });

  it('disables every change in a read-only workspace, but not reading, search or export', () => {
    expect(unavailable({ readOnly: true })).toEqual([
      'import',
      'add-samples',
      'remove-document',
      'undo',
      'redo',
      'delete-annotation',
      'edit-tags',
      'suggest',
    ]);
  });

  it('needs an open document for its commands', () => {
    const off = unavailable({ hasDocument: false, hasAnnotations: false, hasSelection: false });
    expect(off).toEqual(
      expect.arrayContaining(['search-document', 'next-annotation', 'focus-text', 'suggest']),
    );
    expect(off).not.toContain('open');
    expect(off).not.toContain('search-workspace');
  });

  it('stops the text size at its smallest and largest', () => {
    expect(unavailable({ canGrowText: false })).toEqual(['text-larger']);
    expect(unavailable({ canShrinkText: false })).toEqual(['text-smaller']);
  });
});

describe('neighbourAnnotation', () => {
  const list = [{ id: 'a' }, { id: 'o', orphan: true }, { id: 'b' }, { id: 'c' }];

  it('starts at the first (J) or the last (K) when none is selected', () => {
    expect(neighbourAnnotation(list, null, 1)?.id).toBe('a');
    expect(neighbourAnnotation(list, null, -1)?.id).toBe('c');
  });

  it('moves in text order, skipping orphans, and wraps around', () => {
    expect(neighbourAnnotation(list, 'a', 1)?.id).toBe('b');
    expect(neighbourAnnotation(list, 'c', 1)?.id).toBe('a');
    expect(neighbourAnnotation(list, 'a', -1)?.id).toBe('c');
  });

  it('has nothing to move to without placed annotations', () => {
    expect(neighbourAnnotation([{ id: 'o', orphan: true }], null, 1)).toBeNull();
  });
});
