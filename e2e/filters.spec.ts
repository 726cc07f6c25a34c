import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';
import { annotationList, dragSelect, expectSaved } from './ui';

/** Tags a passage by hotkey and, for a claim, sets its status. */
async function tag(page: Page, passage: string, hotkey: string, status?: string) {
  const count = await annotationList(page).getByRole('listitem').count();
  await dragSelect(page, passage);
  await page.keyboard.press(hotkey);
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(count + 1);
  if (status)
    await page
      .getByRole('group', { name: 'Details' })
      .getByRole('combobox', { name: 'Status' })
      .selectOption(status);
  await expectSaved(page);
}

const filters = (page: Page) => page.getByRole('group', { name: 'Filter annotations' });
const chip = (page: Page, name: RegExp) => filters(page).getByRole('button', { name });
const heading = (page: Page) => page.getByRole('heading', { name: /^Annotations/ });
const rows = (page: Page) => annotationList(page).getByRole('listitem');

test.describe('filtering annotations', () => {
  test('counts per tag, filters by tag, status and note, combines filters and clears them', async ({
    gloss,
  }) => {
    const path = writeTemp('sea-wall.txt', SEA_WALL);
    const page = await gloss.launch([path]);
    await tag(page, 'about $18 million', '1', 'disputed');
    await page.getByRole('textbox', { name: 'Note' }).fill('Not in the budget.');
    await page.getByRole('textbox', { name: 'Note' }).press('Tab');
    await expect(rows(page).first()).toContainText('Not in the budget.');
    await tag(page, 'We cannot wait for the next storm', '1', 'supported');
    await tag(page, 'Nordhafen', '3');
    await tag(page, '4.2 kilometres of new sea wall', '4');
    await expect(heading(page)).toHaveText('Annotations 4');

    // Each chip shows how many annotations it would keep.
    const byTag = filters(page).getByRole('group', { name: 'By tag' });
    await expect(byTag.getByRole('button')).toHaveText(['Claim 2', 'Location 1', 'Figure 1']);
    await expect(filters(page).getByRole('group', { name: 'By claim status' })).toContainText(
      'supported 1',
    );

    // A tag; then a second one of the same kind widens the list (OR).
    await chip(page, /^Claim/).click();
    await expect(chip(page, /^Claim/)).toHaveAttribute('aria-pressed', 'true');
    await expect(heading(page)).toHaveText('Annotations 2 of 4');
    await expect(rows(page)).toHaveCount(2);
    await chip(page, /^Location/).click();
    await expect(heading(page)).toHaveText('Annotations 3 of 4');

    // Another kind narrows it (AND): claims and places with a note.
    await chip(page, /^With note/).click();
    await expect(heading(page)).toHaveText('Annotations 1 of 4');
    await expect(rows(page)).toHaveText([/about \$18 million/]);

    await filters(page).getByRole('button', { name: 'Clear filters' }).click();
    await expect(heading(page)).toHaveText('Annotations 4');
    await expect(rows(page)).toHaveCount(4);
    await expect(filters(page).getByRole('button', { name: 'Clear filters' })).toHaveCount(0);
    await expect(filters(page).getByRole('button', { pressed: true })).toHaveCount(0);

    // By claim status, and by the absence of a note.
    await chip(page, /^supported/).click();
    await expect(rows(page)).toHaveText([/We cannot wait for the next storm/]);
    await chip(page, /^supported/).click();
    await chip(page, /^Without note/).click();
    await expect(heading(page)).toHaveText('Annotations 3 of 4');

    // Nothing kept: said so.
    await chip(page, /^disputed/).click();
    await expect(heading(page)).toHaveText('Annotations 0 of 4');
    await expect(page.getByText('No annotations match these filters.')).toBeVisible();
    await filters(page).getByRole('button', { name: 'Clear filters' }).click();

    // Orphans only: after the Nordhafen sentence is rewritten on disk.
    writeFileSync(
      path,
      SEA_WALL.replace(
        'Residents of Nordhafen said the plan ignores the fishing harbour and its 60 boats.',
        'Fishermen were not consulted, the union said.',
      ),
    );
    const banner = page.getByRole('region', { name: 'File changed on disk' });
    await banner.getByRole('button', { name: 'Update from disk' }).click({ timeout: 15_000 });
    await expect(chip(page, /^Orphaned only/)).toHaveText('Orphaned only 1');
    await chip(page, /^Orphaned only/).click();
    await expect(heading(page)).toHaveText('Annotations 1 of 4');
    await expect(rows(page)).toHaveCount(0);
    await expect(
      page.getByRole('list', { name: 'Orphaned annotations' }).getByRole('listitem'),
    ).toHaveText([/Nordhafen/]);
  });
});
