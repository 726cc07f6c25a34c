import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A short article of our own, written to a temp folder so the specs need nothing outside the repo. */
export const SEA_WALL = `Harbour council approves new sea wall

The council voted on Tuesday to build 4.2 kilometres of new sea wall along the eastern docks.

"We cannot wait for the next storm," said Mayor Ilse Brandt at the harbour office.

Engineers estimate the work will cost about $18 million and take three years.

Residents of Nordhafen said the plan ignores the fishing harbour and its 60 boats.
`;

/** Writes a file into a fresh temp folder and returns its path. */
export function writeTemp(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-doc-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
