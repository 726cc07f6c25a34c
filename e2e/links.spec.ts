import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { writeTemp } from './documents';

// Links in documents are data: a plain click selects text as it always did, and only
// Ctrl/Cmd+click on an http(s) link asks to open it in a new browser tab (noopener,
// noreferrer). javascript:, mailto: and other links open nothing. The desktop app asks with a
// native box instead (src/main/ipc.ts openLinkWithDialog, tested in src/main/ipc.test.ts).

const REPORT = 'https://reports.example/varna?page=2';
const LINKED = `# Varna lock

Read [the full report](${REPORT}) before the meeting.

Do not [click this](javascript:window.pwnedLink=true), nor [write to the desk](mailto:desk@ledger.example).
`;

const reader = (page: Page) => page.getByRole('document', { name: 'Document text' });

/** Lets a click's consequences (a dialog, a new tab) happen, if any were to. */
const settle = (page: Page) => page.waitForTimeout(400);

test('Ctrl+click opens an https link in the browser after asking; nothing else opens anything', async ({
  gloss,
}) => {
  test.skip(gloss.host !== 'web', 'the desktop app asks with a native box (unit-tested)');
  const page = await gloss.launch([writeTemp('varna.md', LINKED)]);
  const context = page.context();

  // Nothing may reach the network: requests to any other host are recorded and aborted.
  const requested: string[] = [];
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.protocol !== 'data:',
    async (route) => {
      requested.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  const dialogs: string[] = [];
  let answer: 'accept' | 'dismiss' = 'dismiss';
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
  });
  const opened: Page[] = [];
  context.on('page', (p) => opened.push(p));

  const link = reader(page).locator('.link', { hasText: 'the full report' });
  await expect(link).toHaveAttribute('title', REPORT);

  // A plain click is an ordinary click in the text: no question, no tab.
  await link.click();
  await settle(page);
  expect(dialogs).toEqual([]);
  expect(opened).toEqual([]);

  // Ctrl+click asks first; Cancel opens nothing.
  await link.click({ modifiers: ['Control'] });
  await expect.poll(() => dialogs).toEqual([`confirm: Open ${REPORT} in your browser?`]);
  await settle(page);
  expect(opened).toEqual([]);
  expect(requested).toEqual([]);

  // OK opens a new tab at that address (its request is aborted before the network).
  answer = 'accept';
  const tab = context.waitForEvent('page');
  await link.click({ modifiers: ['Control'] });
  const popup = await tab;
  await expect.poll(() => requested).toEqual([REPORT]);
  expect(dialogs).toHaveLength(2);
  expect(opened).toEqual([popup]);
  // noopener: the new tab cannot reach back into Gloss.
  expect(
    popup.url() === 'about:blank' ||
      popup.url().startsWith('chrome-error:') ||
      popup.url() === REPORT,
  ).toBe(true);

  // The javascript: link is no link at all in the reader; the mailto: link opens nothing.
  await expect(reader(page).getByText('click this')).toBeVisible();
  expect(await reader(page).locator('.link', { hasText: 'click this' }).count()).toBe(0);
  await reader(page)
    .getByText('click this')
    .click({ modifiers: ['Control'] });
  await reader(page)
    .locator('.link', { hasText: 'write to the desk' })
    .click({ modifiers: ['Control'] });
  await settle(page);
  expect(dialogs).toHaveLength(2);
  expect(opened).toHaveLength(1);
  expect(requested).toEqual([REPORT]);
  expect(await page.evaluate(() => (window as { pwnedLink?: boolean }).pwnedLink)).toBeUndefined();
  expect(page.url()).toContain('127.0.0.1');
});
