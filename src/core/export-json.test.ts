import { describe, expect, it } from 'vitest';
import { buildGlossExport } from './export-json';
import type { Annotation, DocumentMeta } from './model';

const HASH = 'b'.repeat(64);

function doc(id: string, extra: Partial<DocumentMeta> = {}): DocumentMeta {
  return {
    id,
    title: `Title ${id}`,
    format: 'text',
    sourceName: `${id}.txt`,
    rawHash: 'a'.repeat(64),
    textHash: HASH,
    length: 100,
    added: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

function ann(id: string, documentId: string, start: number, end: number): Annotation {
  return {
    id,
    documentId,
    tag: 'figure',
    start,
    end,
    quote: 'q'.repeat(end - start),
    prefix: 'before ',
    suffix: ' after',
    textHash: HASH,
    note: `note ${id}`,
    details: { value: 210, unit: 'km' },
    created: '2026-01-02T00:00:00.000Z',
    modified: '2026-01-03T00:00:00.000Z',
  };
}

describe('buildGlossExport', () => {
  const exported = new Date('2026-11-25T10:00:00.000Z');

  it('has exactly the documented shape', () => {
    const out = buildGlossExport(
      [doc('d1', { sourcePath: '/tmp/d1.txt' })],
      [ann('a1', 'd1', 2, 5)],
      exported,
    );
    expect(out).toEqual({
      format: 'gloss',
      version: 1,
      exported: '2026-11-25T10:00:00.000Z',
      documents: [doc('d1', { sourcePath: '/tmp/d1.txt' })],
      annotations: [
        {
          id: 'a1',
          documentId: 'd1',
          tag: 'figure',
          quote: 'qqq',
          prefix: 'before ',
          suffix: ' after',
          start: 2,
          end: 5,
          note: 'note a1',
          details: { value: 210, unit: 'km' },
          created: '2026-01-02T00:00:00.000Z',
          modified: '2026-01-03T00:00:00.000Z',
        },
      ],
    });
    // The canonical-text hash is internal to the annotation; the document carries it.
    expect(Object.keys(out.annotations[0] ?? {})).not.toContain('textHash');
  });

  it('orders annotations by document order, then start, then end', () => {
    const documents = [doc('d2'), doc('d1')];
    const annotations = [
      ann('x', 'd1', 0, 3),
      ann('y', 'd2', 9, 12),
      ann('z', 'd2', 1, 8),
      ann('w', 'd2', 1, 4),
    ];
    const out = buildGlossExport(documents, annotations, exported);
    expect(out.annotations.map((a) => a.id)).toEqual(['w', 'z', 'y', 'x']);
    // The input is left as it was.
    expect(annotations.map((a) => a.id)).toEqual(['x', 'y', 'z', 'w']);
  });

  it('drops annotations of documents not exported', () => {
    const out = buildGlossExport(
      [doc('d1')],
      [ann('a', 'd1', 0, 1), ann('b', 'gone', 0, 1)],
      exported,
    );
    expect(out.annotations.map((a) => a.id)).toEqual(['a']);
  });

  it('copies documents rather than sharing them', () => {
    const d = doc('d1');
    const out = buildGlossExport([d], [], exported);
    expect(out.documents[0]).toEqual(d);
    expect(out.documents[0]).not.toBe(d);
  });

  it('exports an empty workspace', () => {
    expect(buildGlossExport([], [], exported)).toEqual({
      format: 'gloss',
      version: 1,
      exported: '2026-11-25T10:00:00.000Z',
      documents: [],
      annotations: [],
    });
  });
});
