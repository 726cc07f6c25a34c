import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';
import { annotationList, dragSelect, expectSaved, openThroughUi } from './ui';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
const rows = (page: Page) => annotationList(page).getByRole('listitem');
const details = (page: Page) => page.getByRole('region', { name: 'Selected annotation' });

/** Tags passages by hotkey, through the mouse (the keyboard-only way has its own spec). */
async function tagAll(page: Page, passages: [string, string][]) {
  for (const [passage, hotkey] of passages) {
    const count = await rows(page).count();
    await dragSelect(page, passage);
    await page.keyboard.press(hotkey);
    await expect(rows(page)).toHaveCount(count + 1);
  }
  await page.keyboard.press('Escape');
  await expectSaved(page);
}

test.describe('commands', () => {
  test('the command palette finds commands by typing and runs them with Enter', async ({
    gloss,
  }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await expect(page.getByRole('document', { name: 'Document text' })).toBeVisible();

    await page.keyboard.press('Control+k');
    await expect(palette(page)).toBeVisible();
    const field = palette(page).getByRole('combobox', { name: 'Command' });
    await expect(field).toBeFocused();
    // Nothing is selected: deleting an annotation is listed but not available.
    await field.fill('delete');
    await expect(
      palette(page).getByRole('option', { name: /Delete the selected/ }),
    ).toHaveAttribute('aria-disabled', 'true');
    await field.press('Enter');
    await expect(palette(page)).toBeVisible(); // a disabled command does not run

    await field.fill('night');
    await expect(palette(page).getByRole('option')).toHaveCount(1);
    await field.press('Enter');
    await expect(palette(page)).toBeHidden();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    // Ctrl+Shift+P too; arrows choose among several.
    await page.keyboard.press('Control+Shift+P');
    await field.fill('search');
    const options = palette(page).getByRole('option');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await expect(options).toHaveText([/Search this document/, /Search all documents/]);
    await field.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await field.press('Enter');
    const search = page.getByRole('searchbox');
    await expect(search).toBeFocused();
    await expect(page.getByRole('radio', { name: /All documents/ })).toBeChecked();

    // Escape closes the palette without running anything.
    await page.keyboard.press('Control+k');
    await field.fill('export');
    await field.press('Escape');
    await expect(palette(page)).toBeHidden();
    await expect(page.getByRole('dialog', { name: /Export/ })).toHaveCount(0);
  });

  test('"?" lists every shortcut, the tags\' included', async ({ gloss }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await expect(page.getByRole('document', { name: 'Document text' })).toBeVisible();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    const row = (section: string, name: string) =>
      dialog.getByRole('region', { name: section }).getByRole('row', { name: new RegExp(name) });
    await expect(row('Tag the selection', 'Claim')).toContainText('1');
    await expect(row('Go', 'Next annotation')).toContainText('J');
    await expect(row('Go', 'Next annotation')).toContainText('Alt+Down'.replace('+', ''));
    await expect(row('Help', 'Command palette')).toContainText('Ctrl');
    await expect(row('Reading the text', 'Select by sentence')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('J/K and Alt+Down/Up step through annotations, Enter opens the details, Escape goes back', async ({
    gloss,
  }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await tagAll(page, [
      ['Nordhafen', '3'],
      ['4.2 kilometres of new sea wall', '4'],
      ['about $18 million', '1'],
    ]);
    await expect(details(page)).toHaveCount(0);
    const live = page.locator('.app > [aria-live="polite"]');

    await page.keyboard.press('j');
    await expect(details(page).locator('blockquote')).toHaveText('4.2 kilometres of new sea wall');
    await expect(live).toHaveText(/^Figure: 4.2 kilometres/);
    await page.keyboard.press('j');
    await expect(details(page).locator('blockquote')).toHaveText('about $18 million');
    await page.keyboard.press('Alt+ArrowDown');
    await expect(details(page).locator('blockquote')).toHaveText('Nordhafen');
    await page.keyboard.press('j'); // wraps to the first
    await expect(details(page).locator('blockquote')).toHaveText('4.2 kilometres of new sea wall');
    await page.keyboard.press('k');
    await expect(details(page).locator('blockquote')).toHaveText('Nordhafen');
    await page.keyboard.press('Alt+ArrowUp');
    await expect(details(page).locator('blockquote')).toHaveText('about $18 million');
    await expect(rows(page).nth(1).getByRole('button')).toHaveAttribute('aria-current', 'true');

    // Enter opens the details: the focus goes to its first field; Escape comes back to the text.
    await page.keyboard.press('Enter');
    await expect(details(page).getByRole('combobox', { name: 'Tag' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('document', { name: 'Document text' })).toBeFocused();
    // Escape again lets go of the annotation.
    await page.keyboard.press('Escape');
    await expect(details(page)).toHaveCount(0);
  });

  test('Ctrl+O opens documents and Ctrl+E the export, from the keyboard', async ({ gloss }) => {
    const page = await gloss.launch();
    await expect(page.getByRole('heading', { name: 'Nothing open' })).toBeVisible();
    await openThroughUi(gloss, [writeTemp('sea-wall.txt', SEA_WALL)], (p) =>
      p.keyboard.press('Control+o'),
    );
    await expect(page.getByRole('document', { name: 'Document text' })).toContainText('sea wall');
    await page.keyboard.press('Control+e');
    const exportDialog = page.getByRole('dialog', { name: 'Export' });
    await expect(exportDialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(exportDialog).toBeHidden();
  });
});
