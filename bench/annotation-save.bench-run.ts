import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Annotation } from '../src/core/model';
import { AnnotationSet } from '../src/services/annotation-set';

// Prints how long saving one annotation change takes in a document with 10,000 annotations:
// the journal append (median and p95 of 50 sequential saves, target under 50 ms) and the rare
// compaction that folds the journal into a rewritten snapshot (what every save cost before the
// journal). Asserts nothing about speed. The files go to the system temp folder, or to
// $GLOSS_BENCH_DIR: point it at the disk the workspace lives on (a RAM disk's fsync is free).
//
// Run: npm run bench:save

const ANNOTATIONS = 10_000;
const SAVES = 50;
const DOCUMENT_ID = '5c1e0f7a-93d2-4b8e-a6f1-2d9c4e7b0a13';
const TEXT_HASH = '9e3b7c41d0a25f68'.repeat(4);
const QUOTE = 'The council voted to build 4.2 km of wall';

/** An annotation as the app stores them: about 400 bytes of JSON (uuids, a sha256). */
function annotation(n: number, over: Partial<Annotation> = {}): Annotation {
  const start = n * 120;
  return {
    id: `a7f3c2d1-8b4e-4f6a-9c0d-${String(n).padStart(12, '0')}`,
    documentId: DOCUMENT_ID,
    tag: ['claim', 'figure', 'quote', 'place'][n % 4]!,
    start,
    end: start + QUOTE.length,
    quote: QUOTE,
    prefix: 'After a long debate, ',
    suffix: ' along the harbour front.',
    textHash: TEXT_HASH,
    note: n % 3 === 0 ? 'Check against the minutes.' : '',
    details: n % 4 === 1 ? { value: 4.2, unit: 'km' } : {},
    created: '2026-03-04T05:06:07.000Z',
    modified: '2026-03-04T05:06:07.000Z',
    ...over,
  };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const percentile = (xs: number[], p: number) =>
  sorted(xs)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

it('saves one change in a document of 10,000 annotations', async () => {
  const dir = await mkdtemp(join(process.env.GLOSS_BENCH_DIR ?? tmpdir(), 'gloss-bench-save-'));
  try {
    const path = join(dir, 'annotations', `${DOCUMENT_ID}.json`);
    const { set } = await AnnotationSet.load(DOCUMENT_ID, path);
    for (let n = 0; n < ANNOTATIONS; n++) set.put(annotation(n));
    let t0 = performance.now();
    await set.save(); // the first save writes the snapshot
    const firstSave = performance.now() - t0;
    const snapshotBytes = (await stat(path)).size;

    const times: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      const n = (i * 197) % ANNOTATIONS;
      set.put(
        annotation(n, {
          note: `Second look #${i}`,
          modified: new Date(Date.UTC(2026, 3, 4, 6, i)).toISOString(),
        }),
      );
      t0 = performance.now();
      await set.save();
      times.push(performance.now() - t0);
    }
    const journalBytes = (await stat(set.journalPath)).size;

    // Grow the journal in big batches until a save crosses the threshold; time the compaction
    // that follows it (the save resolves first, flush waits for the compaction too).
    let compaction = NaN;
    let crossing = NaN;
    for (let round = 0; round < 100 && Number.isNaN(compaction); round++) {
      for (let k = 0; k < 1000; k++) {
        const n = (round * 1000 + k) % ANNOTATIONS;
        set.put(annotation(n, { note: `Batch ${round}` }));
      }
      t0 = performance.now();
      await set.save();
      const saved = performance.now();
      await set.flush();
      if (!(await exists(set.journalPath))) {
        crossing = saved - t0;
        compaction = performance.now() - saved;
      }
    }

    // And the reads: a fresh load of the snapshot alone, then replaying 50 single-change lines.
    await AnnotationSet.load(DOCUMENT_ID, path); // warm-up, untimed
    t0 = performance.now();
    await AnnotationSet.load(DOCUMENT_ID, path);
    const loadSnapshot = performance.now() - t0;
    for (let i = 0; i < SAVES; i++) {
      set.put(annotation(i * 7, { note: `Third look #${i}` }));
      await set.save();
    }
    t0 = performance.now();
    const { set: again } = await AnnotationSet.load(DOCUMENT_ID, path);
    const load = performance.now() - t0;
    expect(again.list()).toEqual(set.list());

    console.log(
      [
        '',
        `Saving one annotation change, ${ANNOTATIONS.toLocaleString('en')} annotations (snapshot ${(snapshotBytes / 1e6).toFixed(2)} MB), ${dir}`,
        `  save() of one change (journal append + fdatasync), ${SAVES} sequential saves:`,
        `    median ${ms(percentile(times, 0.5))}   p95 ${ms(percentile(times, 0.95))}   max ${ms(Math.max(...times))}   (target: under 50 ms)`,
        `    journal after ${SAVES} saves: ${journalBytes} bytes (${Math.round(journalBytes / SAVES)} per save)`,
        `  compaction (snapshot rewritten, journal deleted): ${ms(compaction)} (the save that crossed the threshold resolved first, in ${ms(crossing)})`,
        `  first save (writes the whole snapshot, as every save did before the journal): ${ms(firstSave)}`,
        `  load: snapshot alone ${ms(loadSnapshot)}, snapshot + ${SAVES}-line journal ${ms(load)}`,
        '',
      ].join('\n'),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
