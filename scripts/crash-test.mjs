#!/usr/bin/env node
// Crash safety, proven (issue #7): the process that writes a workspace is killed with SIGKILL
// at random moments during a stream of annotation writes, again and again; after each kill
// every file must parse and validate, and every write that had been acknowledged as saved must
// be there. The writer is the real web host (out/main/web-host.js): it answers a write only
// once it is on disk, so an answer is the acknowledgement.
//
//   npm run crash-test                      # 200 kills
//   npm run crash-test -- --rounds 20 --seed 7
//
// Prints progress to stderr and a summary to stdout; exits 1 on any unreadable file or lost
// acknowledged write, naming it.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt, root } from './ensure-build.mjs';
import { startHost } from './web-host-process.mjs';
import { prng } from '../bench/scale/generate.mjs';

const { values: opts } = parseArgs({
  options: {
    rounds: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    writers: { type: 'string', default: '4' },
    keep: { type: 'boolean', default: false },
  },
});
const ROUNDS = Number(opts.rounds);
const WRITERS = Number(opts.writers);

// Seeded (the scale benchmark's PRNG), so a failing run can be repeated with its seed.
const random = prng(Number(opts.seed));
const pick = (list) => list[Math.floor(random() * list.length)];
const log = (line) => process.stderr.write(`${line}\n`);

const WORDS =
  'the council voted on tuesday to build new sea walls along the eastern docks while engineers estimate the work will cost about eighteen million and residents said the plan ignores the fishing harbour'.split(
    ' ',
  );
function article(n) {
  const paragraphs = [];
  for (let p = 0; p < 40; p++) {
    const words = [];
    for (let w = 0; w < 60; w++) words.push(pick(WORDS));
    paragraphs.push(`${words.join(' ')}.`);
  }
  return `Crash test article ${n}\n\n${paragraphs.join('\n\n')}\n`;
}

/**
 * What the disk may hold for each annotation: `settled` is the last acknowledged value
 * (undefined: never acknowledged; null: deleted), `maybe` the values sent since then that were
 * not acknowledged (the kill may have come after they reached the disk, or before).
 */
const expected = new Map();
const TAGS = ['claim', 'quote', 'location', 'figure'];
// Writes answered (acknowledged), and creates sent but not answered (their ids are unknown).
let acknowledged = 0;
let unansweredCreates = 0;

function expect(id) {
  let e = expected.get(id);
  if (!e) expected.set(id, (e = { settled: undefined, maybe: [] }));
  return e;
}

/** One writer: a stream of creates, retags, notes and deletes until the host dies. */
async function writer(host, documents, alive) {
  let n = 0;
  while (alive.value) {
    const doc = pick(documents);
    const mine = [...expected.entries()].filter(
      ([, e]) => e.documentId === doc.id && e.settled && e.busy !== true,
    );
    const roll = random();
    try {
      if (mine.length < 3 || roll < 0.5) {
        const start = Math.floor(random() * (doc.length - 40));
        const end = start + 5 + Math.floor(random() * 30);
        const tag = pick(TAGS);
        unansweredCreates++;
        const value = await host.call('createAnnotation', { documentId: doc.id, tag, start, end });
        unansweredCreates--;
        acknowledged++;
        const created = value.changes[0].annotation;
        const e = expect(created.id);
        e.documentId = doc.id;
        e.settled = { tag: created.tag, note: created.note };
      } else {
        const [id, e] = pick(mine);
        e.busy = true;
        if (roll < 0.85) {
          const patch =
            random() < 0.5
              ? { tag: pick(TAGS) }
              : { note: `note ${++n} ${'x'.repeat((n * 37) % 4000)}` };
          const next = { ...e.settled, ...patch };
          e.maybe.push(next);
          await host.call('updateAnnotation', { documentId: doc.id, id, ...patch });
          acknowledged++;
          e.settled = next;
        } else {
          e.maybe.push(null);
          await host.call('deleteAnnotation', { documentId: doc.id, id });
          acknowledged++;
          e.settled = null;
        }
        e.maybe = [];
        e.busy = false;
      }
    } catch {
      // The host was killed mid-call: this write was not acknowledged.
      return;
    }
  }
}

const same = (a, b) => a === b || (a && b && a.tag === b.tag && a.note === b.note);

