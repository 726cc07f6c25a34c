import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';

// PALETTES in src/core/palettes.ts, as computed styles report them.
const LIGHT = { bg: 'rgb(247, 246, 243)', paper: 'rgb(255, 255, 255)', ink: 'rgb(31, 35, 40)' };
const DARK = { bg: 'rgb(20, 21, 24)', paper: 'rgb(27, 29, 33)', ink: 'rgb(230, 227, 220)' };

const html = (page: Page) => page.locator('html');
const reader = (page: Page) => page.getByRole('document', { name: 'Document text' });

/** Opens the View menu from the toolbar and returns it. */
async function openViewMenu(page: Page) {
  await page.getByRole('button', { name: 'View', exact: true }).click();
  const menu = page.getByRole('dialog', { name: 'View settings' });
  await expect(menu).toBeVisible();
  return menu;
}

/** The colours the analyst sees: the window, the reader's page and the text on it. */
const colours = (page: Page) =>
  page.evaluate(() => {
    const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
    return {
      bg: style('body').backgroundColor,
      paper: style('.reader-pane').backgroundColor,
      ink: style('.reader-text').color,
    };
  });

test.describe('themes and reading size', () => {
  test('Dark chosen in the View menu paints the dark palette and survives a reload', async ({
    gloss,
  }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(reader(page)).toContainText('sea wall');
    await expect(html(page)).toHaveAttribute('data-theme', 'light');
    expect(await colours(page)).toEqual(LIGHT);

    const menu = await openViewMenu(page);
    await expect(menu.getByRole('radio', { name: 'System' })).toBeChecked();
    await menu.getByRole('radio', { name: 'Dark' }).check();
    await expect(html(page)).toHaveAttribute('data-theme', 'dark');
    expect(await colours(page)).toEqual(DARK);
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();

    await page.reload();
    await expect(reader(page)).toContainText('sea wall');
    await expect(html(page)).toHaveAttribute('data-theme', 'dark');
    expect(await colours(page)).toEqual(DARK);
    await expect((await openViewMenu(page)).getByRole('radio', { name: 'Dark' })).toBeChecked();
  });

  test('System follows the colour scheme of the OS; a choice overrides it', async ({ gloss }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html(page)).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(html(page)).toHaveAttribute('data-theme', 'light');

    const menu = await openViewMenu(page);
    await menu.getByRole('radio', { name: 'Light' }).check();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await expect(reader(page)).toContainText('sea wall');
    await expect(html(page)).toHaveAttribute('data-theme', 'light');
  });

  test('text size and line width apply to the reader and persist', async ({ gloss }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await expect(reader(page)).toContainText('sea wall');
    await expect(reader(page)).toHaveCSS('font-size', '18px');
    const widthBefore = await page.locator('.reader').evaluate((el) => el.clientWidth);

    const menu = await openViewMenu(page);
    await menu.getByRole('button', { name: 'Larger text' }).click();
    await menu.getByRole('button', { name: 'Larger text' }).click();
    await expect(menu).toContainText('22 px');
    await expect(reader(page)).toHaveCSS('font-size', '22px');
    await menu.getByRole('radio', { name: 'Narrow' }).check();
    await expect
      .poll(() => page.locator('.reader').evaluate((el) => el.clientWidth))
      .toBeLessThan(widthBefore);
    // A press outside closes the menu.
    await reader(page).click();
    await expect(menu).toBeHidden();

    await page.reload();
    await expect(reader(page)).toHaveCSS('font-size', '22px');
    expect(await page.locator('.reader').evaluate((el) => el.clientWidth)).toBeLessThan(
      widthBefore,
    );
    const again = await openViewMenu(page);
    await expect(again.getByRole('radio', { name: 'Narrow' })).toBeChecked();
    await again.getByRole('button', { name: 'Smaller text' }).click();
    await expect(reader(page)).toHaveCSS('font-size', '20px');
  });
});
