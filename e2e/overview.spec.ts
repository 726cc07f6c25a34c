import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';
import { annotationList, dragSelect, expectSaved, openThroughUi } from './ui';

const PORT = `Port budget approved

The port will spend 250 million euros on new cranes, the finance office said.

"The cranes arrive in spring," said Jon Carter of Harbor Works.

Critics say the cranes will double the noise at night.
`;

const FLOODS = `Floods cut roads around Mosul

Heavy rain flooded the old city of Mosul on Monday.
`;

/** Tags a passage with a tag's hotkey and waits for its row in the annotations list. */
async function tag(page: Page, passage: string, hotkey: string): Promise<void> {
  const rows = annotationList(page).getByRole('listitem');
  const before = await rows.count();
  await dragSelect(page, passage);
  await page.keyboard.press(hotkey);
  await expect(rows).toHaveCount(before + 1);
}

test.describe('overview', () => {
  test('counts, figures, quotes and claims of the workspace and of a document; a row jumps to its passage', async ({
    gloss,
  }) => {
    test.slow(); // eight passages tagged by mouse drags
    const page = await gloss.launch([
      writeTemp('sea-wall.txt', SEA_WALL),
      writeTemp('port.txt', PORT),
    ]);
    // The sea wall article opens first: three figures, a quote and a disputed claim.
    await tag(page, '4.2 kilometres of new sea wall', '4');
    const details = page.getByRole('group', { name: 'Details' });
    await expect(details.getByRole('textbox', { name: 'Unit' })).toHaveValue('km');
    await tag(page, 'about $18 million', '4');
    await tag(page, '60 boats', '4');
    await tag(page, '"We cannot wait for the next storm,"', '2');
    await expect(details.getByLabel('Speaker')).toHaveValue(/Ilse Brandt/);
    await tag(page, 'the plan ignores the fishing harbour', '1');
    await details.getByRole('combobox', { name: 'Status' }).selectOption('disputed');
    await expectSaved(page);

    // The port article: a figure, a quote and a claim left unverified.
    await page.getByRole('list', { name: 'Documents' }).getByText('Port budget approved').click();
    await expect(page.getByText('No annotations yet.')).toBeVisible();
    await tag(page, '250 million euros', '4');
    await tag(page, '"The cranes arrive in spring,"', '2');
    await expect(details.getByLabel('Speaker')).toHaveValue(/Jon Carter/);
    await tag(page, 'the cranes will double the noise at night', '1');
    await expectSaved(page);

    const toggle = page.getByRole('button', { name: 'Overview', exact: true });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const overview = page.getByRole('region', { name: 'Overview' });
    await expect(overview).toBeVisible();
    await expect(page.getByRole('article', { name: 'Reader' })).toHaveCount(0);
    await expect(overview.getByText('8 annotations in 2 documents')).toBeVisible();

    const byTag = overview.getByRole('list', { name: 'Annotations by tag' }).getByRole('listitem');
    await expect(byTag).toHaveText([/^Claim\s*2$/, /^Quote\s*2$/, /^Location\s*0$/, /^Figure\s*4/]);
    const byDocument = overview
      .getByRole('list', { name: 'Annotations by document' })
      .getByRole('listitem');
    await expect(byDocument).toHaveText([/^Harbour council.*5/, /^Port budget.*3/]);

    // The figures, sorted by value one way and the other.
    const figures = overview.getByRole('table', { name: /^Figures/ });
    const values = figures.locator('tbody td.column-value');
    const valueHeader = figures.getByRole('columnheader', { name: 'Value' });
    await expect(values).toHaveText(['4.2', 'about 18,000,000', '60', '250,000,000']);
    await figures.getByRole('button', { name: 'Value' }).click();
    await expect(valueHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(values).toHaveText(['4.2', '60', 'about 18,000,000', '250,000,000']);
    await figures.getByRole('button', { name: 'Value' }).click();
    await expect(valueHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(values).toHaveText(['250,000,000', 'about 18,000,000', '60', '4.2']);
    await figures.getByRole('button', { name: 'Unit' }).click();
    await expect(valueHeader).not.toHaveAttribute('aria-sort');
    await expect(figures.locator('tbody td.column-unit')).toHaveText(['boats', 'EUR', 'km', 'USD']);

    // Quotes by speaker and claims by status.
    const quotes = overview.getByRole('region', { name: 'Quotes by speaker' });
    await expect(quotes.getByRole('heading', { level: 4 })).toHaveText([
      /Ilse Brandt\s*1/,
      /Jon Carter\s*1/,
    ]);
    const claims = overview.getByRole('region', { name: 'Claims by status' });
    await expect(claims.getByRole('heading', { level: 4 })).toHaveText([
      /^Unverified\s*1/,
      /^Disputed\s*1/,
    ]);
    await expect(claims.getByRole('list', { name: /Disputed/ }).getByRole('button')).toContainText(
      'the plan ignores the fishing harbour',
    );

    // This document: the port article alone, without the chart by document.
    await overview.getByRole('button', { name: 'This document' }).click();
    await expect(overview.getByRole('button', { name: 'This document' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(overview.getByText('3 annotations in “Port budget approved”')).toBeVisible();
    await expect(byTag).toHaveText([/^Claim\s*1$/, /^Quote\s*1$/, /^Location\s*0$/, /^Figure\s*1/]);
    await expect(overview.getByRole('list', { name: 'Annotations by document' })).toHaveCount(0);
    await expect(values).toHaveText(['250,000,000']);
    await expect(overview.getByText('No places tagged yet.')).toBeVisible();

    // Back to the workspace; a figure of the other document jumps to its passage there.
    await overview.getByRole('button', { name: 'Whole workspace' }).click();
    await expect(values).toHaveCount(4);
    await figures.getByRole('button', { name: /60 boats/ }).click();
    await expect(overview).toHaveCount(0);
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByRole('document', { name: 'Document text' })).toContainText(
      'Harbour council approves',
    );
    const selected = annotationList(page).locator('.annotation-row[aria-current]');
    await expect(selected).toContainText('60 boats');
    await expect(details.getByRole('textbox', { name: 'Value' })).toHaveValue('60');

    // A quote of the other document, reached by keyboard; Escape closes the overview.
    await toggle.click();
    await expect(overview).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(overview.getByRole('button', { name: 'Whole workspace' })).toBeFocused();
    const carter = quotes.getByRole('button', { name: /The cranes arrive in spring/ });
    await carter.focus();
    await page.keyboard.press('Enter');
    await expect(overview).toHaveCount(0);
    await expect(page.getByRole('document', { name: 'Document text' })).toContainText(
      'Port budget approved',
    );
    await expect(selected).toContainText('The cranes arrive in spring');

    await toggle.click();
    await expect(overview).toBeVisible();
    await overview.getByRole('button', { name: 'Whole workspace' }).focus();
    await page.keyboard.press('Escape');
    await expect(overview).toHaveCount(0);
    await expect(page.getByRole('article', { name: 'Reader' })).toBeVisible();
  });

  test('an empty workspace has a short overview, and places open on the map', async ({ gloss }) => {
    const page = await gloss.launch();
    await page.getByRole('button', { name: 'Overview', exact: true }).click();
    const overview = page.getByRole('region', { name: 'Overview' });
    await expect(overview.getByText('0 annotations in 0 documents')).toBeVisible();
    await expect(overview.getByText('No figures tagged yet.')).toBeVisible();
    await expect(overview.getByRole('button', { name: 'This document' })).toBeDisabled();
    await overview.getByRole('button', { name: 'Close overview' }).click();
    await expect(overview).toHaveCount(0);

    await openThroughUi(gloss, [writeTemp('floods.txt', FLOODS)]);
    await dragSelect(page, 'Mosul', 1);
    await page.keyboard.press('3');
    await expectSaved(page);
    await page.getByRole('button', { name: 'Overview', exact: true }).click();
    await expect(overview.getByText('1 place tagged, all on the map.')).toBeVisible();
    await overview.getByRole('button', { name: 'Show on the map' }).click();
    const places = page.getByRole('region', { name: 'Places' });
    await expect(places.getByRole('radio', { name: 'All documents' })).toBeChecked();
    await expect(places.getByRole('button', { name: 'Mosul, 1 mention' })).toBeVisible();
  });
});
