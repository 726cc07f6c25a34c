import { describe, expect, it, vi } from 'vitest';
import type * as CodePoints from './code-points';
import type { ExportInput, ExportSource } from './export-input';
import {
  ANNO_CONTEXT,
  GLOSS_CONTEXT,
  URL_NAMESPACE,
  buildW3cExport,
  fileUrlFromPath,
  sha1,
  uuidV5,
  type W3cAnnotation,
  type W3cCollection,
} from './export-w3c';
import type { Annotation, DocumentMeta, Tag } from './model';
import { createSelectors } from './selectors';

// The texts code-point indexes are built over, recorded as the export builds them (the index
// itself unchanged).
const indexed = vi.hoisted(() => ({ lengths: [] as number[] }));
vi.mock('./code-points', async (importOriginal) => {
  const actual = await importOriginal<typeof CodePoints>();
  class RecordedIndex extends actual.CodePointIndex {
    constructor(text: string) {
      super(text);
      indexed.lengths.push(text.length);
    }
  }
  return { ...actual, CodePointIndex: RecordedIndex };
});

const HASH = 'b'.repeat(64);
const OLD_HASH = 'c'.repeat(64);
const UUID_1 = '0f8fad5b-d9cb-469f-a165-70867728950e';
const UUID_2 = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const TAGS: Tag[] = [
  { id: 'location', name: 'Location', color: '#1c7ed6' },
  { id: 'figure', name: 'Figure', color: '#f08c00' },
];

