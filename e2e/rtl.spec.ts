import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ARABIC_PORT, writeTemp } from './documents';
import { annotationList, dragSelect, expectSaved, exportThroughUi, paintedRanges } from './ui';

interface Exported {
  annotations: { tag: string; quote: string; start: number; end: number }[];
}

/** The computed direction of the reader's paragraph holding this text. */
const directionOf = (page: Page, text: string) =>
  page
    .getByRole('document', { name: 'Document text' })
    .locator('p', { hasText: text })
    .evaluate((p) => getComputedStyle(p).direction);

/** The text a tag's highlight paints, range by range. */
const paintedText = (page: Page, highlight: string) =>
  page.evaluate(
    (name) =>
      [...(CSS.highlights.get(name) ?? [])].map((r) => {
        const range = new Range();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }),
    highlight,
  );

test.describe('right-to-left text', () => {
  test('an Arabic passage selected by dragging is tagged, painted, listed and exported', async ({
    gloss,
  }, info) => {
    const page = await gloss.launch([writeTemp('port.txt', ARABIC_PORT)]);
    const passage = 'مجلس مدينة الساحل';
    await expect(page.getByRole('document', { name: 'Document text' })).toContainText(passage);
    expect(await directionOf(page, passage)).toBe('rtl');
    // The library lists the Arabic title right to left as well.
    const title = page
      .getByRole('list', { name: 'Documents' })
      .getByText('مجلس المدينة يوافق على توسيع الميناء');
    await expect(title).toHaveCSS('direction', 'rtl');

    await dragSelect(page, passage);
    await page.keyboard.press('3');

    const item = annotationList(page).getByRole('listitem');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Location');
    await expect(item).toContainText(passage);
    // The quote in the list reads right to left too.
    expect(await item.getByText(passage).evaluate((el) => getComputedStyle(el).direction)).toBe(
      'rtl',
    );
    await expectSaved(page);
    expect(await paintedRanges(page)).toMatchObject({ 'gloss-tag-location': 1 });
    expect(await paintedText(page, 'gloss-tag-location')).toEqual([passage]);

    const exported = (await exportThroughUi(
      gloss,
      join(info.outputDir, 'export.json'),
    )) as Exported;
    expect(exported.annotations).toHaveLength(1);
    const [a] = exported.annotations;
    expect(a).toMatchObject({ tag: 'location', quote: passage });
    expect(ARABIC_PORT.slice(a!.start, a!.end)).toBe(passage);
  });

  test('a paragraph mixing Arabic, English names and numbers keeps logical offsets', async ({
    gloss,
  }, info) => {
    const page = await gloss.launch([writeTemp('port.txt', ARABIC_PORT)]);
    const passage = 'المهندس John Carter من شركة Harbor Works إن العمل سيبدأ في مارس 2027 بمشاركة';
    await expect(page.getByRole('document', { name: 'Document text' })).toContainText(passage);
    // The paragraph opens in Arabic, so it is laid out right to left around the English.
    expect(await directionOf(page, passage)).toBe('rtl');

    await dragSelect(page, passage);
    await page.keyboard.press('1');

    const item = annotationList(page).getByRole('listitem');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Claim');
    await expect(item).toContainText(passage);
    await expectSaved(page);
    expect(await paintedText(page, 'gloss-tag-claim')).toEqual([passage]);

    // Offsets count characters in reading (logical) order, not on-screen order.
    const exported = (await exportThroughUi(
      gloss,
      join(info.outputDir, 'export.json'),
    )) as Exported;
    const [a] = exported.annotations;
    expect(a).toMatchObject({ tag: 'claim', quote: passage });
    expect(a!.start).toBe(ARABIC_PORT.indexOf(passage));
    expect(ARABIC_PORT.slice(a!.start, a!.end)).toBe(passage);
  });

  test('an Arabic figure is read with its value, multiplier, unit and qualifier', async ({
    gloss,
  }) => {
    const page = await gloss.launch([writeTemp('port.txt', ARABIC_PORT)]);
    const details = page.getByRole('region', { name: 'Selected annotation' });
    await expect(page.getByRole('document', { name: 'Document text' })).toContainText(
      'نحو 25 مليون دولار',
    );

    await dragSelect(page, 'نحو 25 مليون دولار');
    await page.keyboard.press('4');
    await expect(details.getByRole('textbox', { name: 'Value' })).toHaveValue('25000000');
    await expect(details.getByRole('textbox', { name: 'Unit' })).toHaveValue('USD');
    await expect(details.getByRole('combobox', { name: 'Qualifier' })).toHaveValue('about');
    await expectSaved(page);

    // A passage that opens and ends in Arabic: a drag that starts on the digits of a number
    // inside a right-to-left line lands at either end of the number, as the browser picks.
    await dragSelect(page, 'بطول 3.5 كيلومتر');
    await page.keyboard.press('4');
    await expect(details.getByRole('textbox', { name: 'Value' })).toHaveValue('3.5');
    await expect(details.getByRole('textbox', { name: 'Unit' })).toHaveValue('km');
    await expectSaved(page);
  });
});
