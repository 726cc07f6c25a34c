import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Analysis } from './analysis';
import { localAnalysis, workerAnalysis } from './analysis';
import { removeFolder, tempFolder } from './test-support';

const TEXT = 'The council said "We will rebuild 4.2 km of wall," said Mayor Ana Ruiz.\n';

describe('localAnalysis', () => {
  it('suggests without a gazetteer, and keeps a place as its plain name', async () => {
    const analysis = localAnalysis();
    const found = await analysis.suggest(TEXT, [], []);
    expect(found.map((s) => s.tag)).toEqual(['quote', 'figure']);
    expect(await analysis.locationDetails(TEXT, ' Atlantis ')).toEqual({ name: 'Atlantis' });
    expect(await analysis.placeCandidates(TEXT, 'Paris')).toEqual([]);
  });

  it('still suggests when the gazetteer file is missing, and the picker names the file', async () => {
    const analysis = localAnalysis('/no/such/places.json.gz');
    expect((await analysis.suggest(TEXT, [], [])).length).toBeGreaterThan(0);
    await expect(analysis.placeCandidates(TEXT, 'Paris')).rejects.toThrow(/places\.json\.gz/);
  });
});

// A worker that speaks the protocol over a tiny fake analysis, to test the thread plumbing.
const FAKE_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, method, args }) => {
  if (method === 'namedEntities' && args[0] === 'crash') process.exit(3);
  if (method === 'namedEntities' && args[0] === 'fail')
    return parentPort.postMessage({ id, ok: false, message: 'no entities here' });
  setTimeout(() => parentPort.postMessage({ id, ok: true, value: [method, ...args] }), args[1] ?? 0);
});
`;

describe('workerAnalysis', () => {
  let dir: string;
  let analysis: Analysis;

  beforeEach(async () => {
    dir = await tempFolder();
    await writeFile(join(dir, 'worker.js'), FAKE_WORKER);
    analysis = workerAnalysis(join(dir, 'worker.js'));
  });

  afterEach(async () => {
    await analysis.close();
    await removeFolder(dir);
  });

  it('answers each call with its own result, whatever order they finish in', async () => {
    const slow = analysis.placeCandidates('slow', 40 as unknown as string);
    const fast = analysis.namedEntities('fast');
    expect(await fast).toEqual(['namedEntities', 'fast']);
    expect(await slow).toEqual(['placeCandidates', 'slow', 40]);
  });

  it('passes an error on, and survives a thread that dies by starting a new one', async () => {
    await expect(analysis.namedEntities('fail')).rejects.toThrow('no entities here');
    await expect(analysis.namedEntities('crash')).rejects.toThrow(
      'The text analysis stopped: its thread exited (code 3)',
    );
    expect(await analysis.namedEntities('again')).toEqual(['namedEntities', 'again']);
  });

  it('fails pending calls clearly when closed', async () => {
    const pending = expect(
      analysis.placeCandidates('slow', 500 as unknown as string),
    ).rejects.toThrow('Gloss is closing');
    await analysis.close();
    await pending;
  });
});
