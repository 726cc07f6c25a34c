import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { HOSTILE_FLAGS, HOSTILE_HOSTS, NEWS_PAGE, makeDocx, makePdf, writeTemp } from './documents';
import { annotationList, dragSelect, expectSaved, openThroughUi } from './ui';

const library = (page: Page) => page.getByRole('list', { name: 'Documents' });
const reader = (page: Page) => page.getByRole('document', { name: 'Document text' });

/**
 * Records every request that leaves the app's own origin (aborting it, so nothing reaches the
 * network) and every dialog (alert, confirm) a page opens. Both lists must stay empty.
 */
async function watchForActiveContent(
  page: Page,
): Promise<{ requests: string[]; dialogs: string[] }> {
  const app = new URL(page.url());
  const seen = { requests: [] as string[], dialogs: [] as string[] };
  const own = (url: URL) =>
    url.protocol === 'data:' ||
    url.protocol === 'blob:' ||
    (app.protocol === 'file:' ? url.protocol === 'file:' : url.origin === app.origin);
  await page.context().route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (own(url)) return route.continue();
    seen.requests.push(url.href);
    return route.abort('blockedbyclient');
  });
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return seen;
}

/** The hostile page's window flags that are set (none may be). */
const flagsSet = (page: Page) =>
  page.evaluate(
    (flags) => flags.filter((f) => (window as unknown as Record<string, unknown>)[f] !== undefined),
    [...HOSTILE_FLAGS],
  );

test.describe('document formats', () => {
  test('opens a web page, a Word file and a PDF together, and annotates each', async ({
    gloss,
  }) => {
    const page = await gloss.launch();
    const active = await watchForActiveContent(page);
    await openThroughUi(gloss, [
      writeTemp('varna.html', NEWS_PAGE),
      writeTemp('tessa.docx', await makeDocx()),
      writeTemp('water.pdf', await makePdf()),
    ]);
    await expect(library(page).getByRole('listitem')).toHaveCount(3);

    // The web page: the article only, its metadata in the header, nothing of its scripts.
    await library(page).getByText('Floodgates reopen at Varna lock').click();
    await expect(reader(page)).toContainText('Engineers reopened the eastern floodgates');
    await expect(reader(page)).not.toContainText('We use cookies');
    await expect(reader(page)).not.toContainText('Related stories');
    // The headline, byline, date and address are the header's; captions, share buttons and
    // labels are not the article's: none of them is in the text that is annotated.
    const header = page.locator('.document-header');
    await expect(
      header.getByRole('heading', { name: 'Floodgates reopen at Varna lock' }),
    ).toBeVisible();
    await expect(header).toContainText('Petra Ilieva');
    // The date as the header writes it, in the browser's locale (the address holds "2026" too).
    const published = await page.evaluate(() =>
      new Date('2026-10-02T08:30:00Z').toLocaleDateString(undefined, { dateStyle: 'medium' }),
    );
    await expect(header.locator('.document-facts')).toContainText(published);
    await expect(header).toContainText('https://ledger.example/2026/10/floodgates');
    await expect(reader(page).locator('p').first()).toHaveText(/^Engineers reopened/);
    for (const furniture of [
      'Floodgates reopen at Varna lock',
      'By Petra Ilieva',
      'Updated 2 October',
      'Share this article',
      'Harbour Authority',
      'Advertisement',
    ]) {
      await expect(reader(page)).not.toContainText(furniture);
    }
    await expect(
      reader(page).getByRole('heading', { name: 'Questions over the repair' }),
    ).toBeVisible();
    await expect(reader(page).locator('em')).toHaveText('normal levels');
    // None of its active content ran or loaded, in the reader, its header or the annotation
    // panel: no script, handler, frame, object, refresh, <base>, SVG script or CSS url().
    const paragraph = reader(page).getByText('Engineers reopened the eastern floodgates');
    await paragraph.hover();
    await paragraph.click();
    await dragSelect(page, 'about 2.4 million euros');
    await page.keyboard.press('4');
    await expect(annotationList(page).getByRole('listitem')).toContainText(
      'about 2.4 million euros',
    );
    await annotationList(page).getByRole('listitem').first().click();
    expect(await flagsSet(page)).toEqual([]);
    expect(await page.title()).toBe('Gloss');
    expect(active.requests).toEqual([]);
    expect(active.dialogs).toEqual([]);
    for (const host of HOSTILE_HOSTS) {
      expect(
        await page.locator(`[src*="${host}"], [href*="${host}"], [data*="${host}"]`).count(),
      ).toBe(0);
    }
    // The page holds no frame, object or embed, and no script but the app's own.
    expect(await page.locator('iframe, object, embed').count()).toBe(0);
    const scripts = await page.evaluate(() =>
      Array.from(document.scripts, (s) => s.src).filter(
        (src) => !src || new URL(src).origin !== location.origin || !src.includes('/assets/'),
      ),
    );
    expect(scripts).toEqual([]);

    // The Word file: heading, bold run and list as text.
    await library(page).getByText('Briefing on the Tessa corridor').click();
    await expect(
      reader(page).getByRole('heading', { name: 'Briefing on the Tessa corridor' }),
    ).toBeVisible();
    await expect(reader(page)).toContainText('Checkpoints reported 340 trucks in September.');
    await dragSelect(page, 'twice a week until the bridge at Orvik');
    await page.keyboard.press('1');
    await expect(annotationList(page).getByRole('listitem')).toContainText(
      'twice a week until the bridge at Orvik',
    );

    // The PDF: paragraphs joined from lines, page labels, and the page of each annotation.
    await library(page).getByText('Annual water report').click();
    await expect(reader(page)).toContainText('capacity at the end of August');
    await expect(reader(page).getByText('Page 2')).toBeVisible();
    await dragSelect(page, 'rationing of irrigation water');
    await page.keyboard.press('1');
    const item = annotationList(page).getByRole('listitem');
    await expect(item).toContainText('rationing of irrigation water');
    await expect(item).toContainText('p. 2');
    await expectSaved(page);
  });

  test('Markdown is shown with its headings, lists and emphasis, and annotated across them', async ({
    gloss,
  }) => {
    const md =
      '# Field notes\n\nThe convoy left *Haditha* at dawn.\n\n## Sightings\n\n- two trucks near the **old bridge**\n- a checkpoint at km 40\n';
    const page = await gloss.launch([writeTemp('notes.md', md)]);
    await expect(reader(page).getByRole('heading', { name: 'Sightings' })).toBeVisible();
    await expect(reader(page)).not.toContainText('##');
    await expect(reader(page).locator('em')).toHaveText('Haditha');
    await expect(reader(page).locator('strong')).toHaveText('old bridge');
    await dragSelect(page, 'convoy left Haditha at dawn');
    await page.keyboard.press('3');
    await expect(annotationList(page).getByRole('listitem')).toContainText(
      'convoy left Haditha at dawn',
    );
    await expectSaved(page);
  });
});

