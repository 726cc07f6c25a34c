import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/shared/commands';

// The README's shortcut table is written by hand; this keeps it from falling behind the app's
// command list (which the menu, palette and shortcuts dialog are built from).
const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('## Keyboard shortcuts'),
  readme.indexOf('\n## ', readme.indexOf('## Keyboard shortcuts') + 1),
);
const arrows = (keys: string) => keys.replace(/\bDown$/, '↓').replace(/\bUp$/, '↑');

describe('README keyboard shortcuts', () => {
  for (const command of COMMANDS.filter((c) => c.keys.length > 0)) {
    it(`lists ${command.title} with ${command.keys.join(', ')}`, () => {
      const row = section
        .split('\n')
        .find((line) => line.startsWith('|') && line.includes(command.title));
      expect(row, command.title).toBeDefined();
      for (const keys of command.keys) expect(row).toContain(arrows(keys));
    });
  }
});
