import type { Session, WebContents } from 'electron';

// The Electron checklist of DESIGN.md "Security": the window shows only our renderer, opens no
// other window, attaches no <webview>, and is granted no permission.

const parse = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/**
 * True when a frame URL is our own renderer: the same file as the app's file:// URL (any query
 * or hash), or the same origin as the dev server's http(s) URL.
 */
export function isTrustedSender(frameUrl: string | null | undefined, appUrl: string): boolean {
  if (!frameUrl) return false;
  const frame = parse(frameUrl);
  const app = parse(appUrl);
  if (!frame || !app) return false;
  if (app.protocol === 'file:') {
    // file: URLs have no meaningful origin ('null'), so compare the exact file.
    return frame.protocol === 'file:' && frame.host === app.host && frame.pathname === app.pathname;
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') {
    return frame.origin === app.origin;
  }
  return false;
}

/** Denies navigation away from the app, new windows and <webview> attachment on one webContents. */
export function hardenWebContents(contents: WebContents, appUrl: string): void {
  const stayHome = (event: { preventDefault(): void }, url: string): void => {
    if (!isTrustedSender(url, appUrl)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => stayHome(event, event.url));
  contents.on('will-redirect', (event) => stayHome(event, event.url));
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Denies every permission request and check (camera, notifications, geolocation, …) in a session. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
