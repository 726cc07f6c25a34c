import { join } from 'node:path';
import { test, expect } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';
import { annotationList, dragSelect, expectSaved, exportThroughUi } from './ui';

test.describe('structured details', () => {
  test('a figure and a claim get their details edited, listed, undone and exported', async ({
    gloss,
  }, info) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await dragSelect(page, '4.2 kilometres of new sea wall');
    await page.keyboard.press('4');
    const details = page.getByRole('group', { name: 'Details' });
    // Read from the passage as it is tagged: the analyst only corrects.
    await expect(details.getByRole('textbox', { name: 'Value' })).toHaveValue('4.2');
    await expect(details.getByRole('textbox', { name: 'Unit' })).toHaveValue('km');
    await details.getByRole('textbox', { name: 'Value' }).fill('4.2');
    await details.getByRole('textbox', { name: 'Unit' }).fill('km');
    await details.getByRole('textbox', { name: 'What is counted' }).fill('new sea wall');
    await details.getByRole('textbox', { name: 'What is counted' }).press('Enter');
    const row = annotationList(page).getByRole('listitem').first();
    await expect(row).toContainText('4.2 km · new sea wall');
    await expectSaved(page);

    await dragSelect(page, 'the plan ignores the fishing harbour');
    await page.keyboard.press('1');
    await page
      .getByRole('group', { name: 'Details' })
      .getByRole('combobox', { name: 'Status' })
      .selectOption('disputed');
    // The people and organisations the article names are offered as claimants.
    const claimant = page.getByRole('group', { name: 'Details' }).getByLabel('Claimant');
    await expect(claimant).toHaveRole('combobox');
    const offered = await claimant.evaluate((input: HTMLInputElement) =>
      [...(input.list?.options ?? [])].map((o) => o.value),
    );
    expect(offered).toContain('Ilse Brandt');
    await page
      .getByRole('group', { name: 'Details' })
      .getByLabel('Claimant')
      .fill('Residents of Nordhafen');
    await page.getByRole('group', { name: 'Details' }).getByLabel('Claimant').blur();
    const claim = annotationList(page).getByRole('listitem').nth(1);
    await expect(claim).toContainText('disputed · by Residents of Nordhafen');
    await expectSaved(page);

    // A value that is not a number is not taken.
    await row.getByRole('button').click();
    const value = page
      .getByRole('group', { name: 'Details' })
      .getByRole('textbox', { name: 'Value' });
    await value.fill('lots');
    await value.press('Enter');
    await expect(value).toHaveValue('4.2');

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z'); // the claimant
    await expect(claim).not.toContainText('by Residents of Nordhafen');
    await page.keyboard.press('Control+Shift+z');
    await expect(claim).toContainText('by Residents of Nordhafen');
    await expectSaved(page);

    const exported = (await exportThroughUi(gloss, join(info.outputDir, 'export.json'))) as {
      annotations: { tag: string; details: Record<string, unknown> }[];
    };
    const byTag = Object.fromEntries(exported.annotations.map((a) => [a.tag, a.details]));
    expect(byTag['figure']).toMatchObject({ value: 4.2, unit: 'km', counted: 'new sea wall' });
    expect(byTag['claim']).toMatchObject({
      status: 'disputed',
      claimant: 'Residents of Nordhafen',
    });
  });
});

test('a tagged quote gets its speaker from the attribution beside it', async ({ gloss }) => {
  const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
  await dragSelect(page, '"We cannot wait for the next storm,"');
  await page.keyboard.press('2');
  const speaker = page.getByRole('group', { name: 'Details' }).getByLabel('Speaker');
  await expect(speaker).toHaveValue(/Ilse Brandt/);
  await expect(annotationList(page).getByRole('listitem')).toContainText('— ');
  await expectSaved(page);
});
