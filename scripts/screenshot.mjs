#!/usr/bin/env node
// Makes docs/screenshot.png for the README: the web host on a fresh workspace with the sample
// articles, a few annotations made through the same HTTP API the renderer uses, in Chromium.
// Run `npm run build` first.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const workspace = mkdtempSync(join(tmpdir(), 'gloss-shot-'));
const host = spawn(
  process.execPath,
  ['out/main/web-host.js', '--workspace', workspace, '--port', '0'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const url = await new Promise((resolve, reject) => {
  let out = '';
  host.stdout.on('data', (d) => {
    out += d;
    const m = /Gloss is running at (\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
  host.on('exit', (code) => reject(new Error(`web host exited with ${code}`)));
});
const { origin, searchParams } = new URL(url);
const token = searchParams.get('token');

async function call(method, payload) {
  const res = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': token },
    body: JSON.stringify({ payload }),
  });
  const result = await res.json();
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

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

  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
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
  host.kill('SIGTERM');
  rmSync(workspace, { recursive: true, force: true });
}
