// eslint-disable-next-line no-restricted-imports
import { readFileSync, writeFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { GlossExportSchema } from './import-gloss';

// docs/gloss-export.schema.json is generated from the zod schema import checks files with, so
// the documented format and the accepted one cannot drift. `npm run schema` rewrites it.

const FILE = join(__dirname, '../../docs/gloss-export.schema.json');

function generated(): string {
  const schema = z.toJSONSchema(GlossExportSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify(
    {
      ...schema,
      $id: 'https://gloss.invalid/schema/gloss-export-1.json',
      title: 'Gloss JSON export, version 1',
      description:
        'The native export of Gloss (docs/FORMAT.md). Generated from src/core/import-gloss.ts.',
    },
    null,
    2,
  )}\n`;
}

it('docs/gloss-export.schema.json is the schema imports are checked with', () => {
  if (process.env['UPDATE_SCHEMA']) writeFileSync(FILE, generated());
  expect(readFileSync(FILE, 'utf8'), 'out of date: run npm run schema').toBe(generated());
});
