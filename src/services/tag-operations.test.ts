import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppServices } from './services';
import { tagIdFor } from '../core/tags';
import { openTestServices, removeFolder, tempFolder, unwrap } from './test-support';

describe('tagIdFor', () => {
  it('makes a plain, unique id from a name', () => {
    expect(tagIdFor('Source: Ministry', new Set())).toBe('source-ministry');
    expect(tagIdFor('Évaluation', new Set())).toBe('evaluation');
    expect(tagIdFor('claim', new Set(['claim', 'claim-2']))).toBe('claim-3');
    expect(tagIdFor('!!!', new Set())).toBe('tag');
  });
});

describe('tag operations', () => {
  let dir: string;
  let services: AppServices;
  const ids = async () => unwrap(await services.getWorkspace()).tags.map((t) => t.id);

  beforeEach(async () => {
    dir = await tempFolder();
    services = await openTestServices(join(dir, 'ws'));
  });
  afterEach(async () => {
    await services.close();
    await removeFolder(dir);
  });

  it('adds, renames, recolours, rebinds and moves a tag, each undoable, and keeps it after a restart', async () => {
    const made = unwrap(
      await services.createTag({
        name: 'Source',
        color: '#0B7285',
        hotkey: '5',
        description: 'Who said it',
      }),
    );
    expect(made.tags?.at(-1)).toEqual({
      id: 'source',
      name: 'Source',
      color: '#0b7285',
      hotkey: '5',
      description: 'Who said it',
    });
    unwrap(
      await services.updateTag({ id: 'source', name: 'Sources', color: '#5f3dc4', hotkey: null }),
    );
    unwrap(await services.moveTag({ id: 'source', to: 0 }));
    expect(await ids()).toEqual(['source', 'claim', 'quote', 'location', 'figure']);
    const undone = unwrap(await services.undo());
    expect(undone.tags?.map((t) => t.id)).toEqual([
      'claim',
      'quote',
      'location',
      'figure',
      'source',
    ]);
    unwrap(await services.undo());
    expect(unwrap(await services.getWorkspace()).tags.at(-1)).toMatchObject({
      name: 'Source',
      hotkey: '5',
    });
    unwrap(await services.redo());
    await services.close();
    services = await openTestServices(join(dir, 'ws'));
    expect(unwrap(await services.getWorkspace()).tags.at(-1)).toEqual({
      id: 'source',
      name: 'Sources',
      color: '#5f3dc4',
      description: 'Who said it',
    });
  });

  it('refuses a taken hotkey or name, changing nothing', async () => {
    expect(await services.createTag({ name: 'Source', color: '#0b7285', hotkey: '1' })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'Hotkey 1 already belongs to “Claim”.' },
    });
    expect((await services.createTag({ name: 'claim', color: '#0b7285' })).ok).toBe(false);
    expect((await services.updateTag({ id: 'quote', hotkey: '3' })).ok).toBe(false);
    expect(await ids()).toEqual(['claim', 'quote', 'location', 'figure']);
  });

  it('deletes a tag in use by retagging or removing its annotations across documents, as one undoable step', async () => {
    const docs = [];
    for (const text of ['First text with a claim.\n', 'Second text, another claim.\n']) {
      docs.push(
        unwrap(
          await services.importFile({
            name: `${docs.length}.txt`,
            bytes: new TextEncoder().encode(text),
          }),
        ).document.id,
      );
    }
    for (const documentId of docs)
      unwrap(await services.createAnnotation({ documentId, tag: 'claim', start: 0, end: 5 }));
    expect(unwrap(await services.countTagUses({ id: 'claim' }))).toEqual({
      annotations: 2,
      documents: 2,
    });

    const retagged = unwrap(await services.deleteTag({ id: 'claim', retagTo: 'quote' }));
    expect(retagged.changes.map((c) => c.annotation?.tag)).toEqual(['quote', 'quote']);
    expect(await ids()).toEqual(['quote', 'location', 'figure']);
    unwrap(await services.undo());
    expect(await ids()).toEqual(['claim', 'quote', 'location', 'figure']);
    for (const documentId of docs) {
      expect(unwrap(await services.openDocument({ documentId })).annotations[0]!.tag).toBe('claim');
    }

    const removed = unwrap(await services.deleteTag({ id: 'claim' }));
    expect(removed.changes.map((c) => c.annotation)).toEqual([null, null]);
    expect(unwrap(await services.openDocument({ documentId: docs[0]! })).annotations).toEqual([]);
    unwrap(await services.undo());
    expect(unwrap(await services.openDocument({ documentId: docs[1]! })).annotations).toHaveLength(
      1,
    );
  });

  it('refuses to retag as the tag itself or as an unknown tag', async () => {
    expect((await services.deleteTag({ id: 'claim', retagTo: 'claim' })).ok).toBe(false);
    expect((await services.deleteTag({ id: 'claim', retagTo: 'nope' })).ok).toBe(false);
    expect(await ids()).toContain('claim');
  });
});