test('a long PDF shows its import progress, page by page, and the window stays usable', async ({
  gloss,
}) => {
  const pages = Array.from({ length: 300 }, (_, i) => [
    `Chapter ${i + 1} of the inquiry into the Kalden reservoir`,
    '',
    'Witnesses described the water levels in the dry season and the',
    'rationing that followed in the villages below the dam.',
  ]);
  const page = await gloss.launch();
  await openThroughUi(gloss, [writeTemp('inquiry.pdf', await makePdf(pages))]);
  const progress = page.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toHaveAttribute('aria-valuetext', /pages \d+ of 300/);
  // While it imports, the rest of the window still answers.
  await page.getByRole('button', { name: 'Undo' }).hover();
  await expect(page.getByRole('list', { name: 'Documents' })).toContainText('Annual water report', {
    timeout: 30_000,
  });
  await expect(progress).toHaveCount(0);
  await expect(reader(page).getByText('Page 300')).toBeAttached();
});

test.describe('bad files', () => {
  const zipBomb = () => {
    // A zip whose one entry claims 4 GB once inflated: refused from its directory, never inflated.
    const name = Buffer.from('word/document.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(16, 18);
    local.writeUInt32LE(0xfffffffe, 22);
    local.writeUInt16LE(name.length, 26);
    const data = Buffer.alloc(16);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(16, 20);
    central.writeUInt32LE(0xfffffffe, 24);
    central.writeUInt16LE(name.length, 28);
    const centralOffset = local.length + name.length + data.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(centralOffset, 16);
    return Buffer.concat([local, name, data, central, name, end]);
  };

  test('each unreadable file gets an alert that names it and what is wrong; nothing is added', async ({
    gloss,
  }) => {
    const page = await gloss.launch();
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]), /binary/i],
      ['latin.txt', new Uint8Array([0x41, 0xe9, 0x42]), /not valid UTF-8/i],
      ['empty.txt', '', /empty/i],
      ['broken.docx', 'this is not a zip file at all', /Word|docx|damaged/i],
      ['broken.pdf', '%PDF-1.7\n1 0 obj << /Type /Catalog', /PDF|damaged/i],
      ['bomb.docx', zipBomb(), /too large|bomb|uncompress/i],
      ['scan.pdf', await makePdf([[]]), /no text|scan/i],
    ];
    for (const [name, content, reason] of cases) {
      await openThroughUi(gloss, [writeTemp(name, content)]);
      const alert = page.getByRole('alert');
      await expect(alert, name).toContainText(`"${name}"`);
      await expect(alert, name).toContainText(reason);
      await alert.getByRole('button', { name: 'Dismiss error' }).click();
    }
    await expect(page.getByText('No documents yet.')).toBeVisible();
  });

  test('UTF-16 is read, and an unknown kind of file can be opened as plain text', async ({
    gloss,
  }) => {
    const page = await gloss.launch();
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Ankara talks resume\n\nDelegates met in Çankaya.\n', 'utf16le'),
    ]);
    await openThroughUi(gloss, [writeTemp('talks.txt', utf16)]);
    await expect(reader(page)).toContainText('Delegates met in Çankaya.');

    await openThroughUi(gloss, [
      writeTemp('field.log', 'Radio log\n\n06:10 patrol left the base.\n'),
    ]);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('"field.log"');
    if (gloss.host === 'web') {
      await alert.getByRole('button', { name: 'Open as plain text' }).click();
      await expect(reader(page)).toContainText('06:10 patrol left the base.');
      await expect(library(page).getByRole('listitem')).toHaveCount(2);
    }
  });

  test('paths on the command line that cannot be read are each named in an alert', async ({
    gloss,
  }) => {
    const dir = dirname(writeTemp('keep.txt', 'x'));
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const loop = join(dir, 'loop.txt');
    symlinkSync(loop, loop);
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'x'.repeat(2 * 1024 * 1024));
    const page = await gloss.launch(
      [join(dir, 'missing.txt'), folder, fifo, loop, big],
      ['--max-file-mb', '1'],
    );
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('"missing.txt" cannot be opened: there is no file');
    await expect(alert).toContainText('"a-folder" cannot be opened: it is a folder');
    await expect(alert).toContainText('"pipe.txt" cannot be opened: it is not a regular file');
    await expect(alert).toContainText('"loop.txt" cannot be opened');
    await expect(alert).toContainText('"big.txt" cannot be opened: it is 2 MB, more than the 1 MB');
    await expect(page.getByText('No documents yet.')).toBeVisible();
  });
});
