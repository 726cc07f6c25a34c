import { chromium } from '@playwright/test';
import { startHost } from '/work/main/bench/scale/host.mjs';
import * as g from '/work/main/bench/scale/measure-gloss.mjs';
const host = await startHost('/work/main', '/tmp/scaletest/ws');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
try {
  const app = await g.openApp(browser, host.url);
  console.log(await g.openDocument(app.page, "Scale 20 KB × 100"));
  await g.settle(app.page, 300);
  const p = g.addEditDelete(app.page);
  await new Promise(r => setTimeout(r, 5000));
  console.log(await app.page.evaluate(() => JSON.stringify(window.__bench.marks)));
  console.log(await app.page.evaluate(() => [document.getElementById('annotation-tag')?.value, document.querySelector('[role=status]').textContent, performance.getEntriesByType('resource').map(e => e.name)]));
  await app.page.screenshot({ path: '/tmp/scaletest/shot.png' });
  console.log(await p);
} finally { await browser.close(); await host.stop(); }
