import { test, expect } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';
import { CHROMIUM_ARGS, chromium, chromiumPath, startWebHost } from './hosts';
import { annotationList, dragSelect, expectSaved } from './ui';

// One writer per workspace: a second Gloss on the same folder opens it read-only and says why.
test('a second Gloss on the same workspace is refused writing, with a clear message', async ({
  gloss,
}) => {
  test.skip(gloss.host !== 'web', 'starts a second web host beside the first');
  const first = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
  await dragSelect(first, '4.2 kilometres of new sea wall');
  await first.keyboard.press('4');
  await expectSaved(first);

  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const second = await startWebHost(browser, gloss.workspace, []);
  try {
    const page = second.page;
    await expect(page.getByRole('alert')).toContainText('already open in');
    await expect(page.getByRole('alert')).toContainText('read-only');
    // Reading works; writing is not offered, and nothing is restored from here.
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);
    await expect(page.getByRole('status')).toHaveText('Read-only');
    await expect(page.getByRole('button', { name: 'Restore from backup…' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Claim/ })).toBeDisabled();
  } finally {
    await second.stop();
    await browser.close();
  }

  // The first keeps writing.
  await dragSelect(first, 'Mayor Ilse Brandt');
  await first.keyboard.press('3');
  await expectSaved(first);
  await expect(annotationList(first).getByRole('listitem')).toHaveCount(2);
});
