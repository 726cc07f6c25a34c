import { parentPort, workerData } from 'node:worker_threads';
import type { AnalysisCall } from './analysis';
import { answer, buildTextAnalysis } from './analysis';

// Entry of the analysis worker thread (built to out/main/analysis-worker.js): builds the
// analysis once, then answers calls in order of arrival.

const { gazetteerPath } = workerData as { gazetteerPath?: string };
const analysis = buildTextAnalysis(gazetteerPath);

parentPort?.on('message', (call: AnalysisCall) => {
  void answer(analysis, call).then((result) => parentPort?.postMessage(result));
});
