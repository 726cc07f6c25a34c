import { describe, expect, it } from 'vitest';
import { importStartFiles, parseCommandLine } from './command-line';

describe('parseCommandLine', () => {
  it('reads --workspace DIR and treats other arguments as files', () => {
    expect(parseCommandLine(['--workspace', '/tmp/ws', 'a.txt', 'b.md'])).toEqual({
      workspace: '/tmp/ws',
      files: ['a.txt', 'b.md'],
      problems: [],
    });
  });

  it('reads --workspace=DIR', () => {
    expect(parseCommandLine(['a.txt', '--workspace=/w s']).workspace).toBe('/w s');
  });

  it('ignores Chromium and Electron switches', () => {
    const parsed = parseCommandLine([
      '--no-sandbox',
      '--disable-gpu',
      '--remote-debugging-port=9222',
      '--inspect=5858',
      '-psn_0_12345',
      'report.txt',
    ]);
    expect(parsed).toEqual({ files: ['report.txt'], problems: [] });
  });

  it('reads the port and rejects a bad one', () => {
    expect(parseCommandLine(['--port', '8080']).port).toBe(8080);
    expect(parseCommandLine(['--port=0']).port).toBe(0);
    const bad = parseCommandLine(['--port', 'abc']);
    expect(bad.port).toBeUndefined();
    expect(bad.problems).toHaveLength(1);
    expect(parseCommandLine(['--port', '70000']).problems).toHaveLength(1);
  });

  it('complains when a value is missing instead of swallowing the next flag', () => {
    const parsed = parseCommandLine(['--workspace', '--no-sandbox', 'x.txt']);
    expect(parsed.workspace).toBeUndefined();
    expect(parsed.files).toEqual(['x.txt']);
    expect(parsed.problems).toEqual(['--workspace needs a value.']);
    expect(parseCommandLine(['--workspace']).problems).toHaveLength(1);
    expect(parseCommandLine(['--workspace=']).problems).toHaveLength(1);
  });

  it('takes everything after -- as files', () => {
    expect(parseCommandLine(['--', '--odd-name.txt', '-x']).files).toEqual([
      '--odd-name.txt',
      '-x',
    ]);
  });

  it('returns no files for an empty command line', () => {
    expect(parseCommandLine([])).toEqual({ files: [], problems: [] });
  });
});

describe('importStartFiles', () => {
  const fakeServices = (outcomes: Record<string, string | Error>) => {
    const opened: string[] = [];
    const problems: string[] = [];
    return {
      opened,
      problems,
      setOpenOnStart: (id: string) => void opened.push(id),
      noteStartupProblem: (message: string) => void problems.push(message),
      importPath: async (path: string) => {
        const outcome = outcomes[path];
        if (outcome instanceof Error) throw outcome;
        return outcome === undefined
          ? ({ ok: false, error: { message: 'not a text file' } } as const)
          : ({ ok: true, value: { document: { id: outcome } } } as const);
      },
    };
  };

  it('imports in order and opens the first file that imported', async () => {
    const services = fakeServices({ '/b.txt': 'doc-b', '/c.txt': 'doc-c' });
    const reports: string[] = [];
    const ids = await importStartFiles(services, ['/a.bin', '/b.txt', '/c.txt'], (m) =>
      reports.push(m),
    );
    expect(ids).toEqual(['doc-b', 'doc-c']);
    expect(services.opened).toEqual(['doc-b']);
    expect(reports).toEqual(['Gloss: could not import /a.bin: not a text file']);
    expect(services.problems).toEqual(['not a text file']);
  });

  it('reports a throwing import and opens nothing when nothing imported', async () => {
    const services = fakeServices({ '/x.txt': new Error('disk gone') });
    const reports: string[] = [];
    expect(await importStartFiles(services, ['/x.txt'], (m) => reports.push(m))).toEqual([]);
    expect(services.opened).toEqual([]);
    expect(reports[0]).toContain('disk gone');
    expect(services.problems[0]).toContain('disk gone');
  });
});
