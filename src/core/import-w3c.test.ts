import { describe, expect, it } from 'vitest';
import { fromCodePointOffset } from './code-points';
import type { ExportSource } from './export-input';
import { URL_NAMESPACE, buildW3cExport, fileUrlFromPath, uuidV5 } from './export-w3c';
import type { BundleAnnotation, ImportBundle } from './import-bundle';
import { W3C_LIMITS, parseW3c, pathFromFileUrl } from './import-w3c';
import type { Annotation, DocumentMeta, Tag } from './model';
import { createSelectors } from './selectors';

const C = 'http://www.w3.org/ns/anno.jsonld';
const TAGS: Tag[] = [
  { id: 'location', name: 'Location', color: '#1c7ed6' },
  { id: 'figure', name: 'Figure', color: '#f08c00' },
  { id: 'claim', name: 'Claim', color: '#e03131' },
];

function ok(json: unknown): ImportBundle {
  const result = parseW3c(json);
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  return result.value;
}

function refusal(json: unknown): string {
  const result = parseW3c(json);
  if (result.ok) throw new Error('accepted');
  return result.error;
}

/** Through JSON, as a file would be. */
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

// ---------------------------------------------------------------------------------------------

describe('round trip from buildW3cExport', () => {
  const textA =
    'The council 🏛️ met in Nordhafen 🇩🇪 on Monday. قال المتحدث إن الجدار سيكتمل. ' +
    'The family 👨‍👩‍👧‍👦 watched; 210 km of wall, café crème, and 😀 everyone.';
  const textB = 'A second document: e\u0301te\u0301 — 𠮷野家 opened 3 shops.';
  const metaA: DocumentMeta = {
    id: 'doc-a',
    title: 'Harbour council approves new sea wall',
    format: 'markdown',
    sourceName: 'sea wall #1.md',
    sourcePath: '/home/ana/cases/sea wall #1.md',
    rawHash: 'a'.repeat(64),
    textHash: '1'.repeat(64),
    length: textA.length,
    added: '2026-01-01T00:00:00.000Z',
  };
  const metaB: DocumentMeta = {
    ...metaA,
    id: 'doc-b',
    title: 'Second',
    sourceName: 'second.txt',
    sourcePath: 'C:\\Users\\Ana\\Documents\\second.txt',
    textHash: '2'.repeat(64),
    length: textB.length,
  };
  let n = 0;
  const make = (
    text: string,
    meta: DocumentMeta,
    passage: string,
    extra: Partial<Annotation>,
  ): Annotation => {
    const at = text.indexOf(passage);
    if (at < 0) throw new Error(passage);
    n++;
    return {
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      documentId: meta.id,
      tag: 'claim',
      ...createSelectors(text, { start: at, end: at + passage.length })!,
      textHash: meta.textHash,
      note: '',
      details: {},
      created: '2026-02-01T10:00:00.000Z',
      modified: '2026-02-02T10:00:00.000Z',
      ...extra,
    };
  };
  const annotationsA = [
    make(textA, metaA, 'council 🏛️', { note: 'Who convened it?\nSecond line.' }),
    make(textA, metaA, 'Nordhafen 🇩🇪', {
      tag: 'location',
      details: { name: 'Nordhafen', kind: 'city', country: 'Germany', lat: 53.5511, lon: 9.9937 },
    }),
    make(textA, metaA, 'قال المتحدث إن الجدار سيكتمل', {
      tag: 'claim',
      details: { claimant: 'المتحدث', status: 'unverified' },
    }),
    make(textA, metaA, '👨‍👩‍👧‍👦', { tag: 'custom-tag', note: ' spaced  ' }),
    make(textA, metaA, '210 km', {
      tag: 'figure',
      details: {
        value: 210,
        valueMax: 2.5e-7,
        unit: 'km',
        qualifier: '',
        counted: null,
        exact: true,
        negative: -0.125,
        big: 1e21,
      },
    }),
    make(textA, metaA, 'café crème', { id: 'legacy:id-7' }),
    make(textA, metaA, '😀 everyone', {
      id: 'ABCDEF00-0000-4000-8000-000000000001',
      created: '2026-02-01T12:00:00+02:00',
    }),
    {
      ...make(textA, metaA, 'Monday', { orphan: true, textHash: '9'.repeat(64) }),
      start: 900,
      end: 906,
    },
  ];
  const annotationsB = [
    make(textB, metaB, 'e\u0301te\u0301', { tag: 'location', details: { lat: -90, lon: 180 } }),
    make(textB, metaB, '𠮷野家', { note: 'Astral CJK' }),
  ];
  const sources: ExportSource[] = [
    { meta: metaA, text: textA, annotations: annotationsA, pages: [] },
    { meta: metaB, text: textB, annotations: annotationsB, pages: [] },
  ];
  const exported = buildW3cExport({
    documents: sources,
    tags: [...TAGS, { id: 'custom-tag', name: 'My “custom” tag', color: '#000000' }],
    exported: new Date('2026-03-01T00:00:00.000Z'),
  });
  const bundle = ok(JSON.parse(JSON.stringify(exported)));

  it('gives back every annotation with its id, tag, note, details and dates', () => {
    const originals = [...annotationsA, ...annotationsB];
    expect(bundle.format).toBe('w3c');
    expect(bundle.annotations).toHaveLength(originals.length);
    for (const [i, original] of originals.entries()) {
      const back = bundle.annotations[i]!;
      expect(back.id).toBe(original.id);
      expect(back.documentKey).toBe(original.documentId);
      expect(back.tag).toBe(original.tag);
      expect(back.note).toBe(original.note);
      expect(back.details).toEqual(original.details);
      expect(back.quote).toBe(original.quote);
      expect(back.prefix).toBe(original.prefix);
      expect(back.suffix).toBe(original.suffix);
      expect(back.offsetUnit).toBe('code-point');
      expect(new Date(back.created!).getTime()).toBe(new Date(original.created).getTime());
      expect(back.modified).toBe(original.modified);
    }
    expect(bundle.annotations[3]!.tagName).toBe('My “custom” tag');
  });

  it('keeps numbers as numbers, exactly, and null and booleans as they were', () => {
    const figure = bundle.annotations[4]!.details;
    expect(figure['value']).toBe(210);
    expect(figure['valueMax']).toBe(2.5e-7);
    expect(figure['big']).toBe(1e21);
    expect(figure['counted']).toBeNull();
    expect(figure['exact']).toBe(true);
    expect(Object.keys(figure)).toEqual(Object.keys(annotationsA[4]!.details));
  });

  it('gives back the positions, in code points, that convert to the original offsets', () => {
    const texts: Record<string, string> = { 'doc-a': textA, 'doc-b': textB };
    const originals = [...annotationsA, ...annotationsB].filter((a) => !a.orphan);
    const placed = bundle.annotations.filter((a) => !a.orphan);
    expect(placed).toHaveLength(originals.length);
    for (const [i, back] of placed.entries()) {
      const text = texts[back.documentKey]!;
      const start = fromCodePointOffset(text, back.start!);
      const end = fromCodePointOffset(text, back.end!);
      expect([start, end]).toEqual([originals[i]!.start, originals[i]!.end]);
      expect(text.slice(start!, end!)).toBe(back.quote);
    }
  });

  it('gives back an orphan as a quote without offsets, flagged', () => {
    const orphan = bundle.annotations[7]!;
    expect(orphan.orphan).toBe(true);
    expect(orphan.start).toBeUndefined();
    expect(orphan.end).toBeUndefined();
    expect(orphan.quote).toBe('Monday');
  });

  it('gives back the documents: text hash, title, file path and name', () => {
    expect(bundle.documents).toEqual([
      {
        key: 'doc-a',
        textHash: metaA.textHash,
        title: metaA.title,
        sourcePath: metaA.sourcePath,
        sourceName: metaA.sourceName,
      },
      {
        key: 'doc-b',
        textHash: metaB.textHash,
        title: metaB.title,
        sourcePath: metaB.sourcePath,
        sourceName: metaB.sourceName,
      },
    ]);
  });

  it('is refused whole when one annotation is broken', () => {
    const broken = viaJson(exported) as { first: { items: { target: unknown }[] } };
    broken.first.items[2]!.target = 42;
    expect(refusal(broken)).toBe('annotation 3, target: a target must be an IRI or an object.');
  });
});

