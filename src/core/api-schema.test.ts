import { describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_CEILING,
  SERVICE_METHODS,
  isServiceMethod,
  requestSchemas,
} from './api-schema';

const ID = '0b6f3c1e-1111-4a2b-9c3d-123456789abc';

describe('isServiceMethod', () => {
  it('knows every service method', () => {
    for (const m of SERVICE_METHODS) expect(isServiceMethod(m)).toBe(true);
    expect(SERVICE_METHODS).toContain('createAnnotation');
  });

  it('refuses prototype keys, other names and non-strings', () => {
    for (const m of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'importPath',
      'flush',
      '',
    ]) {
      expect(isServiceMethod(m), m).toBe(false);
    }
    for (const m of [undefined, null, 42, {}, ['getWorkspace'], Symbol('x')])
      expect(isServiceMethod(m)).toBe(false);
  });
});

describe('requestSchemas', () => {
  it('takes no payload for the argument-less methods', () => {
    for (const m of ['getWorkspace', 'importSamples', 'undo', 'redo', 'exportJson'] as const) {
      expect(requestSchemas[m].safeParse(undefined).success).toBe(true);
      expect(requestSchemas[m].safeParse({}).success, m).toBe(false);
      expect(requestSchemas[m].safeParse(null).success, m).toBe(false);
    }
  });

  it('validates createAnnotation strictly', () => {
    const good = { documentId: ID, start: 0, end: 5, tag: 'claim' };
    expect(requestSchemas.createAnnotation.safeParse(good).success).toBe(true);
    const bad = [
      { ...good, extra: 1 },
      { ...good, start: -1 },
      { ...good, start: 1.5 },
      { ...good, end: '5' },
      { ...good, tag: '' },
      { ...good, documentId: '../../etc/passwd' },
      { ...good, documentId: 'a'.repeat(129) },
      { documentId: ID, start: 0, end: 5 },
      null,
      'createAnnotation',
    ];
    for (const b of bad)
      expect(requestSchemas.createAnnotation.safeParse(b).success, JSON.stringify(b)).toBe(false);
  });

  it('validates updateAnnotation with optional tag and note', () => {
    const s = requestSchemas.updateAnnotation;
    expect(s.safeParse({ documentId: ID, id: ID }).success).toBe(true);
    expect(s.safeParse({ documentId: ID, id: ID, note: 'n', tag: 'quote' }).success).toBe(true);
    expect(s.safeParse({ documentId: ID, id: ID, note: 'x'.repeat(100_001) }).success).toBe(false);
    expect(
      s.safeParse({ documentId: ID, id: ID, details: { value: 210, unit: 'km' } }).success,
    ).toBe(true);
    expect(s.safeParse({ documentId: ID, id: ID, details: 'x' }).success).toBe(false);
    expect(s.safeParse({ documentId: ID, id: ID, details: { nested: {} } }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    expect(s.safeParse({ documentId: ID, id: ID, details: many }).success).toBe(false);
  });

  it('takes file bytes only as a Uint8Array within the size limit', () => {
    const s = requestSchemas.importFile;
    expect(s.safeParse({ name: 'a.txt', bytes: new Uint8Array([104, 105]) }).success).toBe(true);
    expect(s.safeParse({ name: 'a.txt', bytes: [104, 105] }).success).toBe(false);
    expect(s.safeParse({ name: 'a.txt', bytes: 'hi' }).success).toBe(false);
    expect(s.safeParse({ name: '', bytes: new Uint8Array([1]) }).success).toBe(false);
    // A view that claims more than the ceiling is refused without being read; the configured
    // limit (MAX_IMPORT_BYTES by default) is the services' to check, naming the file.
    expect(MAX_IMPORT_CEILING).toBeGreaterThan(MAX_IMPORT_BYTES);
    const huge = { byteLength: MAX_IMPORT_CEILING + 1 };
    Object.setPrototypeOf(huge, Uint8Array.prototype);
    expect(s.safeParse({ name: 'a.txt', bytes: huge }).success).toBe(false);
  });

  it('has a schema for every method and nothing else', () => {
    expect(Object.keys(requestSchemas).sort()).toEqual([...SERVICE_METHODS].sort());
  });
});
