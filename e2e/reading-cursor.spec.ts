import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ARABIC_PORT, SEA_WALL, writeTemp } from './documents';
import { annotationList, expectSaved } from './ui';

const documentText = (page: Page) => page.getByRole('document', { name: 'Document text' });

/** The polite live region the reading cursor speaks through. */
const announced = (page: Page) => page.locator('.reader-cursor-announcer[aria-live="polite"]');

/** The text the reading cursor's highlight paints now. */
const cursorText = (page: Page) =>
  page.evaluate(() =>
    [...(CSS.highlights.get('gloss-cursor') ?? [])]
      .map((r) => {
        const range = new Range();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      })
      .join('|'),
  );

const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

/** Presses Tab, and nothing else, until the document text has the focus. */
async function tabToText(page: Page): Promise<void> {
  await expect(documentText(page)).toBeVisible();
  for (let i = 0; i < 80; i++) {
    if (await documentText(page).evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(documentText(page)).toBeFocused();
}

test.describe('the keyboard reading cursor', () => {
  test('moves by word and sentence, selects a sentence and tags it, all by keyboard', async ({
    gloss,
  }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await tabToText(page);
    // The cursor starts on the first word in view, painted and said.
    await expect(announced(page)).toHaveText('Harbour');
    expect(await cursorText(page)).toBe('Harbour');

    await page.keyboard.press('ArrowRight');
    await expect(announced(page)).toHaveText('council');
    expect(await cursorText(page)).toBe('council');
    await page.keyboard.press('ArrowRight');
    await expect(announced(page)).toHaveText('approves');
    await page.keyboard.press('ArrowLeft');
    await expect(announced(page)).toHaveText('council');

    const first =
      'The council voted on Tuesday to build 4.2 kilometres of new sea wall along the eastern docks.';
    const second =
      '"We cannot wait for the next storm," said Mayor Ilse Brandt at the harbour office.';
    await page.keyboard.press('ArrowDown');
    await expect(announced(page)).toHaveText(first);
    expect(await cursorText(page)).toBe(first);
    await page.keyboard.press('ArrowDown');
    await expect(announced(page)).toHaveText(second);
    await page.keyboard.press('ArrowUp');
    await expect(announced(page)).toHaveText(first);
    await page.keyboard.press('ArrowDown');
    await expect(announced(page)).toHaveText(second);

    // Shift+Down at a sentence's start selects the whole sentence: the real selection.
    await page.keyboard.press('Shift+ArrowDown');
    await expect(announced(page)).toHaveText(`Selected: ${second}`);
    expect(await selectedText(page)).toBe(second);
    await expect(documentText(page)).toBeFocused();

    await page.keyboard.press('1');
    const item = annotationList(page).getByRole('listitem');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Claim');
    await expect(item.getByText(second, { exact: true })).toBeVisible();
    await expectSaved(page);

    // The cursor stays, collapsed after what was tagged, and still moves.
    await expect(documentText(page)).toBeFocused();
    expect(await selectedText(page)).toBe('');
    expect(await cursorText(page)).not.toBe('');
    await page.keyboard.press('ArrowDown');
    await expect(announced(page)).toHaveText(
      'Engineers estimate the work will cost about $18 million and take three years.',
    );
  });

  test('in Arabic, left arrow reads on and the Arabic sentence is tagged', async ({ gloss }) => {
    const page = await gloss.launch([writeTemp('port.txt', ARABIC_PORT)]);
    await tabToText(page);
    await expect(announced(page)).toHaveText('مجلس');

    // Right to left: ArrowLeft moves forward (on in reading order), ArrowRight back.
    await page.keyboard.press('ArrowLeft');
    await expect(announced(page)).toHaveText('المدينة');
    await page.keyboard.press('ArrowLeft');
    await expect(announced(page)).toHaveText('يوافق');
    await page.keyboard.press('ArrowRight');
    await expect(announced(page)).toHaveText('المدينة');
    expect(await cursorText(page)).toBe('المدينة');

    const sentence =
      'وافق مجلس مدينة الساحل يوم الثلاثاء على بناء رصيف جديد بطول 3.5 كيلومتر في الميناء الشرقي.';
    await page.keyboard.press('ArrowDown');
    await expect(announced(page)).toHaveText(sentence);
    await page.keyboard.press('Shift+ArrowDown');
    await expect(announced(page)).toHaveText(`Selected: ${sentence}`);
    expect(await selectedText(page)).toBe(sentence);

    await page.keyboard.press('1');
    const item = annotationList(page).getByRole('listitem');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Claim');
    await expect(item.getByText(sentence, { exact: true })).toBeVisible();
    await expectSaved(page);

    // The mixed paragraph opens in Arabic: left still reads on through its English names.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(announced(page)).toHaveText(
      'وقال المهندس John Carter من شركة Harbor Works إن العمل سيبدأ في مارس 2027 بمشاركة 120 عاملا.',
    );
    await page.keyboard.press('ArrowLeft');
    await expect(announced(page)).toHaveText('المهندس');
    await page.keyboard.press('ArrowLeft');
    await expect(announced(page)).toHaveText('John');
    await page.keyboard.press('ArrowLeft');
    await expect(announced(page)).toHaveText('Carter');
  });

  test('Shift extends by word and by paragraph; Escape collapses; other keys reach the app', async ({
    gloss,
  }) => {
    const page = await gloss.launch([writeTemp('sea-wall.txt', SEA_WALL)]);
    await tabToText(page);
    await page.keyboard.press('ArrowDown');
    await expect(announced(page)).toHaveText(/^The council voted/);

    await page.keyboard.press('Shift+ArrowRight');
    await expect(announced(page)).toHaveText('Selected: The');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(announced(page)).toHaveText('Selected: The council');
    expect(await selectedText(page)).toBe('The council');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(announced(page)).toHaveText('Selected: The council voted');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(announced(page)).toHaveText('Selected: The council');
    expect(await selectedText(page)).toBe('The council');

    // Escape collapses the selection and is kept from the app; the cursor stays painted.
    await page.keyboard.press('Escape');
    expect(await selectedText(page)).toBe('');
    await expect(documentText(page)).toBeFocused();
    expect(await cursorText(page)).not.toBe('');

    // Home and End go to the paragraph's edges; Ctrl+Shift+Down selects to its end.
    await page.keyboard.press('Home');
    await expect(announced(page)).toHaveText('The');
    const paragraph = SEA_WALL.split('\n')[2]!;
    await page.keyboard.press('Control+Shift+ArrowDown');
    await expect(announced(page)).toHaveText(`Selected: ${paragraph}`);
    expect(await selectedText(page)).toBe(paragraph);
    await page.keyboard.press('Control+Shift+ArrowDown');
    const two = `${paragraph}\n\n${SEA_WALL.split('\n')[4]!}`;
    await expect.poll(() => selectedText(page)).toBe(two);
    await page.keyboard.press('Control+Shift+ArrowUp');
    expect(await selectedText(page)).toBe(paragraph);

    await page.keyboard.press('2');
    const item = annotationList(page).getByRole('listitem');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Quote');
    await expect(item).toContainText(paragraph);
    await expectSaved(page);

    // Ctrl+Down moves by paragraph; Ctrl+Z still undoes from the focused text.
    await page.keyboard.press('Control+ArrowDown');
    await expect(announced(page)).toHaveText(/^"We cannot wait/);
    await page.keyboard.press('Control+z');
    await expect(item).toHaveCount(0);
    await expect(documentText(page)).toBeFocused();
  });

  test('the cursor and the selection it extends stay in view in a long document', async ({
    gloss,
  }) => {
    const paragraphs = Array.from(
      { length: 120 },
      (_, i) => `Paragraph ${i + 1} opens here. It says a little more about the sea wall.`,
    );
    const page = await gloss.launch([writeTemp('long.txt', paragraphs.join('\n\n') + '\n')]);
    await tabToText(page);
    /** Where the cursor's highlight (or the selection) is, against the reader pane's box. */
    const inView = () =>
      page.evaluate(() => {
        const pane = document.querySelector('.reader-pane')!.getBoundingClientRect();
        const selection = window.getSelection();
        let rect: DOMRect;
        if (selection && !selection.isCollapsed) {
          const rects = selection.getRangeAt(0).getClientRects();
          rect = rects[rects.length - 1]!;
        } else {
          const [r] = [...(CSS.highlights.get('gloss-cursor') ?? [])];
          const range = new Range();
          range.setStart(r!.startContainer, r!.startOffset);
          range.setEnd(r!.endContainer, r!.endOffset);
          rect = range.getBoundingClientRect();
        }
        return rect.height > 0 && rect.top >= pane.top && rect.bottom <= pane.bottom;
      });
    for (let i = 0; i < 40; i++) await page.keyboard.press('Control+ArrowDown');
    await expect(announced(page)).toHaveText('Paragraph 41 opens here.');
    expect(await inView()).toBe(true);
    for (let i = 0; i < 30; i++) await page.keyboard.press('Control+Shift+ArrowDown');
    await expect(announced(page)).toHaveText(/^Selected: Paragraph 41 opens here\./);
    expect(await inView()).toBe(true);
    await page.keyboard.press('Escape');
    // Collapsed at the end of paragraph 70: two sentences back per paragraph.
    for (let i = 0; i < 19; i++) await page.keyboard.press('ArrowUp');
    await expect(announced(page)).toHaveText('It says a little more about the sea wall.');
    await page.keyboard.press('ArrowUp');
    await expect(announced(page)).toHaveText('Paragraph 61 opens here.');
    expect(await inView()).toBe(true);

    // Back by Tab after scrolling elsewhere: the cursor starts at the view, which stays put.
    await page.keyboard.press('Shift+Tab');
    await expect(documentText(page)).not.toBeFocused();
    const pane = page.locator('.reader-pane');
    await pane.evaluate((p) => (p.scrollTop = p.scrollHeight * 0.85));
    const scrolled = await pane.evaluate((p) => p.scrollTop);
    await page.keyboard.press('Tab');
    await expect(documentText(page)).toBeFocused();
    await expect(announced(page)).toHaveText('Paragraph');
    const cursorBlock = await page.evaluate(() => {
      const [r] = [...(CSS.highlights.get('gloss-cursor') ?? [])];
      return r!.startContainer.parentElement!.closest('[data-start]')!.textContent;
    });
    expect(cursorBlock).toMatch(/^Paragraph (9\d|1\d\d) opens/);
    expect(await inView()).toBe(true);
    expect(Math.abs((await pane.evaluate((p) => p.scrollTop)) - scrolled)).toBeLessThan(100);
  });
});
