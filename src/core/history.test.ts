import { describe, expect, it } from 'vitest';
import type { AnnotationStep } from './history';
import { UndoHistory, invert } from './history';
import type { Annotation } from './model';

function annotation(id: string, note = ''): Annotation {
  return {
    id,
    documentId: 'doc',
    tag: 'claim',
    start: 0,
    end: 4,
    quote: 'text',
    prefix: '',
    suffix: '',
    textHash: 'a'.repeat(64),
    note,
    details: {},
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  };
}

const created = (id: string): AnnotationStep => ({
  documentId: 'doc',
  before: null,
  after: annotation(id),
});

describe('UndoHistory', () => {
  it('starts with nothing to undo or redo', () => {
    const h = new UndoHistory();
    expect(h.state()).toEqual({ canUndo: false, canRedo: false });
    expect(h.undo()).toBeNull();
    expect(h.redo()).toBeNull();
  });

  it('undoes the latest step first, inverted', () => {
    const h = new UndoHistory();
    h.record(created('a'));
    const edit: AnnotationStep = {
      documentId: 'doc',
      before: annotation('a'),
      after: annotation('a', 'note'),
    };
    h.record(edit);
    expect(h.undo()).toEqual({
      annotations: [{ documentId: 'doc', before: annotation('a', 'note'), after: annotation('a') }],
    });
    expect(h.undo()).toEqual({
      annotations: [{ documentId: 'doc', before: annotation('a'), after: null }],
    });
    expect(h.undo()).toBeNull();
    expect(h.state()).toEqual({ canUndo: false, canRedo: true });
  });

  it('redoes what was undone, in order, as the original step', () => {
    const h = new UndoHistory();
    h.record(created('a'));
    h.record(created('b'));
    h.undo();
    h.undo();
    expect(h.redo()).toEqual({ annotations: [created('a')] });
    expect(h.redo()).toEqual({ annotations: [created('b')] });
    expect(h.redo()).toBeNull();
    expect(h.state()).toEqual({ canUndo: true, canRedo: false });
  });

  it('clears what could be redone when a new step is recorded', () => {
    const h = new UndoHistory();
    h.record(created('a'));
    h.undo();
    expect(h.state().canRedo).toBe(true);
    h.record(created('b'));
    expect(h.state()).toEqual({ canUndo: true, canRedo: false });
    expect(h.redo()).toBeNull();
  });

  it('forgets the oldest steps beyond its limit', () => {
    const h = new UndoHistory(3);
    for (const id of ['a', 'b', 'c', 'd', 'e']) h.record(created(id));
    const undone = [h.undo(), h.undo(), h.undo(), h.undo()].map(
      (s) => s?.annotations[0]?.before?.id ?? null,
    );
    expect(undone).toEqual(['e', 'd', 'c', null]);
  });

  it('puts a step back when applying it failed', () => {
    const h = new UndoHistory();
    h.record(created('a'));
    h.undo();
    h.revert('undo');
    expect(h.state()).toEqual({ canUndo: true, canRedo: false });
    h.undo();
    h.redo();
    h.revert('redo');
    expect(h.state()).toEqual({ canUndo: false, canRedo: true });
  });

  it('forgets the steps of a removed document', () => {
    const h = new UndoHistory();
    h.record(created('a'));
    h.record({ ...created('x'), documentId: 'other' });
    h.record(created('b'));
    h.undo(); // b goes to the redo stack
    h.forgetDocument('doc');
    expect(h.undo()?.annotations[0]?.documentId).toBe('other');
    expect(h.state()).toEqual({ canUndo: false, canRedo: true });
    expect(h.redo()?.annotations[0]?.documentId).toBe('other');
    expect(h.redo()).toBeNull();
  });
});

describe('invert', () => {
  it('swaps before and after, and is its own inverse', () => {
    const step: AnnotationStep = { documentId: 'doc', before: annotation('a'), after: null };
    expect(invert(step)).toEqual({ documentId: 'doc', before: null, after: annotation('a') });
    expect(invert(invert(step))).toEqual(step);
  });
});

describe('compound steps', () => {
  const tag = (id: string) => ({ id, name: id, color: '#123456' });

  it('undoes several changes and the tag set as one step, in reverse order', () => {
    const h = new UndoHistory();
    const first: AnnotationStep = { documentId: 'd1', before: annotation('a'), after: null };
    const second: AnnotationStep = { documentId: 'd2', before: annotation('b'), after: null };
    h.recordStep({
      annotations: [first, second],
      tags: { before: [tag('x'), tag('y')], after: [tag('x')] },
    });
    expect(h.undo()).toEqual({
      annotations: [invert(second), invert(first)],
      tags: { before: [tag('x')], after: [tag('x'), tag('y')] },
    });
    expect(h.redo()).toEqual({
      annotations: [first, second],
      tags: { before: [tag('x'), tag('y')], after: [tag('x')] },
    });
  });

  it("forgets only the removed document's part of a compound step", () => {
    const h = new UndoHistory();
    const first: AnnotationStep = { documentId: 'd1', before: annotation('a'), after: null };
    const second: AnnotationStep = { documentId: 'd2', before: annotation('b'), after: null };
    h.recordStep({ annotations: [first, second], tags: { before: [], after: [] } });
    h.forgetDocument('d1');
    expect(h.undo()?.annotations).toEqual([invert(second)]);
  });
});
