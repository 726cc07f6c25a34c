import { test, expect } from './fixtures';
import { writeTemp } from './documents';
import { annotationList, dragSelect, expectSaved } from './ui';

const FLOODS = `Floods cut roads around Mosul

Heavy rain flooded the old city of Mosul on Monday, and the road south to Baghdad was closed.

Engineers from Paris arrived on Tuesday to inspect the damaged bridge over the Tigris.
`;

const TEXAS = `County fair returns to Paris

The fair in Paris drew 12,000 visitors, organisers in Lamar County, Texas, said on Sunday.
`;

test.describe('places', () => {
  test('a tagged place is matched in the gazetteer, and the analyst picks between places that share a name', async ({
    gloss,
  }) => {
    const page = await gloss.launch([writeTemp('floods.txt', FLOODS)]);
    await dragSelect(page, 'Mosul', 1);
    await page.keyboard.press('3');
    const details = page.getByRole('group', { name: 'Details' });
    await expect(details.getByRole('textbox', { name: 'Country' })).toHaveValue('Iraq');
    await expect(details.getByRole('combobox', { name: 'Kind' })).toHaveValue('city');
    await expect(details.getByRole('combobox', { name: 'Gazetteer' })).toContainText(
      /Mosul — city.*Iraq/,
    );
    const row = annotationList(page).getByRole('listitem').first();
    await expect(row).toContainText('Mosul, Iraq');

    // Paris in an article about Iraq is still the French capital first…
    await dragSelect(page, 'Paris');
    await page.keyboard.press('3');
    await expect(details.getByRole('textbox', { name: 'Country' })).toHaveValue('France');
    // …but the analyst can pick another Paris, and undo the pick.
    const picker = details.getByRole('combobox', { name: 'Gazetteer' });
    const texas = await picker
      .getByRole('option', { name: /Paris — city.*Texas/ })
      .getAttribute('value');
    await picker.selectOption(texas!);
    await expect(details.getByRole('textbox', { name: 'Country' })).toHaveValue('United States');
    await expectSaved(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect(annotationList(page).getByRole('listitem').nth(1)).toContainText('France');

    // A name the gazetteer does not know stays a plain name.
    await dragSelect(page, 'old city');
    await page.keyboard.press('3');
    await expect(details.getByRole('textbox', { name: 'Place' })).toHaveValue('old city');
    await expect(details.getByRole('textbox', { name: 'Country' })).toHaveValue('');
    await expect(details.getByRole('combobox', { name: 'Gazetteer' })).toContainText('No match');
  });

  test('the map shows the places of the document and of the workspace; a click jumps to the passage', async ({
    gloss,
  }) => {
    const page = await gloss.launch([
      writeTemp('floods.txt', FLOODS),
      writeTemp('texas.txt', TEXAS),
    ]);
    // The first file given opens first.
    await dragSelect(page, 'Mosul', 1);
    await page.keyboard.press('3');
    await dragSelect(page, 'Baghdad');
    await page.keyboard.press('3');
    await expectSaved(page);

    await page.getByRole('button', { name: 'Places' }).click();
    const places = page.getByRole('region', { name: 'Places' });
    await expect(places.getByRole('button', { name: 'Mosul, 1 mention' })).toBeVisible();
    await expect(places.getByRole('button', { name: 'Baghdad, 1 mention' })).toBeVisible();

    // The other document's place appears with the whole workspace.
    await page.getByRole('list', { name: 'Documents' }).getByText('County fair').click();
    await dragSelect(page, 'Paris', 1);
    await page.keyboard.press('3');
    await expectSaved(page);
    await places.getByRole('radio', { name: 'All documents' }).check();
    await expect(places.getByRole('button', { name: /^Paris, 1 mention/ })).toBeVisible();
    await places.getByRole('button', { name: 'Mosul, 1 mention' }).click();
    const passages = places.getByRole('list', { name: 'Passages at Mosul' });
    await passages.getByRole('button', { name: /Mosul/ }).click();
    // Jumping opened the flood article and selected the passage.
    await expect(page.getByRole('document', { name: 'Document text' })).toContainText(
      'Heavy rain flooded',
    );
    await expect(
      page.getByRole('group', { name: 'Details' }).getByRole('textbox', { name: 'Place' }),
    ).toHaveValue('Mosul');

    await page.keyboard.press('Control+Shift+M');
    await expect(places).toHaveCount(0);
  });
});

test('Suggest runs on every bundled sample, proposing figures, quotes and places', async ({
  gloss,
}) => {
  const page = await gloss.launch();
  await page.getByRole('button', { name: 'Add sample articles' }).click();
  const docs = page.getByRole('list', { name: 'Documents' }).getByRole('listitem');
  await expect(docs).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await docs.nth(i).getByRole('button').first().click();
    await page.getByRole('button', { name: 'Suggest' }).click();
    const list = page.getByRole('list', { name: 'Suggestions' });
    for (const tag of ['Figure', 'Quote', 'Location'])
      await expect(list.getByRole('listitem').filter({ hasText: tag }).first()).toBeVisible();
  }
  // Accepting a place fills in its details from the gazetteer.
  await page.getByRole('button', { name: /^Accept all locations/ }).click();
  await expect(
    annotationList(page).getByRole('listitem').filter({ hasText: 'Nouakchott' }).first(),
  ).toContainText('Nouakchott, Mauritania');
  await expectSaved(page);
});
