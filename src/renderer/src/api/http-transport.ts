import type { AppError, Result, ServiceMethod } from '../../../shared/api';

const TOKEN_KEY = 'gloss-token';

/**
 * The web host's per-run token arrives in the URL once; it is kept for this tab's session and
 * taken out of the address bar so it does not end up in screenshots or bookmarks.
 */
export function takeToken(
  location_: Location = window.location,
  storage: Storage = sessionStorage,
): string {
  const url = new URL(location_.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY) ?? '';
}

const lostContact = (detail: string): Result<never> => ({
  ok: false,
  error: {
    code: 'io',
    message: `Lost contact with the Gloss host (${detail}). Is it still running?`,
  } satisfies AppError,
});

async function readResult<T>(response: Response): Promise<Result<T>> {
  if (response.status === 401) {
    return {
      ok: false,
      error: {
        code: 'unauthorized',
        message: 'The Gloss host refused this page: open the address it printed at start.',
      },
    };
  }
  try {
    return (await response.json()) as Result<T>;
  } catch {
    return lostContact(`answer ${response.status} was not readable`);
  }
}

const KEEPALIVE_LIMIT = 60_000;

/** Calls one service method over HTTP; never throws. */
export async function httpCall<T>(
  token: string,
  method: ServiceMethod,
  payload: unknown,
): Promise<Result<T>> {
  try {
    const body = JSON.stringify({ payload });
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': token },
      body,
      // A save sent as the tab closes still arrives (browsers allow keepalive up to 64 KB).
      keepalive: body.length < KEEPALIVE_LIMIT,
    });
    return await readResult<T>(response);
  } catch (e) {
    return lostContact(e instanceof Error ? e.message : String(e));
  }
}

/** Uploads a file's bytes for import (a raw body: no base64 inflation of large files). */
export async function httpUpload<T>(
  token: string,
  name: string,
  bytes: Uint8Array,
  asText = false,
): Promise<Result<T>> {
  try {
    const response = await fetch('/api/importFile', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        'X-Gloss-Token': token,
        'X-File-Name': encodeURIComponent(name),
        ...(asText ? { 'X-Open-As-Text': '1' } : {}),
      },
      body: bytes as BodyInit,
    });
    return await readResult<T>(response);
  } catch (e) {
    return lostContact(e instanceof Error ? e.message : String(e));
  }
}

/** A wrapper that sends calls in call order; `hurry` sends what waits, and all later, at once. */
export interface CallOrder {
  <A extends unknown[], T>(call: (...args: A) => Promise<T>): (...args: A) => Promise<T>;
  hurry(): void;
  /** Back to sending in order (the page came back from the back-forward cache). */
  calm(): void;
}

/**
 * Wraps calls so that each is sent only once the one before it is answered. Changes need it:
 * the browser may carry concurrent requests over different connections, and the host applies
 * them as they arrive, so a note typed and then a status chosen could land status first (and
 * its answer, shown last, would lack the note). Over IPC, order is kept by the channel itself.
 * As the page goes, waiting would lose a change: `hurry` then sends everything at once.
 */
export function inCallOrder(): CallOrder {
  let tail: Promise<unknown> = Promise.resolve();
  let hurried = false;
  const waiting = new Set<() => void>();
  const order = (<A extends unknown[], T>(call: (...args: A) => Promise<T>) =>
    (...args: A): Promise<T> => {
      if (hurried) return call(...args);
      let go!: () => void;
      const turn = new Promise<void>((resolve) => (go = resolve));
      waiting.add(go);
      void tail.then(go);
      const result = turn.then(() => {
        waiting.delete(go);
        return call(...args);
      });
      tail = result.catch(() => undefined);
      return result;
    }) as CallOrder;
  order.hurry = () => {
    hurried = true;
    for (const go of waiting) go();
  };
  order.calm = () => {
    hurried = false;
  };
  return order;
}
