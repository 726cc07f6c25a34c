import { expect, it } from 'vitest';
import { fromCodePointOffset, toCodePointOffset } from '../src/core/code-points';
import { URL_NAMESPACE, buildW3cExport, uuidV5 } from '../src/core/export-w3c';
import { parseW3c } from '../src/core/import-w3c';
import type { Annotation, DocumentMeta } from '../src/core/model';
import { createSelectors } from '../src/core/selectors';

// Prints how long the W3C Web Annotation export and import take with 10,000 annotations on
// about 2 MB of text with emoji and Arabic (the speed the unit tests no longer time: they count
// the work instead, or check the result at this scale), and 20,000 code-point conversions on
// that text. Medians of a few runs. Asserts nothing about speed.
//
// Run: npx vitest run --config vitest.bench.config.ts bench/w3c

const RUNS = 3;
const ANNOTATIONS = 10_000;
const CHUNK = 'The wall 🧱 near Nordhafen — قال المتحدث 👨‍👩‍👧 ok.\n';

function median(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

it('exports, imports and converts offsets for 10,000 annotations on 2 MB', () => {
  const text = CHUNK.repeat(Math.ceil(2_000_000 / CHUNK.length));
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
  const lines = text.length / CHUNK.length;
  const at = CHUNK.indexOf('Nordhafen');
  const annotations: Annotation[] = Array.from({ length: ANNOTATIONS }, (_, i) => {
    const start = Math.floor((i * lines) / ANNOTATIONS) * CHUNK.length + at;
    return {
      id: uuidV5(URL_NAMESPACE, `a${i}`),
      documentId: meta.id,
      tag: 'location',
      ...createSelectors(text, { start, end: start + 9 })!,
      textHash: meta.textHash,
      note: 'A note.',
      details: { name: 'Nordhafen', lat: 53.55, lon: 9.99 },
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
    };
  });
  const input = {
    documents: [{ meta, text, annotations, pages: [] }],
    tags: [{ id: 'location', name: 'Location', color: '#1c7ed6' }],
    exported: new Date('2026-03-01T00:00:00.000Z'),
  };

  let exported = buildW3cExport(input);
  const exportMs = median(() => (exported = buildW3cExport(input)));
  const json: unknown = JSON.parse(JSON.stringify(exported));
  let imported = parseW3c(json);
  const importMs = median(() => (imported = parseW3c(json)));
  const offsets = annotations.map((a) => a.start);
  let back: (number | null)[] = [];
  const convertMs = median(() => {
    back = offsets.map((u) => fromCodePointOffset(text, toCodePointOffset(text, u)!));
  });

  expect(exported.total).toBe(ANNOTATIONS);
  expect(imported.ok && imported.value.annotations.length).toBe(ANNOTATIONS);
  expect(back).toEqual(offsets);
  console.log(
    [
      `W3C, ${ANNOTATIONS.toLocaleString('en')} annotations on ${(text.length / 1e6).toFixed(1)} M UTF-16 units, median of ${RUNS}:`,
      `  export (buildW3cExport)          ${ms(exportMs)}`,
      `  import (parseW3c, parsed JSON)   ${ms(importMs)}`,
      `  ${(2 * ANNOTATIONS).toLocaleString('en')} code-point conversions   ${ms(convertMs)}`,
    ].join('\n'),
  );
});
