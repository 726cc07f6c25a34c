// Deterministic documents, annotations and workspaces for the scale benchmark. Everything comes
// from a seeded PRNG, so two runs generate byte-identical workspaces. Workspaces are written
// straight to disk in Gloss's format (docs/FORMAT.md), valid under src/core/model.ts.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to in a is that for on was with as by at from said it be are has have not this ' +
  'an which were its but they their had been after more who will about also would two over new ' +
  'year government officials council minister report people police city water border river ' +
  'village region million percent spokesman residents statement court election army agency ' +
  'district harbour ministry fund contract budget inquiry witness protest province company ' +
  'families hospital market station coast bridge farmers journalists observers satellite images'
).split(' ');
const NAMES = (
  'Nordhafen Kessel Marrow Aubrac Ilse Tamsin Ouaddai Hodh Chargui Lindqvist Okafor Adebayo ' +
  'Mbeki Renard Zélie Ostrava Valparaíso Québec Søndervig Kraków'
).split(' ');
const BIG_LETTER = (w) => w[0].toUpperCase() + w.slice(1);

/**
 * A canonical text of about `bytes` bytes: paragraphs of 40–140 words separated by a blank line
 * (LF only, NFC, no trailing spaces). Returns the text and every word's [start, end) with its
 * paragraph number, for placing annotations on word boundaries.
 */
export function generateText(bytes, seed) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const parts = [];
  const words = []; // [start, end, paragraph]
  let length = 0; // UTF-16 length so far
  let byteLength = 0;
  let paragraph = 0;
  while (byteLength < bytes) {
    if (paragraph > 0) {
      parts.push('\n\n');
      length += 2;
      byteLength += 2;
    }
    const count = 40 + Math.floor(rand() * 100);
    let sentenceStart = true;
    for (let i = 0; i < count; i++) {
      let word;
      const r = rand();
      if (r < 0.08) word = pick(NAMES);
      else if (r < 0.12) word = String(Math.floor(rand() * 100000));
      else word = pick(WORDS);
      if (sentenceStart) word = BIG_LETTER(word);
      sentenceStart = false;
      let tail = '';
      if (i === count - 1) tail = '.';
      else if (rand() < 0.07) {
        tail = '.';
        sentenceStart = true;
      } else if (rand() < 0.06) tail = ',';
      const piece = (i > 0 ? ' ' : '') + word + tail;
      const start = length + (i > 0 ? 1 : 0);
      words.push([start, start + word.length, paragraph]);
      parts.push(piece);
      length += piece.length;
      byteLength += Buffer.byteLength(piece);
    }
    paragraph++;
  }
  const text = parts.join('').normalize('NFC');
  if (text.length !== length) throw new Error('generated text is not NFC-stable');
  return { text, words };
}

const TAGS = ['claim', 'quote', 'location', 'figure'];
const EPOCH = Date.parse('2026-01-05T09:00:00.000Z');

/**
 * `count` annotations over whole words of the text (1–6 words, inside one paragraph); about one
 * in eight starts inside the previous one, so some always overlap. Valid Gloss annotations.
 */
