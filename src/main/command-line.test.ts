import { describe, expect, it } from 'vitest';
import { parseElectronArgv, userArguments } from './command-line';

describe('userArguments', () => {
  it('drops the executable of a packaged app', () => {
    expect(userArguments(['/opt/Gloss/gloss', 'a.txt'], false)).toEqual(['a.txt']);
  });

  it('drops the executable and the app path under `electron <app>`', () => {
    expect(userArguments(['/usr/bin/electron', '.', 'a.txt'], true)).toEqual(['a.txt']);
  });
});

describe('parseElectronArgv', () => {
  it('reads the workspace and files, ignoring Chromium switches', () => {
    const argv = [
      '/usr/bin/electron',
      '/repo',
      '--no-sandbox',
      '--workspace=/w',
      'report.txt',
      '--enable-logging',
    ];
    expect(parseElectronArgv(argv, true)).toEqual({
      workspace: '/w',
      files: ['report.txt'],
      problems: [],
    });
  });
});
