import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';
import { annotationList, dragSelect, expectSaved, openThroughUi, paintedRanges } from './ui';

test.describe('the workspace', () => {
  test('a new workspace says what to do and offers the sample articles', async ({ gloss }) => {
    const page = await gloss.launch();
    await expect(page.getByText('No documents yet.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Nothing open' })).toBeVisible();
    await page.getByRole('button', { name: 'Add sample articles' }).click();
    const docs = page.getByRole('list', { name: 'Documents' }).getByRole('listitem');
    await expect(docs).toHaveCount(3);
    await expect(page.getByText('No annotations yet.')).toBeVisible();
    await expectSaved(page);
  });

  test('opens documents through the Open document button', async ({ gloss }) => {
    const page = await gloss.launch();
    await openThroughUi(gloss, [
      writeTemp('sea-wall.txt', SEA_WALL),
      writeTemp('notes.md', '# Field notes\n\nThe convoy left Haditha at dawn.\n'),
    ]);
    await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(
      2,
    );
    await expect(page.getByRole('document', { name: 'Document text' })).toContainText('sea wall');
    await dragSelect(page, 'eastern docks');
    await page.keyboard.press('3');
    await expect(annotationList(page).getByRole('listitem')).toContainText('eastern docks');
    await expectSaved(page);
  });

  test('opens documents dropped on the window', async ({ gloss }) => {
    const page = await gloss.launch();
    // A real drop event carrying a File, as the OS delivers it when files are dragged in.
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(
        new File(['Dropped briefing\n\nThe ferry to Kos sailed at 06:40.\n'], 'briefing.txt', {
          type: 'text/plain',
        }),
      );
      return dt;
    });
    await page.locator('.app').dispatchEvent('dragover', { dataTransfer });
    await expect(page.getByText('Drop files to open them')).toBeVisible();
    await page.locator('.app').dispatchEvent('drop', { dataTransfer });
    await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveText(
      /Dropped briefing/,
    );
    await expect(page.getByRole('document', { name: 'Document text' })).toContainText(
      'The ferry to Kos',
    );
    await expect(page.getByText('Drop files to open them')).toHaveCount(0);
    await expectSaved(page);
  });

  test('a file that is not text is refused with an alert naming it', async ({ gloss }) => {
    const page = await gloss.launch();
    await openThroughUi(gloss, [
      writeTemp('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])),
    ]);
    await expect(page.getByRole('alert')).toContainText('photo.txt');
    await expect(page.getByRole('alert')).toContainText(/binary/i);
    await expect(page.getByText('No documents yet.')).toBeVisible();
  });

  test('a damaged workspace file is moved aside, never overwritten, and Gloss stays read-only', async ({
    gloss,
  }) => {
    writeFileSync(join(gloss.workspace, 'gloss.json'), '{"schemaVersion": 1, "tags": [');
    const page = await gloss.launch();
    await expect(page.getByRole('alert')).toContainText('gloss.json');
    await expect(page.getByRole('alert')).toContainText('gloss.corrupt-');
    await expect(page.getByRole('status')).toHaveText('Read-only');
    await expect(page.getByRole('button', { name: 'Add sample articles' })).toHaveCount(0);
  });
});

test('highlights stay painted when the analyst moves between documents, and keep following edits', async ({
  gloss,
}) => {
  const page = await gloss.launch([
    writeTemp('sea-wall.txt', SEA_WALL),
    writeTemp('notes.md', '# Field notes\n\nThe convoy left Haditha at dawn with 40 trucks.\n'),
  ]);
  await dragSelect(page, '4.2 kilometres of new sea wall');
  await page.keyboard.press('4');
  await expectSaved(page);
  await expect.poll(async () => (await paintedRanges(page))['gloss-tag-figure']).toBe(1);

  const documents = page.getByRole('list', { name: 'Documents' });
  await documents.getByText('Field notes').click();
  await dragSelect(page, '40 trucks');
  await page.keyboard.press('4');
  await expectSaved(page);
  await expect.poll(async () => (await paintedRanges(page))['gloss-tag-figure']).toBe(1);

  await documents.getByText('Harbour council').click();
  await expect(page.getByRole('document', { name: 'Document text' })).toContainText('sea wall');
  await expect.poll(async () => (await paintedRanges(page))['gloss-tag-figure']).toBe(1);
  await dragSelect(page, '$18 million');
  await page.keyboard.press('4');
  await expectSaved(page);
  await expect.poll(async () => (await paintedRanges(page))['gloss-tag-figure']).toBe(2);
});
