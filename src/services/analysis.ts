import { Worker } from 'node:worker_threads';
import type { TextAnalysis } from '../core/text-analysis';
import { loadGazetteer } from './gazetteer-file';

// Suggest, the place picker and the claimant list ask a TextAnalysis. In the app it lives in a
// worker thread (the gazetteer's memory and a long text's scan stay off the main thread); in
// unit tests it runs in-process. Both speak the same promise-returning interface.

type Method = keyof TextAnalysis;

/** The worker's built file, beside the main and web-host bundles in out/main. */
export const ANALYSIS_WORKER_FILE = 'analysis-worker.js';
export type Analysis = {
  [M in Method]: (...args: Parameters<TextAnalysis[M]>) => Promise<ReturnType<TextAnalysis[M]>>;
} & { close(): Promise<void> };

export const ANALYSIS_METHODS: readonly Method[] = [
  'suggest',
  'placeCandidates',
  'locationDetails',
  'namedEntities',
];

/** What a worker is sent, and what it answers. */
export interface AnalysisCall {
  id: number;
  method: Method;
  args: unknown[];
}
export type AnalysisAnswer =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/**
 * Builds the analysis, loading the gazetteer once. Without one, places stay plain names; when
 * it cannot be read, everything else still works and the place picker says what is wrong.
 */
export async function buildTextAnalysis(gazetteerPath: string | undefined): Promise<TextAnalysis> {
  // Loaded here, not at startup: its language model takes a third of a second to load, and in
  // the app it is only needed inside the analysis worker.
  const { createTextAnalysis } = await import('../core/text-analysis');
  if (!gazetteerPath) return createTextAnalysis(null);
  try {
    return createTextAnalysis(await loadGazetteer(gazetteerPath));
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return {
      ...createTextAnalysis(null),
      placeCandidates: () => {
        throw new Error(problem);
      },
    };
  }
}

/** Answers one call against an analysis: the worker's loop body, and the in-process path. */
export async function answer(
  analysis: Promise<TextAnalysis>,
  call: AnalysisCall,
): Promise<AnalysisAnswer> {
  try {
    if (!ANALYSIS_METHODS.includes(call.method))
      throw new Error(`no method ${String(call.method)}`);
    const target = await analysis;
    const fn = target[call.method] as (...args: unknown[]) => unknown;
    return { id: call.id, ok: true, value: fn(...call.args) };
  } catch (error) {
    return {
      id: call.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

function asAnalysis(
  send: (method: Method, args: unknown[]) => Promise<unknown>,
  close: () => Promise<void>,
): Analysis {
  const methods = Object.fromEntries(
    ANALYSIS_METHODS.map((method) => [method, (...args: unknown[]) => send(method, args)]),
  );
  return { ...(methods as Omit<Analysis, 'close'>), close };
}

/** The analysis in this thread (tests, and hosts that have no worker file). */
export function localAnalysis(gazetteerPath?: string): Analysis {
  let built: Promise<TextAnalysis> | null = null;
  let next = 0;
  return asAnalysis(
    async (method, args) => {
      built ??= buildTextAnalysis(gazetteerPath);
      const result = await answer(built, { id: next++, method, args });
      if (!result.ok) throw new Error(result.message);
      return result.value;
    },
    async () => {},
  );
}

/**
 * The analysis in a worker thread running `workerFile` (the built analysis-worker.js). The
 * worker starts on first use; if it dies, pending calls fail with the reason and the next
 * call starts a new one.
 */
export function workerAnalysis(workerFile: string, gazetteerPath?: string): Analysis {
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  const failAll = (reason: string) => {
    for (const p of pending.values()) p.reject(new Error(`The text analysis stopped: ${reason}`));
    pending.clear();
    worker = null;
  };

  const start = () => {
    const w = new Worker(workerFile, { workerData: { gazetteerPath } });
    w.on('message', (message: AnalysisAnswer) => {
      const p = pending.get(message.id);
      if (!p) return;
      pending.delete(message.id);
      if (message.ok) p.resolve(message.value);
      else p.reject(new Error(message.message));
    });
    w.on('error', (error) => failAll(error.message));
    w.on('exit', (code) => {
      if (worker === w) failAll(`its thread exited (code ${code})`);
    });
    // An idle worker must not keep the process alive.
    w.unref();
    return w;
  };

  return asAnalysis(
    (method, args) =>
      new Promise((resolve, reject) => {
        worker ??= start();
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, method, args } satisfies AnalysisCall);
      }),
    async () => {
      const w = worker;
      worker = null;
      failAll('Gloss is closing');
      if (w) await w.terminate();
    },
  );
}
