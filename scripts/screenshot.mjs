#!/usr/bin/env node
// Makes docs/screenshot.png for the README: the web host on a fresh workspace with the sample
// articles, a few annotations made through the same HTTP API the renderer uses, in Chromium.
// Run `npm run build` first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath, startHost } from './web-host-process.mjs';

const workspace = mkdtempSync(join(tmpdir(), 'gloss-shot-'));
const root = join(import.meta.dirname, '..');
const { url, call, stop } = await startHost(root, workspace);

try {
  const imported = await call('importSamples');
  const doc =
    imported.find((r) => /border/i.test(r.document.sourceName))?.document ?? imported[0].document;
  const { text } = await call('openDocument', { documentId: doc.id });
  const marks = [
    ['figure', /over \d+ kilometres of concrete wall/],
    ['claim', /Mauritania's interior ministry says[^,]*/],
    ['location', /Hodh El Chargui/],
    ['quote', /“[^”]{20,160}”/],
    ['figure', /\$[\d.]+ (?:million|bn|billion)/],
  ];
  let first = null;
  for (const [tag, pattern] of marks) {
    const m = pattern.exec(text);
    if (!m) continue;
    const mutation = await call('createAnnotation', {
      documentId: doc.id,
      tag,
      start: m.index,
      end: m.index + m[0].length,
    });
    first ??= mutation.changes[0].id;
  }
  if (first)
    await call('updateAnnotation', {
      documentId: doc.id,
      id: first,
      note: 'Ministry figure; the watchdog counts far less from satellite images.',
    });

  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

  const page = await browser.newPage({
    viewport: { width: 1400, height: 860 },
    deviceScaleFactor: 1,
  });
  await page.goto(url);
  await page.getByRole('list', { name: 'Documents' }).getByText(doc.title).click();
  await page.getByRole('list', { name: 'Annotations' }).getByRole('button').first().click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await page.screenshot({ path: 'docs/screenshot.png' });

  // The places map: every sample's suggested places accepted, shown for the whole workspace.
  for (const { document } of imported) {
    const suggestions = await call('suggest', { documentId: document.id });
    for (const s of suggestions.filter((s) => s.tag === 'location'))
      await call('createAnnotation', {
        documentId: document.id,
        tag: 'location',
        start: s.start,
        end: s.end,
        details: s.details,
      });
  }
  await page.reload();
  await page.getByRole('button', { name: 'Places' }).click();
  const places = page.getByRole('region', { name: 'Places' });
  await places.getByRole('radio', { name: 'All documents' }).check();
  await places
    .getByRole('button', { name: /mention/ })
    .first()
    .press('Enter');
  await page.getByRole('list', { name: /^Passages at/ }).waitFor();
  await page.screenshot({ path: 'docs/places.png' });
  await browser.close();
  console.log('wrote docs/screenshot.png and docs/places.png');
} finally {
  await stop();
  rmSync(workspace, { recursive: true, force: true });
}
