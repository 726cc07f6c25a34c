/* global window, document, CSS, NodeFilter, KeyboardEvent, requestAnimationFrame,
   getComputedStyle -- the page functions here run in the page */
// Drives the real Gloss renderer (served by the web host) in Chromium and measures it, reading
// the renderer's own performance marks (gloss:document-arrived, gloss:paint-start,
// gloss:painted; see src/renderer/src/perf-marks.ts).

/**
 * Runs in the page before the app: records every gloss:* mark (with the highlight sizes at
 * each gloss:painted) and, for each gloss:painted, when the next frame has been rendered — a
 * rAF callback runs before that frame's style, layout and paint, and a message posted from it
 * runs right after them.
 */
function instrument() {
  const mark = performance.mark.bind(performance);
  const bench = { marks: [] };
  window.__bench = bench;
  const sizes = () => {
    const out = { total: 0 };
    if (typeof CSS === 'undefined' || !CSS.highlights) return out;
    CSS.highlights.forEach((h, name) => {
      if (!name.startsWith('gloss-tag-')) return;
      out[name.slice('gloss-tag-'.length)] = h.size;
      out.total += h.size;
    });
    return out;
  };
  performance.mark = function (name, options) {
    const entry = mark(name, options);
    if (typeof name === 'string' && name.startsWith('gloss:')) {
      const rec = { name, t: entry.startTime };
      if (name === 'gloss:painted') {
        rec.sizes = sizes();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => (rec.frame = performance.now());
          channel.port2.postMessage(null);
        });
      }
      bench.marks.push(rec);
    }
    return entry;
  };
}

const READER = '[role="document"][aria-label="Document text"]';

/** Two animation frames and a pause: whatever was pending has been rendered. */
export async function settle(page, ms = 200) {
  await page.evaluate(
    (ms) =>
      new Promise((r) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, ms))),
      ),
    ms,
  );
}

async function waitSaved(page) {
  await page.waitForFunction(
    () => document.querySelector('[role="status"]')?.textContent === 'Saved',
    null,
    { timeout: 60_000, polling: 20 },
  );
}

/** Opens the app on its start document; returns the page and a CDP session for metrics. */
export async function openApp(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(instrument);
  await page.goto(url);
  await page.waitForFunction(
    () => window.__bench.marks.some((m) => m.name === 'gloss:painted' && m.frame),
    null,
    { timeout: 120_000, polling: 50 },
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp, context, errors, idle: trackRequests(page) };
}

/**
 * Counts the page's requests in flight; the function returned resolves once none has been in
 * flight for `quietMs` (the renderer asks for more than the document, e.g. named entities,
 * and the host's work on them would otherwise run into the next measurement).
 */
