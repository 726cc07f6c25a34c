import { describe, expect, it } from 'vitest';
import { defaultWorkspaceDir } from './default-workspace';

describe('defaultWorkspaceDir', () => {
  it('follows XDG on Linux', () => {
    expect(defaultWorkspaceDir({}, 'linux', '/home/ann')).toBe('/home/ann/.config/Gloss/workspace');
    expect(defaultWorkspaceDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ann')).toBe(
      '/cfg/Gloss/workspace',
    );
    expect(defaultWorkspaceDir({ XDG_CONFIG_HOME: '' }, 'freebsd', '/home/ann')).toBe(
      '/home/ann/.config/Gloss/workspace',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultWorkspaceDir({ XDG_CONFIG_HOME: '/ignored' }, 'darwin', '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/Gloss/workspace',
    );
  });

  it('uses APPDATA on Windows', () => {
    expect(
      defaultWorkspaceDir(
        { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
        'win32',
        'C:\\Users\\ann',
      ),
    ).toBe('C:\\Users\\ann\\AppData\\Roaming\\Gloss\\workspace');
    expect(defaultWorkspaceDir({}, 'win32', 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Gloss\\workspace',
    );
  });

  it('defaults to this process', () => {
    expect(defaultWorkspaceDir()).toMatch(/Gloss[\\/]workspace$/);
  });
});