// ---------------------------------------------------------------------------------------------

describe('valid annotations of the model', () => {
  const base = { '@context': C, id: 'http://example.org/anno1', type: 'Annotation' };
  const valid: [string, Record<string, unknown>, Partial<BundleAnnotation>][] = [
    [
      'body and target as IRIs (model example 1)',
      { ...base, body: 'http://example.org/post1', target: 'http://example.com/page1' },
      { documentKey: 'http://example.com/page1', note: 'http://example.org/post1', quote: '' },
    ],
    [
      'no body at all',
      { ...base, target: 'http://example.com/page1' },
      { tag: 'imported', tagName: 'Imported', note: '' },
    ],
    [
      'a TextualBody',
      {
        ...base,
        body: { type: 'TextualBody', value: 'I like this page!', format: 'text/plain' },
        target: 'http://example.com/page1',
      },
      { note: 'I like this page!' },
    ],
    [
      'bodyValue',
      { ...base, bodyValue: 'Comment text', target: 'http://example.org/target1' },
      { note: 'Comment text' },
    ],
    [
      'bodyValue under a tagging motivation is a tag',
      { ...base, motivation: 'tagging', bodyValue: 'love', target: 'http://example.org/t' },
      { tag: 'love', tagName: 'love', note: '' },
    ],
    [
      'a target resource with an id and a type',
      {
        ...base,
        body: 'http://example.org/post1',
        target: { id: 'http://example.com/image1.jpg', type: 'Image', format: 'image/jpeg' },
      },
      { documentKey: 'http://example.com/image1.jpg' },
    ],
    [
      'a TextQuoteSelector (model example)',
      {
        ...base,
        body: { type: 'TextualBody', value: 'annotation', purpose: 'tagging' },
        target: {
          source: 'http://example.org/page1',
          selector: {
            type: 'TextQuoteSelector',
            exact: 'anotation',
            prefix: 'this is an ',
            suffix: ' that has some',
          },
        },
      },
      { tag: 'annotation', quote: 'anotation', prefix: 'this is an ', suffix: ' that has some' },
    ],
    [
      'a TextPositionSelector (model example)',
      {
        ...base,
        target: {
          source: 'http://example.org/ebook1',
          selector: { type: 'TextPositionSelector', start: 412, end: 795 },
        },
      },
      { start: 412, end: 795, offsetUnit: 'code-point', quote: '' },
    ],
    [
      'several types, motivations and targets; unknown selectors and properties ignored',
      {
        ...base,
        type: ['Annotation', 'as:Note'],
        motivation: ['commenting', 'tagging'],
        'skos:prefLabel': 'Picture Annotation',
        body: [
          { type: 'TextualBody', value: 'note one', purpose: 'commenting' },
          { type: 'TextualBody', value: 'tag-a', purpose: 'tagging' },
          { type: 'TextualBody', value: 'tag-b', purpose: ['tagging'] },
        ],
        target: [
          'http://example.org/elsewhere',
          {
            type: 'SpecificResource',
            source: { id: 'http://example.org/page1', type: 'Text' },
            selector: [
              { type: 'FragmentSelector', value: 'para5' },
              { type: 'TextQuoteSelector', exact: 'x' },
            ],
            state: { type: 'TimeState', sourceDate: '2015-07-20T13:30:00Z' },
          },
        ],
      },
      {
        documentKey: 'http://example.org/page1',
        tag: 'tag-a',
        note: 'note one\n\nAlso tagged: tag-b',
        quote: 'x',
      },
    ],
    [
      'a Choice of bodies is read as its first',
      {
        ...base,
        body: {
          type: 'Choice',
          items: [
            { type: 'TextualBody', value: 'Good!', language: 'en' },
            { type: 'TextualBody', value: 'Bien!', language: 'fr' },
          ],
        },
        target: 'http://example.org/page1',
      },
      { note: 'Good!' },
    ],
    [
      'a geo: body gives coordinates',
      {
        ...base,
        body: [
          { type: 'TextualBody', value: 'Location', purpose: 'tagging' },
          {
            type: 'SpecificResource',
            purpose: 'identifying',
            source: { id: 'geo:48.2082,16.3738;u=40', label: 'Vienna' },
          },
        ],
        target: 'http://example.org/page1',
      },
      { tag: 'Location', details: { lat: 48.2082, lon: 16.3738, name: 'Vienna' } },
    ],
    [
      'a geo: resource as a body of its own, and a tag by IRI',
      {
        ...base,
        body: [
          { id: 'geo:-33.8688,151.2093', purpose: 'identifying', label: 'Sydney' },
          { type: 'SpecificResource', purpose: 'tagging', source: 'http://example.org/tags/city' },
        ],
        target: 'http://example.org/page1',
      },
      {
        tag: 'http://example.org/tags/city',
        details: { lat: -33.8688, lon: 151.2093, name: 'Sydney' },
      },
    ],
    [
      'the https @context, and one among others',
      {
        ...base,
        '@context': ['https://www.w3.org/ns/anno.jsonld', { ex: 'http://example.org/ns#' }],
        target: 'http://example.org/page1',
      },
      {},
    ],
    [
      'an urn:uuid id gives the uuid',
      {
        ...base,
        id: 'urn:uuid:DEADBEEF-0000-4000-8000-00000000000A',
        target: 'http://example.org/page1',
      },
      { id: 'deadbeef-0000-4000-8000-00000000000a' },
    ],
    [
      'a created time that is not a date-time is left out',
      { ...base, created: 'yesterday', modified: '2015-01-28T12:00:00Z', target: 'x:y' },
      { modified: '2015-01-28T12:00:00Z', created: undefined },
    ],
  ];

  it.each(valid)('%s', (_name, annotation, expected) => {
    const bundle = ok(viaJson(annotation));
    expect(bundle.annotations).toHaveLength(1);
    const { created, ...rest } = expected;
    expect(bundle.annotations[0]).toMatchObject(rest);
    if ('created' in expected) expect(bundle.annotations[0]!.created).toBe(created);
  });

  it('derives a stable Gloss id from an IRI id', () => {
    const a = ok({ ...base, target: 'x:y' }).annotations[0]!;
    expect(a.id).toBe(uuidV5(URL_NAMESPACE, 'http://example.org/anno1'));
    expect(ok({ ...base, target: 'x:y' }).annotations[0]!.id).toBe(a.id);
  });

  it('reads an array, a page, and a collection with embedded pages, counting across pages', () => {
    const ann = (i: number) => ({
      id: `http://example.org/anno${i}`,
      type: 'Annotation',
      target: 'x:y',
    });
    expect(
      ok([
        { ...ann(1), '@context': C },
        { ...ann(2), '@context': C },
      ]).annotations,
    ).toHaveLength(2);
    expect(
      ok({ '@context': C, id: 'p:1', type: 'AnnotationPage', items: [ann(1)] }).annotations,
    ).toHaveLength(1);
    const collection = {
      '@context': [C, 'http://www.w3.org/ns/ldp.jsonld'],
      id: 'http://example.org/c1',
      type: 'AnnotationCollection',
      label: 'Two pages',
      total: 3,
      first: {
        id: 'http://example.org/page1',
        type: 'AnnotationPage',
        startIndex: 0,
        items: [ann(1), ann(2)],
        next: { id: 'http://example.org/page2', type: 'AnnotationPage', items: [ann(3)] },
      },
    };
    expect(ok(collection).annotations.map((a) => a.id)).toEqual(
      [1, 2, 3].map((i) => uuidV5(URL_NAMESPACE, `http://example.org/anno${i}`)),
    );
    const broken = viaJson(collection) as typeof collection;
    (broken.first.next.items[0] as Record<string, unknown>)['target'] = undefined;
    expect(refusal(viaJson(broken))).toBe('annotation 3: target is missing.');
    expect(ok({ '@context': C, id: 'c:1', type: 'AnnotationCollection', total: 0 })).toEqual({
      format: 'w3c',
      documents: [],
      annotations: [],
    });
  });

  it('reads all 10,000 annotations of a Gloss export', () => {
    const text = 'The wall 🧱 near Nordhafen — قال المتحدث 👨‍👩‍👧 ok.\n'.repeat(10_000);
    const meta: DocumentMeta = {
      id: 'doc-1',
      title: 'Big',
      format: 'text',
      sourceName: 'big.txt',
      rawHash: 'a'.repeat(64),
      textHash: 'b'.repeat(64),
      length: text.length,
      added: '2026-01-01T00:00:00.000Z',
    };
    const line = text.length / 10_000;
    const at = text.indexOf('Nordhafen');
    const annotations: Annotation[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: uuidV5(URL_NAMESPACE, `a${i}`),
      documentId: 'doc-1',
      tag: 'location',
      ...createSelectors(text, { start: i * line + at, end: i * line + at + 9 })!,
      textHash: meta.textHash,
      note: 'A note.',
      details: { name: 'Nordhafen', lat: 53.55, lon: 9.99 },
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
    }));
    const json = viaJson(
      buildW3cExport({
        documents: [{ meta, text, annotations, pages: [] }],
        tags: TAGS,
        exported: new Date('2026-03-01T00:00:00.000Z'),
      }),
    );
    // Correctness at scale only; how long this takes is measured, not asserted, by
    // `npx vitest run --config vitest.bench.config.ts bench/w3c`.
    const bundle = ok(json);
    expect(bundle.annotations).toHaveLength(10_000);
    const last = bundle.annotations[9_999]!;
    expect(
      text.slice(fromCodePointOffset(text, last.start!)!, fromCodePointOffset(text, last.end!)!),
    ).toBe('Nordhafen');
    const misplaced = bundle.annotations.filter(
      (a) =>
        text.slice(fromCodePointOffset(text, a.start!)!, fromCodePointOffset(text, a.end!)!) !==
        'Nordhafen',
    );
    expect(misplaced).toEqual([]);
    // A generous limit only against a hang: some seconds on a loaded 2-core machine.
  }, 60_000);

  it('reads foreign offsets on emoji and Arabic as code points', () => {
    const text = 'مرحبا 🌍 بالعالم و 👨‍👩‍👧 العائلة';
    const passage = 'العائلة';
    const cpStart = [...text.slice(0, text.indexOf(passage))].length;
    const a = ok({
      ...base,
      target: {
        source: 'http://example.org/ar',
        selector: [
          { type: 'TextPositionSelector', start: cpStart, end: cpStart + [...passage].length },
          { type: 'TextQuoteSelector', exact: passage },
        ],
      },
    }).annotations[0]!;
    const start = fromCodePointOffset(text, a.start!)!;
    const end = fromCodePointOffset(text, a.end!)!;
    expect(text.slice(start, end)).toBe(passage);
    expect(start).toBe(text.indexOf(passage));
  });
});

