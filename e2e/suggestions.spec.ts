import { test, expect } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';
import { annotationList, expectSaved, paintedRanges } from './ui';

test('Suggest proposes figures and quotes; the analyst accepts or rejects each, and rejections are remembered', async ({
  gloss,
}) => {
  const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
  await page.getByRole('button', { name: 'Suggest' }).click();
  const list = page.getByRole('list', { name: 'Suggestions' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  await expect(list).toContainText('4.2 kilometres of new sea wall');
  await expect(list).toContainText('"We cannot wait for the next storm,"');
  await expect(list).toContainText('— Ilse Brandt');
  expect((await paintedRanges(page))['gloss-suggestion']).toBeGreaterThan(1);
  // Nothing is annotated until the analyst says so.
  await expect(annotationList(page)).toHaveCount(0);

  const before = await list.getByRole('listitem').count();
  await list
    .getByRole('button', { name: /4\.2 kilometres/ })
    .first()
    .press('Enter');
  await expect(annotationList(page).getByRole('listitem')).toContainText('4.2 km');
  await list
    .getByRole('button', { name: /We cannot wait/ })
    .first()
    .press('Backspace');
  await expect(list.getByRole('listitem')).toHaveCount(before - 2);
  await expectSaved(page);

  await page.reload();
  await page.getByRole('button', { name: 'Suggest' }).click();
  await expect(page.getByRole('list', { name: 'Suggestions' })).not.toContainText('We cannot wait');
  await expect(page.getByRole('list', { name: 'Suggestions' })).not.toContainText('4.2 kilometres');

  await page.getByRole('button', { name: /^Accept all figures/ }).click();
  await expect(page.getByRole('list', { name: 'Suggestions' })).toHaveCount(0);
  await expect(
    annotationList(page).getByRole('listitem').filter({ hasText: '$18 million' }),
  ).toContainText('Figure');
  await expectSaved(page);
  // Accepting all of a tag was one step: one Undo takes every one of them back.
  const accepted = await annotationList(page).getByRole('listitem').count();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(
    annotationList(page).getByRole('listitem').filter({ hasText: '$18 million' }),
  ).toHaveCount(0);
  await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);
  expect(accepted).toBeGreaterThan(2);
});
