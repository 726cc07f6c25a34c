import { describe, expect, it } from 'vitest';
import { tagIdFor } from '../core/tags';
import { servicesForEachTest, unwrap } from './test-support';

describe('tagIdFor', () => {
  it('makes a plain, unique id from a name', () => {
    expect(tagIdFor('Source: Ministry', new Set())).toBe('source-ministry');
    expect(tagIdFor('Évaluation', new Set())).toBe('evaluation');
    expect(tagIdFor('claim', new Set(['claim', 'claim-2']))).toBe('claim-3');
    expect(tagIdFor('!!!', new Set())).toBe('tag');
  });
});

describe('tag operations', () => {
  const ws = servicesForEachTest();
  const ids = async () => unwrap(await ws.services.getWorkspace()).tags.map((t) => t.id);

  it('adds, renames, recolours, rebinds and moves a tag, each undoable, and keeps it after a restart', async () => {
    const made = unwrap(
      await ws.services.createTag({
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
      await ws.services.updateTag({
        id: 'source',
        name: 'Sources',
        color: '#5f3dc4',
        hotkey: null,
      }),
    );
    unwrap(await ws.services.moveTag({ id: 'source', to: 0 }));
    expect(await ids()).toEqual(['source', 'claim', 'quote', 'location', 'figure']);
    const undone = unwrap(await ws.services.undo());
    expect(undone.tags?.map((t) => t.id)).toEqual([
      'claim',
      'quote',
      'location',
      'figure',
      'source',
    ]);
    unwrap(await ws.services.undo());
    expect(unwrap(await ws.services.getWorkspace()).tags.at(-1)).toMatchObject({
      name: 'Source',
      hotkey: '5',
    });
    unwrap(await ws.services.redo());
    await ws.reopen();
    expect(unwrap(await ws.services.getWorkspace()).tags.at(-1)).toEqual({
      id: 'source',
      name: 'Sources',
      color: '#5f3dc4',
      description: 'Who said it',
    });
  });

  it('refuses a taken hotkey or name, changing nothing', async () => {
    expect(await ws.services.createTag({ name: 'Source', color: '#0b7285', hotkey: '1' })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'Hotkey 1 already belongs to “Claim”.' },
    });
    expect((await ws.services.createTag({ name: 'claim', color: '#0b7285' })).ok).toBe(false);
    expect((await ws.services.updateTag({ id: 'quote', hotkey: '3' })).ok).toBe(false);
    expect(await ids()).toEqual(['claim', 'quote', 'location', 'figure']);
  });

  it('deletes a tag in use by retagging or removing its annotations across documents, as one undoable step', async () => {
    const docs = [];
    for (const text of ['First text with a claim.\n', 'Second text, another claim.\n']) {
      docs.push(
        unwrap(
          await ws.services.importFile({
            name: `${docs.length}.txt`,
            bytes: new TextEncoder().encode(text),
          }),
        ).document.id,
      );
    }
    for (const documentId of docs)
      unwrap(await ws.services.createAnnotation({ documentId, tag: 'claim', start: 0, end: 5 }));
    expect(unwrap(await ws.services.countTagUses({ id: 'claim' }))).toEqual({
      annotations: 2,
      documents: 2,
    });

    const retagged = unwrap(await ws.services.deleteTag({ id: 'claim', retagTo: 'quote' }));
    expect(retagged.changes.map((c) => c.annotation?.tag)).toEqual(['quote', 'quote']);
    expect(await ids()).toEqual(['quote', 'location', 'figure']);
    unwrap(await ws.services.undo());
    expect(await ids()).toEqual(['claim', 'quote', 'location', 'figure']);
    for (const documentId of docs) {
      expect(unwrap(await ws.services.openDocument({ documentId })).annotations[0]!.tag).toBe(
        'claim',
      );
    }

    const removed = unwrap(await ws.services.deleteTag({ id: 'claim' }));
    expect(removed.changes.map((c) => c.annotation)).toEqual([null, null]);
    expect(unwrap(await ws.services.openDocument({ documentId: docs[0]! })).annotations).toEqual(
      [],
    );
    unwrap(await ws.services.undo());
    expect(
      unwrap(await ws.services.openDocument({ documentId: docs[1]! })).annotations,
    ).toHaveLength(1);
  });

  it('refuses to retag as the tag itself or as an unknown tag', async () => {
    expect((await ws.services.deleteTag({ id: 'claim', retagTo: 'claim' })).ok).toBe(false);
    expect((await ws.services.deleteTag({ id: 'claim', retagTo: 'nope' })).ok).toBe(false);
    expect(await ids()).toContain('claim');
  });
});
