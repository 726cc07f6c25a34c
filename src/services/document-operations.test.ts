import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppServices } from './services';
import { openTestServices, removeFolder, tempFolder, unwrap } from './test-support';

const ARTICLE =
  'Sea wall vote\n\nThe council voted to build 4.2 km of wall.\n\nResidents of Nordhafen objected.\n';

describe('document operations', () => {
  let dir: string;
  let ws: string;
  let services: AppServices;
  let source: string;

  beforeEach(async () => {
    dir = await tempFolder();
    ws = join(dir, 'ws');
    source = join(dir, 'article.txt');
    await writeFile(source, ARTICLE);
    services = await openTestServices(ws);
  });

  afterEach(async () => {
    await services.close();
    await removeFolder(dir);
  });

  async function importAndAnnotate(...quotes: string[]) {
    const { document } = unwrap(await services.importPath(source));
    const ids: string[] = [];
    for (const quote of quotes) {
      const start = ARTICLE.indexOf(quote);
      const m = unwrap(
        await services.createAnnotation({
          documentId: document.id,
          tag: 'claim',
          start,
          end: start + quote.length,
        }),
      );
      ids.push(m.changes[0]!.id);
    }
    return { documentId: document.id, ids };
  }

  it('renames a document and keeps the new title after a restart', async () => {
    const { documentId } = await importAndAnnotate();
    const renamed = unwrap(
      await services.renameDocument({ documentId, title: '  Council vote  ' }),
    );
    expect(renamed.title).toBe('Council vote');
    await services.close();
    services = await openTestServices(ws);
    expect(unwrap(await services.getWorkspace()).documents[0]!.title).toBe('Council vote');
  });

  it('removes a document, keeping a copy of it and its annotations in trash/', async () => {
    const { documentId } = await importAndAnnotate('4.2 km of wall');
    const { keptAt, removed } = unwrap(await services.removeDocument({ documentId }));
    expect(removed.id).toBe(documentId);
    expect(unwrap(await services.getWorkspace()).documents).toEqual([]);
    const kept = JSON.parse(await readFile(join(ws, keptAt), 'utf8'));
    expect(kept.document.id).toBe(documentId);
    expect(kept.annotations.map((a: { quote: string }) => a.quote)).toEqual(['4.2 km of wall']);
    expect(await readdir(join(ws, 'annotations'))).toEqual([]);
    expect(unwrap(await services.undo()).changes).toEqual([]); // its steps were forgotten
  });

  it('checks the source file: unchanged, changed, missing; unknown without a path', async () => {
    const { documentId } = await importAndAnnotate();
    expect(unwrap(await services.checkSource({ documentId })).status).toBe('unchanged');
    await writeFile(source, ARTICLE + 'More.\n');
    expect(unwrap(await services.checkSource({ documentId })).status).toBe('changed');
    await writeFile(source, ARTICLE);
    expect(unwrap(await services.checkSource({ documentId })).status).toBe('unchanged');
    await removeFolder(source);
    expect(unwrap(await services.checkSource({ documentId })).status).toBe('missing');
    const uploaded = unwrap(
      await services.importFile({ name: 'x.txt', bytes: new TextEncoder().encode('Other text\n') }),
    );
    expect(unwrap(await services.checkSource({ documentId: uploaded.document.id })).status).toBe(
      'unknown',
    );
  });

  it('updates from disk: annotations stay, move or become orphans; the old text is kept', async () => {
    const { documentId, ids } = await importAndAnnotate(
      'Sea wall vote',
      '4.2 km of wall',
      'Nordhafen',
    );
    const edited = ARTICLE.replace('The council', 'Updated.\n\nThe council').replace(
      'Residents of Nordhafen objected.',
      'Fishermen objected.',
    );
    await writeFile(source, edited);
    const { summary, opened } = unwrap(await services.updateFromDisk({ documentId }));
    expect(summary).toEqual({ exact: 1, moved: 1, orphaned: 1 });
    expect(opened.text).toBe(edited);
    const byId = new Map(opened.annotations.map((a) => [a.id, a]));
    expect(byId.get(ids[0]!)).toMatchObject({ quote: 'Sea wall vote', start: 0 });
    const moved = byId.get(ids[1]!)!;
    expect(edited.slice(moved.start, moved.end)).toBe('4.2 km of wall');
    expect(moved.textHash).toBe(opened.document.textHash);
    expect(byId.get(ids[2]!)).toMatchObject({ orphan: true, quote: 'Nordhafen' });
    expect(opened.document.versions).toHaveLength(1);
    const texts = (await readdir(join(ws, 'documents'))).filter((f) => f.endsWith('.txt'));
    expect(texts).toHaveLength(2);
    expect(unwrap(await services.checkSource({ documentId })).status).toBe('unchanged');
  });

  it('re-attaches an orphan to a new selection, undoably', async () => {
    const { documentId, ids } = await importAndAnnotate('Nordhafen');
    const edited = ARTICLE.replace('Residents of Nordhafen objected.', 'Fishermen objected.');
    await writeFile(source, edited);
    unwrap(await services.updateFromDisk({ documentId }));
    const start = edited.indexOf('Fishermen');
    const m = unwrap(
      await services.reattachAnnotation({ documentId, id: ids[0]!, start, end: start + 9 }),
    );
    expect(m.changes[0]!.annotation).toMatchObject({ quote: 'Fishermen', start });
    expect(m.changes[0]!.annotation).not.toHaveProperty('orphan');
    const undone = unwrap(await services.undo());
    expect(undone.changes[0]!.annotation).toMatchObject({ orphan: true, quote: 'Nordhafen' });
  });

  it('refuses to update a document whose file is gone, changing nothing', async () => {
    const { documentId } = await importAndAnnotate('Nordhafen');
    await removeFolder(source);
    const result = await services.updateFromDisk({ documentId });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toContain('article.txt');
  });
});
