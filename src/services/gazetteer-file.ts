import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { Gazetteer } from '../core/gazetteer';
import { plainReason } from './fs-errors';

// Reads the gazetteer shipped in resources/gazetteer (built by scripts/build-gazetteer.mjs).
// Every failure names the file and what is wrong with it.

/** The gazetteer's file name inside resources/gazetteer. */
export const GAZETTEER_FILE = 'places.json.gz';

const gunzipAsync = promisify(gunzip);

/** Loads the gazetteer at `path` (a gzipped JSON file). */
export async function loadGazetteer(path: string): Promise<Gazetteer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new Error(`The gazetteer at ${path} could not be read: ${plainReason(error)}.`, {
      cause: error,
    });
  }
  const damaged = (what: string, cause?: unknown) =>
    new Error(`The gazetteer at ${path} is damaged: ${what}.`, { cause });
  let json: string;
  try {
    json = (await gunzipAsync(bytes)).toString('utf8');
  } catch (error) {
    throw damaged('it is not a gzip file or is cut short', error);
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw damaged('its content is not valid JSON', error);
  }
  try {
    return Gazetteer.fromData(data);
  } catch (error) {
    throw damaged(error instanceof Error ? error.message.replace(/\.$/, '') : String(error), error);
  }
}
