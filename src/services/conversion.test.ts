import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conversion } from './conversion';
import { localConversion, workerConversion } from './conversion';
import { openTestServices, removeFolder, tempFolder, utf8 } from './test-support';

// The conversion worker's protocol, over a fake converter: a file's text is its name, reported
// in two steps of progress; "hang.html" never finishes, "huge.html" exhausts the memory.
const FAKE_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, method, args: [name, bytes, options] }) => {
  const post = (m) => parentPort.postMessage({ id, ...m });
  if (method !== 'convert') return post({ ok: false, message: 'no method ' + method });
  if (name === 'hang.html') return;
  if (name === 'huge.html') { const keep = []; for (;;) keep.push(new Array(1e6).fill(1)); }
  post({ progress: [1, 2] });
  post({ progress: [2, 2] });
  const text = name + ':' + bytes.length + (options.asText ? ':as-text' : '');
  post({ ok: true, value: { ok: true, value: { format: 'html', document: { text, blocks: [], marks: [], metadata: {} } } } });
});
`;

describe('workerConversion', () => {
  let dir: string;
  let conversion: Conversion;

  beforeEach(async () => {
    dir = await tempFolder();
    await writeFile(join(dir, 'worker.js'), FAKE_WORKER);
    conversion = workerConversion(join(dir, 'worker.js'), { memoryMb: 32 });
  });

  afterEach(async () => {
    await conversion.close();
    await removeFolder(dir);
  });

  it('converts in the thread, with its progress and options', async () => {
    const steps: string[] = [];
    const result = await conversion.convert('page.html', utf8('<p>Hi</p>'), {
      asText: true,
      onProgress: (done, total) => steps.push(`${done}/${total}`),
    });
    expect(result.ok && result.value.document.text).toBe('page.html:9:as-text');
    expect(steps).toEqual(['1/2', '2/2']);
  });

  it('fails a conversion that hangs alone, and goes on', async () => {
    await conversion.close();
    conversion = workerConversion(join(dir, 'worker.js'), { stallMs: 1500 });
    const hung = conversion.convert('hang.html', utf8('x'));
    const next = conversion.convert('next.html', utf8('x'));
    expect(await hung).toEqual({
      ok: false,
      error: {
        kind: 'stopped',
        message: 'the conversion stopped: it made no progress for 1.5 seconds',
      },
    });
    expect((await next).ok).toBe(true);
  });

  it('fails a conversion that runs out of memory alone, and goes on', async () => {
    expect(await conversion.convert('huge.html', utf8('x'))).toEqual({
      ok: false,
      error: { kind: 'stopped', message: 'the conversion stopped: it ran out of memory' },
    });
    expect((await conversion.convert('after.html', utf8('x'))).ok).toBe(true);
  });

  it('is what the services import with, and its failure names the file', async () => {
    const services = await openTestServices(join(dir, 'ws'), { conversion });
    try {
      const stuck = await services.importFile({ name: 'huge.html', bytes: utf8('<p>x</p>') });
      expect(stuck).toEqual({
        ok: false,
        error: {
          code: 'bad-file',
          message: '"huge.html" cannot be opened: the conversion stopped: it ran out of memory.',
        },
      });
      const page = await services.importFile({ name: 'page.html', bytes: utf8('<p>x</p>') });
      expect(page.ok && page.value.document.title).toBeTruthy();
      expect((await services.getWorkspace()).ok).toBe(true);
    } finally {
      await services.close();
    }
  });
});

describe('localConversion', () => {
  it('converts in this thread', async () => {
    const result = await localConversion().convert('a.txt', utf8('Plain words.'));
    expect(result.ok && result.value.document.text).toBe('Plain words.');
  });
});
