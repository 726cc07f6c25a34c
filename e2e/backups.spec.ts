import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { Gloss } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';
import { annotationList, dragSelect, expectSaved } from './ui';

// Backups are taken 15 s after the last change and at most every 10 minutes; here, a fifth of
// a second after every change.
const QUICK_BACKUPS = { GLOSS_BACKUP_IDLE_MS: '200', GLOSS_BACKUP_MIN_INTERVAL_MS: '0' };

/** How many annotations the newest backup holds, read from its header; null when there is none. */
function newestBackupAnnotations(gloss: Gloss): number | null {
  let names: string[];
  try {
    names = readdirSync(join(gloss.workspace, 'backups'))
      .filter((n) => /^backup-.*\.json$/.test(n))
      .sort();
  } catch {
    return null;
  }
  const newest = names.at(-1);
  if (!newest) return null;
  const head = readFileSync(join(gloss.workspace, 'backups', newest), 'utf8').slice(0, 300);
  return Number(/"annotations":(\d+)/.exec(head)?.[1] ?? NaN);
}

async function tag(page: Page, passage: string, key: string): Promise<void> {
  await dragSelect(page, passage);
  await page.keyboard.press(key);
  await expectSaved(page);
}

test.describe('backups', () => {
  test('a workspace whose gloss.json was damaged is restored from a backup, and the damaged file kept', async ({
    gloss,
  }) => {
    let page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)], [], QUICK_BACKUPS);
    await tag(page, 'eastern docks', '3');
    await tag(page, '$18 million', '4');
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(2);
    await expect.poll(() => newestBackupAnnotations(gloss)).toBe(2);

    writeFileSync(join(gloss.workspace, 'gloss.json'), '{not json');
    page = await gloss.restart();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('gloss.json');
    await expect(page.getByRole('status')).toHaveText('Read-only');

    await alert.getByRole('button', { name: 'Restore from backup…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
    await expect(dialog).toBeVisible();
    // Newest first, and chosen: the one taken after the second annotation.
    const newest = dialog.getByRole('radio').first();
    await expect(newest).toBeChecked();
    await expect(newest).toHaveAccessibleName(/1 document, 2 annotations$/);
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();

    await expect(dialog).toHaveCount(0);
    await expect(
      page.getByText(/^Restored the backup of .+\. The damaged files were kept in before-restore-/),
    ).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('status')).toHaveText('Saved');
    const documents = page.getByRole('list', { name: 'Documents' }).getByRole('listitem');
    await expect(documents).toHaveCount(1);
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(2);
    await expect(annotationList(page)).toContainText('eastern docks');

    // Writable again: a new annotation saves.
    await tag(page, 'Mayor Ilse Brandt', '2');
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(3);

    // The damaged file is still there, moved aside with the files it came with.
    const kept = readdirSync(gloss.workspace).filter((n) => n.startsWith('before-restore-'));
    expect(kept).toHaveLength(1);
    const damaged = readdirSync(join(gloss.workspace, kept[0]!)).filter((n) =>
      n.startsWith('gloss.corrupt-'),
    );
    expect(damaged).toHaveLength(1);
    expect(readFileSync(join(gloss.workspace, kept[0]!, damaged[0]!), 'utf8')).toBe('{not json');

    // And the next start finds the workspace whole.
    page = await gloss.restart();
    await expect(page.getByRole('status')).toHaveText('Saved');
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(3);
  });

  test('Backups… restores a healthy workspace only after asking, and Escape closes it', async ({
    gloss,
  }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)], [], QUICK_BACKUPS);
    await tag(page, 'eastern docks', '3');
    await expect.poll(() => newestBackupAnnotations(gloss)).toBe(1);
    await tag(page, '$18 million', '4');
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(2);
    await expect.poll(() => newestBackupAnnotations(gloss)).toBe(2);

    const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
    await page.getByRole('button', { name: 'Backups…' }).click();
    await expect(dialog.getByRole('radio').first()).toHaveAccessibleName(/2 annotations$/);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(2);

    // The newest is chosen and focused; the arrow keys move to the one before it.
    await page.getByRole('button', { name: 'Backups…' }).click();
    await expect(dialog.getByRole('radio').first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByRole('radio', { name: /1 document, 1 annotation$/ })).toBeChecked();
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(dialog).toContainText('replace the current ones');
    await expect(dialog.getByRole('button', { name: 'Back' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Replace current annotations' }).click();

    await expect(dialog).toHaveCount(0);
    await expect(
      page.getByText(/The files it replaced were kept in before-restore-/),
    ).toBeVisible();
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);
    await expect(annotationList(page)).toContainText('eastern docks');
    await expectSaved(page);
  });
});