/** Checks one restarted host against what was acknowledged; returns the problems found. */
async function verify(host, dir, documents) {
  const problems = [];
  const ws = await host.call('getWorkspace');
  if (ws.readOnly) problems.push(`workspace opened read-only: ${ws.problem}`);
  const onDisk = new Map();
  const documentOf = new Map();
  for (const doc of documents) {
    const opened = await host.call('openDocument', { documentId: doc.id });
    for (const a of opened.annotations) {
      onDisk.set(a.id, { tag: a.tag, note: a.note });
      documentOf.set(a.id, doc.id);
    }
  }
  for (const [id, e] of expected) {
    const found = onDisk.get(id) ?? null;
    const allowed = [e.settled ?? null, ...e.maybe];
    // A create that was never acknowledged may or may not have reached the disk.
    if (e.settled === undefined && found) allowed.push(found);
    if (!allowed.some((v) => same(v, found))) {
      problems.push(
        `annotation ${id}: on disk ${JSON.stringify(found)}, acknowledged ${JSON.stringify(e.settled ?? null)}`,
      );
    }
    // Whatever the disk holds is now what is settled.
    e.settled = found ?? (e.settled === undefined ? undefined : null);
    e.maybe = [];
    e.busy = false;
  }
  // Creates whose answer the kill cut off may have reached the disk: as many as were sent.
  const unknown = [...onDisk.keys()].filter((id) => !expected.has(id));
  if (unknown.length > unansweredCreates)
    problems.push(`${unknown.length - unansweredCreates} annotations on disk were never written`);
  for (const id of unknown) {
    const e = expect(id);
    e.documentId = documentOf.get(id);
    e.settled = onDisk.get(id);
  }
  unansweredCreates = 0;
  // Every file parses: JSON files whole, journals line by line (a torn last line is allowed).
  const annotations = join(dir, 'annotations');
  for (const name of existsSync(annotations) ? readdirSync(annotations) : []) {
    const text = readFileSync(join(annotations, name), 'utf8');
    if (name.endsWith('.json')) {
      try {
        JSON.parse(text);
      } catch {
        problems.push(`annotations/${name} is not valid JSON`);
      }
    } else if (name.endsWith('.journal')) {
      const lines = text.split('\n');
      lines.slice(0, -1).forEach((line, i) => {
        try {
          JSON.parse(line);
        } catch {
          problems.push(`annotations/${name} line ${i + 1} is not valid JSON`);
        }
      });
    }
  }
  try {
    JSON.parse(readFileSync(join(dir, 'gloss.json'), 'utf8'));
  } catch {
    problems.push('gloss.json is not valid JSON');
  }
  return problems;
}

async function main() {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'gloss-crash-'));
  const sources = [1, 2, 3].map((n) => {
    const path = join(dir, `..`, `${dir.split('/').pop()}-article-${n}.txt`);
    writeFileSync(path, article(n));
    return path;
  });
  let host = await startHost(root, dir, sources);
  const documents = (await host.call('getWorkspace')).documents.map((d) => ({
    id: d.id,
    length: d.length,
  }));
  if (documents.length !== sources.length) throw new Error('the articles were not imported');
  await host.stop();

  let killedWhileWriting = 0;
  let killedMidRewrite = 0;
  const failures = [];
  const started = performance.now();
  for (let round = 1; round <= ROUNDS; round++) {
    host = await startHost(root, dir);
    const problems = await verify(host, dir, documents);
    if (problems.length) {
      failures.push({ round, problems });
      log(`round ${round}: ${problems.length} problem(s)\n  ${problems.slice(0, 5).join('\n  ')}`);
    }
    const alive = { value: true };
    const writers = Array.from({ length: WRITERS }, () => writer(host, documents, alive));
    // Kill at a random moment: early (during the first writes) to well into the stream.
    await new Promise((r) => setTimeout(r, 20 + random() * 1_500));
    alive.value = false;
    host.kill('SIGKILL');
    await Promise.all(writers);
    if (unansweredCreates > 0 || [...expected.values()].some((e) => e.maybe.length))
      killedWhileWriting++;
    // A temp file left beside a snapshot: the kill came while a journal was being folded in.
    const folder = join(dir, 'annotations');
    if (existsSync(folder) && readdirSync(folder).some((name) => name.endsWith('.tmp')))
      killedMidRewrite++;
    if (round % 10 === 0) log(`round ${round} of ${ROUNDS}: ${failures.length} failed so far`);
  }
  host = await startHost(root, dir);
  const last = await verify(host, dir, documents);
  if (last.length) failures.push({ round: ROUNDS + 1, problems: last });
  await host.stop();

  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const annotations = [...expected.values()].filter((e) => e.settled).length;
  console.log(
    `crash test: ${ROUNDS} kills (SIGKILL) in ${seconds} s, seed ${opts.seed}, ${WRITERS} writers; ` +
      `${killedWhileWriting} kills landed with writes in flight (${killedMidRewrite} while a snapshot was being rewritten); ` +
      `${acknowledged} acknowledged writes; ` +
      `${annotations} annotations at the end; ` +
      `${failures.length === 0 ? 'every file parsed and validated, no acknowledged write lost' : `${failures.length} rounds FAILED`}`,
  );
  if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  else console.log(`workspace kept in ${dir}`);
  for (const path of sources) rmSync(path, { force: true });
  process.exit(failures.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
