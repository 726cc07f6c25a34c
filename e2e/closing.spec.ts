import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';
import { annotationList, dragSelect, expectSaved } from './ui';

/** Everything saved in the workspace's annotation files (snapshots and journals). */
function savedAnnotations(workspace: string): string {
  const folder = join(workspace, 'annotations');
  return readdirSync(folder)
    .map((name) => readFileSync(join(folder, name), 'utf8'))
    .join('\n');
}

test('a note still being typed when the window closes is saved', async ({ gloss }) => {
  test.skip(gloss.host !== 'web', 'closes the browser tab; Electron saves through its quit path');
  const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
  await dragSelect(page, '4.2 kilometres of new sea wall');
  await page.keyboard.press('1');
  await expectSaved(page);

  // Typed, not left, and closed before the pause that would save it.
  await page.getByRole('textbox', { name: 'Note' }).fill('Typed just before closing');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => savedAnnotations(gloss.workspace)).toContain('Typed just before closing');

  const again = await gloss.restart();
  await annotationList(again).getByRole('listitem').click();
  await expect(again.getByRole('textbox', { name: 'Note' })).toHaveValue(
    'Typed just before closing',
  );
});
