import { it } from 'vitest';
import { reanchorAll } from '../src/core/reanchor';
import { buildScenario, judge } from './reanchor-scenario';
it('seeds', () => {
  const total: Record<string, number> = {};
  for (let seed = 1; seed <= 12; seed++) {
    const { oldText, newText, annotations, truths } = buildScenario(seed);
    const p = reanchorAll(oldText, newText, annotations);
    p.forEach((x, i) => { const v = judge(truths[i]!, x, newText, annotations[i]!.quote); total[v] = (total[v] ?? 0) + 1; });
  }
  console.log('TOTAL', JSON.stringify(total));
}, 900_000);
it('shuffle', () => {
  const a = buildScenario(1);
  const paras = a.oldText.split('\n\n');
  const oldStarts: number[] = [];
  let at = 0;
  for (const p of paras) { oldStarts.push(at); at += p.length + 2; }
  const perm = paras.map((_, i) => (i * 7919) % paras.length);
  const next = perm.map((j) => paras[j]!).join('\n\n');
  const newStartOf = new Map<number, number>();
  at = 0;
  for (const j of perm) { newStartOf.set(j, at); at += paras[j]!.length + 2; }
  const t0 = performance.now();
  const placements = reanchorAll(a.oldText, next, a.annotations);
  const ms = performance.now() - t0;
  const tally: Record<string, number> = {};
  let bad = 0;
  for (const [i, p] of placements.entries()) {
    const an = a.annotations[i]!;
    let lo = 0, hi = oldStarts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (oldStarts[mid]! <= an.start) lo = mid; else hi = mid - 1; }
    const inside = an.end <= oldStarts[lo]! + paras[lo]!.length;
    const key = `${inside ? 'inside' : 'crossing'}-${p.status}`;
    tally[key] = (tally[key] ?? 0) + 1;
    if (inside && p.status !== 'orphan' && p.start !== newStartOf.get(lo)! + an.start - oldStarts[lo]!) bad++;
  }
  console.log('SHUFFLE', ms.toFixed(0), 'ms', JSON.stringify(tally), 'wrong inside:', bad);
}, 900_000);
