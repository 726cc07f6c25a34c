import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';
import { annotationList, dragSelect, expectSaved, paintedRanges } from './ui';

const toolbar = (page: Page) => page.getByRole('group', { name: 'Tag the selection' });

test.describe('custom tags', () => {
  test('a new tag with its hotkey tags text; tags are renamed, reordered, and deleted with their annotations retagged, undoably', async ({
    gloss,
  }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await page.getByRole('button', { name: 'Edit tags' }).click();
    const editor = page.getByRole('dialog', { name: 'Tags' });
    await editor.getByRole('textbox', { name: 'Name of the new tag' }).fill('Source');
    await editor.getByRole('combobox', { name: 'Hotkey of the new tag' }).selectOption('5');
    await editor.getByRole('button', { name: 'Add tag' }).click();
    await expect(editor.getByRole('textbox', { name: 'Name of Source' })).toBeVisible();
    await editor.getByRole('button', { name: 'Done' }).click();
    await expect(toolbar(page).getByRole('button', { name: /^Source/ })).toBeVisible();

    await dragSelect(page, 'Mayor Ilse Brandt');
    await page.keyboard.press('5');
    await expect(annotationList(page).getByRole('listitem')).toContainText('Source');
    expect(await paintedRanges(page)).toMatchObject({ 'gloss-tag-source': 1 });
    await dragSelect(page, 'about $18 million');
    await page.keyboard.press('1');
    await expectSaved(page);

    await page.getByRole('button', { name: 'Edit tags' }).click();
    await editor.getByRole('textbox', { name: 'Name of Source' }).fill('Sources');
    await editor.getByRole('textbox', { name: 'Name of Source' }).press('Enter');
    await expect(editor.getByRole('textbox', { name: 'Name of Sources' })).toBeVisible();
    await editor.getByRole('button', { name: 'Move Sources up' }).click();
    const names = () =>
      editor
        .getByRole('list', { name: 'Tags' })
        .locator('input[type="text"]')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await expect.poll(names).toEqual(['Claim', 'Quote', 'Location', 'Sources', 'Figure']);

    await editor.getByRole('button', { name: 'Delete Claim' }).click();
    const question = editor.getByRole('group', { name: 'Delete Claim?' });
    await expect(question).toContainText('used by 1 annotation in 1 document');
    await question
      .getByRole('combobox', { name: 'Retag them as' })
      .selectOption({ label: 'Figure' });
    await question.getByRole('button', { name: 'Retag and delete' }).click();
    await expect.poll(names).toEqual(['Quote', 'Location', 'Sources', 'Figure']);
    await editor.getByRole('button', { name: 'Done' }).click();
    await expect(toolbar(page).getByRole('button', { name: /^Claim/ })).toHaveCount(0);
    await expect(
      annotationList(page).getByRole('listitem').filter({ hasText: '$18 million' }),
    ).toContainText('Figure');

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect(toolbar(page).getByRole('button', { name: /^Claim/ })).toBeVisible();
    await expect(
      annotationList(page).getByRole('listitem').filter({ hasText: '$18 million' }),
    ).toContainText('Claim');
    await expectSaved(page);

    // Tags live in the workspace: a restart keeps them.
    const again = await gloss.restart();
    await expect(toolbar(again).getByRole('button', { name: /^Sources/ })).toBeVisible();
  });
});
