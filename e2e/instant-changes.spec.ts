import type { Page, Route } from '@playwright/test';
import { test, expect } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';
import { annotationList, dragSelect, expectSaved, paintedRanges } from './ui';

// A change is shown as soon as the analyst makes it, before the services have written it; these
// tests hold the services' answer back to see that, and to see what happens when it fails.
// They hold HTTP requests, so they run on the web host (Electron answers over IPC).

/** Holds the next call of an API method until the returned function lets it through. */
async function holdNext(page: Page, method: string) {
  let held!: (route: Route) => void;
  const arrived = new Promise<Route>((resolve) => (held = resolve));
  await page.route(`**/api/${method}`, (route) => held(route), { times: 1 });
  return arrived;
}

test.describe('changes show at once', () => {
  test.beforeEach(({ gloss }) => {
    test.skip(gloss.host !== 'web', 'holds HTTP answers, which only the web host uses');
  });

  test('a new annotation is painted and listed before it is saved, then saved as usual', async ({
    gloss,
  }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    const create = holdNext(page, 'createAnnotation');
    await dragSelect(page, '4.2 kilometres of new sea wall');
    await page.keyboard.press('4');
    const route = await create;

    // Not yet answered: already painted, listed, selected with its figure read, and "Saving…".
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);
    expect(await paintedRanges(page)).toMatchObject({ 'gloss-tag-figure': 1 });
    await expect(page.getByLabel('Value')).toHaveValue('4.2');
    await expect(page.getByRole('status')).toHaveText('Saving…');

    await route.continue();
    await expectSaved(page);
    // The saved annotation took the provisional one's place: a note typed now is kept.
    await page.getByRole('textbox', { name: 'Note' }).fill('Council figure');
    await page.getByRole('textbox', { name: 'Note' }).blur();
    await expectSaved(page);
    const again = await gloss.restart();
    await expect(annotationList(again).getByRole('listitem')).toHaveCount(1);
    await annotationList(again).getByRole('listitem').click();
    await expect(again.getByRole('textbox', { name: 'Note' })).toHaveValue('Council figure');
  });

  test('a change the services refuse is taken back, and the reason is shown', async ({ gloss }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await dragSelect(page, '4.2 kilometres of new sea wall');
    await page.keyboard.press('4');
    await expectSaved(page);

    const update = holdNext(page, 'updateAnnotation');
    await page.getByLabel('Tag', { exact: true }).selectOption('claim');
    const route = await update;
    expect(await paintedRanges(page)).toMatchObject({
      'gloss-tag-claim': 1,
      'gloss-tag-figure': 0,
    });
    await route.fulfill({
      json: {
        ok: false,
        error: { code: 'io', message: 'Gloss could not save the annotations (disk full).' },
      },
    });
    await expect(page.getByRole('alert')).toContainText('disk full');
    await expect(page.getByLabel('Tag', { exact: true })).toHaveValue('figure');
    expect(await paintedRanges(page)).toMatchObject({
      'gloss-tag-claim': 0,
      'gloss-tag-figure': 1,
    });
  });

  test('deleting an annotation before its creation is answered deletes the saved one', async ({
    gloss,
  }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    const create = holdNext(page, 'createAnnotation');
    await dragSelect(page, 'Mayor Ilse Brandt');
    await page.keyboard.press('3');
    const route = await create;
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);
    await page.keyboard.press('Delete');

    await route.continue();
    await expectSaved(page);
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(0);
    expect(await paintedRanges(page)).toMatchObject({ 'gloss-tag-location': 0 });
    const again = await gloss.restart();
    await expect(again.getByRole('document', { name: 'Document text' })).toContainText('Mayor');
    await expect(annotationList(again).getByRole('listitem')).toHaveCount(0);
  });

  test('a note typed before the creation is answered keeps its box, its text and its status', async ({
    gloss,
  }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    const create = holdNext(page, 'createAnnotation');
    await dragSelect(page, 'about $18 million');
    await page.keyboard.press('1');
    const route = await create;
    const note = page.getByRole('textbox', { name: 'Note' });
    await note.click();
    await page.keyboard.type('Not in the ');

    // The answer swaps the provisional id for the real one under the analyst's typing.
    const answered = page.waitForResponse('**/api/createAnnotation');
    await route.continue();
    await answered;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    await expect(note).toBeFocused();
    await page.keyboard.type('budget.');
    await note.press('Tab');
    await page
      .getByRole('group', { name: 'Details' })
      .getByRole('combobox', { name: 'Status' })
      .selectOption('disputed');
    await expectSaved(page);
    const row = annotationList(page).getByRole('listitem').first();
    await expect(row).toContainText('Not in the budget.');
    await expect(row).toContainText('disputed');

    const again = await gloss.restart();
    const saved = annotationList(again).getByRole('listitem').first();
    await expect(saved).toContainText('Not in the budget.');
    await expect(saved).toContainText('disputed');
  });
});