function meta(extra: Partial<DocumentMeta> = {}): DocumentMeta {
  return {
    id: 'doc-1',
    title: 'Harbour council approves new sea wall',
    format: 'text',
    sourceName: 'sea-wall.txt',
    rawHash: 'a'.repeat(64),
    textHash: HASH,
    length: 0,
    added: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

/** An annotation on `text` at the first occurrence of `passage`. */
function ann(text: string, passage: string, extra: Partial<Annotation> = {}): Annotation {
  const at = text.indexOf(passage);
  if (at < 0) throw new Error(`no ${passage}`);
  const selectors = createSelectors(text, { start: at, end: at + passage.length })!;
  return {
    id: UUID_1,
    documentId: 'doc-1',
    tag: 'location',
    ...selectors,
    textHash: HASH,
    note: '',
    details: {},
    created: '2026-01-02T00:00:00.000Z',
    modified: '2026-01-03T00:00:00.000Z',
    ...extra,
  };
}

function input(sources: ExportSource[]): ExportInput {
  return { documents: sources, tags: TAGS, exported: new Date('2026-11-25T10:00:00.000Z') };
}

function source(text: string, annotations: Annotation[], extra: Partial<DocumentMeta> = {}) {
  return { meta: meta({ length: text.length, ...extra }), text, annotations, pages: [] };
}

const items = (c: W3cCollection): W3cAnnotation[] => c.first?.items ?? [];

/** The MUSTs of the Web Annotation Data Model that an export could break. */
function modelViolations(c: W3cCollection): string[] {
  const out: string[] = [];
  const isIri = (v: unknown) => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\S*$/i.test(v);
  const utc = (v: unknown) =>
    typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v);
  const purposes = new Set([
    'assessing',
    'bookmarking',
    'classifying',
    'commenting',
    'describing',
    'editing',
    'highlighting',
    'identifying',
    'linking',
    'moderating',
    'questioning',
    'replying',
    'tagging',
  ]);
  if (!c['@context'].includes(ANNO_CONTEXT)) out.push('@context');
  if (!isIri(c.id) || c.type !== 'AnnotationCollection') out.push('collection id/type');
  if (c.total > 0 && !c.first) out.push('first');
  if (c.first) {
    if (!isIri(c.first.id) || c.first.type !== 'AnnotationPage') out.push('page id/type');
    if (c.first.partOf !== c.id) out.push('partOf');
  }
  for (const a of items(c)) {
    const where = a.id;
    if (!isIri(a.id) || a.type !== 'Annotation') out.push(`${where}: id/type`);
    if (!utc(a.created) || !utc(a.modified)) out.push(`${where}: dates`);
    if (!isIri(a.target.source.id)) out.push(`${where}: source`);
    if (a.target.scope !== undefined && !isIri(a.target.scope)) out.push(`${where}: scope`);
    for (const b of a.body) {
      if (!purposes.has(b.purpose)) out.push(`${where}: purpose`);
      if (b.type === 'TextualBody' && typeof b.value !== 'string') out.push(`${where}: value`);
      if (b.type === 'SpecificResource' && !isIri(b.source.id)) out.push(`${where}: body source`);
    }
    for (const s of a.target.selector) {
      if (s.type === 'TextQuoteSelector' && typeof s.exact !== 'string')
        out.push(`${where}: exact`);
      if (
        s.type === 'TextPositionSelector' &&
        !(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end)
      )
        out.push(`${where}: position`);
    }
  }
  return out;
}

describe('buildW3cExport', () => {
  const text = 'Residents of Nordhafen said the plan ignores the fishing district.';

  it('has exactly the documented shape', () => {
    const a = ann(text, 'Nordhafen', {
      note: 'Fishing district in the north.',
      details: { name: 'Nordhafen', kind: 'city', lat: 53.55, lon: 9.99 },
    });
    const out = buildW3cExport(
      input([source(text, [a], { sourcePath: '/home/ana/cases/sea wall.txt' })]),
      { collectionId: UUID_2 },
    );
    const pageId = `urn:uuid:${uuidV5(UUID_2, 'page:0')}`;
    expect(out).toEqual({
      '@context': [ANNO_CONTEXT, GLOSS_CONTEXT],
      id: `urn:uuid:${UUID_2}`,
      type: 'AnnotationCollection',
      label: 'Gloss annotations on “Harbour council approves new sea wall”',
      total: 1,
      'gloss:exported': '2026-11-25T10:00:00.000Z',
      last: pageId,
      first: {
        id: pageId,
        type: 'AnnotationPage',
        partOf: `urn:uuid:${UUID_2}`,
        startIndex: 0,
        items: [
          {
            id: `urn:uuid:${UUID_1}`,
            type: 'Annotation',
            created: '2026-01-02T00:00:00.000Z',
            modified: '2026-01-03T00:00:00.000Z',
            body: [
              {
                type: 'TextualBody',
                purpose: 'tagging',
                value: 'Location',
                'gloss:tag': 'location',
              },
              {
                type: 'TextualBody',
                purpose: 'commenting',
                value: 'Fishing district in the north.',
                format: 'text/plain',
              },
              {
                type: 'SpecificResource',
                purpose: 'identifying',
                source: { id: 'geo:53.55,9.99', label: 'Nordhafen' },
              },
            ],
            'gloss:details': { name: 'Nordhafen', kind: 'city', lat: 53.55, lon: 9.99 },
            target: {
              type: 'SpecificResource',
              source: {
                id: `urn:sha256:${HASH}`,
                type: 'Text',
                format: 'text/plain',
                'dc:title': 'Harbour council approves new sea wall',
              },
              scope: 'file:///home/ana/cases/sea%20wall.txt',
              selector: [
                {
                  type: 'TextQuoteSelector',
                  exact: 'Nordhafen',
                  prefix: 'Residents of ',
                  suffix: ' said the plan ignores the fishi',
                },
                { type: 'TextPositionSelector', start: 13, end: 22 },
              ],
              'gloss:document': 'doc-1',
              'gloss:sourceName': 'sea-wall.txt',
            },
          },
        ],
      },
    });
    expect(modelViolations(out)).toEqual([]);
    // The JSON-LD survives JSON.
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it('counts positions in code points of the canonical text', () => {
    const t = '👨‍👩‍👧 family 🇺🇦 قال المتحدث e\u0301te\u0301 and 😀 the wall 🧱 rose.';
    const passages = ['the wall 🧱', 'قال المتحدث', 'e\u0301te\u0301', '😀'];
    const annotations = passages.map((p, i) => ann(t, p, { id: `${UUID_1.slice(0, -1)}${i}` }));
    const out = buildW3cExport(input([source(t, annotations)]));
    const codePoints = [...t];
    for (const [i, a] of items(out).entries()) {
      const position = a.target.selector.find((s) => s.type === 'TextPositionSelector');
      expect(position).toBeDefined();
      if (position?.type !== 'TextPositionSelector') continue;
      expect(codePoints.slice(position.start, position.end).join('')).toBe(passages[i]);
    }
    // Before "the wall" stand 6 astral code points (👨 👩 👧, the two halves of 🇺🇦, 😀): each is
    // two UTF-16 units and one code point. 🧱 in the passage is one more.
    const wall = items(out)[0]!.target.selector[1]!;
    const start = t.indexOf('the wall') - 6;
    expect(wall).toEqual({ type: 'TextPositionSelector', start, end: start + 10 });
    expect(modelViolations(out)).toEqual([]);
  });

  it('exports an orphan by its quote only, on the text it was made on', () => {
    const orphan = ann(text, 'fishing', { orphan: true, textHash: OLD_HASH, start: 500, end: 507 });
    const [a] = items(buildW3cExport(input([source(text, [orphan])])));
    expect(a!.target.selector).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: 'fishing',
        prefix: orphan.prefix,
        suffix: orphan.suffix,
      },
    ]);
    expect(a!.target['gloss:orphan']).toBe(true);
    expect(a!.target.source.id).toBe(`urn:sha256:${OLD_HASH}`);
  });

  it('leaves out a position that does not hold the quote', () => {
    const broken = { ...ann(text, 'Nordhafen'), start: 0, end: 9 };
    const [a] = items(buildW3cExport(input([source(text, [broken])])));
    expect(a!.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector']);
  });

  it('gives ids that are not lowercase UUIDs a stable urn:uuid and keeps them', () => {
    const plain = ann(text, 'Nordhafen', { id: 'imported:42' });
    const upper = ann(text, 'plan', { id: UUID_2.toUpperCase() });
    const run = () => items(buildW3cExport(input([source(text, [plain, upper])])));
    const [a, b] = run();
    expect(a!.id).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(a!['gloss:id']).toBe('imported:42');
    expect(b!['gloss:id']).toBe(UUID_2.toUpperCase());
    expect(run()[0]!.id).toBe(a!.id);
    expect(items(buildW3cExport(input([source(text, [ann(text, 'plan')])])))[0]!['gloss:id']).toBe(
      undefined,
    );
  });

  it('writes times in UTC with Z, as the model requires', () => {
    const a = ann(text, 'plan', {
      created: '2026-01-02T03:00:00.000+02:00',
      modified: '2026-01-02T01:00:00Z',
    });
    const [out] = items(buildW3cExport(input([source(text, [a])])));
    expect(out!.created).toBe('2026-01-02T01:00:00.000Z');
    expect(out!.modified).toBe('2026-01-02T01:00:00Z');
  });

  it('names a tag the workspace lost by its id, and leaves out empty notes and details', () => {
    const [a] = items(buildW3cExport(input([source(text, [ann(text, 'plan', { tag: 'gone' })])])));
    expect(a!.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'gone', 'gloss:tag': 'gone' },
    ]);
    expect(a!['gloss:details']).toBeUndefined();
  });

  it('adds a geo: body only for coordinates on the globe', () => {
    const place = (details: Annotation['details']) =>
      items(buildW3cExport(input([source(text, [ann(text, 'plan', { details })])])))[0]!.body.find(
        (b) => b.type === 'SpecificResource',
      );
    expect(place({ lat: -33.8688, lon: 151.2093 })).toMatchObject({
      source: { id: 'geo:-33.8688,151.2093' },
    });
    expect(place({ lat: 1e-8, lon: -0.00000001 })).toMatchObject({ source: { id: 'geo:0,0' } });
    expect(place({ lat: 91, lon: 0 })).toBeUndefined();
    expect(place({ lat: '53', lon: 10 })).toBeUndefined();
    expect(place({ name: 'Nowhere' })).toBeUndefined();
  });

  it('keeps document metadata on the source, and the file as scope', () => {
    const [a] = items(
      buildW3cExport(
        input([
          source(text, [ann(text, 'plan')], {
            sourcePath: 'C:\\Users\\Ana\\Case #4\\été.txt',
            metadata: { language: 'de' },
          }),
        ]),
      ),
    );
    expect(a!.target.source).toMatchObject({ 'dc:title': meta().title, language: 'de' });
    expect(a!.target.scope).toBe('file:///C:/Users/Ana/Case%20%234/%C3%A9t%C3%A9.txt');
  });

  it('is deterministic, and labels several documents by their number', () => {
    const two = input([
      source(text, [ann(text, 'plan')]),
      source('Other text.', [], { id: 'doc-2', title: 'Other' }),
    ]);
    const a = buildW3cExport(two);
    expect(buildW3cExport(two)).toEqual(a);
    expect(a.label).toBe('Gloss annotations on 2 documents');
    const later = buildW3cExport({ ...two, exported: new Date('2026-11-26T00:00:00Z') });
    expect(later.id).not.toBe(a.id);
  });

  it('has no page when there is nothing to export', () => {
    const out = buildW3cExport(input([source(text, [])]));
    expect(out.total).toBe(0);
    expect(out.first).toBeUndefined();
    expect(out.last).toBeUndefined();
    expect(modelViolations(out)).toEqual([]);
  });

  it('exports 10,000 annotations on 2 MB indexing the text at most once', () => {
    const chunk = 'The wall 🧱 near Nordhafen — قال المتحدث 👨‍👩‍👧 ok.\n';
    const big = chunk.repeat(Math.ceil(2_000_000 / chunk.length));
    const step = Math.floor(big.length / 10_000 / chunk.length) * chunk.length || chunk.length;
    const at = chunk.indexOf('Nordhafen');
    const annotations: Annotation[] = [];
    for (let i = 0; i < 10_000; i++) {
      const start = ((i * step) % (big.length - chunk.length)) + at;
      annotations.push({
        ...ann(chunk, 'Nordhafen'),
        id: uuidV5(URL_NAMESPACE, `a${i}`),
        start,
        end: start + 9,
      });
    }
    // Work counted instead of timed: the characters indexed in all, at most the text once. An
    // index per annotation would scan the 2 MB 10,000 times. (The conversions themselves are
    // counted in code-points.test.ts.)
    indexed.lengths = [];
    const out = buildW3cExport(input([source(big, annotations)]));
    expect(indexed.lengths.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(big.length);
    expect(out.total).toBe(10_000);
    expect(items(out).every((a) => a.target.selector.length === 2)).toBe(true);
  }, 60_000); // a guard against a hang only: a loaded machine may take seconds (bench/w3c)
});

