import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppServices } from './services';
import { openTestServices, removeFolder, tempFolder, unwrap } from './test-support';

const TEXT = 'The ministry says it built over 210 kilometres of concrete walls last year.\n';

describe('annotation details', () => {
  let dir: string;
  let services: AppServices;
  let documentId: string;
  let id: string;

  beforeEach(async () => {
    dir = await tempFolder();
    services = await openTestServices(join(dir, 'ws'));
    documentId = unwrap(
      await services.importFile({ name: 'a.txt', bytes: new TextEncoder().encode(TEXT) }),
    ).document.id;
    const start = TEXT.indexOf('over 210');
    const m = unwrap(
      await services.createAnnotation({
        documentId,
        tag: 'figure',
        start,
        end: start + 'over 210 kilometres of concrete walls'.length,
      }),
    );
    id = m.changes[0]!.id;
  });

  afterEach(async () => {
    await services.close();
    await removeFolder(dir);
  });

  it('are read from the passage when it is tagged, and from its new tag when retagged', async () => {
    const opened = unwrap(await services.openDocument({ documentId }));
    expect(opened.annotations[0]!.details).toMatchObject({
      value: 210,
      unit: 'km',
      qualifier: 'over',
    });
    const retagged = unwrap(await services.updateAnnotation({ documentId, id, tag: 'claim' }));
    expect(retagged.changes[0]!.annotation!.details).toMatchObject({
      value: 210,
      status: 'unverified',
    });
  });

  it('replaces the details, persists them and undoes the change', async () => {
    const details = { value: 210, unit: 'km', qualifier: 'over', counted: 'walls' };
    const m = unwrap(await services.updateAnnotation({ documentId, id, details }));
    expect(m.changes[0]!.annotation!.details).toEqual(details);
    await services.close();
    services = await openTestServices(join(dir, 'ws'));
    const opened = unwrap(await services.openDocument({ documentId }));
    expect(opened.annotations[0]!.details).toEqual(details);
    unwrap(
      await services.updateAnnotation({ documentId, id, details: { ...details, value: 211 } }),
    );
    const undone = unwrap(await services.undo());
    expect(undone.changes[0]!.annotation!.details).toEqual(details);
  });

  it('change field by field when patched, so two edits sent together both land', async () => {
    unwrap(await services.updateAnnotation({ documentId, id, tag: 'claim' }));
    const [status, claimant] = await Promise.all([
      services.updateAnnotation({ documentId, id, detailsPatch: { status: 'disputed' } }),
      services.updateAnnotation({ documentId, id, detailsPatch: { claimant: 'the ministry' } }),
    ]);
    expect(status.ok && claimant.ok).toBe(true);
    const details = unwrap(await services.openDocument({ documentId })).annotations[0]!.details;
    expect(details).toMatchObject({ status: 'disputed', claimant: 'the ministry' });
    unwrap(await services.updateAnnotation({ documentId, id, detailsPatch: { claimant: null } }));
    const after = unwrap(await services.openDocument({ documentId })).annotations[0]!.details;
    expect(after).not.toHaveProperty('claimant');
    expect(after).toMatchObject({ status: 'disputed' });
  });

  it('adds several annotations in one step that one Undo takes back, or none if one is bad', async () => {
    const at = (passage: string) => TEXT.indexOf(passage);
    const bad = await services.createAnnotations({
      documentId,
      annotations: [
        { tag: 'claim', start: at('The ministry'), end: at('The ministry') + 12 },
        { tag: 'claim', start: 500, end: 510 },
      ],
    });
    expect(bad).toMatchObject({ ok: false, error: { message: /Annotation 2 \(500–510\)/ } });
    expect(unwrap(await services.openDocument({ documentId })).annotations).toHaveLength(1);
    const m = unwrap(
      await services.createAnnotations({
        documentId,
        annotations: [
          { tag: 'claim', start: at('The ministry'), end: at('The ministry') + 12 },
          {
            tag: 'figure',
            start: at('last year'),
            end: at('last year') + 9,
            details: { value: 1 },
          },
        ],
      }),
    );
    expect(m.changes.map((c) => c.annotation?.quote)).toEqual(['The ministry', 'last year']);
    expect(m.changes[0]!.annotation!.details).toEqual({ status: 'unverified' });
    expect(unwrap(await services.openDocument({ documentId })).annotations).toHaveLength(3);
    unwrap(await services.undo());
    expect(unwrap(await services.openDocument({ documentId })).annotations).toHaveLength(1);
  });

  it('refuses details that do not fit the tag, changing nothing', async () => {
    const before = unwrap(await services.openDocument({ documentId })).annotations[0]!.details;
    const result = await services.updateAnnotation({ documentId, id, details: { value: 'lots' } });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'Value must be a number.' },
    });
    expect(unwrap(await services.openDocument({ documentId })).annotations[0]!.details).toEqual(
      before,
    );
  });

  it('checks details against the new tag when the tag changes too', async () => {
    const result = await services.updateAnnotation({
      documentId,
      id,
      tag: 'claim',
      details: { status: 'probably' },
    });
    expect(result.ok).toBe(false);
    unwrap(
      await services.updateAnnotation({
        documentId,
        id,
        tag: 'claim',
        details: { status: 'disputed', claimant: 'the ministry' },
      }),
    );
  });

  it('appear in the JSON export', async () => {
    unwrap(
      await services.updateAnnotation({ documentId, id, details: { value: 210, unit: 'km' } }),
    );
    const exported = JSON.parse(unwrap(await services.exportJson()).content);
    expect(exported.annotations[0].details).toMatchObject({ value: 210, unit: 'km' });
  });
});

describe('suggestions', () => {
  let dir: string;
  let services: AppServices;

  beforeEach(async () => {
    dir = await tempFolder();
    services = await openTestServices(join(dir, 'ws'));
  });
  afterEach(async () => {
    await services.close();
    await removeFolder(dir);
  });

  it('proposes, takes accepted details as given, and remembers rejections across restarts', async () => {
    const text = 'Officials counted about 8,000 people. "We need help now," said Rosa Ferrada.\n';
    const { document } = unwrap(
      await services.importFile({ name: 's.txt', bytes: new TextEncoder().encode(text) }),
    );
    const found = unwrap(await services.suggest({ documentId: document.id }));
    expect(found.map((s) => s.tag)).toEqual(['figure', 'quote']);
    const [figure, quote] = found;
    const created = unwrap(
      await services.createAnnotation({
        documentId: document.id,
        tag: figure!.tag,
        start: figure!.start,
        end: figure!.end,
        details: figure!.details,
      }),
    );
    expect(created.changes[0]!.annotation!.details).toEqual(figure!.details);
    unwrap(await services.rejectSuggestion({ documentId: document.id, key: quote!.key }));
    await services.close();
    services = await openTestServices(join(dir, 'ws'));
    expect(unwrap(await services.suggest({ documentId: document.id }))).toEqual([]);
  });
});
