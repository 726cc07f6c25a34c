import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, AnnotationFile } from '../core/model';
import type { JournalEntry } from './annotation-journal';
import {
  JournalFile,
  journalLine,
  journalPathFor,
  parseJournal,
  readJournal,
  replayJournal,
} from './annotation-journal';
import { CorruptFileError, NewerFormatError } from './durable-json-file';
import { removeFolder, tempFolder, utf8 } from './test-support';

const HASH = 'c'.repeat(64);

function annotation(n: number, over: Partial<Annotation> = {}): Annotation {
  return {
    id: `ann-${n}`,
    documentId: 'doc',
    tag: 'claim',
    start: n * 10,
    end: n * 10 + 5,
    quote: 'quote',
    prefix: '',
    suffix: '',
    textHash: HASH,
    note: '',
    details: {},
    created: '2026-03-04T05:06:07.000Z',
    modified: '2026-03-04T05:06:07.000Z',
    ...over,
  };
}

function file(annotations: Annotation[], rejected?: string[]): AnnotationFile {
  return {
    schemaVersion: 1,
    documentId: 'doc',
    annotations,
    ...(rejected ? { rejected } : {}),
  };
}

const line = (entry: Omit<JournalEntry, 'v'>) => journalLine({ v: 1, ...entry });

describe('journalPathFor', () => {
  it('names the journal beside the snapshot', () => {
    expect(journalPathFor(join('ws', 'annotations', 'doc-1.json'))).toBe(
      join('ws', 'annotations', 'doc-1.journal'),
    );
  });
});

describe('parseJournal', () => {
  const a1 = annotation(1);
  const a2 = annotation(2);
  const good = line({ put: [a1] }) + line({ remove: ['ann-9'], reject: ['k'] });

  it('reads every complete line, in order', () => {
    const parsed = parseJournal(utf8(good + line({ put: [a2] })), 'x.journal', 'doc');
    expect(parsed.entries).toEqual([
      { v: 1, put: [a1] },
      { v: 1, remove: ['ann-9'], reject: ['k'] },
      { v: 1, put: [a2] },
    ]);
    expect(parsed.tornBytes).toBe(0);
    expect(parsed.goodBytes).toBe(utf8(good + line({ put: [a2] })).length);
  });

  it('reads an empty journal as no lines', () => {
    expect(parseJournal(new Uint8Array(), 'x.journal', 'doc')).toEqual({
      entries: [],
      goodBytes: 0,
      tornBytes: 0,
    });
  });

  it('ignores a last line without its newline: an append cut short', () => {
    const torn = line({ put: [a2] }).slice(0, 30);
    const parsed = parseJournal(utf8(good + torn), 'x.journal', 'doc');
    expect(parsed.entries).toHaveLength(2);
    expect(parsed.goodBytes).toBe(utf8(good).length);
    expect(parsed.tornBytes).toBe(utf8(torn).length);
  });

  it('ignores a last line cut inside a multi-byte character', () => {
    const full = utf8(line({ put: [annotation(2, { note: 'Größe 😀' })] }));
    const cut = full.subarray(0, full.indexOf(0xf0) + 2);
    const bytes = new Uint8Array([...utf8(good), ...cut]);
    expect(parseJournal(bytes, 'x.journal', 'doc').entries).toHaveLength(2);
  });

  it('ignores a complete last line that is not JSON (garbage left by a crash)', () => {
    const parsed = parseJournal(utf8(`${good}\u0000\u0000\u0000\n`), 'x.journal', 'doc');
    expect(parsed.entries).toHaveLength(2);
    expect(parsed.tornBytes).toBe(4);
  });

  it('refuses a damaged line in the middle, naming the line', () => {
    const bytes = utf8(line({ put: [a1] }) + '{"v":1,"put":[{"id\n' + line({ put: [a2] }));
    expect(() => parseJournal(bytes, 'x.journal', 'doc')).toThrow(CorruptFileError);
    expect(() => parseJournal(bytes, 'x.journal', 'doc')).toThrow(
      'x.journal could not be read (line 2 is not valid JSON)',
    );
  });

  it('refuses a damaged line followed by a torn one', () => {
    const bytes = utf8(`${line({ put: [a1] })}oops\n{"v":1,"pu`);
    expect(() => parseJournal(bytes, 'x.journal', 'doc')).toThrow('line 2 is not valid JSON');
  });

  it('refuses invalid UTF-8 in the middle', () => {
    const bytes = new Uint8Array([...utf8(line({ put: [a1] })), 0xff, 0x0a, ...utf8(good)]);
    expect(() => parseJournal(bytes, 'x.journal', 'doc')).toThrow('line 2 is not valid UTF-8 text');
  });

  it('refuses a complete line that breaks the schema, even the last one', () => {
    const bad = JSON.stringify({ v: 1, put: [{ ...a1, end: -3 }] });
    expect(() => parseJournal(utf8(`${good}${bad}\n`), 'x.journal', 'doc')).toThrow(
      /line 3 does not have the expected content: put\[0\]\.end: /,
    );
    expect(() => parseJournal(utf8(`${good}{"v":1,"move":[]}\n`), 'x.journal', 'doc')).toThrow(
      CorruptFileError,
    );
  });

  it('refuses an annotation of another document', () => {
    const bytes = utf8(line({ put: [annotation(3, { documentId: 'other' })] }));
    expect(() => parseJournal(bytes, 'x.journal', 'doc')).toThrow(
      'line 1 holds an annotation of another document, other',
    );
  });

  it('reports a line from a newer Gloss as such', () => {
    const bytes = utf8(`${good}{"v":2,"whatever":true}\n`);
    expect(() => parseJournal(bytes, 'x.journal', 'doc')).toThrow(NewerFormatError);
  });

  it('skips blank lines and a byte-order mark', () => {
    const parsed = parseJournal(
      utf8(`\uFEFF${line({ put: [a1] })}\n${line({ put: [a2] })}`),
      'x',
      'doc',
    );
    expect(parsed.entries.map((e) => e.put?.[0]?.id)).toEqual(['ann-1', 'ann-2']);
    expect(parsed.tornBytes).toBe(0);
  });
});

