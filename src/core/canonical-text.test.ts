import { describe, expect, it } from 'vitest';
import { canonicalize, decodeText, toCanonicalText } from './canonical-text';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const [hi, lo] = [c >> 8, c & 0xff];
    out.set(endian === 'le' ? [lo, hi] : [hi, lo], 2 + i * 2);
  }
  return out;
}

function value<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

describe('decodeText', () => {
  it('decodes plain UTF-8', () => {
    expect(value(decodeText(utf8('Grüße, 世界 👋')))).toBe('Grüße, 世界 👋');
  });

  it('strips a UTF-8 BOM', () => {
    expect(value(decodeText(bytes(0xef, 0xbb, 0xbf, 0x68, 0x69)))).toBe('hi');
  });

  it('decodes UTF-16 LE and BE by their BOM, astral characters included', () => {
    const text = 'Hé 👩‍🚀\r\nline';
    expect(value(decodeText(utf16(text, 'le')))).toBe(text);
    expect(value(decodeText(utf16(text, 'be')))).toBe(text);
  });

  it('refuses invalid UTF-8 instead of replacing it', () => {
    const r = decodeText(bytes(0x61, 0xc3, 0x28, 0x62));
    expect(r).toEqual({
      ok: false,
      error: { kind: 'invalid-encoding', message: 'the file is not valid UTF-8 text' },
    });
    // Latin-1 "café" is a classic.
    expect(decodeText(bytes(0x63, 0x61, 0x66, 0xe9)).ok).toBe(false);
    // Overlong encodings and encoded surrogates are invalid too.
    expect(decodeText(bytes(0xc0, 0xaf)).ok).toBe(false);
    expect(decodeText(bytes(0xed, 0xa0, 0x80)).ok).toBe(false);
  });

  it('says UTF-8 when a file with a UTF-8 BOM is broken', () => {
    const r = decodeText(bytes(0xef, 0xbb, 0xbf, 0xff));
    expect(!r.ok && r.error.message).toBe('the file is not valid UTF-8 text');
  });

  it('refuses broken UTF-16: odd length, lone surrogate', () => {
    const odd = decodeText(bytes(0xff, 0xfe, 0x41));
    expect(!odd.ok && odd.error.kind).toBe('invalid-encoding');
    expect(!odd.ok && odd.error.message).toBe('the file is not valid UTF-16LE text');
    const lone = decodeText(bytes(0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00));
    expect(!lone.ok && lone.error.kind).toBe('invalid-encoding');
  });

  it('refuses NUL bytes as binary, in UTF-8 and in decoded UTF-16', () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d);
    expect(decodeText(png)).toMatchObject({ ok: false, error: { kind: 'binary' } });
    expect(decodeText(bytes(0x61, 0x00, 0x62))).toMatchObject({
      ok: false,
      error: { kind: 'binary' },
    });
    expect(decodeText(utf16('a\u0000b', 'le'))).toMatchObject({
      ok: false,
      error: { kind: 'binary' },
    });
    // UTF-32 LE starts like UTF-16 LE's BOM and is full of NULs.
    expect(decodeText(bytes(0xff, 0xfe, 0, 0, 0x61, 0, 0, 0))).toMatchObject({
      ok: false,
      error: { kind: 'binary' },
    });
  });

  it('refuses an empty file', () => {
    expect(decodeText(bytes())).toMatchObject({ ok: false, error: { kind: 'empty' } });
  });
});

describe('canonicalize', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(canonicalize('a\r\nb\rc\nd\r\n\r\ne')).toBe('a\nb\nc\nd\n\ne');
  });

  it('normalises to NFC', () => {
    const decomposed = 'Cafe\u0301 Åström'.normalize('NFD');
    expect(canonicalize(decomposed)).toBe('Café Åström'.normalize('NFC'));
    expect(canonicalize(decomposed)).toHaveLength('Café Åström'.length);
  });

  it('strips leading BOMs but keeps a U+FEFF in the middle', () => {
    expect(canonicalize('\uFEFF\uFEFFabc')).toBe('abc');
    expect(canonicalize('a\uFEFFb')).toBe('a\uFEFFb');
  });

  it('is idempotent', () => {
    for (const s of ['\uFEFF\uFEFFx\r\ny', 'e\u0301\r\r\n', 'ﬃ Ω Å', '한국어 \u1100\u1161']) {
      expect(canonicalize(canonicalize(s))).toBe(canonicalize(s));
    }
  });
});

describe('toCanonicalText', () => {
  it('decodes and canonicalises in one step', () => {
    const raw = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Cafe\u0301\r\nok\r')]);
    expect(value(toCanonicalText(raw))).toBe('Café\nok\n');
  });

  it('canonicalises UTF-16 text the same way as UTF-8', () => {
    const text = 'Line one\r\nCafe\u0301';
    expect(value(toCanonicalText(utf16(text, 'be')))).toBe(value(toCanonicalText(utf8(text))));
  });

  it('refuses text that is only white space, or only a BOM', () => {
    expect(toCanonicalText(utf8(' \r\n\t \n'))).toMatchObject({
      ok: false,
      error: { kind: 'empty' },
    });
    expect(toCanonicalText(bytes(0xef, 0xbb, 0xbf))).toMatchObject({
      ok: false,
      error: { kind: 'empty' },
    });
    expect(toCanonicalText(bytes(0xff, 0xfe))).toMatchObject({
      ok: false,
      error: { kind: 'empty' },
    });
  });

  it('passes decode errors through', () => {
    expect(toCanonicalText(bytes(0x80))).toMatchObject({
      ok: false,
      error: { kind: 'invalid-encoding' },
    });
  });
});