export function generateAnnotations(doc, count, seed) {
  const rand = prng(seed);
  const { text, words } = doc;
  const out = [];
  let previous = null;
  for (let i = 0; i < count; i++) {
    let first;
    if (previous && rand() < 0.125) first = previous.firstWord + Math.floor(rand() * previous.n);
    else first = Math.floor(rand() * words.length);
    const paragraph = words[first][2];
    let n = 1 + Math.floor(rand() * 6);
    while (n > 1 && (first + n - 1 >= words.length || words[first + n - 1][2] !== paragraph)) n--;
    const start = words[first][0];
    const end = words[first + n - 1][1];
    previous = { firstWord: first, n };
    const when = new Date(EPOCH + i * 1000).toISOString();
    out.push({
      id: `${doc.id}.a${i}`,
      documentId: doc.id,
      tag: TAGS[Math.floor(rand() * TAGS.length)],
      start,
      end,
      quote: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
      textHash: doc.textHash,
      note: '',
      details: {},
      created: when,
      modified: when,
    });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

const sha256 = (s) => createHash('sha256').update(s, 'utf8').digest('hex');

/** A document (text + metadata) of about `bytes` bytes. */
export function generateDocument({ id, title, bytes, seed }) {
  const { text, words } = generateText(bytes, seed);
  const textHash = sha256(text);
  return {
    id,
    title,
    text,
    words,
    textHash,
    meta: {
      id,
      title,
      format: 'text',
      sourceName: `${id}.txt`,
      rawHash: textHash,
      textHash,
      length: text.length,
      added: new Date(EPOCH).toISOString(),
    },
  };
}

// The built-in tags (src/core/tags.ts), as a new workspace has them.
const BUILT_IN_TAGS = [
  { id: 'claim', name: 'Claim', color: '#e8590c', hotkey: '1' },
  { id: 'quote', name: 'Quote', color: '#1c7ed6', hotkey: '2' },
  { id: 'location', name: 'Location', color: '#2f9e44', hotkey: '3' },
  { id: 'figure', name: 'Figure', color: '#ae3ec9', hotkey: '4' },
];

/**
 * Writes a workspace folder: gloss.json, documents/<sha256>.txt, annotations/<id>.json.
 * `entries` are { doc, annotations } in the order the index lists them.
 */
export function writeWorkspace(dir, entries) {
  mkdirSync(join(dir, 'documents'), { recursive: true });
  mkdirSync(join(dir, 'annotations'), { recursive: true });
  for (const { doc, annotations } of entries) {
    writeFileSync(join(dir, 'documents', `${doc.textHash}.txt`), doc.text);
    writeFileSync(
      join(dir, 'annotations', `${doc.id}.json`),
      JSON.stringify({ schemaVersion: 1, documentId: doc.id, annotations }),
    );
  }
  const index = {
    schemaVersion: 1,
    tags: BUILT_IN_TAGS,
    documents: entries.map((e) => e.doc.meta),
  };
  writeFileSync(join(dir, 'gloss.json'), JSON.stringify(index, null, 2));
}

export const SIZES = [
  { label: '20 KB', bytes: 20 * 1024 },
  { label: '200 KB', bytes: 200 * 1024 },
  { label: '2 MB', bytes: 2 * 1024 * 1024 },
];
export const COUNTS = [100, 1000, 10000];

/**
 * The reader cases: one document per size × count (each its own text), plus a small first
 * document the app opens on start, so every measured open is a switch to another document.
 */
export function readerCases(sizes, counts) {
  const cases = [];
  for (const size of sizes) {
    for (const count of counts) {
      const id = `scale-${size.bytes}-${count}`;
      // Seeds depend only on the case, so a subset (--sizes, --counts) generates the same data.
      const seed = (size.bytes >>> 10) * 100_003 + count;
      const doc = generateDocument({
        id,
        title: `Scale ${size.label} × ${count.toLocaleString('en')}`,
        bytes: size.bytes,
        seed,
      });
      cases.push({
        size,
        count,
        doc,
        annotations: generateAnnotations(doc, count, seed * 7919),
      });
    }
  }
  return cases;
}

export function startDocument() {
  const doc = generateDocument({ id: 'scale-start', title: 'Start', bytes: 2000, seed: 7 });
  return { doc, annotations: generateAnnotations(doc, 5, 8) };
}

/** A workspace of `documents` documents of ~20 KB with `perDocument` annotations each. */
export function manyDocuments(documents, perDocument) {
  const entries = [];
  for (let i = 0; i < documents; i++) {
    const doc = generateDocument({
      id: `ws-${String(i).padStart(4, '0')}`,
      title: `Workspace document ${i + 1}`,
      bytes: 20 * 1024,
      seed: 50_000 + i,
    });
    entries.push({ doc, annotations: generateAnnotations(doc, perDocument, 90_000 + i) });
  }
  return entries;
}
