import type { CommandId } from '../../../shared/commands';
import { COMMANDS } from '../../../shared/commands';

/** What decides whether a command can run now. */
export interface CommandConditions {
  hasWorkspace: boolean;
  /** The workspace has at least one document. */
  hasDocuments: boolean;
  /** A document is open. */
  hasDocument: boolean;
  /** The open document has annotations placed in its text. */
  hasAnnotations: boolean;
  /** An annotation is selected. */
  hasSelection: boolean;
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  canGrowText: boolean;
  canShrinkText: boolean;
}

/** When each command can run; those not named here always can. */
function enabledWhen(c: CommandConditions): Partial<Record<CommandId, boolean>> {
  const writable = c.hasWorkspace && !c.readOnly;
  return {
    import: writable && c.hasDocuments,
    export: c.hasDocuments,
    'add-samples': writable,
    'remove-document': writable && c.hasDocument,
    backups: c.hasWorkspace,
    undo: writable && c.canUndo,
    redo: writable && c.canRedo,
    'delete-annotation': writable && c.hasSelection,
    'edit-tags': writable,
    suggest: writable && c.hasDocument,
    'next-annotation': c.hasAnnotations,
    'previous-annotation': c.hasAnnotations,
    'open-details': c.hasSelection,
    'focus-text': c.hasDocument,
    'search-document': c.hasDocument,
    'search-workspace': c.hasDocuments,
    'toggle-overview': c.hasWorkspace,
    'text-larger': c.canGrowText,
    'text-smaller': c.canShrinkText,
  };
}

/**
 * Whether each command can run now. A command that cannot does nothing when its key is
 * pressed, and is shown dimmed in the palette.
 */
export function commandAvailability(conditions: CommandConditions): Record<CommandId, boolean> {
  const enabled = enabledWhen(conditions);
  return Object.fromEntries(COMMANDS.map(({ id }) => [id, enabled[id] ?? true])) as Record<
    CommandId,
    boolean
  >;
}

/** The annotation after (1) or before (-1) the selected one in text order, wrapping around. */
export function neighbourAnnotation<T extends { id: string; orphan?: boolean }>(
  annotations: readonly T[],
  selectedId: string | null,
  direction: 1 | -1,
): T | null {
  const placed = annotations.filter((a) => !a.orphan);
  if (placed.length === 0) return null;
  const at = placed.findIndex((a) => a.id === selectedId);
  if (at === -1) return direction === 1 ? placed[0]! : placed[placed.length - 1]!;
  return placed[(at + direction + placed.length) % placed.length]!;
}
