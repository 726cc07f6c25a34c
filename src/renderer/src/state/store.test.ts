import { describe, expect, it } from 'vitest';
import type { Annotation, OpenedDocument, WorkspaceState } from '../../../shared/api';
import { stepsBetween } from './annotation-steps';
import { applyChanges, byTextOrder, initialState, reduce } from './store';

const hash = 'a'.repeat(64);
const annotation = (id: string, start: number, end: number, tag = 'claim'): Annotation => ({
  id,
  documentId: 'd1',
  tag,
  start,
  end,
  quote: 'x'.repeat(end - start),
  prefix: '',
  suffix: '',
  textHash: hash,
  note: '',
  details: {},
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
});

const opened: OpenedDocument = {
  document: {
    id: 'd1',
    title: 'T',
    format: 'text',
    sourceName: 't.txt',
    rawHash: hash,
    textHash: hash,
    length: 100,
    added: '2026-01-01T00:00:00.000Z',
  },
  text: 'x'.repeat(100),
  layout: { blocks: [{ start: 0, end: 100, kind: 'paragraph' }], marks: [] },
  annotations: [annotation('b', 20, 30)],
};

const workspace: WorkspaceState = {
  path: '/w',
  readOnly: false,
  problem: null,
  tags: [],
  documents: [opened.document],
  history: { canUndo: false, canRedo: false },
  openOnStart: null,
  startupProblems: [],
};

describe('reduce', () => {
  it('applies created, changed and removed annotations in text order', () => {
    let s = reduce(reduce(initialState, { type: 'workspace-loaded', workspace }), {
      type: 'document-opened',
      opened,
    });
    s = reduce(s, {
      type: 'changes',
      changes: [{ documentId: 'd1', id: 'a', annotation: annotation('a', 5, 10) }],
      history: { canUndo: true, canRedo: false },
      select: 'a',
    });
    expect(s.open?.annotations.map((a) => a.id)).toEqual(['a', 'b']);
    expect(s.selectedId).toBe('a');
    expect(s.history.canUndo).toBe(true);
    s = reduce(s, {
      type: 'changes',
      changes: [{ documentId: 'd1', id: 'a', annotation: null }],
      history: s.history,
    });
    expect(s.open?.annotations.map((a) => a.id)).toEqual(['b']);
    expect(s.selectedId).toBeNull();
  });

  it('ignores changes to another document', () => {
    const s = reduce(
      { ...initialState, open: opened },
      {
        type: 'changes',
        changes: [{ documentId: 'other', id: 'z', annotation: null }],
        history: { canUndo: true, canRedo: false },
      },
    );
    expect(s.open).toBe(opened);
  });

  it('counts pending writes and never goes below zero', () => {
    let s = reduce(initialState, { type: 'write-started' });
    s = reduce(s, { type: 'write-started' });
    s = reduce(s, { type: 'write-finished' });
    expect(s.pendingWrites).toBe(1);
    s = reduce(reduce(s, { type: 'write-finished' }), { type: 'write-finished' });
    expect(s.pendingWrites).toBe(0);
  });

  it('renames and removes documents, closing the one removed', () => {
    const s0 = reduce(reduce(initialState, { type: 'workspace-loaded', workspace }), {
      type: 'document-opened',
      opened,
    });
    const renamed = reduce(s0, {
      type: 'document-renamed',
      document: { ...opened.document, title: 'New' },
    });
    expect(renamed.workspace?.documents[0]?.title).toBe('New');
    expect(renamed.open?.document.title).toBe('New');
    const removed = reduce(renamed, { type: 'document-removed', documentId: 'd1' });
    expect(removed.workspace?.documents).toEqual([]);
    expect(removed.open).toBeNull();
  });

  it('shows a preview without touching history, and the answer replaces its provisional annotation', () => {
    let s = reduce(reduce(initialState, { type: 'workspace-loaded', workspace }), {
      type: 'document-opened',
      opened,
    });
    s = reduce(s, {
      type: 'preview',
      changes: [
        { documentId: 'd1', id: 'provisional-1', annotation: annotation('provisional-1', 5, 9) },
      ],
      select: 'provisional-1',
    });
    expect(s.open?.annotations.map((a) => a.id)).toEqual(['provisional-1', 'b']);
    expect(s.selectedId).toBe('provisional-1');
    expect(s.history.canUndo).toBe(false);
    s = reduce(s, {
      type: 'changes',
      changes: [
        { documentId: 'd1', id: 'provisional-1', annotation: null },
        { documentId: 'd1', id: 'real', annotation: annotation('real', 5, 9) },
      ],
      history: { canUndo: true, canRedo: false },
      replaces: { from: 'provisional-1', to: 'real' },
    });
    expect(s.open?.annotations.map((a) => a.id)).toEqual(['real', 'b']);
    expect(s.selectedId).toBe('real');
    expect(s.replaced).toEqual({ from: 'provisional-1', to: 'real' });
    expect(s.history.canUndo).toBe(true);
  });

  it('keeps a large list in text order as annotations come and go, and records each step', () => {
    const many = Array.from({ length: 2_000 }, (_, i) =>
      annotation(`a${i}`, (i * 7) % 1_000, ((i * 7) % 1_000) + 3),
    );
    const start = { ...opened, annotations: [...many].sort(byTextOrder) };
    let open = start;
    const moved = { ...many[10]!, start: 999, end: 1_000 };
    const fresh = annotation('fresh', 500, 501);
    open = applyChanges(open, [
      { documentId: 'd1', id: moved.id, annotation: moved },
      { documentId: 'd1', id: 'a11', annotation: null },
    ]);
    open = applyChanges(open, [{ documentId: 'd1', id: 'fresh', annotation: fresh }]);
    const expected = [...many.filter((a) => a.id !== 'a10' && a.id !== 'a11'), moved, fresh].sort(
      byTextOrder,
    );
    expect(open.annotations).toEqual(expected);
    // What the reader repaints: the two steps, with exactly the objects taken out and put in.
    const steps = stepsBetween(start.annotations, open.annotations);
    expect(
      steps?.map((st) => ({
        removed: st.removed.map((a) => a.id),
        added: st.added.map((a) => a.id),
      })),
    ).toEqual([
      { removed: ['a10', 'a11'], added: ['a10'] },
      { removed: [], added: ['fresh'] },
    ]);
    expect(steps?.[0]?.removed).toContain(many[10]);
    expect(steps?.[0]?.added[0]).toBe(moved);
    // A list that did not come from this one by recorded steps has none.
    expect(stepsBetween(open.annotations, start.annotations)).toBeNull();
  });
});
