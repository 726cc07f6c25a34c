// Runs in alternatives.html: lays out one generated case like Gloss's reader and highlights
// its annotations with mark.js or @recogito/text-annotator, timing from the moment the text
// has arrived (fetched and parsed, as Gloss's gloss:document-arrived) to the first frame
// rendered with every highlight in place.
/* global window, document, location, requestAnimationFrame, Mark, RecogitoJS */

const COLORS = {
  claim: 'rgb(232, 89, 12)',
  quote: 'rgb(28, 126, 214)',
  location: 'rgb(47, 158, 68)',
  figure: 'rgb(174, 62, 201)',
};

/** Resolves after the next frame's style, layout and paint (a message posted from its rAF). */
const frameRendered = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );

window.runAlternative = async (kind, caseId) => {
  if (new URLSearchParams(location.search).get('cv') === '1') document.body.classList.add('cv');
  const data = await (await fetch(`/case/${caseId}.json`)).json();
  const arrived = performance.now();

  // The text, laid out as Gloss lays it out: one <p> per block, nothing between them.
  const container = document.getElementById('text');
  const { text, blocks, annotations } = data;
  const blockStarts = blocks.map((b) => b[0]);
  const joinedStarts = [];
  const fragment = document.createDocumentFragment();
  let joined = 0;
  for (const [start, end] of blocks) {
    const p = document.createElement('p');
    p.textContent = text.slice(start, end);
    fragment.appendChild(p);
    joinedStarts.push(joined);
    joined += end - start;
  }
  container.appendChild(fragment);
  // Both libraries count offsets in the container's text nodes joined together, which lacks
  // the blank lines between blocks: convert canonical offsets.
  const toJoined = (offset) => {
    let lo = 0;
    let hi = blockStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blockStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return joinedStarts[lo] + Math.max(0, offset - blockStarts[lo]);
  };

  const highlightStart = performance.now();
  let done;
  let loaded;
  if (kind === 'mark.js') {
    const ranges = annotations.map(([start, end, tag]) => {
      const s = toJoined(start);
      return { start: s, length: toJoined(end) - s, tag };
    });
    await new Promise((resolve) =>
      new Mark(container).markRanges(ranges, {
        each(element, range) {
          element.className = `tag-${range.tag}`;
        },
        done: resolve,
      }),
    );
    loaded = performance.now();
    done = await frameRendered();
  } else if (kind === 'text-annotator') {
    const tagOf = new Map();
    const list = annotations.map(([start, end, tag, quote], i) => {
      const id = `a${i}`;
      tagOf.set(id, tag);
      return {
        id,
        bodies: [],
        target: {
          annotation: id,
          selector: [{ quote, start: toJoined(start), end: toJoined(end) }],
        },
      };
    });
    const anno = RecogitoJS.createTextAnnotator(container, {
      style: (a) => ({ fill: COLORS[tagOf.get(a.id)], fillOpacity: 0.25 }),
    });
    // Its renderer redraws in an animation frame, then reports it from a timer: by then
    // that frame has been rendered.
    const redrawn = new Promise((resolve) => {
      anno.renderer.on('onRedraw', () => resolve(performance.now()));
    });
    // Without an adapter, these are its own annotations; replace: false loads them through
    // bulkUpsertAnnotations, which revives each selector's Range from its offsets.
    anno.setAnnotations(list, false);
    loaded = performance.now();
    done = await redrawn;
    window.__anno = anno;
  } else throw new Error(`unknown alternative ${kind}`);

  return {
    open: done - arrived,
    highlights: done - highlightStart,
    load: loaded - highlightStart,
    elements: container.querySelectorAll('*').length,
    marks: container.querySelectorAll('mark').length,
    spans: document.querySelectorAll('.r6o-span-highlight-layer .r6o-annotation').length,
  };
};
