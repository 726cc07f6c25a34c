import { describe, expect, it } from 'vitest';
import { fileNameOf, formatSize, isSupportedName, prepareImport } from './import-source';

describe('import-source', () => {
  it('formats sizes for people', () => {
    expect(formatSize(1)).toBe('1 byte');
    expect(formatSize(812)).toBe('812 bytes');
    expect(formatSize(34 * 1024)).toBe('34 KB');
    expect(formatSize(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatSize(61.25 * 1024 * 1024)).toBe('61.3 MB');
  });

  it('takes the file name from either kind of path', () => {
    expect(fileNameOf('C:\\docs\\a.txt')).toBe('a.txt');
    expect(fileNameOf('/home/a/b.md')).toBe('b.md');
    expect(fileNameOf('plain.txt')).toBe('plain.txt');
  });

  it('knows the supported extensions, in any case', () => {
    for (const n of [
      'a.txt',
      'a.TXT',
      'a.md',
      'a.Markdown',
      'a.text',
      'a.pdf',
      'a.docx',
      'a.HTM',
      'a.html',
    ])
      expect(isSupportedName(n), n).toBe(true);
    for (const n of ['a.doc', 'README', '.txt', 'a.txt.gz', 'a.rtf'])
      expect(isSupportedName(n), n).toBe(false);
  });

  it('hashes the raw bytes and the canonical text separately', async () => {
    const prepared = await prepareImport('a.txt', new TextEncoder().encode('x\r\n'), 100);
    expect(prepared.ok && prepared.value.text).toBe('x\n');
    expect(prepared.ok && prepared.value.rawHash !== prepared.value.textHash).toBe(true);
    expect(prepared.ok && 'sourcePath' in prepared.value).toBe(false);
  });
});
