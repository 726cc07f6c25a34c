import { describe, expect, it } from 'vitest';
import { WriteQueue } from './write-queue';

/** A writer that counts calls and finishes only when told to. */
function controlledWriter() {
  const pending: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let calls = 0;
  const writer = () =>
    new Promise<void>((resolve, reject) => {
      calls++;
      pending.push({ resolve, reject });
    });
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return {
    writer,
    get calls() {
      return calls;
    },
    async finish(error?: unknown) {
      await tick();
      const next = pending.shift();
      if (!next) throw new Error('no write in flight');
      if (error) next.reject(error);
      else next.resolve();
      await tick();
    },
  };
}

describe('WriteQueue', () => {
  it('writes once for one call', async () => {
    let calls = 0;
    const q = new WriteQueue(async () => {
      calls++;
    });
    await q.schedule();
    expect(calls).toBe(1);
  });

  it('coalesces calls during an in-flight write into exactly one more write', async () => {
    const w = controlledWriter();
    const q = new WriteQueue(w.writer);
    const first = q.schedule();
    const later = [q.schedule(), q.schedule(), q.schedule()];
    expect(w.calls).toBe(1);
    await w.finish();
    await first;
    expect(w.calls).toBe(2);
    await w.finish();
    await Promise.all(later);
    expect(w.calls).toBe(2);
  });

  it('does not resolve a caller with a write that started before its call', async () => {
    const w = controlledWriter();
    const q = new WriteQueue(w.writer);
    void q.schedule();
    let resolved = false;
    const second = q.schedule().then(() => {
      resolved = true;
    });
    await w.finish(); // the first write completes: too early for the second caller
    expect(resolved).toBe(false);
    await w.finish();
    await second;
    expect(resolved).toBe(true);
  });

  it('rejects exactly the callers waiting on a failed write, then recovers', async () => {
    const w = controlledWriter();
    const q = new WriteQueue(w.writer);
    const first = q.schedule();
    const second = q.schedule();
    const failure = new Error('disk full');
    await w.finish(failure);
    await expect(first).rejects.toBe(failure);
    await w.finish();
    await expect(second).resolves.toBeUndefined();
    const third = q.schedule();
    await w.finish();
    await expect(third).resolves.toBeUndefined();
    expect(w.calls).toBe(3);
  });

  it('rejects when the writer throws synchronously', async () => {
    const q = new WriteQueue(() => {
      throw new Error('boom');
    });
    await expect(q.schedule()).rejects.toThrow('boom');
  });

  it('flush waits for everything pending and retries a failed last write', async () => {
    let calls = 0;
    let failNext = true;
    const q = new WriteQueue(async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      if (failNext) {
        failNext = false;
        throw new Error('transient');
      }
    });
    await expect(q.schedule()).rejects.toThrow('transient');
    await q.flush();
    expect(calls).toBe(2);
    await q.flush(); // nothing left to do
    expect(calls).toBe(2);
  });

  it('flush rejects when the retry fails too', async () => {
    const q = new WriteQueue(async () => {
      throw new Error('still broken');
    });
    await expect(q.schedule()).rejects.toThrow();
    await expect(q.flush()).rejects.toThrow('still broken');
  });

  it('serialises writes: never two at once', async () => {
    let running = 0;
    let most = 0;
    let calls = 0;
    const q = new WriteQueue(async () => {
      calls++;
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 2));
      running--;
    });
    const all: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) {
      all.push(q.schedule());
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    await Promise.all(all);
    expect(most).toBe(1);
    expect(calls).toBeLessThan(50);
  });
});
