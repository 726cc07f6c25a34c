import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';
import { annotationList, dragSelect, expectSaved } from './ui';

test.describe('documents that change', () => {
  test('a file changed on disk is noticed; updating keeps, moves and orphans annotations, and orphans re-attach', async ({
    gloss,
  }) => {
    const path = writeTemp('sea-wall.txt', SEA_WALL);
    const page = await gloss.launch([path]);
    await dragSelect(page, 'about $18 million');
    await page.keyboard.press('4');
    await dragSelect(page, 'Nordhafen');
    await page.keyboard.press('3');
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(2);
    await expectSaved(page);

    // The newsroom edits the file: a paragraph at the top, and the Nordhafen sentence rewritten.
    const edited = SEA_WALL.replace(
      'The council voted',
      'Correction appended on Friday.\n\nThe council voted',
    ).replace(
      'Residents of Nordhafen said the plan ignores the fishing harbour and its 60 boats.',
      'Fishermen were not consulted, the union said.',
    );
    writeFileSync(path, edited);

    const banner = page.getByRole('region', { name: 'File changed on disk' });
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await banner.getByRole('button', { name: 'Update from disk' }).click();
    await expect(page.getByText('Updated from disk: 0 stayed, 1 moved, 1 orphaned.')).toBeVisible();
    await expect(banner).toHaveCount(0);
    await expect(page.getByRole('document', { name: 'Document text' })).toContainText(
      'Correction appended on Friday.',
    );
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);
    await expect(annotationList(page).getByRole('listitem')).toContainText('about $18 million');
    const orphans = page.getByRole('list', { name: 'Orphaned annotations' });
    await expect(orphans.getByRole('listitem')).toContainText('Nordhafen');

    await orphans.getByRole('button').click();
    await dragSelect(page, 'Fishermen were not consulted');
    await page.getByRole('button', { name: 'Re-attach to selection' }).click();
    await expect(orphans).toHaveCount(0);
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(2);
    await expect(annotationList(page).getByRole('listitem').nth(1)).toContainText(
      'Fishermen were not consulted',
    );
    await expectSaved(page);

    // The old text is kept: both versions are in the workspace.
    const texts = readdirSync(join(gloss.workspace, 'documents')).filter((f) => f.endsWith('.txt'));
    expect(texts).toHaveLength(2);
  });

  test('a document can be renamed, and removed after confirming, keeping a copy of its annotations', async ({
    gloss,
  }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await dragSelect(page, 'eastern docks');
    await page.keyboard.press('3');
    await expectSaved(page);

    await page.getByRole('button', { name: 'Rename document' }).click();
    await page.getByRole('textbox', { name: 'Document title' }).fill('Sea wall vote (council)');
    await page.getByRole('textbox', { name: 'Document title' }).press('Enter');
    await expect(page.getByRole('list', { name: 'Documents' })).toContainText(
      'Sea wall vote (council)',
    );

    await page.getByRole('button', { name: 'Remove document' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove document?' });
    await expect(dialog).toContainText('1 annotation will leave');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(
      1,
    );

    await page.getByRole('button', { name: 'Remove document' }).click();
    await page
      .getByRole('dialog', { name: 'Remove document?' })
      .getByRole('button', { name: 'Remove' })
      .click();
    await expect(page.getByText('No documents yet.')).toBeVisible();
    await expect(page.getByText(/A copy with its annotations is kept in trash/)).toBeVisible();
    await expectSaved(page);
    const trash = readdirSync(join(gloss.workspace, 'trash'));
    expect(trash).toHaveLength(1);
    expect(existsSync(join(gloss.workspace, 'trash', trash[0]!))).toBe(true);
  });
});
