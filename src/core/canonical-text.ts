import type { Result } from './result';

/** Why a file's bytes could not become text. */
export type DecodeError =
  | { kind: 'binary'; message: string }
  | { kind: 'invalid-encoding'; message: string }
  | { kind: 'empty'; message: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const BINARY: DecodeError = {
  kind: 'binary',
  message: 'the file is binary (it contains NUL characters), not text',
};

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Decodes a file's bytes strictly: UTF-16 LE/BE by their BOM, otherwise UTF-8 with `fatal: true`
 * so that broken encodings are refused rather than silently replaced with U+FFFD.
 */
export function decodeText(bytes: Uint8Array): Result<string, DecodeError> {
  if (bytes.length === 0)
    return { ok: false, error: { kind: 'empty', message: 'the file is empty' } };
  let encoding = 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) encoding = 'utf-16le';
  else if (startsWith(bytes, [0xfe, 0xff])) encoding = 'utf-16be';
  else if (bytes.includes(0)) return { ok: false, error: BINARY };
  try {
    // ignoreBOM: false lets the decoder drop the BOM itself.
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    // UTF-16 is full of NUL bytes, so its binary check waits for the decoded text (this also
    // turns away UTF-32, whose BOM starts like UTF-16 LE's).
    if (text.includes('\u0000')) return { ok: false, error: BINARY };
    return { ok: true, value: text };
  } catch {
    const hasUtf8Bom = startsWith(bytes, UTF8_BOM);
    return {
      ok: false,
      error: {
        kind: 'invalid-encoding',
        message: `the file is not valid ${encoding === 'utf-8' || hasUtf8Bom ? 'UTF-8' : encoding.toUpperCase()} text`,
      },
    };
  }
}

/**
 * The one canonical text every offset refers to: BOM stripped, CRLF and CR turned into LF,
 * Unicode NFC. Idempotent.
 */
export function canonicalize(text: string): string {
  // Every leading BOM goes (a file saved twice by a careless editor can carry two), so that
  // canonicalising canonical text changes nothing.
  return text
    .replace(/^\uFEFF+/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
}

/** Decodes and canonicalises in one step. */
export function toCanonicalText(bytes: Uint8Array): Result<string, DecodeError> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const text = canonicalize(decoded.value);
  if (text.trim() === '') {
    return {
      ok: false,
      error: { kind: 'empty', message: 'the file holds no text (only white space)' },
    };
  }
  return { ok: true, value: text };
}
