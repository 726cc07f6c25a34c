import { join } from 'node:path';
import { test, expect } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';
import { annotationList, dragSelect, expectSaved, exportThroughUi, paintedRanges } from './ui';

test.describe('annotating a document', () => {
  test('opens a document given on the command line and tags a dragged selection by button', async ({
    gloss,
  }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(
      1,
    );
    await expect(page.getByRole('document', { name: 'Document text' })).toContainText(
      '4.2 kilometres of new sea wall',
    );

    await dragSelect(page, '4.2 kilometres of new sea wall');
    await page.getByRole('button', { name: /^Figure/ }).click();

    const item = annotationList(page).getByRole('listitem');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Figure');
    await expect(item).toContainText('4.2 kilometres of new sea wall');
    await expectSaved(page);
    expect(await paintedRanges(page)).toMatchObject({ 'gloss-tag-figure': 1 });
    // No element wraps the highlighted text: the paragraph is still one text node.
    const nodes = await page.evaluate(
      () =>
        [...document.querySelectorAll('.reader-text p')].filter((p) => p.childNodes.length !== 1)
          .length,
    );
    expect(nodes).toBe(0);
  });

  test('tags by hotkey, and overlapping annotations both show', async ({ gloss }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await dragSelect(page, '"We cannot wait for the next storm," said Mayor Ilse Brandt');
    await page.keyboard.press('2');
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);

    await dragSelect(page, 'Mayor Ilse Brandt at the harbour office');
    await page.keyboard.press('3');
    const items = annotationList(page).getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText('Quote');
    await expect(items.nth(1)).toContainText('Location');
    await expectSaved(page);
    expect(await paintedRanges(page)).toMatchObject({
      'gloss-tag-quote': 1,
      'gloss-tag-location': 1,
    });
    // The two ranges share "Mayor Ilse Brandt".
    const overlap = await page.evaluate(() => {
      const live = (r: AbstractRange) => {
        const range = new Range();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range;
      };
      const [q] = [...CSS.highlights.get('gloss-tag-quote')!].map(live);
      const [l] = [...CSS.highlights.get('gloss-tag-location')!].map(live);
      return (
        q!.isPointInRange(l!.startContainer, l!.startOffset) &&
        !q!.isPointInRange(l!.endContainer, l!.endOffset)
      );
    });
    expect(overlap).toBe(true);
  });

  test('note, change of tag, delete, and undo/redo by keyboard', async ({ gloss }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await dragSelect(page, 'about $18 million');
    await page.keyboard.press('1');
    const item = annotationList(page).getByRole('listitem');
    await expect(item).toContainText('Claim');

    await page
      .getByRole('textbox', { name: 'Note' })
      .fill('Cost estimate from the engineers, not the council.');
    await page.getByRole('textbox', { name: 'Note' }).press('Tab'); // leaving the box saves the note
    await expect(item).toContainText('Cost estimate from the engineers');
    await page.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'Figure' });
    await expect(item).toContainText('Figure');
    await expect(item).toContainText('Cost estimate from the engineers');
    await expectSaved(page);

    await page.getByRole('button', { name: 'Delete annotation' }).click();
    await expect(annotationList(page)).toHaveCount(0);
    await expectSaved(page);

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect(annotationList(page).getByRole('listitem')).toContainText('Figure');
    await page.keyboard.press('Control+z'); // undoes the tag change
    await expect(annotationList(page).getByRole('listitem')).toContainText('Claim');
    await page.keyboard.press('Control+Shift+z');
    await expect(annotationList(page).getByRole('listitem')).toContainText('Figure');
    await page.keyboard.press('Control+y');
    await expect(annotationList(page)).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);
    await expectSaved(page);
  });

  test('reload and restart on the same workspace keep everything, and export holds it', async ({
    gloss,
  }, info) => {
    let page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await dragSelect(page, 'Nordhafen');
    await page.keyboard.press('3');
    await page.getByRole('textbox', { name: 'Note' }).fill('Fishing district in the north.');
    await page.getByRole('textbox', { name: 'Note' }).blur();
    await expect(annotationList(page).getByRole('listitem')).toContainText('Fishing district');
    await expectSaved(page);

    await page.reload();
    await expect(annotationList(page).getByRole('listitem')).toContainText('Nordhafen');

    page = await gloss.restart();
    const item = annotationList(page).getByRole('listitem');
    await expect(item).toContainText('Nordhafen');
    await expect(item).toContainText('Location');
    await item.click();
    await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue(
      'Fishing district in the north.',
    );
    expect(await paintedRanges(page)).toMatchObject({ 'gloss-tag-location': 1 });

    const exported = (await exportThroughUi(gloss, join(info.outputDir, 'export.json'))) as {
      format: string;
      version: number;
      documents: { id: string; title: string }[];
      annotations: Record<string, unknown>[];
    };
    expect(exported.format).toBe('gloss');
    expect(exported.version).toBe(1);
    expect(exported.documents).toHaveLength(1);
    expect(exported.documents[0]!.title).toBe('Harbour council approves new sea wall');
    expect(exported.annotations).toHaveLength(1);
    const [a] = exported.annotations;
    expect(a).toMatchObject({
      documentId: exported.documents[0]!.id,
      tag: 'location',
      quote: 'Nordhafen',
      note: 'Fishing district in the north.',
      details: { name: 'Nordhafen' },
    });
    expect(SEA_WALL.slice(a!.start as number, a!.end as number)).toBe('Nordhafen');
    expect(a!.prefix).toBe(SEA_WALL.slice((a!.start as number) - 32, a!.start as number));
    expect(Object.keys(a!).sort()).toEqual([
      'created',
      'details',
      'documentId',
      'end',
      'id',
      'modified',
      'note',
      'prefix',
      'quote',
      'start',
      'suffix',
      'tag',
    ]);
  });
});
