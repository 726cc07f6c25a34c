import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GlossServices } from '../shared/api';
import { dispatch } from './dispatch';
import type { AppServices } from './services';
import { openTestServices, removeFolder, tempFolder, unwrap, utf8 } from './test-support';

let dir: string;
let services: AppServices;
beforeEach(async () => {
  dir = await tempFolder();
  services = await openTestServices(dir);
});
afterEach(async () => {
  await services.close();
  await removeFolder(dir);
});

describe('dispatch', () => {
  it('calls the method with the validated payload', async () => {
    const imported = await dispatch(services, 'importFile', {
      name: 'a.txt',
      bytes: utf8('Hello world'),
    });
    expect(imported).toMatchObject({ ok: true, value: { existed: false } });
    const state = await dispatch(services, 'getWorkspace', undefined);
    expect(state).toMatchObject({ ok: true, value: { documents: [{ title: 'Hello world' }] } });
  });

  it('rejects unknown methods, prototype keys and non-strings', async () => {
    for (const method of [
      'nope',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'importPath',
      'flush',
      'close',
      'setOpenOnStart',
    ]) {
      expect(await dispatch(services, method, undefined)).toEqual({
        ok: false,
        error: { code: 'invalid-request', message: `Unknown request "${method}".` },
      });
    }
    for (const method of [undefined, null, 7, {}, ['getWorkspace']]) {
      expect(await dispatch(services, method, undefined)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
  });

  it('keeps a hostile method name short and printable in its message', async () => {
    const result = await dispatch(services, `x\u0000\n${'y'.repeat(500)}`, undefined);
    expect(!result.ok && result.error.message.length).toBeLessThan(100);
    const message = result.ok ? '' : result.error.message;
    expect(message.includes('\u0000') || message.includes('\n')).toBe(false);
  });

  it('rejects wrong types, missing fields and extra keys with a readable summary', async () => {
    expect(
      await dispatch(services, 'createAnnotation', {
        documentId: 'd',
        start: '0',
        end: 4,
        tag: 'claim',
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: expect.stringMatching(/^The "createAnnotation" request is malformed: start: /),
      },
    });
    const extra = await dispatch(services, 'deleteAnnotation', {
      documentId: 'd',
      id: 'a',
      evil: true,
    });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(!extra.ok && extra.error.message).toContain('evil');
    expect(await dispatch(services, 'openDocument', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await dispatch(services, 'openDocument', null)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await dispatch(services, 'undo', { please: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(
      await dispatch(services, 'importFile', { name: 'a.txt', bytes: [104, 105] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('does not let a payload reach the prototype', async () => {
    const payload = JSON.parse(
      '{"documentId":"d","id":"a","__proto__":{"polluted":true}}',
    ) as unknown;
    const result = await dispatch(services, 'deleteAnnotation', payload);
    expect(result).toMatchObject({ ok: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses the keys the import guard refuses, wherever a schema would let them through', async () => {
    const imported = unwrap(
      await dispatch(services, 'importFile', { name: 'a.txt', bytes: utf8('Hello world') }),
    ) as { document: { id: string } };
    const documentId = imported.document.id;
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const details = JSON.parse(`{"${key}": "x", "value": 1}`) as unknown;
      const created = await dispatch(services, 'createAnnotation', {
        documentId,
        start: 0,
        end: 5,
        tag: 'claim',
        details,
      });
      expect(created, key).toEqual({
        ok: false,
        error: {
          code: 'invalid-request',
          message: `The "createAnnotation" request holds a key Gloss refuses: details.${key}.`,
        },
      });
      const many = await dispatch(services, 'createAnnotations', {
        documentId,
        annotations: [
          { start: 0, end: 5, tag: 'claim' },
          { start: 6, end: 11, tag: 'claim', details },
        ],
      });
      expect(many, key).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(!many.ok && many.error.message).toContain(`annotations[1].details.${key}`);
    }
    // Nothing was stored: the text has no annotation.
    const opened = unwrap(await dispatch(services, 'openDocument', { documentId })) as {
      annotations: unknown[];
    };
    expect(opened.annotations).toEqual([]);
    expect(({} as Record<string, unknown>)['value']).toBeUndefined();
  });

  it('keeps its messages short and printable, whatever keys a payload brings', async () => {
    const payload = { documentId: 'd', [`${'k'.repeat(1_000_000)}\u0000\n`]: 1 };
    const result = await dispatch(services, 'openDocument', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const message = result.ok ? '' : result.error.message;
    expect(message.length).toBeLessThan(1000);
    expect([...message].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
  });

  it('never throws, even when a service does', async () => {
    const throwing = new Proxy({} as GlossServices, {
      get: () => () => {
        throw new Error('kaboom');
      },
    });
    expect(await dispatch(throwing, 'getWorkspace', undefined)).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong while handling "getWorkspace": kaboom',
      },
    });
    const rejecting = new Proxy({} as GlossServices, {
      get: () => () => Promise.reject(new Error('later')),
    });
    expect(await dispatch(rejecting, 'undo', undefined)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('passes the service result through, failures included', async () => {
    expect(await dispatch(services, 'openDocument', { documentId: 'missing' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    unwrap(await services.getWorkspace());
  });
});
