import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** The app name Electron derives its userData folder from. */
export const APP_NAME = 'Gloss';

/**
 * The workspace folder used when none is given: `<Electron userData for "Gloss">/workspace`, so
 * the web host and the desktop app share one workspace by default.
 */
export function defaultWorkspaceDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    const appData = env.APPDATA || win32.join(home, 'AppData', 'Roaming');
    return win32.join(appData, APP_NAME, 'workspace');
  }
  if (platform === 'darwin') {
    return posix.join(home, 'Library', 'Application Support', APP_NAME, 'workspace');
  }
  // Electron follows the XDG base directory spec on Linux and the other Unixes.
  const config = env.XDG_CONFIG_HOME || posix.join(home, '.config');
  return posix.join(config, APP_NAME, 'workspace');
}
