import type { ResourceLimits } from 'node:worker_threads';
import { parentPort, Worker } from 'node:worker_threads';

// Work that must not hold up the services' thread (text analysis, document conversion) runs in
// a worker thread. This is both ends of the one protocol they speak: calls with an id go in;
// progress, a value or an error message come back under the same id. The thread starts on
// first use, is started again after it dies, and never keeps the process alive when idle.

export interface WorkerCall {
  id: number;
  method: string;
  args: unknown[];
}
export type WorkerMessage =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string }
  | { id: number; progress: [done: number, total: number] };

export interface WorkerThreadOptions {
  /** What the thread does, opening its error messages: "The text analysis", "the conversion". */
  name: string;
  workerData?: unknown;
  resourceLimits?: ResourceLimits;
  /**
   * A call that reports no progress for this long is taken as stuck: the thread is stopped
   * (failing the calls in it) and the next call starts a new one.
   */
  stallMs?: number;
}

export interface WorkerThread {
  call(
    method: string,
    args: unknown[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<unknown>;
  close(): Promise<void>;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress: ((done: number, total: number) => void) | undefined;
}

/** The calling end: a thread running `file` (a built worker entry). */
export function workerThread(file: string, options: WorkerThreadOptions): WorkerThread {
  let worker: Worker | null = null;
  let next = 0;
  let stall: ReturnType<typeof setTimeout> | null = null;
  const pending = new Map<number, Pending>();

  const failAll = (reason: string) => {
    for (const p of pending.values()) p.reject(new Error(`${options.name} stopped: ${reason}`));
    pending.clear();
    worker = null;
    watch();
  };

  // After every change of the calls pending: the thread keeps the process alive only while it
  // has work (a call awaited at start-up must be answered), and the stall timer runs while
  // calls are pending, restarted by every message.
  const watch = () => {
    if (stall) clearTimeout(stall);
    stall = null;
    if (pending.size === 0) worker?.unref();
    else worker?.ref();
    const ms = options.stallMs;
    if (ms === undefined || pending.size === 0 || !worker) return;
    const w = worker;
    stall = setTimeout(() => {
      if (worker !== w) return;
      failAll(`it made no progress for ${+(ms / 1000).toFixed(2)} seconds`);
      void w.terminate();
    }, ms);
    stall.unref();
  };

  const start = () => {
    const w = new Worker(file, {
      workerData: options.workerData,
      ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
    });
    w.on('message', (message: WorkerMessage) => {
      const p = pending.get(message.id);
      if (!p) return;
      if ('progress' in message) {
        p.onProgress?.(...message.progress);
      } else {
        pending.delete(message.id);
        if (message.ok) p.resolve(message.value);
        else p.reject(new Error(message.message));
      }
      watch();
    });
    w.on('error', (error) => {
      if (worker === w) failAll(describeError(error));
    });
    w.on('exit', (code) => {
      if (worker === w) failAll(`its thread exited (code ${code})`);
    });
    return w;
  };

  return {
    call: (method, args, onProgress) =>
      new Promise((resolve, reject) => {
        worker ??= start();
        const id = next++;
        pending.set(id, { resolve, reject, onProgress });
        worker.postMessage({ id, method, args } satisfies WorkerCall);
        watch();
      }),
    async close() {
      const w = worker;
      failAll('Gloss is closing');
      if (w) await w.terminate();
    },
  };
}

function describeError(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it ran out of memory' : error.message;
}

export type WorkerHandler = (
  args: unknown[],
  progress: (done: number, total: number) => void,
) => unknown;

/** The thread's end: answers each call with its method's handler, in order of arrival. */
export function serveWorkerCalls(handlers: Record<string, WorkerHandler>): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorkerCalls runs only in a worker thread');
  port.on('message', (call: WorkerCall) => {
    void answerCall(handlers, call, (message) => port.postMessage(message));
  });
}

/** Runs one call against `handlers`, posting progress and then its result. */
export async function answerCall(
  handlers: Record<string, WorkerHandler>,
  call: WorkerCall,
  post: (message: WorkerMessage) => void,
): Promise<void> {
  try {
    const handler = Object.hasOwn(handlers, call.method) ? handlers[call.method] : undefined;
    if (!handler) throw new Error(`no method ${String(call.method)}`);
    const value = await handler(call.args, (done, total) =>
      post({ id: call.id, progress: [done, total] }),
    );
    post({ id: call.id, ok: true, value });
  } catch (error) {
    post({
      id: call.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
