import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';
import { annotationList, expectSaved } from './ui';

// The whole round of an analyst's work without touching the mouse: reach the text, select a
// sentence, tag it, write a note, leave it, delete the annotation and undo the deletion.

const rows = (page: Page) => annotationList(page).getByRole('listitem');
const details = (page: Page) => page.getByRole('region', { name: 'Selected annotation' });

/** Presses Tab until `target` has the focus, as a keyboard user would; fails after `limit`. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('select a sentence, tag it, add a note, delete and undo — keyboard only', async ({
  gloss,
}) => {
  const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
  const text = page.getByRole('document', { name: 'Document text' });
  await expect(text).toContainText('sea wall');

  // The text is reached with Tab like any control, and shows its focus.
  await tabTo(page, text);
  const outline = await text.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');

  // Down to the third sentence of the article (title, first paragraph, the mayor's quote).
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('1');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(
    '"We cannot wait for the next storm," said Mayor Ilse Brandt at the harbour office.',
  );
  await expect(rows(page).first()).toContainText('Claim');

  // Enter opens its details; Tab goes on to the note.
  await page.keyboard.press('Enter');
  await expect(details(page).getByRole('combobox', { name: 'Tag' })).toBeFocused();
  const note = page.getByRole('textbox', { name: 'Note' });
  await tabTo(page, note);
  await page.keyboard.type('The mayor, on the storm season.');
  // Escape leaves the note (saving it) and goes back to the text.
  await page.keyboard.press('Escape');
  await expect(text).toBeFocused();
  await expectSaved(page);
  await expect(rows(page).first()).toContainText('The mayor, on the storm season.');

  // Delete, then undo: the annotation comes back with its note.
  await page.keyboard.press('Delete');
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByText('No annotations yet.')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('The mayor, on the storm season.');
  await expectSaved(page);

  // J finds it again from the keyboard; its details open with Enter.
  await page.keyboard.press('Escape');
  await expect(details(page)).toHaveCount(0);
  await page.keyboard.press('j');
  await expect(details(page).locator('blockquote')).toContainText('We cannot wait');
});
