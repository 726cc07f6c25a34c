// Serves alternatives.html with mark.js, @recogito/text-annotator and the generated cases, and
// times each library on a case in a fresh page.
/* global window -- page.evaluate callbacks run in the page */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Where each library's browser build is (both are self-contained UMD files). */
function libraries() {
  const markDir = dirname(require.resolve('mark.js/package.json'));
  // Its exports hide package.json; its "require" entry is the UMD build in dist/.
  const annotatorDir = dirname(require.resolve('@recogito/text-annotator'));
  return {
    '/lib/mark.min.js': join(markDir, 'dist/mark.min.js'),
    '/lib/text-annotator.umd.js': join(annotatorDir, 'text-annotator.umd.js'),
    '/lib/text-annotator.css': join(annotatorDir, 'text-annotator.css'),
    '/alternatives.html': join(here, 'alternatives.html'),
    '/alternatives.js': join(here, 'alternatives.js'),
  };
}

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

/**
 * Starts the server; `cases` maps a case id to { text, blocks: [[start, end]…], annotations:
 * [[start, end, tag, quote]…] }. Returns its origin and a stop function.
 */
export async function serveAlternatives(cases) {
  const files = libraries();
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const caseMatch = /^\/case\/([\w.-]+)\.json$/.exec(path);
    if (caseMatch && cases.has(caseMatch[1])) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(cases.get(caseMatch[1]));
      return;
    }
    const file = files[path];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.slice(path.lastIndexOf('.'))] });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise((r) => server.close(r)),
  };
}

/** The JSON a case is served as: Gloss's blocks (one per non-empty line) and the ranges. */
export function caseJson(doc, annotations) {
  const blocks = [];
  let start = 0;
  const { text } = doc;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (text.slice(start, end).trim() !== '') blocks.push([start, end]);
    start = end + 1;
  }
  return JSON.stringify({
    text,
    blocks,
    annotations: annotations.map((a) => [a.start, a.end, a.tag, a.quote]),
  });
}

/** One timed run of a library on a case, in a fresh page; null when it takes too long. */
export async function measureAlternative(browser, origin, kind, caseId, { cv, timeoutMs }) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/alternatives.html${cv ? '?cv=1' : ''}`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const result = await Promise.race([
      page.evaluate(([kind, caseId]) => window.runAlternative(kind, caseId), [kind, caseId]),
      new Promise((r) => setTimeout(() => r(null), timeoutMs)),
    ]);
    if (!result) return null;
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    result.heapMb = metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1024 / 1024;
    return result;
  } finally {
    await context.close();
  }
}
