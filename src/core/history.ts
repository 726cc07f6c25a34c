import type { Annotation, Tag } from './model';

/**
 * One annotation's change: as it was before and after. `before` null means the change created
 * it; `after` null means the change deleted it. Undo swaps them.
 */
export interface AnnotationStep {
  documentId: string;
  before: Annotation | null;
  after: Annotation | null;
}

/** The workspace's tag set before and after a change to it. */
export interface TagsStep {
  before: Tag[];
  after: Tag[];
}

/**
 * One undoable action: the annotation changes it made (in any documents) and, for tag edits,
 * the tag set before and after — so deleting a tag in use undoes as one step.
 */
export interface HistoryStep {
  annotations: AnnotationStep[];
  tags?: TagsStep;
}

/** What the UI needs to enable its Undo and Redo commands. */
export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
}

/** Bounded undo/redo stacks of steps. Pure: applying a step is the caller's job. */
export class UndoHistory {
  private readonly done: HistoryStep[] = [];
  private readonly undone: HistoryStep[] = [];

  constructor(private readonly limit = 500) {}

  /** Records a change of one annotation; a new step clears what could be redone. */
  record(step: AnnotationStep): void {
    this.recordStep({ annotations: [step] });
  }

  /** Records a step of several changes (and perhaps of the tag set). */
  recordStep(step: HistoryStep): void {
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
  }

  /** Takes the step to undo, already inverted (apply its `after`s, in order). */
  undo(): HistoryStep | null {
    const step = this.done.pop();
    if (!step) return null;
    this.undone.push(step);
    return invertStep(step);
  }

  /** Takes the step to redo (apply its `after`s, in order). */
  redo(): HistoryStep | null {
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

  /** Forgets everything (the workspace was restored from a backup). */
  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }

  /** Forgets every change that touches a document (it was removed or its text replaced). */
  forgetDocument(documentId: string): void {
    for (const stack of [this.done, this.undone]) {
      for (let i = stack.length - 1; i >= 0; i--) {
        const step = stack[i]!;
        const kept = step.annotations.filter((a) => a.documentId !== documentId);
        if (kept.length === step.annotations.length) continue;
        if (kept.length === 0 && !step.tags) stack.splice(i, 1);
        else stack[i] = { ...step, annotations: kept };
      }
    }
  }

  state(): HistoryState {
    return { canUndo: this.done.length > 0, canRedo: this.undone.length > 0 };
  }
}

/** The change that reverses another. */
export function invert(step: AnnotationStep): AnnotationStep {
  return { documentId: step.documentId, before: step.after, after: step.before };
}

/** The step that reverses another: its changes inverted, in reverse order. */
export function invertStep(step: HistoryStep): HistoryStep {
  const annotations = [...step.annotations].reverse().map(invert);
  return step.tags
    ? { annotations, tags: { before: step.tags.after, after: step.tags.before } }
    : { annotations };
}
