import type { RequestOf } from '../core/api-schema';
import type { AnnotationStep, UndoHistory } from '../core/history';
import type { DocumentMeta, Tag } from '../core/model';
import { TagSchema } from '../core/model';
import type { Result } from '../core/result';
import { ok } from '../core/result';
import type { GlossServices, Mutation } from '../shared/api';
import type { Serial } from './serial';
import { ServiceError } from './service-error';
import { tagIdFor } from '../core/tags';
import type { WorkspaceStore } from './workspace-store';

/** What the tag operations need of the services that host them. */
export interface TagContext {
  run<T>(action: string, body: () => Promise<Result<T>>): Promise<Result<T>>;
  serial: Serial;
  store: WorkspaceStore;
  history: UndoHistory;
  now(): Date;
}

type TagOperations = Pick<
  GlossServices,
  'createTag' | 'updateTag' | 'moveTag' | 'countTagUses' | 'deleteTag'
>;

/** Adding, renaming, recolouring, reordering and deleting tags; each one undoable step. */
export function tagOperations(ctx: TagContext): TagOperations {
  const { run, serial, store, history } = ctx;
  const tags = () => store.index.tags;

  function find(id: string): Tag {
    const tag = tags().find((t) => t.id === id);
    if (!tag) throw new ServiceError('not-found', `There is no tag "${id}" in this workspace.`);
    return tag;
  }

  /** Refuses a hotkey another tag has: the analyst frees it there first. */
  function checkHotkey(hotkey: string | null | undefined, ownId: string | null): void {
    if (!hotkey) return;
    const holder = tags().find((t) => t.hotkey === hotkey && t.id !== ownId);
    if (holder)
      throw new ServiceError(
        'invalid-request',
        `Hotkey ${hotkey} already belongs to “${holder.name}”.`,
      );
  }

  function checkName(name: string, ownId: string | null): void {
    const same = tags().find((t) => t.name.toLowerCase() === name.toLowerCase() && t.id !== ownId);
    if (same)
      throw new ServiceError('invalid-request', `There is already a tag called “${same.name}”.`);
  }

  /** Applies a new tag set (and annotation changes) as one step, answering once on disk. */
  async function commit(
    next: Tag[],
    annotationSteps: AnnotationStep[] = [],
    sets: Map<string, { save(): Promise<void> }> = new Map(),
  ): Promise<Result<Mutation>> {
    for (const t of next) {
      const parsed = TagSchema.safeParse(t);
      if (!parsed.success)
        throw new ServiceError('invalid-request', `The tag “${t.name}” is not valid.`);
    }
    const before = tags().map((t) => ({ ...t }));
    store.setTags(next);
    history.recordStep({
      annotations: annotationSteps,
      tags: { before, after: next.map((t) => ({ ...t })) },
    });
    await Promise.all([store.saveIndex(), ...[...sets.values()].map((s) => s.save())]);
    return ok({
      changes: annotationSteps.map((s) => ({
        documentId: s.documentId,
        id: (s.after ?? s.before)!.id,
        annotation: s.after ? structuredClone(s.after) : null,
      })),
      history: history.state(),
      tags: next.map((t) => ({ ...t })),
    });
  }

  /** Every annotation set of the workspace (a tag may be used in any document). */
  async function allSets() {
    const out: { meta: DocumentMeta; set: Awaited<ReturnType<WorkspaceStore['annotations']>> }[] =
      [];
    for (const meta of store.index.documents)
      out.push({ meta, set: await store.annotations(meta) });
    return out;
  }

  return {
    createTag: (request: RequestOf<'createTag'>) =>
      run('add the tag', () =>
        serial.run(async () => {
          store.assertWritable();
          const name = request.name.trim();
          checkName(name, null);
          checkHotkey(request.hotkey, null);
          const tag: Tag = {
            id: tagIdFor(name, new Set(tags().map((t) => t.id))),
            name,
            color: request.color.toLowerCase(),
            ...(request.hotkey ? { hotkey: request.hotkey } : {}),
            ...(request.description ? { description: request.description } : {}),
          };
          return commit([...tags(), tag]);
        }),
      ),

    updateTag: (request: RequestOf<'updateTag'>) =>
      run('change the tag', () =>
        serial.run(async () => {
          store.assertWritable();
          const current = find(request.id);
          if (request.name !== undefined) checkName(request.name.trim(), current.id);
          checkHotkey(request.hotkey, current.id);
          const updated: Tag = { ...current };
          if (request.name !== undefined) updated.name = request.name.trim();
          if (request.color !== undefined) updated.color = request.color.toLowerCase();
          if (request.hotkey === null) delete updated.hotkey;
          else if (request.hotkey !== undefined) updated.hotkey = request.hotkey;
          if (request.description !== undefined) {
            if (request.description) updated.description = request.description;
            else delete updated.description;
          }
          return commit(tags().map((t) => (t.id === current.id ? updated : t)));
        }),
      ),

    moveTag: (request: RequestOf<'moveTag'>) =>
      run('move the tag', () =>
        serial.run(async () => {
          store.assertWritable();
          const tag = find(request.id);
          const rest = tags().filter((t) => t.id !== tag.id);
          const to = Math.min(request.to, rest.length);
          return commit([...rest.slice(0, to), tag, ...rest.slice(to)]);
        }),
      ),

    countTagUses: (request: RequestOf<'countTagUses'>) =>
      run('count the uses of the tag', async () => {
        find(request.id);
        let annotations = 0;
        let documents = 0;
        for (const { set } of await allSets()) {
          const n = set.list().filter((a) => a.tag === request.id).length;
          annotations += n;
          if (n) documents++;
        }
        return ok({ annotations, documents });
      }),

    deleteTag: (request: RequestOf<'deleteTag'>) =>
      run('delete the tag', () =>
        serial.run(async () => {
          store.assertWritable();
          const tag = find(request.id);
          if (request.retagTo !== undefined) {
            if (request.retagTo === tag.id)
              throw new ServiceError('invalid-request', 'A tag cannot be retagged as itself.');
            find(request.retagTo);
          }
          const steps: AnnotationStep[] = [];
          const touched = new Map<string, { save(): Promise<void> }>();
          const stamp = ctx.now().toISOString();
          for (const { meta, set } of await allSets()) {
            for (const a of set.list().filter((x) => x.tag === tag.id)) {
              const after = request.retagTo
                ? { ...a, tag: request.retagTo, modified: stamp }
                : null;
              if (after) set.put(after);
              else set.remove(a.id);
              steps.push({ documentId: meta.id, before: a, after });
              touched.set(meta.id, set);
            }
          }
          return commit(
            tags().filter((t) => t.id !== tag.id),
            steps,
            touched,
          );
        }),
      ),
  };
}
