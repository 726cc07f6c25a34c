import type { TextAnalysis } from '../core/text-analysis';
import { loadGazetteer } from './gazetteer-file';
import type { WorkerHandler } from './worker-thread';
import { workerThread } from './worker-thread';

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

/** The worker's handlers: one per method, each answering from the analysis once built. */
export function analysisHandlers(analysis: Promise<TextAnalysis>): Record<Method, WorkerHandler> {
  const handler =
    (method: Method): WorkerHandler =>
    async (args) => {
      const target = await analysis;
      const fn = target[method] as (...args: unknown[]) => unknown;
      return fn(...args);
    };
  return Object.fromEntries(ANALYSIS_METHODS.map((m) => [m, handler(m)])) as Record<
    Method,
    WorkerHandler
  >;
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
  let handlers: Record<Method, WorkerHandler> | null = null;
  return asAnalysis(
    async (method, args) => {
      handlers ??= analysisHandlers(buildTextAnalysis(gazetteerPath));
      return handlers[method](args, () => {});
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
  const thread = workerThread(workerFile, {
    name: 'The text analysis',
    workerData: { gazetteerPath },
  });
  return asAnalysis(
    (method, args) => thread.call(method, args),
    () => thread.close(),
  );
}
