import { loadavg } from 'node:os';
import { expect, it } from 'vitest';
import type { Placement } from '../src/core/reanchor';
import { reanchorAll } from '../src/core/reanchor';
import type { Verdict } from './reanchor-scenario';
import { buildScenario, judge } from './reanchor-scenario';

// Prints the re-anchoring benchmark's figures (see reanchor-scenario.ts); asserts nothing about
// speed or accuracy, which are printed against their targets.

const RUNS = 5;

it('re-anchors 10,000 annotations on a 2 MB document after realistic edits', () => {
  const { oldText, newText, annotations, truths, edits } = buildScenario();

  // Wall time, and this process's CPU time (user + system), which a busy machine inflates less.
  const times: number[] = [];
  const cpu: number[] = [];
  let placements: Placement[] = reanchorAll(oldText, newText, annotations); // warm-up, untimed
  for (let run = 0; run < RUNS; run++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    placements = reanchorAll(oldText, newText, annotations);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  const counts: Record<Verdict, number> = {
    exact: 0,
    moved: 0,
    'orphan-right': 0,
    'orphan-lost': 0,
    wrong: 0,
  };
  const wrongs: string[] = [];
  const lost: string[] = [];
  placements.forEach((p, i) => {
    const a = annotations[i]!;
    const t = truths[i]!;
    const v = judge(t, p, newText, a.quote);
    counts[v]++;
    const show = () =>
      `${a.id} [${a.start},${a.end}) ${JSON.stringify(a.quote.slice(0, 60))} truth [${t.start},${t.end}) ` +
      `${JSON.stringify(newText.slice(t.start, t.end).slice(0, 60))} removed ${t.removed} added ${t.added} → ${p.status}` +
      (p.status === 'orphan'
        ? ''
        : ` [${p.start},${p.end}) ${JSON.stringify(newText.slice(p.start, p.end).slice(0, 60))}`);
    if (v === 'wrong') wrongs.push(show());
    if (v === 'orphan-lost') lost.push(show());
  });
  const n = placements.length;
  const pct = (k: number) => `${((100 * k) / n).toFixed(2)} %`;
  const correct = counts.exact + counts.moved + counts['orphan-right'];
  const truthGone = truths.filter(
    (t) => t.end <= t.start || t.length - t.removed < t.length / 2,
  ).length;

  console.log(
    [
      '',
      'reanchorAll benchmark',
      `  document        ${(oldText.length / 1e6).toFixed(2)} M chars → ${(newText.length / 1e6).toFixed(2)} M chars after ${edits} edits`,
      `  annotations     ${n} (truth: ${truthGone} gone)`,
      `  time            (after a warm-up) median ${median(times).toFixed(0)} ms of ${RUNS} runs (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}; CPU median ${median(cpu).toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)})   target < 1000 ms`,
      `  exact           ${counts.exact} (${pct(counts.exact)})`,
      `  moved, correct  ${counts.moved} (${pct(counts.moved)})`,
      `  orphan, right   ${counts['orphan-right']} (${pct(counts['orphan-right'])})   text gone or mostly rewritten`,
      `  orphan, lost    ${counts['orphan-lost']} (${pct(counts['orphan-lost'])})   text still there`,
      `  wrong           ${counts.wrong} (${pct(counts.wrong)})   target 0`,
      `  correct         ${pct(correct)}   target ≥ 99.5 %`,
      ...(wrongs.length
        ? ['  wrong placements:', ...wrongs.slice(0, 20).map((w) => `    ${w}`)]
        : []),
      ...(lost.length ? ['  lost (first 20):', ...lost.slice(0, 20).map((w) => `    ${w}`)] : []),
    ].join('\n'),
  );
  expect(placements).toHaveLength(n);
}, 300_000);
