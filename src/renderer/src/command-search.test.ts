import { describe, expect, it } from 'vitest';
import { findCommands } from './command-search';

const commands = [
  { title: 'Open documents…', group: 'File', also: 'file add' },
  { title: 'Edit tags…', group: 'Edit' },
  { title: 'Export…', group: 'File', also: 'json csv report' },
  { title: 'Theme: dark', group: 'View', also: 'night' },
  { title: 'Search all documents', group: 'Go' },
  { title: 'Tag the selection as Déclaration', group: 'Edit' },
];
const titles = (query: string) => findCommands(commands, query).map((c) => c.title);

describe('findCommands', () => {
  it('lists every command, in order, for an empty query', () => {
    expect(titles('  ')).toHaveLength(commands.length);
    expect(titles('')[0]).toBe('Open documents…');
  });

  it('matches the starts of words in the title, group and extra words', () => {
    expect(titles('exp')).toEqual(['Export…']);
    expect(titles('csv')).toEqual(['Export…']);
    expect(titles('night')).toEqual(['Theme: dark']);
    expect(titles('xport')).toEqual([]);
  });

  it('needs every word typed, in any order', () => {
    expect(titles('documents search')).toEqual(['Search all documents']);
    expect(titles('search pdf')).toEqual([]);
  });

  it('puts titles that start with the query first', () => {
    expect(titles('tag')).toEqual(['Tag the selection as Déclaration', 'Edit tags…']);
    expect(titles('open doc')[0]).toBe('Open documents…');
  });

  it('ignores case and accents', () => {
    expect(titles('DECLAR')).toEqual(['Tag the selection as Déclaration']);
  });
});
