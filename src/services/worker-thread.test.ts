import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkerMessage, WorkerThread } from './worker-thread';
import { answerCall, workerThread } from './worker-thread';
import { removeFolder, tempFolder } from './test-support';

// A worker speaking the protocol: `echo` answers its arguments after a delay, `count` reports
// progress each 10 ms (or as asked), `hang` never answers, `grow` allocates until memory runs
// out, `die` exits the thread.
const FAKE_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, method, args }) => {
  const post = (m) => parentPort.postMessage({ id, ...m });
  if (method === 'echo') return setTimeout(() => post({ ok: true, value: args }), args[0]);
  if (method === 'count') {
    let done = 0;
    const tick = setInterval(() => {
      post({ progress: [++done, args[0]] });
      if (done === args[0]) { clearInterval(tick); post({ ok: true, value: 'counted' }); }
    }, args[1] ?? 10);
    return;
  }
  if (method === 'hang') return;
  if (method === 'grow') { const keep = []; for (;;) keep.push(new Array(1e6).fill(keep.length)); }
  if (method === 'die') process.exit(7);
  post({ ok: false, message: 'no such method' });
});
`;

describe('workerThread', () => {
  let dir: string;
  let thread: WorkerThread;
  let file: string;

  beforeEach(async () => {
    dir = await tempFolder();
    file = join(dir, 'worker.js');
    await writeFile(file, FAKE_WORKER);
  });

  afterEach(async () => {
    await thread.close();
    await removeFolder(dir);
  });

  it('answers each call with its own result, and passes progress on', async () => {
    thread = workerThread(file, { name: 'The test' });
    const seen: [number, number][] = [];
    const counted = thread.call('count', [3], (done, total) => seen.push([done, total]));
    const echoed = thread.call('echo', [0, 'x']);
    expect(await echoed).toEqual([0, 'x']);
    expect(await counted).toBe('counted');
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('stops a call that makes no progress, and starts afresh for the next', async () => {
    thread = workerThread(file, { name: 'The test', stallMs: 1500 });
    await thread.call('echo', [0]); // the thread's start is not the call's to report
    // Progress every 100 ms keeps a call of 2.5 s alive past the stall time.
    expect(await thread.call('count', [25, 100])).toBe('counted');
    await expect(thread.call('hang', [])).rejects.toThrow(
      'The test stopped: it made no progress for 1.5 seconds',
    );
    expect(await thread.call('echo', [0, 'again'])).toEqual([0, 'again']);
  });

  it('says so when the thread runs out of memory, and recovers', async () => {
    thread = workerThread(file, { name: 'The test', resourceLimits: { maxOldGenerationSizeMb: 32 } }); // prettier-ignore
    await expect(thread.call('grow', [])).rejects.toThrow('The test stopped: it ran out of memory');
    expect(await thread.call('echo', [0, 'after'])).toEqual([0, 'after']);
  });

  it('fails the pending calls when the thread dies or is closed', async () => {
    thread = workerThread(file, { name: 'The test' });
    await expect(thread.call('die', [])).rejects.toThrow(
      'The test stopped: its thread exited (code 7)',
    );
    const pending = expect(thread.call('hang', [])).rejects.toThrow(
      'The test stopped: Gloss is closing',
    );
    await thread.close();
    await pending;
  });
});

describe('answerCall', () => {
  const run = async (method: string, args: unknown[] = []) => {
    const posted: WorkerMessage[] = [];
    await answerCall(
      {
        double: (a) => (a[0] as number) * 2,
        steps: async (_a, progress) => {
          progress(1, 2);
          progress(2, 2);
          return 'done';
        },
        fail: () => {
          throw new Error('it broke');
        },
      },
      { id: 4, method, args },
      (m) => posted.push(m),
    );
    return posted;
  };

  it('posts progress, then the value, under the call’s id', async () => {
    expect(await run('double', [21])).toEqual([{ id: 4, ok: true, value: 42 }]);
    expect(await run('steps')).toEqual([
      { id: 4, progress: [1, 2] },
      { id: 4, progress: [2, 2] },
      { id: 4, ok: true, value: 'done' },
    ]);
  });

  it('posts the error of a failing or unknown method, never a prototype’s', async () => {
    expect(await run('fail')).toEqual([{ id: 4, ok: false, message: 'it broke' }]);
    expect(await run('toString')).toEqual([{ id: 4, ok: false, message: 'no method toString' }]);
  });
});
