import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  Session as FakeSession,
  WebContents as FakeWebContents,
  fakeEvent,
} from '../../test/electron-stand-in';
import { hardenSession, hardenWebContents, isTrustedSender } from './security';

const APP_FILE = 'file:///opt/gloss/out/renderer/index.html';
const DEV = 'http://localhost:5173/';

describe('isTrustedSender', () => {
  it('trusts only our own renderer file, whatever its query or hash', () => {
    expect(isTrustedSender(APP_FILE, APP_FILE)).toBe(true);
    expect(isTrustedSender(`${APP_FILE}#/doc/1`, APP_FILE)).toBe(true);
    expect(isTrustedSender('file:///opt/gloss/out/renderer/other.html', APP_FILE)).toBe(false);
    expect(isTrustedSender('file:///home/me/evil.html', APP_FILE)).toBe(false);
    expect(isTrustedSender('file://remote-host/opt/gloss/out/renderer/index.html', APP_FILE)).toBe(
      false,
    );
  });

  it('trusts the dev server origin only', () => {
    expect(isTrustedSender('http://localhost:5173/index.html', DEV)).toBe(true);
    expect(isTrustedSender('http://localhost:5174/', DEV)).toBe(false);
    expect(isTrustedSender('https://example.com/', DEV)).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', APP_FILE)).toBe(false);
  });

  it('refuses missing and unparsable URLs', () => {
    for (const url of [undefined, null, '', 'about:blank', 'not a url', 'data:text/html,hi']) {
      expect(isTrustedSender(url, APP_FILE)).toBe(false);
    }
  });
});

describe('hardenWebContents', () => {
  const harden = () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents, APP_FILE);
    return contents;
  };

  it('prevents navigation to any other page', () => {
    const contents = harden();
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const event = fakeEvent({ url });
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented).toBe(true);
    }
    const redirect = fakeEvent({ url: 'https://example.com/' });
    contents.emit('will-redirect', redirect, redirect.url);
    expect(redirect.defaultPrevented).toBe(true);
  });

  it('lets the app reload its own page', () => {
    const contents = harden();
    const event = fakeEvent({ url: APP_FILE });
    contents.emit('will-navigate', event, APP_FILE);
    expect(event.defaultPrevented).toBe(false);
  });

  it('denies every new window', () => {
    const contents = harden();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: APP_FILE })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const contents = harden();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('hardenSession', () => {
  it('denies permission requests and checks', () => {
    const session = new FakeSession();
    hardenSession(session as unknown as Session);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      session.permissionRequestHandler?.(
        null,
        permission,
        (granted: boolean) => answers.push(granted),
        {},
      );
      expect(session.permissionCheckHandler?.(null, permission, 'file://', {})).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false]);
  });
});
