import { dirname } from 'node:path';
import type { Low } from 'lowdb';
import type { Annotation, AnnotationFile } from '../core/model';
import { ensureFolder } from './durable-write';
import { WriteQueue } from './write-queue';

/**
 * The annotations of one document, backed by its own lowdb file (annotations/<id>.json) so a
 * write costs one document's annotations, not the workspace's. Annotations are replaced, never
 * mutated in place, so undo steps can hold them safely.
 */
export class AnnotationSet {
  private readonly queue: WriteQueue;

  constructor(
    readonly documentId: string,
    readonly path: string,
    private readonly db: Low<AnnotationFile>,
  ) {
    this.queue = new WriteQueue(async () => {
      await ensureFolder(dirname(path));
      await this.db.write();
    });
  }

  /** Every annotation, in stored order. */
  list(): readonly Annotation[] {
    return this.db.data.annotations;
  }

  /** One annotation by id. */
  get(id: string): Annotation | undefined {
    return this.db.data.annotations.find((a) => a.id === id);
  }

  /** Adds an annotation or replaces the one with its id. */
  put(annotation: Annotation): void {
    const list = this.db.data.annotations;
    const at = list.findIndex((a) => a.id === annotation.id);
    if (at === -1) list.push(annotation);
    else list[at] = annotation;
  }

  /** Removes an annotation by id (no-op when absent). */
  remove(id: string): void {
    const list = this.db.data.annotations;
    const at = list.findIndex((a) => a.id === id);
    if (at !== -1) list.splice(at, 1);
  }

  /** Keys of the suggestions rejected in this document. */
  rejected(): ReadonlySet<string> {
    return new Set(this.db.data.rejected ?? []);
  }

  /** Remembers a rejected suggestion. */
  reject(key: string): void {
    const list = (this.db.data.rejected ??= []);
    if (!list.includes(key)) list.push(key);
  }

  /** Resolves once the current state is on disk (writes are coalesced). */
  save(): Promise<void> {
    return this.queue.schedule();
  }

  /** Resolves once nothing is left to write; retries a failed write. */
  flush(): Promise<void> {
    return this.queue.flush();
  }
}
