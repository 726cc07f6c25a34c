import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/api';
import { diffAnnotations } from './highlight-painter';

const make = (id: string, extra: Partial<Annotation> = {}): Annotation =>
  ({ id, tag: 'claim', start: 0, end: 1, ...extra }) as Annotation;

describe('diffAnnotations', () => {
  it('repaints only what changed: new, edited (a new object) and removed annotations', () => {
    const kept = make('kept');
    const edited = make('edited');
    const gone = make('gone');
    const painted = new Map([kept, edited, gone].map((a) => [a, null]));
    const editedNow = { ...edited, tag: 'quote' };
    const fresh = make('fresh');
    const { added, removed } = diffAnnotations(painted, [kept, editedNow, fresh]);
    expect(added).toEqual([editedNow, fresh]);
    expect(removed.map((a) => a.id).sort()).toEqual(['edited', 'gone']);
  });

  it('never paints orphans, and takes down one that became an orphan', () => {
    const a = make('a');
    const painted = new Map([[a, null]]);
    const { added, removed } = diffAnnotations(painted, [{ ...a, orphan: true }]);
    expect(added).toEqual([]);
    expect(removed).toEqual([a]);
  });

  it('finds nothing to repaint when nothing changed, among 10,000 annotations', () => {
    const all = Array.from({ length: 10_000 }, (_, i) => make(`a${i}`));
    const painted = new Map(all.map((a) => [a, null]));
    expect(diffAnnotations(painted, all)).toEqual({ added: [], removed: [] });
  });
});
