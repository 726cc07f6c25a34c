import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it.each<[string[], unknown]>([
    [['--help'], { command: 'help' }],
    [['export', '-h'], { command: 'help' }],
    [
      ['export', '--workspace', 'ws', '--format', 'csv'],
      { command: 'export', workspace: 'ws', format: 'csv', documents: [], tags: [] },
    ],
    [
      [
        'export',
        '--format=w3c',
        '--document',
        'a',
        '--document=b',
        '--tag',
        'claim',
        '-o',
        'x.json',
      ],
      {
        command: 'export',
        format: 'w3c',
        documents: ['a', 'b'],
        tags: ['claim'],
        output: 'x.json',
      },
    ],
    [
      ['import', '--workspace', 'ws', 'file.json'],
      { command: 'import', workspace: 'ws', file: 'file.json' },
    ],
    [['import', '--', '-odd-name.json'], { command: 'import', file: '-odd-name.json' }],
    [['list'], { command: 'list' }],
  ])('reads %j', (argv, expected) => {
    expect(parseCliArgs(argv)).toEqual({ ok: true, value: expected });
  });

  it.each<[string[], RegExp]>([
    [[], /export, import or list/],
    [['exprot'], /Unknown command "exprot"/],
    [['export'], /--format/],
    [['export', '--format', 'xml'], /Unknown format "xml"/],
    [['export', '--format'], /--format needs a value/],
    [['export', '--format', 'json', 'extra.json'], /use -o FILE/],
    [['import'], /Name the file/],
    [['import', 'a.json', 'b.json'], /one file at a time/],
    [['import', '--format', 'json', 'a.json'], /"--format" is not an option of gloss import/],
    [['list', 'x'], /takes no file/],
  ])('refuses %j', (argv, problem) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });
});
