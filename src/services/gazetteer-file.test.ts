import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAZETTEER_FILE, loadGazetteer } from './gazetteer-file';

const REAL = new URL(`../../resources/gazetteer/${GAZETTEER_FILE}`, import.meta.url).pathname;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-gazetteer-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const TINY = {
  format: 'gloss-gazetteer',
  version: 1,
  countries: [['IQ', 'Iraq', 33, 44]],
  regions: [['IQ-NI', 'Nineveh', 'IQ', 36.0368, 42.3169, ['Ninawa']]],
  cities: [[99072, 'Mosul', 'IQ', 0, 36.335, 43.1189, 1739800, 1]],
};

async function file(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

describe('loadGazetteer', () => {
  it('loads the shipped gazetteer', async () => {
    const g = await loadGazetteer(REAL);
    expect(g.size).toBeGreaterThan(25_000);
    expect(g.candidates('Mosul')[0]?.id).toBe('city:99072');
  });

  it('loads a small well-formed file', async () => {
    const g = await loadGazetteer(await file('tiny.json.gz', gzipSync(JSON.stringify(TINY))));
    expect(g.size).toBe(3);
    expect(g.byId('city:99072')?.region).toBe('Nineveh');
  });

  it('names the file when it is missing', async () => {
    const path = join(dir, 'missing.json.gz');
    await expect(loadGazetteer(path)).rejects.toThrow(
      `The gazetteer at ${path} could not be read: it does not exist.`,
    );
  });

  const damaged: Array<[string, Uint8Array | string, string]> = [
    ['not gzip', 'plain text', 'it is not a gzip file or is cut short'],
    [
      'cut short',
      gzipSync(JSON.stringify(TINY)).subarray(0, 40),
      'it is not a gzip file or is cut short',
    ],
    ['not JSON', gzipSync('{"format": '), 'its content is not valid JSON'],
    ['another JSON file', gzipSync('{"schemaVersion": 1}'), 'Not a Gloss gazetteer'],
    [
      'a bad row',
      gzipSync(JSON.stringify({ ...TINY, cities: [[1, 'Mosul', 'IQ', 5, 36, 43, 1, 1]] })),
      'cities[0] is not [id, name, country, region, lat, lon, population, seat, alternatives?]',
    ],
  ];
  it.each(damaged)('says a file that is %s is damaged', async (_what, bytes, reason) => {
    const path = await file('bad.json.gz', bytes);
    const error = await loadGazetteer(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`The gazetteer at ${path} is damaged: `);
    expect((error as Error).message).toContain(reason);
  });

  it('reads the real file as gzip', async () => {
    const bytes = await readFile(REAL);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
  });
});