describe('replayJournal', () => {
  it('removes, then puts (replacing in place or appending), then adds rejected keys', () => {
    const data = file([annotation(1), annotation(2), annotation(3)]);
    replayJournal(data, [
      { v: 1, put: [annotation(2, { note: 'edited' }), annotation(4)] },
      { v: 1, remove: ['ann-1', 'ann-404'], reject: ['k1'] },
      { v: 1, remove: ['ann-3'], put: [annotation(3, { note: 'back' })], reject: ['k1', 'k2'] },
    ]);
    expect(data.annotations).toEqual([
      annotation(2, { note: 'edited' }),
      annotation(4),
      annotation(3, { note: 'back' }),
    ]);
    expect(data.rejected).toEqual(['k1', 'k2']);
  });

  it('leaves a state that already holds the changes as it is', () => {
    const entries: JournalEntry[] = [
      { v: 1, put: [annotation(2, { note: 'edited' }), annotation(4)] },
      { v: 1, remove: ['ann-1'], reject: ['k1'] },
      { v: 1, remove: ['ann-3'], put: [annotation(5), annotation(3, { note: 'back' })] },
    ];
    const once = file([annotation(1), annotation(2), annotation(3)], ['k0']);
    replayJournal(once, entries);
    const twice = structuredClone(once);
    replayJournal(twice, entries);
    expect(twice).toEqual(once);
  });

  it('adds no rejected list when there is none to add', () => {
    const data = file([annotation(1)]);
    replayJournal(data, [{ v: 1, put: [annotation(2)] }]);
    expect(data).not.toHaveProperty('rejected');
  });
});

describe('JournalFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempFolder();
  });
  afterEach(async () => {
    await removeFolder(dir);
  });

  it('appends lines, creating the file (and its folder) on the first one', async () => {
    const path = join(dir, 'annotations', 'doc.journal');
    const journal = new JournalFile(path);
    await journal.append(line({ put: [annotation(1)] }), true);
    await journal.append(line({ remove: ['ann-1'] }), false);
    expect(await readFile(path, 'utf8')).toBe(
      line({ put: [annotation(1)] }) + line({ remove: ['ann-1'] }),
    );
    expect((await readJournal(path, 'doc'))?.entries).toHaveLength(2);
  });

  it('cuts a torn tail off, then removes the file', async () => {
    const path = join(dir, 'doc.journal');
    const good = line({ put: [annotation(1)] });
    await writeFile(path, `${good}{"v":1,"put":[{"i`);
    const journal = new JournalFile(path);
    await journal.truncate(utf8(good).length);
    expect(await readFile(path, 'utf8')).toBe(good);
    await journal.remove();
    expect(await readdir(dir)).toEqual([]);
    await journal.truncate(0); // nothing there: nothing to do
    expect(await readJournal(path, 'doc')).toBeNull();
  });
});
