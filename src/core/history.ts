import type { Annotation } from './model';

/**
 * One undoable step: the annotation as it was before and after. `before` null means the step
 * created it; `after` null means the step deleted it. Undo swaps them.
 */
export interface AnnotationStep {
  documentId: string;
  before: Annotation | null;
  after: Annotation | null;
}

/** What the UI needs to enable its Undo and Redo commands. */
export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
}

/** Bounded undo/redo stacks of annotation steps. Pure: applying a step is the caller's job. */
export class UndoHistory {
  private readonly done: AnnotationStep[] = [];
  private readonly undone: AnnotationStep[] = [];

  constructor(private readonly limit = 500) {}

  /** Records a new step; a new step clears what could be redone. */
  record(step: AnnotationStep): void {
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
  }

  /** Takes the step to undo, already inverted (apply its `after`). */
  undo(): AnnotationStep | null {
    const step = this.done.pop();
    if (!step) return null;
    this.undone.push(step);
    return invert(step);
  }

  /** Takes the step to redo (apply its `after`). */
  redo(): AnnotationStep | null {
    const step = this.undone.pop();
    if (!step) return null;
    this.done.push(step);
    return step;
  }

  /** Puts an undo/redo back when applying it failed, so nothing is lost from the stacks. */
  revert(kind: 'undo' | 'redo'): void {
    if (kind === 'undo') {
      const step = this.undone.pop();
      if (step) this.done.push(step);
    } else {
      const step = this.done.pop();
      if (step) this.undone.push(step);
    }
  }

  /** Forgets every step that touches a document (it was removed). */
  forgetDocument(documentId: string): void {
    for (const stack of [this.done, this.undone]) {
      for (let i = stack.length - 1; i >= 0; i--) {
        if (stack[i]?.documentId === documentId) stack.splice(i, 1);
      }
    }
  }

  state(): HistoryState {
    return { canUndo: this.done.length > 0, canRedo: this.undone.length > 0 };
  }
}

/** The step that reverses another. */
export function invert(step: AnnotationStep): AnnotationStep {
  return { documentId: step.documentId, before: step.after, after: step.before };
}
