// Which links of a document Gloss may hand to the system browser. Checked twice: by the
// renderer before it asks, and again by the Electron main process before shell.openExternal,
// which must never see a URL the renderer could have forged.

/** Longest link Gloss opens; documents keep links up to this length (safeHref). */
export const MAX_OPENABLE_URL = 2048;

// Control characters, white space, invisible and bidirectional-override characters (which
// make an address read differently from what it is), and backslashes (read as slashes).
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\\]/;

/**
 * The normalised address of a link that may be opened in the system browser: an absolute
 * http or https URL with a host and no user name or password in it. Anything else gives null:
 * javascript:, file:, data:, vbscript:, custom schemes (which launch other programs), relative
 * or malformed addresses, white space or control characters, and addresses over 2048 characters.
 */
export function openableUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_OPENABLE_URL) return null;
  if (UNSAFE_CHARACTERS.test(raw)) return null;
  // The scheme as written, before the URL parser has a chance to be lenient about it.
  if (!/^https?:\/\/[^/]/i.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
  // Normalising (punycode, percent-encoding) may lengthen an address past the limit.
  if (url.href.length > MAX_OPENABLE_URL) return null;
  return url.href;
}

/** True when a link may be opened in the system browser (see openableUrl). */
export function isOpenableUrl(raw: unknown): boolean {
  return openableUrl(raw) !== null;
}
