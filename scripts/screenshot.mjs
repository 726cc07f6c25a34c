#!/usr/bin/env node
// Makes the README's screenshots: the web host on a fresh workspace with the sample articles and
// an Arabic article of our own, annotated through the same HTTP API the renderer uses, shown in
// Chromium. Run `npm run build` first.
//   docs/screenshot.png       light theme: library, reader with highlights, a selected note
//   docs/screenshot-dark.png  the same in the dark theme
//   docs/arabic.png           a right-to-left document, annotated
//   docs/places.png           the map of places of every document
//   docs/overview.png         the overview of the workspace
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath, startHost } from './web-host-process.mjs';

// A short article of our own (fictional), right to left, with English names and numbers inside.
const ARABIC = `مجلس المدينة يوافق على توسيع الميناء

وافق مجلس مدينة الساحل يوم الثلاثاء على بناء رصيف جديد بطول 3.5 كيلومتر في الميناء الشرقي، بعد جلسة استمرت أكثر من خمس ساعات.

وقالت رئيسة البلدية ليلى حداد في مؤتمر صحفي: "لن ننتظر العاصفة القادمة، فالرصيف القديم لم يعد يحمي أحدا".

ويقدر المهندسون أن تبلغ تكلفة المشروع نحو 25 مليون دولار وأن يستغرق ثلاث سنوات، على أن تموله الحكومة والبلدية مناصفة.

وقال المهندس John Carter من شركة Harbor Works إن العمل سيبدأ في مارس 2027 بمشاركة 120 عاملا.

واعترض سكان حي الصيادين على الخطة وقالوا إنها تتجاهل 60 قاربا في المرفأ القديم، وإن أحدا لم يستشرهم.
`;

const root = join(import.meta.dirname, '..');
const workspace = mkdtempSync(join(tmpdir(), 'gloss-shot-'));
const arabicPath = join(mkdtempSync(join(tmpdir(), 'gloss-shot-doc-')), 'ميناء-الساحل.txt');
writeFileSync(arabicPath, ARABIC);
// Given on the command line, as an analyst would open it: imported as the host starts.
const { url, call, stop } = await startHost(root, workspace, [arabicPath]);

/** Tags the first match of each pattern; returns the ids, in order (null where none matched). */
async function tagAll(documentId, marks) {
  const { text } = await call('openDocument', { documentId });
  const ids = [];
  for (const [tag, pattern] of marks) {
    const m = pattern.exec(text);
    if (!m) {
      ids.push(null);
      continue;
    }
    const mutation = await call('createAnnotation', {
      documentId,
      tag,
      start: m.index,
      end: m.index + m[0].length,
    });
    ids.push(mutation.changes[0].id);
  }
  return ids;
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const imported = await call('importSamples');
  const doc =
    imported.find((r) => /border/i.test(r.document.sourceName))?.document ?? imported[0].document;
  const [, claim] = await tagAll(doc.id, [
    ['figure', /over \d+ kilometres of concrete wall/],
    ['claim', /Mauritania's interior ministry says[^,]*/],
    ['location', /Hodh El Chargui/],
    ['quote', /“[^”]{20,160}”/],
    ['figure', /\$[\d.]+ (?:million|bn|billion)/],
  ]);
  if (claim) {
    await call('updateAnnotation', {
      documentId: doc.id,
      id: claim,
      note: 'Ministry figure; the watchdog counts far less from satellite images.',
    });
    await call('updateAnnotation', {
      documentId: doc.id,
      id: claim,
      detailsPatch: { status: 'disputed', claimant: "Mauritania's interior ministry" },
    });
  }
  // The other samples: a figure, a quote and a claim each, for the overview.
  for (const { document } of imported.filter((r) => r.document.id !== doc.id)) {
    await tagAll(document.id, [
      ['figure', /\b\d[\d,.]* (?:people|kilometres|km|metres|million|percent|tonnes)\b/],
      ['quote', /“[^”]{20,160}”/],
      ['claim', /[^.]* (?:said|says) [^.]{10,120}\./],
    ]);
  }

  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const show = async (scheme, path) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    // A frame and a moment for the map's fade and the highlights (a string: it runs in the page).
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 150)))');
    await page.screenshot({ path });
  };
  await page.goto(url);
  await page.getByRole('list', { name: 'Documents' }).getByText(doc.title).click();
  await page.getByRole('list', { name: 'Annotations' }).getByRole('button').first().click();
  await show('light', 'docs/screenshot.png');
  await show('dark', 'docs/screenshot-dark.png');

  // The Arabic article, annotated.
  const arabicDoc = (await call('getWorkspace')).documents.find((d) => /الميناء/.test(d.title));
  if (arabicDoc) {
    const [figure, , , quote] = await tagAll(arabicDoc.id, [
      ['figure', /3\.5 كيلومتر/],
      ['location', /الميناء الشرقي/],
      ['figure', /نحو 25 مليون دولار/],
      ['quote', /"لن ننتظر[^"]+"/],
      ['claim', /إنها تتجاهل 60 قاربا في المرفأ القديم/],
    ]);
    if (quote)
      await call('updateAnnotation', {
        documentId: arabicDoc.id,
        id: quote,
        detailsPatch: { speaker: 'ليلى حداد' },
      });
    await page.reload();
    await page.getByRole('list', { name: 'Documents' }).getByText(arabicDoc.title).click();
    if (figure)
      await page.getByRole('list', { name: 'Annotations' }).getByRole('button').first().click();
    await show('light', 'docs/arabic.png');
  } else console.warn('the Arabic article could not be imported; docs/arabic.png not made');

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
  await page.getByRole('list', { name: 'Documents' }).getByText(doc.title).click();
  await page.getByRole('button', { name: 'Places' }).click();
  const places = page.getByRole('region', { name: 'Places' });
  await places.getByRole('radio', { name: 'All documents' }).check();
  await places
    .getByRole('button', { name: /mention/ })
    .first()
    .press('Enter');
  await page.getByRole('list', { name: /^Passages at/ }).waitFor();
  await show('light', 'docs/places.png');
  await page.getByRole('button', { name: 'Close places' }).click();

  // The overview of the whole workspace.
  await page.keyboard.press('Control+Shift+O');
  const overview = page.getByRole('region', { name: 'Overview' });
  await overview.getByRole('button', { name: 'Whole workspace' }).click();
  await overview.getByRole('table', { name: /^Figures/ }).waitFor();
  await show('light', 'docs/overview.png');
  console.log(
    'wrote docs/screenshot.png, screenshot-dark.png, arabic.png, places.png, overview.png',
  );
} finally {
  await browser.close();
  await stop();
  rmSync(workspace, { recursive: true, force: true });
}