// ---------------------------------------------------------------------------------------------

describe('refusals', () => {
  const good = { '@context': C, id: 'http://example.org/anno1', type: 'Annotation', target: 'x:y' };
  const invalid: [string, unknown, string][] = [
    ['missing @context', { ...good, '@context': undefined }, 'annotation 1: @context is missing'],
    [
      '@context without the annotation context',
      { ...good, '@context': 'http://schema.org/' },
      'annotation 1, @context: must include "http://www.w3.org/ns/anno.jsonld"',
    ],
    [
      'type not Annotation',
      { ...good, type: 'Note' },
      'It is not W3C Web Annotation JSON: expected an Annotation, an array of them, an AnnotationPage or an AnnotationCollection (its type is "Note")',
    ],
    ['missing id', { ...good, id: undefined }, 'annotation 1: id is missing'],
    ['id not an IRI', { ...good, id: 'anno 1' }, 'annotation 1, id: expected an IRI (scheme:…)'],
    ['missing target', { ...good, target: undefined }, 'annotation 1: target is missing'],
    [
      'empty target list',
      { ...good, target: [] },
      'annotation 1, target: must not be an empty list',
    ],
    [
      'target a number',
      { ...good, target: 3 },
      'annotation 1, target: a target must be an IRI or an object',
    ],
    [
      'target without source or id',
      { ...good, target: { type: 'Text' } },
      'annotation 1, target: a target must be an IRI, a resource with an id, or a SpecificResource with a source',
    ],
    [
      'motivation a number',
      { ...good, motivation: 5 },
      'annotation 1, motivation: must be a string or a list of strings',
    ],
    [
      'motivation an object',
      { ...good, motivation: { id: 'oa:tagging' } },
      'annotation 1, motivation: must be a string or a list of strings',
    ],
    [
      'a motivation list holding a number',
      { ...good, motivation: ['tagging', 5] },
      'annotation 1, motivation[1]: Invalid input: expected string, received number',
    ],
    [
      'body and bodyValue',
      { ...good, body: 'http://example.org/b', bodyValue: 'x' },
      'annotation 1, bodyValue: an annotation has a body or a bodyValue, not both',
    ],
    [
      'TextualBody value not a string',
      { ...good, body: { type: 'TextualBody', value: 7 } },
      'annotation 1, body.value: Invalid input: expected string, received number',
    ],
    [
      'created not a string',
      { ...good, created: 20150128 },
      'annotation 1, created: Invalid input: expected string, received number',
    ],
    [
      'negative offset',
      {
        ...good,
        target: { source: 'x:y', selector: { type: 'TextPositionSelector', start: -1, end: 4 } },
      },
      'annotation 1, target.selector.start: Too small: expected number to be >=0',
    ],
    [
      'fractional offset',
      {
        ...good,
        target: { source: 'x:y', selector: { type: 'TextPositionSelector', start: 1.5, end: 4 } },
      },
      'annotation 1, target.selector.start: Invalid input: expected int, received number',
    ],
    [
      'string offset',
      {
        ...good,
        target: { source: 'x:y', selector: { type: 'TextPositionSelector', start: '1', end: 4 } },
      },
      'annotation 1, target.selector.start: Invalid input: expected number, received string',
    ],
    [
      'start after end',
      {
        ...good,
        target: { source: 'x:y', selector: [{ type: 'TextPositionSelector', start: 9, end: 4 }] },
      },
      'annotation 1, target.selector[0].end: start must not be after end',
    ],
    [
      'missing end',
      { ...good, target: { source: 'x:y', selector: { type: 'TextPositionSelector', start: 9 } } },
      'annotation 1: target.selector.end is missing',
    ],
    [
      'empty exact',
      { ...good, target: { source: 'x:y', selector: { type: 'TextQuoteSelector', exact: '' } } },
      'annotation 1, target.selector.exact: Too small: expected string to have >=1 characters',
    ],
    [
      'exact too long',
      {
        ...good,
        target: {
          source: 'x:y',
          selector: { type: 'TextQuoteSelector', exact: 'x'.repeat(100_001) },
        },
      },
      'annotation 1, target.selector.exact: a text of 100001 characters (at most 100000)',
    ],
    [
      'prefix too long',
      {
        ...good,
        target: {
          source: 'x:y',
          selector: { type: 'TextQuoteSelector', exact: 'x', prefix: 'p'.repeat(10_001) },
        },
      },
      'annotation 1, target.selector.prefix: Too big: expected string to have <=10000 characters',
    ],
    [
      'a SpecificResource target whose source is null',
      { ...good, target: { source: null, selector: { type: 'TextQuoteSelector', exact: 'x' } } },
      'annotation 1, target.source: a source must be an IRI or a resource with an id',
    ],
    [
      'a selector without a type',
      { ...good, target: { source: 'x:y', selector: { exact: 'x' } } },
      'annotation 1: target.selector.type is missing',
    ],
    [
      'Gloss details that are not flat values',
      { ...good, 'gloss:details': { nested: { a: 1 } } },
      'annotation 1, gloss:details.nested: Invalid input',
    ],
    [
      'a Gloss id with spaces',
      { ...good, 'gloss:id': 'a b' },
      'annotation 1, gloss:id: ids may only hold letters, digits and _ . : -',
    ],
    [
      'a string',
      'http://example.org/anno1',
      'It is not W3C Web Annotation JSON: expected an Annotation, an array of them, an AnnotationPage or an AnnotationCollection',
    ],
    [
      'null',
      null,
      'It is not W3C Web Annotation JSON: expected an Annotation, an array of them, an AnnotationPage or an AnnotationCollection',
    ],
    [
      'a referenced first page',
      { '@context': C, id: 'c:1', type: 'AnnotationCollection', first: 'http://example.org/page1' },
      "The collection's annotations are not in this file: its first page is only referenced (http://example.org/page1)",
    ],
    [
      'a referenced next page',
      {
        '@context': C,
        id: 'p:1',
        type: 'AnnotationPage',
        items: [{ ...good, '@context': undefined }],
        next: 'http://example.org/page2',
      },
      'The file holds only part of the collection: page 2 is only referenced (http://example.org/page2), not included',
    ],
    [
      'an annotation only referenced in a page',
      {
        '@context': C,
        id: 'p:1',
        type: 'AnnotationPage',
        items: [good, 'http://example.org/anno2'],
      },
      'annotation 2 is only referenced (http://example.org/anno2), not included in the file',
    ],
    [
      'a collection without id',
      { '@context': C, type: 'AnnotationCollection' },
      'the collection: id is missing',
    ],
    [
      'a page without @context',
      { id: 'p:1', type: 'AnnotationPage', items: [] },
      'page 1: @context is missing',
    ],
    [
      'a page without items',
      { '@context': C, id: 'p:1', type: 'AnnotationPage' },
      'page 1: items is missing',
    ],
    [
      'an annotation of an array without its @context',
      [good, { ...good, '@context': undefined }],
      'annotation 2: @context is missing',
    ],
    [
      'a huge string in an unknown property',
      { ...good, 'ex:blob': 'x'.repeat(100_001) },
      'annotation 1, ex:blob: a text of 100001 characters (at most 100000)',
    ],
    [
      'a target that is a Choice',
      { ...good, target: { type: 'Choice', items: ['x:a', 'x:b'] } },
      'annotation 1, target: a target that is a Choice, List or Composite of resources is not supported',
    ],
  ];

  it.each(invalid)('%s', (_name, json, message) => {
    expect(refusal(viaJson(json))).toBe(`${message}.`);
  });

  it('refuses more than 100,000 annotations before looking at them', () => {
    const items = Array.from({ length: W3C_LIMITS.annotations + 1 }, () => good);
    expect(refusal(items)).toBe(
      'The file holds 100001 annotations; Gloss imports at most 100000 at once.',
    );
    const page = { '@context': C, id: 'p:1', type: 'AnnotationPage', items };
    expect(refusal(page)).toMatch(/^The file holds 100001 annotations/);
  });

  it('refuses deep nesting', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = { a: deep };
    expect(refusal({ ...good, 'ex:deep': deep })).toMatch(
      /^annotation 1, ex:deep(\.a)+: nested more than 32 levels deep\.$/,
    );
  });

  it('names the annotation and counts the others that have problems', () => {
    const page = {
      '@context': C,
      id: 'p:1',
      type: 'AnnotationPage',
      items: [good, good, { ...good, type: 'Note' }, { ...good, id: 5 }],
    };
    expect(refusal(viaJson(page))).toBe(
      'annotation 3, type: type must be "Annotation" (1 other annotation has problems too).',
    );
  });

  it('refuses two texts for one Gloss document', () => {
    const target = (hash: string) => ({
      source: `urn:sha256:${hash}`,
      selector: { type: 'TextQuoteSelector', exact: 'x' },
      'gloss:document': 'doc-1',
    });
    expect(
      refusal([
        { ...good, target: target('a'.repeat(64)) },
        { ...good, id: 'x:2', target: target('b'.repeat(64)) },
      ]),
    ).toBe('annotation 2: its document doc-1 has another text than in annotation 1.');
  });

  describe('keys that could pollute prototypes', () => {
    const cases: [string, string, string][] = [
      [
        'at the top',
        `{"@context":"${C}","id":"a:1","type":"Annotation","target":"x:y","__proto__":{"polluted":1}}`,
        'annotation 1: the key "__proto__"',
      ],
      [
        'in a body',
        `{"@context":"${C}","id":"a:1","type":"Annotation","target":"x:y","body":[{"value":"v","constructor":{"prototype":{"polluted":1}}}]}`,
        'annotation 1, body[0]: the key "constructor"',
      ],
      [
        'in the details',
        `{"@context":"${C}","id":"a:1","type":"Annotation","target":"x:y","gloss:details":{"__proto__":{"polluted":1}}}`,
        'annotation 1, gloss:details: the key "__proto__"',
      ],
      [
        'in a selector',
        `{"@context":"${C}","id":"a:1","type":"Annotation","target":{"source":"x:y","selector":{"type":"TextQuoteSelector","exact":"x","prototype":1}}}`,
        'annotation 1, target.selector: the key "prototype"',
      ],
      [
        'in a context object',
        `{"@context":["${C}",{"__proto__":{"polluted":1}}],"id":"a:1","type":"Annotation","target":"x:y"}`,
        'annotation 1, @context[1]: the key "__proto__"',
      ],
      [
        'in the collection',
        `{"@context":"${C}","id":"c:1","type":"AnnotationCollection","label":{"__proto__":1}}`,
        'the collection, label: the key "__proto__"',
      ],
      [
        'in a page',
        `{"@context":"${C}","id":"p:1","type":"AnnotationPage","items":[],"partOf":{"constructor":1}}`,
        'page 1, partOf: the key "constructor"',
      ],
      [
        'in a second page',
        `{"@context":"${C}","id":"p:1","type":"AnnotationPage","items":[],"next":{"id":"p:2","type":"AnnotationPage","items":[{"id":"a:1","type":"Annotation","target":"x:y","__proto__":null}]}}`,
        'annotation 1: the key "__proto__"',
      ],
    ];
    it.each(cases)('%s', (_name, source, start) => {
      const error = refusal(JSON.parse(source));
      expect(error.startsWith(start)).toBe(true);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  });
});

describe('pathFromFileUrl', () => {
  it.each([
    '/home/ana/notes.txt',
    '/home/ana/a b/é#?%:x.txt',
    '/tmp/back\\slash',
    '/a/😀/x',
    'C:\\Users\\Ana\\Case #4\\été.txt',
    '\\\\server\\share\\a b.txt',
  ])('undoes fileUrlFromPath for %s', (path) => {
    expect(pathFromFileUrl(fileUrlFromPath(path)!)).toBe(path);
  });

  it('refuses what is not a plain file path', () => {
    expect(pathFromFileUrl('http://example.org/x')).toBeNull();
    expect(pathFromFileUrl('file:///a%2Fb')).toBeNull();
    expect(pathFromFileUrl('file:///a%00b')).toBeNull();
    expect(pathFromFileUrl('file:///a%E0%A4%A')).toBeNull();
    expect(pathFromFileUrl('file:///a?b')).toBeNull();
    expect(pathFromFileUrl('file://localhost/etc/x')).toBe('/etc/x');
  });
});
