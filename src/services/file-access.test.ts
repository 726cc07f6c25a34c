import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changesOutside, snapshotTree } from '../../test/fuzz';
import type { AppServices } from './services';
import { openTestServices, removeFolder, tempFolder, unwrap, utf8 } from './test-support';

// Gloss reads only files the user chose and writes only inside the workspace: hostile ids,
// hashes and paths carried by a request, an imported file or the workspace's own index lead
// nowhere else. (Each temp root holds workspace/ and outside/, whose files must not change.)

const SECRET = 'PRIVATE KEY MATERIAL, never to be read by Gloss\n';

describe('file access', () => {
  let root: string;
  let workspace: string;
  let secret: string;
  let services: AppServices | null;

  beforeEach(async () => {
    root = await tempFolder('gloss-file-access-');
    workspace = join(root, 'workspace');
    await mkdir(join(root, 'outside'));
    secret = join(root, 'outside', 'id_rsa');
    await writeFile(secret, SECRET);
    services = null;
  });
  afterEach(async () => {
    await services?.close();
    await removeFolder(root);
  });

  /** A Gloss export of one annotated document, carried in full, as another workspace makes it. */
  async function exported(): Promise<Record<string, unknown>> {
    const other = await openTestServices(join(root, 'other'));
    const doc = unwrap(await other.importFile({ name: 'a.txt', bytes: utf8('Harmless walls.') }));
    unwrap(
      await other.createAnnotation({ documentId: doc.document.id, start: 0, end: 8, tag: 'claim' }),
    );
    const file = unwrap(await other.exportDocuments({ format: 'json' }));
    await other.close();
    await removeFolder(join(root, 'other'));
    return JSON.parse(file.content) as Record<string, unknown>;
  }

  it('never takes a source path from an imported file, so Update from disk cannot read it', async () => {
    const json = await exported();
    const documents = json['documents'] as Record<string, unknown>[];
    documents[0]!['sourcePath'] = secret;
    services = await openTestServices(workspace);
    unwrap(await services.importAnnotations({ name: 'x.json', content: JSON.stringify(json) }));
    const [doc] = unwrap(await services.getWorkspace()).documents;
    expect(doc).toBeDefined();
    expect(doc!.sourcePath).toBeUndefined();
    expect(unwrap(await services.checkSource({ documentId: doc!.id }))).toEqual({
      status: 'unknown',
    });
    expect(await services.updateFromDisk({ documentId: doc!.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const opened = unwrap(await services.openDocument({ documentId: doc!.id }));
    expect(opened.text).not.toContain('PRIVATE KEY');
  });

  it('refuses documents with hostile ids or hashes in an imported file; nothing outside changes', async () => {
    const json = await exported();
    const before = await snapshotTree(root);
    services = await openTestServices(workspace);
    const original = (json['documents'] as Record<string, unknown>[])[0]!;
    const annotations = json['annotations'] as Record<string, unknown>[];
    for (const [field, value] of [
      ['id', '../outside/x'],
      ['id', '../../outside/id_rsa'],
      ['id', '/etc/passwd'],
      ['id', '..\\..\\outside\\x'],
      ['id', 'x\u0000y'],
      ['textHash', '../outside/id_rsa'],
      ['textHash', `${'a'.repeat(64)}/../../outside/id_rsa`],
      ['textHash', '/etc/passwd'],
    ] as const) {
      const document = { ...original, [field]: value };
      const content = JSON.stringify({
        ...json,
        documents: [document],
        annotations: annotations.map((a) => ({ ...a, documentId: document['id'] })),
      });
      const result = await services.importAnnotations({ name: 'hostile.json', content });
      expect(result, `${field}=${value}`).toMatchObject({ ok: false });
    }
    expect(unwrap(await services.getWorkspace()).documents).toEqual([]);
    await services.close();
    services = null;
    expect(changesOutside(before, await snapshotTree(root), 'workspace')).toEqual([]);
  });

  it('opens a workspace whose index names hostile paths as damaged, and follows none', async () => {
    const json = await exported();
    const meta = { ...(json['documents'] as Record<string, unknown>[])[0]! };
    delete meta['text'];
    delete meta['layout'];
    await mkdir(workspace);
    for (const hostile of [
      { ...meta, id: '../../outside/id_rsa' },
      { ...meta, textHash: '../outside/id_rsa' },
    ]) {
      await writeFile(
        join(workspace, 'gloss.json'),
        JSON.stringify({ schemaVersion: 1, tags: [], documents: [hostile] }),
      );
      const before = await snapshotTree(root);
      services = await openTestServices(workspace);
      const state = unwrap(await services.getWorkspace());
      expect(state.readOnly).toBe(true);
      expect(state.documents).toEqual([]);
      await services.close();
      services = null;
      expect(changesOutside(before, await snapshotTree(root), 'workspace')).toEqual([]);
      await rm(workspace, { recursive: true, force: true });
      await mkdir(workspace);
    }
    expect(await readFile(secret, 'utf8')).toBe(SECRET);
  });

  it('reads no text through a link to a file outside, and replaces the link, not the file', async () => {
    services = await openTestServices(workspace);
    const text = 'The council voted for the wall.\n';
    const doc = unwrap(await services.importFile({ name: 'wall.txt', bytes: utf8(text) }));
    await services.close();
    // Opened afresh (nothing cached), then the text and layout are swapped for links that lead
    // outside, as if someone did it while Gloss runs.
    services = await openTestServices(workspace);
    const path = join(workspace, 'documents', `${doc.document.textHash}.txt`);
    await rm(path);
    await symlink(secret, path);
    const layout = join(workspace, 'documents', `${doc.document.textHash}.layout.json`);
    await rm(layout);
    await symlink(secret, layout);
    const before = await snapshotTree(root);
    const opened = await services.openDocument({ documentId: doc.document.id });
    expect(opened).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(JSON.stringify(opened)).not.toContain('PRIVATE KEY');
    // Removed and imported again: the text is written as a real file where the link was
    // (the link is moved aside, never written through).
    unwrap(await services.removeDocument({ documentId: doc.document.id }));
    const again = unwrap(await services.importFile({ name: 'wall.txt', bytes: utf8(text) }));
    expect(unwrap(await services.openDocument({ documentId: again.document.id })).text).toBe(text);
    await services.close();
    services = null;
    expect(changesOutside(before, await snapshotTree(root), 'workspace')).toEqual([]);
    expect(await readFile(secret, 'utf8')).toBe(SECRET);
  });
});
