import { chromium } from '@playwright/test';
import { startHost } from '/work/main/bench/scale/host.mjs';
import * as g from '/work/main/bench/scale/measure-gloss.mjs';
const host = await startHost('/work/main', '/tmp/scaletest/ws');
console.log('ready', host.readyMs, host.url);
const ws = await host.call('getWorkspace');
console.log('problem', ws.problem, ws.documents.length, ws.readOnly);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
try {
  const app = await g.openApp(browser, host.url);
  for (const title of process.argv.slice(2)) {
    console.log(title, await g.openDocument(app.page, title));
    await g.settle(app.page, 300);
    console.log(await g.domCounts(app.page));
    console.log('heap', await g.heapMb(app.cdp));
    console.log(JSON.stringify(await g.addEditDelete(app.page)));
    console.log(await g.scrollThrough(app.page, 120));
  }
  console.log('errors', app.errors);
} finally { await browser.close(); await host.stop(); }
