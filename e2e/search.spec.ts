import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';
import { annotationList, dragSelect, expectSaved } from './ui';

const DROUGHT = `Drought tightens its grip on the Sāhel

Herders across the Sāhel moved their cattle south in March, weeks earlier than usual.
`;

/** How many ranges a named CSS highlight paints now (0 when it is not registered). */
const marked = (page: Page, name: string) =>
  page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);

const searchPanel = (page: Page) => page.getByRole('complementary', { name: 'Search' });

test.describe('search', () => {
  test('searches the open document by keyboard, marking every match in the reader', async ({
    gloss,
  }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await expect(page.getByRole('document', { name: 'Document text' })).toContainText('Nordhafen');

    await page.keyboard.press('Control+f');
    const field = searchPanel(page).getByRole('searchbox', { name: 'Search' });
    await expect(field).toBeFocused();
    await expect(searchPanel(page).getByRole('radio', { name: 'This document' })).toBeChecked();
    await page.keyboard.type('HARBOUR');
    await expect(searchPanel(page)).toContainText('3 results');
    await expect.poll(() => marked(page, 'gloss-search')).toBe(3);
    const hits = searchPanel(page).getByRole('listitem');
    await expect(hits).toHaveCount(3);
    await expect(hits.nth(1)).toContainText('Brandt at the harbour office');
    await expect(hits.nth(1).locator('mark')).toHaveText('harbour');

    // Enter shows the first match, then each next one; the arrows choose without showing.
    await page.keyboard.press('Enter');
    await expect(hits.nth(0).getByRole('button')).toHaveAttribute('aria-current', 'true');
    await expect.poll(() => marked(page, 'gloss-search-current')).toBe(1);
    await page.keyboard.press('Enter');
    await expect(hits.nth(1).getByRole('button')).toHaveAttribute('aria-current', 'true');
    await expect(searchPanel(page)).toContainText('2 of 3');
    await page.keyboard.press('ArrowDown');
    await expect(searchPanel(page)).toContainText('3 of 3');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(searchPanel(page)).toContainText('1 of 3');
    await expect(field).toBeFocused();

    // Escape closes the search: the library is back and the marks are gone.
    await page.keyboard.press('Escape');
    await expect(searchPanel(page)).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Documents' })).toBeVisible();
    expect(await marked(page, 'gloss-search')).toBe(0);

    // The toolbar's Search button opens and closes it too.
    const button = page
      .getByRole('group', { name: 'View' })
      .getByRole('button', { name: 'Search' });
    await button.click();
    await expect(searchPanel(page).getByRole('searchbox', { name: 'Search' })).toBeFocused();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await button.click();
    await expect(searchPanel(page)).toHaveCount(0);
  });

  test('searches the workspace without diacritics and jumps to the other document', async ({
    gloss,
  }) => {
    const page = await gloss.launch([
      writeTemp('sea-wall.txt', SEA_WALL),
      writeTemp('drought.txt', DROUGHT),
    ]);
    await expect(page.getByRole('document', { name: 'Document text' })).toContainText('Nordhafen');

    await page.keyboard.press('Control+Shift+f');
    await expect(searchPanel(page).getByRole('radio', { name: 'All documents' })).toBeChecked();
    await page.keyboard.type('sahel');
    const group = searchPanel(page).getByRole('region', {
      name: 'Drought tightens its grip on the Sāhel',
    });
    await expect(group.getByRole('listitem')).toHaveCount(2);
    await expect(group.getByRole('listitem').nth(1).locator('mark')).toHaveText('Sāhel');

    await group.getByRole('listitem').nth(1).getByRole('button').click();
    await expect(page.getByRole('document', { name: 'Document text' })).toContainText(
      'Herders across the Sāhel',
    );
    await expect.poll(() => marked(page, 'gloss-search')).toBe(2);
    await expect.poll(() => marked(page, 'gloss-search-current')).toBe(1);
    const current = await page.evaluate(() => {
      const [r] = [...CSS.highlights.get('gloss-search-current')!];
      return r!.startContainer.textContent!.slice(r!.startOffset, r!.endOffset);
    });
    expect(current).toBe('Sāhel');
  });

  test('finds an annotation by its note and by a detail, and selects it', async ({ gloss }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await dragSelect(page, 'about $18 million');
    await page.keyboard.press('1');
    await page.getByRole('textbox', { name: 'Note' }).fill('Not in the published budget.');
    await page.getByRole('textbox', { name: 'Note' }).press('Tab');
    await expect(annotationList(page).getByRole('listitem')).toContainText('published budget');
    await page
      .getByRole('group', { name: 'Details' })
      .getByRole('combobox', { name: 'Status' })
      .selectOption('disputed');
    await expectSaved(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape'); // deselects, so the jump below is what selects it
    await expect(page.getByRole('textbox', { name: 'Note' })).toHaveCount(0);

    await page.keyboard.press('Control+f');
    await page.keyboard.type('Budget');
    const hits = searchPanel(page).getByRole('listitem');
    await expect(hits).toHaveCount(1);
    await expect(hits.first()).toContainText('Note');
    await expect(hits.first().locator('mark')).toHaveText('budget');

    await searchPanel(page).getByRole('searchbox').fill('disputed');
    await expect(hits).toHaveCount(1);
    await expect(hits.first()).toContainText('Detail · status');
    await page.keyboard.press('Enter');
    // The annotation is selected: its details show, and its row is the current one.
    await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue(
      'Not in the published budget.',
    );
    await expect(annotationList(page).locator('[aria-current="true"]')).toContainText(
      'about $18 million',
    );
  });
});