describe('fileUrlFromPath', () => {
  it.each([
    ['/home/ana/notes.txt', 'file:///home/ana/notes.txt'],
    ['/home/ana/a b/é#?%:x.txt', 'file:///home/ana/a%20b/%C3%A9%23%3F%25%3Ax.txt'],
    ['/tmp/back\\slash', 'file:///tmp/back%5Cslash'],
    ['/a/😀', 'file:///a/%F0%9F%98%80'],
    ['C:\\Users\\Ana\\x.txt', 'file:///C:/Users/Ana/x.txt'],
    ['d:/data/x.txt', 'file:///d:/data/x.txt'],
    ['\\\\server\\share\\a b.txt', 'file://server/share/a%20b.txt'],
  ])('%s → %s', (path, url) => expect(fileUrlFromPath(path)).toBe(url));

  it('refuses relative paths', () => {
    expect(fileUrlFromPath('notes.txt')).toBeNull();
    expect(fileUrlFromPath('./a/b')).toBeNull();
  });
});

describe('uuidV5 and sha1', () => {
  const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  it('match published vectors', () => {
    expect(hex(sha1(new TextEncoder().encode('abc')))).toBe(
      'a9993e364706816aba3e25717850c26c9cd0d89d',
    );
    expect(hex(sha1(new Uint8Array(0)))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(
      hex(
        sha1(new TextEncoder().encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')),
      ),
    ).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });
});
