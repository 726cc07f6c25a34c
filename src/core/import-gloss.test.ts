import { describe, expect, it } from 'vitest';
import { buildGlossExport } from './export-json';
import { parseGlossExport } from './import-gloss';
import type { Annotation, DocumentMeta } from './model';

const HASH = 'a'.repeat(64);
const DOC: DocumentMeta = {
  id: 'doc-1',
  title: 'Sea wall',
  format: 'text',
  sourceName: 'sea-wall.txt',
  rawHash: HASH,
  textHash: HASH,
  length: 40,
  added: '2026-01-01T00:00:00.000Z',
};
const NOTE: Annotation = {
  id: 'ann-1',
  documentId: 'doc-1',
  tag: 'figure',
  start: 4,
  end: 10,
  quote: '4.2 km',
  prefix: 'The ',
  suffix: ' of wall',
  textHash: HASH,
  note: 'Check the plan',
  details: { value: 4.2, unit: 'km' },
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-02T00:00:00.000Z',
};
const file = () =>
  JSON.parse(JSON.stringify(buildGlossExport([DOC], [NOTE], new Date('2026-02-01T00:00:00Z'))));

describe('parseGlossExport', () => {
  it('reads back what the export wrote', () => {
    const parsed = parseGlossExport(file());
    expect(parsed).toEqual({
      ok: true,
      value: {
        format: 'gloss',
        documents: [
          { key: 'doc-1', textHash: HASH, title: 'Sea wall', sourceName: 'sea-wall.txt' },
        ],
        annotations: [
          {
            id: 'ann-1',
            documentKey: 'doc-1',
            tag: 'figure',
            note: 'Check the plan',
            details: { value: 4.2, unit: 'km' },
            quote: '4.2 km',
            prefix: 'The ',
            suffix: ' of wall',
            start: 4,
            end: 10,
            offsetUnit: 'utf16',
            created: NOTE.created,
            modified: NOTE.modified,
          },
        ],
      },
    });
  });

  it.each<[string, (f: ReturnType<typeof file>) => unknown, RegExp]>([
    ['a newer version', (f) => ({ ...f, version: 2 }), /version 2, newer than this Gloss reads/],
    ['a wrong type', (f) => ((f.annotations[0].start = '4'), f), /annotations\[0\]\.start/],
    [
      'an offset before the text',
      (f) => ((f.annotations[0].start = -1), f),
      /annotations\[0\]\.start/,
    ],
    ['start after end', (f) => ((f.annotations[0].start = 20), f), /end must be after start/],
    [
      'a huge note',
      (f) => ((f.annotations[0].note = 'x'.repeat(100_001)), f),
      /annotations\[0\]\.note/,
    ],
    [
      'a prototype-polluting key',
      (f) => JSON.parse(JSON.stringify(f).replace('"unit":"km"', '"__proto__":{"admin":true}')),
      /__proto__/,
    ],
    ['a stray document', (f) => ((f.annotations[0].documentId = 'doc-9'), f), /doc-9 is not among/],
    ['no annotations list', (f) => ({ ...f, annotations: undefined }), /annotations/],
  ])('refuses %s, naming where', (_, spoil, message) => {
    const parsed = parseGlossExport(spoil(file()));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});
