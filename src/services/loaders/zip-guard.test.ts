import { describe, expect, it } from 'vitest';
import { makeZip } from './test-support';
import type { ZipLimits } from './zip-guard';
import {
  DEFAULT_ZIP_LIMITS,
  checkZip,
  checkZipContents,
  readZipDirectory,
  readZipEntry,
} from './zip-guard';

const limits: ZipLimits = {
  maxEntries: 100,
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxRatio: 100,
};

function errorOf(r: { ok: true } | { ok: false; error: { kind: string; message: string } }) {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('checkZip', () => {
  it('accepts an honest archive and reads its directory', () => {
    const zip = makeZip([
      { name: 'word/document.xml', data: '<w:document>hello</w:document>' },
      { name: 'docProps/core.xml', data: 'stored', store: true },
    ]);
    expect(checkZip(zip, limits)).toEqual({ ok: true, value: undefined });
    expect(checkZipContents(zip, limits)).toEqual({ ok: true, value: undefined });
    const directory = readZipDirectory(zip);
    if (!directory.ok) throw new Error('unreadable');
    expect(directory.value.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['word/document.xml', 8, 30],
      ['docProps/core.xml', 0, 6],
    ]);
    const entry = readZipEntry(zip, directory.value[0]!);
    expect(entry.ok && new TextDecoder().decode(entry.value)).toBe(
      '<w:document>hello</w:document>',
    );
  });

  it('refuses what is not a ZIP archive, or only the start of one', () => {
    expect(
      errorOf(checkZip(new TextEncoder().encode('just some text, not a zip'), limits)),
    ).toEqual({
      kind: 'corrupt',
      message: 'it is not a ZIP archive',
    });
    expect(errorOf(checkZip(new Uint8Array(), limits)).kind).toBe('corrupt');
    const zip = makeZip([{ name: 'a.xml', data: 'x'.repeat(500) }]);
    expect(errorOf(checkZip(zip.subarray(0, 40), limits)).message).toMatch(/cut short/);
  });

  it('refuses a directory that points past the end of the file', () => {
    const zip = makeZip([{ name: 'a.xml', data: 'hello' }]);
    const broken = zip.slice();
    // The directory's offset, in the end record, now points far away.
    new DataView(broken.buffer).setUint32(broken.length - 6, 0x7fffffff, true);
    expect(errorOf(checkZip(broken, limits))).toEqual({
      kind: 'corrupt',
      message: 'it is cut short: its directory is missing',
    });
  });

  it('refuses a zip bomb: one entry declaring gigabytes', () => {
    const zip = makeZip([{ name: 'word/document.xml', data: 'tiny', declaredSize: 0xfffffff0 }]);
    const error = errorOf(checkZip(zip, limits));
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(
      'it would unpack to 4 GB or more, more than the 200 MB Gloss accepts; it looks like a “zip bomb”',
    );
  });

  it('reads ZIP64 sizes from the extra field', () => {
    const bomb = makeZip([
      { name: 'big.xml', data: 'tiny', zip64: true, declaredSize: 5 * 2 ** 32 },
    ]);
    expect(errorOf(checkZip(bomb, limits)).message).toMatch(/unpack to 20 GB or more/);
    const honest = makeZip([{ name: 'small.xml', data: 'tiny', zip64: true }]);
    expect(checkZipContents(honest, limits).ok).toBe(true);
  });

  it('refuses a ZIP64 entry without its extra field', () => {
    const zip = makeZip([{ name: 'a.xml', data: 'x', declaredSize: 0xffffffff }]);
    expect(errorOf(checkZip(zip, limits))).toEqual({
      kind: 'corrupt',
      message: 'its entry "a.xml" has damaged ZIP64 sizes',
    });
  });

  it('refuses a real, highly compressed entry by its ratio', () => {
    // 8 MB of zeros deflate to about 8 KB: 1000:1.
    const zip = makeZip([{ name: 'word/document.xml', data: new Uint8Array(8 * 1024 * 1024) }]);
    const error = errorOf(checkZip(zip, limits));
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(
      /^its part "word\/document\.xml" is compressed [\d,]+:1, more than the 100:1 Gloss accepts; it looks like a “zip bomb”$/,
    );
    // Small entries compress as they like.
    expect(checkZip(makeZip([{ name: 'a', data: new Uint8Array(64 * 1024) }]), limits).ok).toBe(
      true,
    );
  });

  it('refuses too many entries before reading them', () => {
    const zip = makeZip([{ name: 'a', data: 'a' }], { entryCount: 60000 });
    expect(errorOf(checkZip(zip, limits))).toEqual({
      kind: 'too-large',
      message:
        'it holds 60,000 files, more than the 100 Gloss accepts in one archive; it looks like a “zip bomb”',
    });
  });

  it('refuses encrypted entries', () => {
    const zip = makeZip([{ name: 'a', data: 'secret', flags: 1 }]);
    expect(errorOf(checkZip(zip, limits))).toEqual({
      kind: 'corrupt',
      message: 'it is encrypted with a password',
    });
  });

  it('catches an entry that unpacks to more than its directory declares', () => {
    const zip = makeZip([
      { name: 'word/document.xml', data: new Uint8Array(4 * 1024 * 1024), declaredSize: 100 },
    ]);
    expect(checkZip(zip, limits).ok).toBe(true);
    expect(errorOf(checkZipContents(zip, limits))).toEqual({
      kind: 'too-large',
      message:
        'its part "word/document.xml" unpacks to more than it declares; it looks like a “zip bomb”',
    });
  });

  it('calls damaged data damaged', () => {
    // Stored bytes that the headers call deflated.
    const broken = makeZip([{ name: 'a.xml', data: 'not deflated at all', store: true }]).slice();
    const view = new DataView(broken.buffer);
    view.setUint16(8, 8, true);
    const directoryAt = view.getUint32(broken.length - 6, true);
    view.setUint16(directoryAt + 10, 8, true);
    expect(errorOf(checkZipContents(broken, limits))).toEqual({
      kind: 'corrupt',
      message: 'its entry "a.xml" is damaged',
    });
  });

  it('has sensible defaults', () => {
    expect(DEFAULT_ZIP_LIMITS).toEqual({
      maxEntries: 10_000,
      maxTotalUncompressed: 200 * 1024 * 1024,
      maxRatio: 100,
    });
  });
});