function trackRequests(page) {
  let inFlight = 0;
  let changed = Date.now();
  page.on('request', () => {
    inFlight++;
    changed = Date.now();
  });
  const done = () => {
    inFlight--;
    changed = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return async (quietMs = 300, timeoutMs = 120_000) => {
    const until = Date.now() + timeoutMs;
    while (!(inFlight <= 0 && Date.now() - changed >= quietMs)) {
      if (Date.now() > until) throw new Error(`requests still in flight after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
}

/** JS heap in use after a full garbage collection, in MB. */
export async function heapMb(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  return used / 1024 / 1024;
}

/** Switches to a document by its row in the Documents list; times it from the marks. */
export async function openDocument(page, title) {
  const t0 = await page.evaluate((title) => {
    const list = document.querySelector('ul[aria-label="Documents"]');
    const button = [...list.querySelectorAll('button')].find(
      (b) => b.querySelector('.document-title')?.textContent === title,
    );
    if (!button) throw new Error(`no document row "${title}"`);
    const t = performance.now();
    button.click();
    return t;
  }, title);
  const handle = await page.waitForFunction(
    (t0) => {
      const marks = window.__bench.marks;
      const arrived = marks.find((m) => m.name === 'gloss:document-arrived' && m.t > t0);
      if (!arrived) return null;
      const at = marks.indexOf(arrived);
      const paintedAt = marks.findIndex((m, i) => i > at && m.name === 'gloss:painted');
      if (paintedAt === -1 || !marks[paintedAt].frame) return null;
      const painted = marks[paintedAt];
      const start = marks
        .slice(at, paintedAt)
        .reverse()
        .find((m) => m.name === 'gloss:paint-start');
      return {
        open: painted.t - arrived.t,
        onScreen: painted.frame - arrived.t,
        highlights: painted.t - start.t,
        painted: painted.sizes.total,
      };
    },
    t0,
    { timeout: 300_000, polling: 20 },
  );
  return handle.jsonValue();
}

/** Elements in the reader, its blocks, and the rows of the annotations list. */
export async function domCounts(page) {
  return page.evaluate((READER) => {
    const reader = document.querySelector(READER);
    let highlighted = 0;
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith('gloss-tag-')) highlighted += h.size;
    });
    return {
      highlighted,
      elements: reader.querySelectorAll('*').length,
      blocks: reader.querySelectorAll('[data-start]').length,
      pageLabels: reader.querySelectorAll('.page-label').length,
      chunks: reader.querySelectorAll('.reader-chunk').length,
      listRows: document.querySelectorAll('ul[aria-label="Annotations"] > li').length,
      allElements: document.querySelectorAll('*').length,
    };
  }, READER);
}

/**
 * Runs `act` in the page (right after recording performance.now()), then waits for the first
 * gloss:painted after it at which highlight `done.key` has `done.size` ranges, for the frame
 * after it, the API call and "Saved". Returns ms to the mark, to the rendered frame, and the
 * API call's round trip (the services answer once the change is on disk).
 */
async function timedChange(page, { act, method, done, arg }) {
  const t0 = await page.evaluate(
    ({ act, arg }) => {
      performance.clearResourceTimings();
      window.__bench.marks.length = 0;
      const t = performance.now();
      window.__benchActions[act](arg);
      return t;
    },
    { act, arg },
  );
  const handle = await page.waitForFunction(
    ({ t0, method, done }) => {
      const marks = window.__bench.marks;
      const call = performance
        .getEntriesByType('resource')
        .find((e) => e.name.endsWith(`/api/${method}`));
      let painted = marks.find(
        (m) => m.name === 'gloss:painted' && m.t > t0 && m.sizes[done.key] === done.size,
      );
      let verified = true;
      // A repaint after the answer that still does not show the change: the highlights are not
      // registered (CSS.highlights lost them). Time that paint, but say it was not seen.
      if (
        !painted &&
        call &&
        marks.some((m) => m.name === 'gloss:painted' && m.t > call.responseEnd)
      ) {
        painted = marks.find((m) => m.name === 'gloss:painted' && m.t > t0);
        verified = false;
      }
      if (!painted || !painted.frame || !call) return null;
      return {
        painted: painted.t - t0,
        onScreen: painted.frame - t0,
        durable: call.responseEnd - call.startTime,
        verified,
      };
    },
    { t0, method, done },
    { timeout: 60_000, polling: 10 },
  );
  const result = await handle.jsonValue();
  await waitSaved(page);
  await settle(page, 100);
  return result;
}

/** The user's actions, as functions installed in the page (its CSP forbids eval). */
function installActions() {
  window.__benchActions = {
    // Selects a passage of the reader's second block and presses 4 (Figure).
    tagSelection(readerSelector) {
      const blocks = document.querySelector(readerSelector).querySelectorAll('[data-start]');
      const block = blocks[Math.min(1, blocks.length - 1)];
      const node = document.createTreeWalker(block, NodeFilter.SHOW_TEXT).nextNode();
      const from = node.data.indexOf(' ', 8) + 1;
      const to = node.data.indexOf(' ', from + 12);
      window.getSelection().setBaseAndExtent(node, from, node, to);
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '4', bubbles: true }));
    },
    // Changes the selected annotation's tag in the details panel.
    retag(tag) {
      const select = document.getElementById('annotation-tag');
      if (!select) throw new Error('no annotation is selected');
      select.value = tag;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    // Presses Delete (deletes the selected annotation).
    deleteSelected() {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true }));
    },
  };
}

/**
 * Adds one annotation (select a passage in the second block, press 4), edits its tag (Figure →
 * Claim, in the details panel) and deletes it (Delete key), timing each from the user's action.
 * `expected` is how many highlights the document should show before.
 */
export async function addEditDelete(page, expected) {
  await page.evaluate(installActions);
  const before = await page.evaluate(() => {
    const out = { total: 0 };
    CSS.highlights.forEach((h, name) => {
      if (!name.startsWith('gloss-tag-')) return;
      out[name.slice('gloss-tag-'.length)] = h.size;
      out.total += h.size;
    });
    return out;
  });
  const elementsBefore = (await domCounts(page)).elements;
  const add = await timedChange(page, {
    act: 'tagSelection',
    arg: READER,
    method: 'createAnnotation',
    done: { key: 'total', size: before.total + 1 },
  });
  const elementsAfterAdd = (await domCounts(page)).elements;
  const edit = await timedChange(page, {
    act: 'retag',
    arg: 'claim',
    method: 'updateAnnotation',
    done: { key: 'claim', size: (before.claim ?? 0) + 1 },
  });
  const del = await timedChange(page, {
    act: 'deleteSelected',
    arg: null,
    method: 'deleteAnnotation',
    done: { key: 'total', size: before.total },
  });
  // When the highlights were not all registered to begin with, no paint can be checked.
  if (before.total !== expected) for (const r of [add, edit, del]) r.verified = false;
  return { add, edit, del, addedElements: elementsAfterAdd - elementsBefore };
}

/**
 * Scrolls the reader from top to bottom, one step per animation frame: a viewport per frame,
 * but at least 120 frames and at most `maxFrames` (longer documents take bigger steps).
 * Frame times are the rAF timestamps, which fall on vsync (16.7 ms apart at 60 Hz): a gap of
 * n intervals means n − 1 frames were dropped.
 */
export async function scrollThrough(page, maxFrames) {
  return page.evaluate(
    async ({ READER, maxFrames }) => {
      const reader = document.querySelector(READER);
      let scroller = reader.parentElement;
      while (
        scroller &&
        !(
          scroller.scrollHeight > scroller.clientHeight + 1 &&
          /auto|scroll/.test(getComputedStyle(scroller).overflowY)
        )
      )
        scroller = scroller.parentElement;
      scroller ??= document.scrollingElement;
      scroller.scrollTop = 0;
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      await frame();
      await frame();
      const startMax = scroller.scrollHeight - scroller.clientHeight;
      const frames = Math.min(
        maxFrames,
        Math.max(120, Math.ceil(startMax / scroller.clientHeight)),
      );
      const stamps = [];
      let n = 0;
      for (;;) {
        stamps.push(await frame());
        // Paragraphs remember their real height once shown, so the height may change.
        const max = scroller.scrollHeight - scroller.clientHeight;
        if (scroller.scrollTop >= max - 1 || n >= frames * 3) break;
        const left = Math.max(1, frames - n);
        scroller.scrollTop = Math.min(
          max,
          scroller.scrollTop + Math.max(1, (max - scroller.scrollTop) / left),
        );
        n++;
      }
      const intervals = stamps.slice(1).map((t, i) => t - stamps[i]);
      const vsync = 1000 / 60;
      return {
        frames: intervals.length,
        dropped: intervals.reduce((sum, d) => sum + Math.max(0, Math.round(d / vsync) - 1), 0),
        long: intervals.filter((d) => d > 2 * 16.7).length,
        longest: Math.max(0, ...intervals),
        height: scroller.scrollHeight,
        step: startMax / frames,
      };
    },
    { READER, maxFrames },
  );
}

/**
 * Loads the app in a fresh page and times its start: from navigation to the first document's
 * highlights painted and rendered, and the getWorkspace and openDocument calls on the way.
 */
export async function timeAppStart(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(instrument);
    await page.goto(url);
    const handle = await page.waitForFunction(
      () => {
        const painted = window.__bench.marks.find((m) => m.name === 'gloss:painted' && m.frame);
        if (!painted) return null;
        const call = (method) =>
          performance.getEntriesByType('resource').find((e) => e.name.endsWith(`/api/${method}`));
        const ws = call('getWorkspace');
        const doc = call('openDocument');
        return {
          // performance.now() counts from the start of the navigation.
          painted: painted.t,
          onScreen: painted.frame,
          // The app's code loaded and running: it asks for the workspace first thing.
          appLoaded: ws ? ws.startTime : NaN,
          fromWorkspace: ws ? painted.frame - ws.startTime : NaN,
          getWorkspace: ws ? ws.responseEnd - ws.startTime : NaN,
          openDocument: doc ? doc.responseEnd - doc.startTime : NaN,
        };
      },
      null,
      { timeout: 120_000, polling: 20 },
    );
    return await handle.jsonValue();
  } finally {
    await context.close();
  }
}

/** Closes a page opened by openApp. */
export async function closeApp(app) {
  await app.context.close();
}
