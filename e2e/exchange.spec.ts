import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { test, expect } from './fixtures';
import { SEA_WALL, writeTemp } from './documents';
import {
  annotationList,
  dragSelect,
  expectSaved,
  exportFileThroughUi,
  importThroughUi,
} from './ui';

test.describe('exchange', () => {
  test('exports every format from the Export dialog', async ({ gloss }, info) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await dragSelect(page, '4.2 kilometres of new sea wall');
    await page.keyboard.press('4');
    await dragSelect(page, '"We cannot wait for the next storm,"');
    await page.keyboard.press('2');
    await expectSaved(page);
    const out = (name: string) => join(info.outputDir, name);

    const json = JSON.parse(await exportFileThroughUi(gloss, out('a.json')));
    expect(json.annotations.map((a: { tag: string }) => a.tag)).toEqual(['figure', 'quote']);
    expect(json.documents[0].text).toBe(SEA_WALL);

    const w3c = JSON.parse(
      await exportFileThroughUi(gloss, out('a.jsonld'), { format: 'W3C Web Annotation' }),
    );
    expect(w3c.type).toBe('AnnotationCollection');
    expect(w3c.first.items[0].target.selector).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'TextQuoteSelector' })]),
    );

    const csv = parse(await exportFileThroughUi(gloss, out('a.csv'), { format: 'CSV' }), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(csv.map((r) => [r['tag'], r['value'], r['unit']])).toEqual([
      ['Figure', '4.2', 'km'],
      ['Quote', '', ''],
    ]);

    const markdown = await exportFileThroughUi(gloss, out('a.md'), {
      format: 'Report (Markdown)',
      documents: 'This document',
    });
    expect(markdown).toContain('Harbour council approves new sea wall');
    expect(markdown).toContain('Ilse Brandt');

    const html = await exportFileThroughUi(gloss, out('a.html'), { format: 'Report (HTML)' });
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('4.2 kilometres of new sea wall');
  });

  test('imports a file through the UI in one undoable step, and refuses a bad one', async ({
    gloss,
  }, info) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await dragSelect(page, '4.2 kilometres of new sea wall');
    await page.keyboard.press('4');
    await dragSelect(page, 'Residents of Nordhafen');
    await page.keyboard.press('3');
    await expectSaved(page);
    const file = join(info.outputDir, 'colleague.json');
    writeFileSync(file, await exportFileThroughUi(gloss, file));

    // The colleague's copy has the place; here it is deleted, then the file brings it back.
    await annotationList(page).getByRole('listitem').nth(1).getByRole('button').first().click();
    await page.getByRole('button', { name: 'Delete annotation' }).click();
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);
    await expectSaved(page);

    await importThroughUi(gloss, file);
    const report = page.getByRole('dialog', { name: 'Imported colleague.json' });
    await expect(report).toContainText('1 annotation added');
    await expect(report).toContainText('1 annotation already here');
    await report.getByRole('button', { name: 'Close' }).click();
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(2);
    await expectSaved(page);
    await page.keyboard.press('Control+z');
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);

    const bad = writeTemp(
      'hostile.json',
      '{"format":"gloss","version":1,"documents":[],"annotations":[{"__proto__":{}}]}',
    );
    await importThroughUi(gloss, bad);
    await expect(page.getByRole('alert')).toContainText('“hostile.json” cannot be imported');
    await expect(annotationList(page).getByRole('listitem')).toHaveCount(1);
  });
});
