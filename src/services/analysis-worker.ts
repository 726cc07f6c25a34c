import { workerData } from 'node:worker_threads';
import { analysisHandlers, buildTextAnalysis } from './analysis';
import { serveWorkerCalls } from './worker-thread';

// Entry of the analysis worker thread (built to out/main/analysis-worker.js): builds the
// analysis once, then answers calls in order of arrival.

const { gazetteerPath } = workerData as { gazetteerPath?: string };
serveWorkerCalls(analysisHandlers(buildTextAnalysis(gazetteerPath)));
