import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';
import { annotationList, dragSelect, expectSaved, openThroughUi } from './ui';

/** Runs axe (WCAG 2 A and AA) on the page as it is and lists what is serious or critical. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`));
}

/** Checks the current view and names it in the failure. */
async function expectAccessible(page: Page, view: string): Promise<void> {
  // Let transitions and the map's fade settle: axe reads colours as painted.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  expect(await seriousViolations(page), view).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the main views have no serious accessibility problems, ${scheme} theme`, async ({
    gloss,
  }) => {
    test.slow(); // axe walks the page ten times
    const page = await gloss.launch();
    // The theme follows the system by default.
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await expect(page.getByRole('heading', { name: 'Nothing open' })).toBeVisible();
    await expectAccessible(page, 'empty workspace');

    await openThroughUi(gloss, [writeTemp('sea-wall.txt', SEA_WALL)]);
    await dragSelect(page, '4.2 kilometres of new sea wall');
    await page.keyboard.press('4');
    await dragSelect(page, 'Nordhafen');
    await page.keyboard.press('3');
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(2);
    await annotationList(page).getByRole('button').first().click();
    await expect(page.getByRole('textbox', { name: 'Note' })).toBeVisible();
    await expectSaved(page);
    await expectAccessible(page, 'document with a selected annotation');

    await page.getByRole('button', { name: 'View', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'View settings' })).toBeVisible();
    await expectAccessible(page, 'view menu');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+Shift+F');
    await page.getByRole('searchbox', { name: 'Search' }).fill('sea wall');
    await expect(page.getByRole('list', { name: /^Results in/ }).first()).toBeVisible();
    await expectAccessible(page, 'search panel with results');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Command' }).fill('theme');
    await expectAccessible(page, 'command palette');
    await page.keyboard.press('Escape');

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectAccessible(page, 'keyboard shortcuts');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export' });
    await expect(exportDialog).toBeVisible();
    await expectAccessible(page, 'export dialog');
    await exportDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(exportDialog).toBeHidden();

    await page.getByRole('button', { name: 'Edit tags' }).click();
    const tagEditor = page.getByRole('dialog', { name: 'Tags' });
    await expect(tagEditor).toBeVisible();
    await expectAccessible(page, 'tag editor');
    await tagEditor.getByRole('button', { name: 'Done' }).click();
    await expect(tagEditor).toBeHidden();

    await page.getByRole('button', { name: 'Places', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Places' })).toBeVisible();
    await expect(page.locator('.map-frame[aria-busy]')).toHaveCount(0);
    await expectAccessible(page, 'map panel');
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the overview has no serious accessibility problems, ${scheme} theme`, async ({ gloss }) => {
    test.slow(); // four passages tagged, axe walks the page twice
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await dragSelect(page, '4.2 kilometres of new sea wall');
    await page.keyboard.press('4');
    await dragSelect(page, '"We cannot wait for the next storm,"');
    await page.keyboard.press('2');
    await dragSelect(page, 'the plan ignores the fishing harbour');
    await page.keyboard.press('1');
    await dragSelect(page, 'Nordhafen');
    await page.keyboard.press('3');
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(4);
    await expectSaved(page);

    await page.getByRole('button', { name: 'Overview', exact: true }).click();
    const overview = page.getByRole('region', { name: 'Overview' });
    await expect(overview.getByRole('table', { name: /^Figures/ })).toBeVisible();
    await overview.getByRole('button', { name: 'Value' }).click();
    await expect(overview.getByRole('columnheader', { name: 'Value' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expectAccessible(page, 'overview of the workspace');
    await overview.getByRole('button', { name: 'This document' }).click();
    await expect(overview.getByText(/in “Harbour council/)).toBeVisible();
    await expectAccessible(page, 'overview of a document');
  });
}

test('changes to the annotations and suggestions are announced politely', async ({ gloss }) => {
  const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
  const announced = (text: string | RegExp) =>
    page.locator('[aria-live="polite"]').filter({ hasText: text });

  await dragSelect(page, 'Nordhafen');
  await page.keyboard.press('3');
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);
  await expect(announced('Annotation added')).toHaveCount(1);

  await page.keyboard.press('Delete');
  await expect(annotationList(page)).toHaveCount(0);
  await expect(announced('Annotation removed')).toHaveCount(1);

  await page.getByRole('button', { name: 'Suggest' }).click();
  const suggestions = page.getByRole('list', { name: 'Suggestions' }).getByRole('listitem');
  await expect(suggestions.first()).toBeVisible();
  const count = await suggestions.count();
  await expect(announced(`${count} suggestions`)).toHaveCount(1);
  await suggestions
    .first()
    .getByRole('button', { name: /^Reject/ })
    .click();
  await expect(announced(`${count - 1} suggestion`)).toHaveCount(1);
  await expectSaved(page);
});
