import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestServices, removeFolder, tempFolder, unwrap } from '../services/test-support';
import { runCli } from './run';

const TEXT = 'The council voted to build 4.2 km of wall, said Mayor Ilse Brandt in Bremen.\n';

describe('gloss (command line)', () => {
  let dir: string;
  let workspace: string;
  let out: string;
  let err: string;
  const run = (...argv: string[]) => {
    out = '';
    err = '';
    return runCli(argv, {
      out: (t) => (out += t),
      err: (t) => (err += t),
      cwd: dir,
      defaultWorkspace: join(dir, 'default-ws'),
    });
  };

  beforeEach(async () => {
    dir = await tempFolder();
    workspace = join(dir, 'ws');
    const services = await openTestServices(workspace);
    const doc = unwrap(
      await services.importFile({ name: 'wall.txt', bytes: new TextEncoder().encode(TEXT) }),
    ).document;
    const start = TEXT.indexOf('4.2 km');
    unwrap(
      await services.createAnnotation({ documentId: doc.id, tag: 'figure', start, end: start + 6 }),
    );
    const claim = TEXT.indexOf('The council voted');
    unwrap(
      await services.createAnnotation({
        documentId: doc.id,
        tag: 'claim',
        start: claim,
        end: claim + 17,
      }),
    );
    await services.close();
  });

  afterEach(() => removeFolder(dir));

  it('prints its usage with --help, and exits 2 with a reason for wrong usage', async () => {
    expect(await run('--help')).toBe(0);
    expect(out).toMatch(/gloss export .*--format json\|w3c\|csv\|md\|html/);
    expect(await run('export', '--format', 'xml')).toBe(2);
    expect(err).toMatch(/Unknown format "xml"/);
    expect(await run()).toBe(2);
  });

  it('refuses a folder that is not a workspace, and creates nothing there', async () => {
    expect(await run('list', '--workspace', 'nowhere')).toBe(1);
    expect(err).toMatch(/there is no Gloss workspace at .*nowhere \(no such folder\)/);
  });

  it('lists documents, and exports each format to standard output or a file', async () => {
    expect(await run('list', '--workspace', 'ws')).toBe(0);
    expect(out).toMatch(/\t2\twall\.txt|\t2\t/);

    expect(await run('export', '--workspace', 'ws', '--format', 'json')).toBe(0);
    expect(JSON.parse(out).annotations).toHaveLength(2);

    expect(
      await run(
        'export',
        '--workspace',
        'ws',
        '--format',
        'csv',
        '--tag',
        'Figure',
        '-o',
        'out.csv',
      ),
    ).toBe(0);
    const rows = parse(await readFile(join(dir, 'out.csv')), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tag: 'Figure', quote: '4.2 km', value: '4.2', unit: 'km' });

    expect(await run('export', '--workspace', 'ws', '--format', 'w3c')).toBe(0);
    expect(JSON.parse(out)['@context']).toContain('http://www.w3.org/ns/anno.jsonld');
    expect(await run('export', '--workspace', 'ws', '--format', 'md')).toBe(0);
    expect(out).toMatch(/^# /m);
    expect(await run('export', '--workspace', 'ws', '--format', 'html', '-o', 'r.html')).toBe(0);
    expect(await readFile(join(dir, 'r.html'), 'utf8')).toMatch(/^<!doctype html>/i);

    expect(await run('export', '--workspace', 'ws', '--format', 'json', '--document', 'nope')).toBe(
      1,
    );
    expect(err).toMatch(/no document "nope"/);
    expect(await run('export', '--workspace', 'ws', '--format', 'json', '--tag', 'nope')).toBe(1);
    expect(err).toMatch(/no tag "nope"/);
  });

  it('imports an export into another workspace, then skips it the second time', async () => {
    expect(await run('export', '--workspace', 'ws', '--format', 'json', '-o', 'all.json')).toBe(0);
    await mkdir(join(dir, 'other'));
    expect(await run('import', '--workspace', 'other', 'all.json'), err).toBe(0);
    expect(out).toMatch(/2 added, 0 already here/);
    expect(await run('import', '--workspace', 'other', 'all.json')).toBe(0);
    expect(out).toMatch(/0 added, 2 already here/);
    expect(await run('export', '--workspace', 'other', '--format', 'json')).toBe(0);
    const again = JSON.parse(out);
    const original = JSON.parse(await readFile(join(dir, 'all.json'), 'utf8'));
    expect(again.annotations).toEqual(original.annotations);
  });

  it('refuses a hostile or broken file with exit 1, changing nothing', async () => {
    await writeFile(
      join(dir, 'bad.json'),
      '{"format":"gloss","version":1,"documents":[],"annotations":[],"__proto__":{}}',
    );
    expect(await run('import', '--workspace', 'ws', 'bad.json')).toBe(1);
    expect(err).toMatch(/__proto__/);
    await writeFile(join(dir, 'broken.json'), '{"format":');
    expect(await run('import', '--workspace', 'ws', 'broken.json')).toBe(1);
    expect(err).toMatch(/not a JSON file/);
    expect(await run('import', '--workspace', 'ws', 'missing.json')).toBe(1);
    expect(err).toMatch(/no file at/);
    expect(await run('export', '--workspace', 'ws', '--format', 'json')).toBe(0);
    expect(JSON.parse(out).annotations).toHaveLength(2);
  });

  it('does not import behind a running Gloss, which holds the workspace', async () => {
    const app = await openTestServices(workspace, { lockAs: 'Gloss' });
    await writeFile(
      join(dir, 'empty.json'),
      '{"format":"gloss","version":1,"documents":[],"annotations":[]}',
    );
    // The lock is this test process's own: stand in for another process by naming the parent.
    const lock = JSON.parse(await readFile(join(workspace, 'gloss.lock'), 'utf8'));
    await writeFile(join(workspace, 'gloss.lock'), JSON.stringify({ ...lock, pid: process.ppid }));
    expect(await run('import', '--workspace', 'ws', 'empty.json')).toBe(1);
    expect(err).toMatch(/the workspace is open in Gloss \(process \d+/);
    await app.close();
  });
});
