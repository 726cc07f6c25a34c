import { inflateRawSync } from 'node:zlib';
import type { Result } from '../../core/result';
import type { LoadError } from './index';

// A .docx is a ZIP archive, and a ZIP archive can claim anything: a few kilobytes that unpack to
// gigabytes (a "zip bomb"), millions of entries, or sizes that lie. Before any library unpacks
// one, its central directory is read here byte by byte and checked against limits, and its
// entries can be inflated with a hard cap on their output.

export interface ZipLimits {
  /** Most entries (files) an archive may hold. */
  maxEntries: number;
  /** Most bytes all entries may unpack to, together. */
  maxTotalUncompressed: number;
  /** Highest compression ratio (uncompressed : compressed) of a large entry. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxRatio: 100,
};

/** Entries smaller than this are never refused for their ratio (tiny files compress well). */
const RATIO_FLOOR = 1024 * 1024;

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

const corrupt = (message: string): Result<never, LoadError> => ({
  ok: false,
  error: { kind: 'corrupt', message },
});
const tooLarge = (message: string): Result<never, LoadError> => ({
  ok: false,
  error: { kind: 'too-large', message },
});
const BOMB = 'it looks like a “zip bomb”';

/** Little-endian reads that never throw: out of range reads give undefined. */
class Bytes {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get length(): number {
    return this.bytes.length;
  }
  u16(at: number): number | undefined {
    return at >= 0 && at + 2 <= this.length ? this.view.getUint16(at, true) : undefined;
  }
  u32(at: number): number | undefined {
    return at >= 0 && at + 4 <= this.length ? this.view.getUint32(at, true) : undefined;
  }
  /** A 64-bit size as a number; sizes past 2^53 become MAX_SAFE_INTEGER (refused anyway). */
  u64(at: number): number | undefined {
    const lo = this.u32(at);
    const hi = this.u32(at + 4);
    if (lo === undefined || hi === undefined) return undefined;
    return hi >= 0x200000 ? Number.MAX_SAFE_INTEGER : hi * 2 ** 32 + lo;
  }
}

/** Reads the central directory: what the archive says it holds. Pure byte parsing. */
export function readZipDirectory(
  bytes: Uint8Array,
  maxEntries = DEFAULT_ZIP_LIMITS.maxEntries,
): Result<ZipEntry[], LoadError> {
  const b = new Bytes(bytes);
  const eocd = findEndOfDirectory(b);
  if (eocd === undefined) {
    const local = b.u32(0) === SIG_LOCAL;
    return corrupt(
      local ? 'it is cut short: the end of the ZIP archive is missing' : 'it is not a ZIP archive',
    );
  }
  const disk = b.u16(eocd + 4);
  const directoryDisk = b.u16(eocd + 6);
  let count = b.u16(eocd + 10) as number;
  let size = b.u32(eocd + 12) as number;
  let offset = b.u32(eocd + 16) as number;
  if (disk !== 0 || directoryDisk !== 0)
    return corrupt('it is one part of a ZIP archive split across several files');

  if (count === U16_MAX || size === U32_MAX || offset === U32_MAX) {
    // ZIP64: the real numbers are in the ZIP64 end record, found through its locator.
    if (b.u32(eocd - 20) !== SIG_ZIP64_LOCATOR)
      return corrupt('its ZIP64 directory record is missing');
    const at = b.u64(eocd - 20 + 8) as number;
    if (b.u32(at) !== SIG_ZIP64_EOCD) return corrupt('its ZIP64 directory record is damaged');
    const count64 = b.u64(at + 32);
    const size64 = b.u64(at + 40);
    const offset64 = b.u64(at + 48);
    if (count64 === undefined || size64 === undefined || offset64 === undefined)
      return corrupt('its ZIP64 directory record is cut short');
    [count, size, offset] = [count64, size64, offset64];
  }
  if (count > maxEntries) {
    return tooLarge(
      `it holds ${count.toLocaleString('en')} files, more than the ` +
        `${maxEntries.toLocaleString('en')} Gloss accepts in one archive; ${BOMB}`,
    );
  }
  if (offset + size > b.length) return corrupt('it is cut short: its directory is missing');

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (b.u32(at) !== SIG_CENTRAL) return corrupt('its directory is damaged');
    const flags = b.u16(at + 8);
    const method = b.u16(at + 10);
    let compressedSize = b.u32(at + 20);
    let uncompressedSize = b.u32(at + 24);
    const nameLength = b.u16(at + 28);
    const extraLength = b.u16(at + 30);
    const commentLength = b.u16(at + 32);
    let localHeaderOffset = b.u32(at + 42);
    if (
      flags === undefined ||
      method === undefined ||
      compressedSize === undefined ||
      uncompressedSize === undefined ||
      nameLength === undefined ||
      extraLength === undefined ||
      commentLength === undefined ||
      localHeaderOffset === undefined ||
      at + 46 + nameLength + extraLength + commentLength > b.length
    )
      return corrupt('its directory is cut short');
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes);

    if (
      uncompressedSize === U32_MAX ||
      compressedSize === U32_MAX ||
      localHeaderOffset === U32_MAX
    ) {
      // ZIP64 sizes live in the extra field 0x0001, in this order, each only when needed.
      const extra = zip64Extra(b, at + 46 + nameLength, extraLength);
      if (extra === undefined) return corrupt(`its entry "${name}" has damaged ZIP64 sizes`);
      let field = 0;
      const next = (): number | undefined => {
        const value = b.u64(extra.start + field);
        field += 8;
        return field <= extra.length ? value : undefined;
      };
      if (uncompressedSize === U32_MAX) uncompressedSize = next() as number;
      if (compressedSize === U32_MAX) compressedSize = next() as number;
      if (localHeaderOffset === U32_MAX) localHeaderOffset = next() as number;
      if (
        uncompressedSize === undefined ||
        compressedSize === undefined ||
        localHeaderOffset === undefined
      )
        return corrupt(`its entry "${name}" has damaged ZIP64 sizes`);
    }
    entries.push({ name, flags, method, compressedSize, uncompressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, value: entries };
}

/**
 * Refuses an archive that is not one, is damaged, is encrypted, holds too many entries, would
 * unpack to more than the limit, or has a large entry compressed more than `maxRatio` : 1.
 * Trusts the sizes the directory declares: `checkZipContents` verifies them.
 */
export function checkZip(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Result<void, LoadError> {
  const directory = readZipDirectory(bytes, limits.maxEntries);
  if (!directory.ok) return directory;
  let total = 0;
  for (const entry of directory.value) {
    if (entry.flags & 0x1) return corrupt('it is encrypted with a password');
    total += entry.uncompressedSize;
    if (total > limits.maxTotalUncompressed) {
      return tooLarge(
        `it would unpack to ${size(total)} or more, more than the ` +
          `${size(limits.maxTotalUncompressed)} Gloss accepts; ${BOMB}`,
      );
    }
    if (
      entry.uncompressedSize >= RATIO_FLOOR &&
      entry.uncompressedSize > entry.compressedSize * limits.maxRatio
    ) {
      const ratio =
        entry.compressedSize === 0
          ? 'infinitely'
          : `${Math.round(entry.uncompressedSize / entry.compressedSize).toLocaleString('en')}:1`;
      return tooLarge(
        `its part "${entry.name}" is compressed ${ratio}, more than the ${limits.maxRatio}:1 ` +
          `Gloss accepts; ${BOMB}`,
      );
    }
  }
  return { ok: true, value: undefined };
}

/**
 * `checkZip`, then inflates every entry with its output capped at its declared size, so an
 * archive whose directory lies about its sizes is caught before a library unpacks it.
 */
export function checkZipContents(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Result<void, LoadError> {
  const checked = checkZip(bytes, limits);
  if (!checked.ok) return checked;
  const directory = readZipDirectory(bytes, limits.maxEntries);
  if (!directory.ok) return directory;
  for (const entry of directory.value) {
    const data = readZipEntry(bytes, entry);
    if (!data.ok) return data;
  }
  return { ok: true, value: undefined };
}

/** Unpacks one entry, never to more bytes than its declared size. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Result<Uint8Array, LoadError> {
  const b = new Bytes(bytes);
  const at = entry.localHeaderOffset;
  const nameLength = b.u16(at + 26);
  const extraLength = b.u16(at + 28);
  if (b.u32(at) !== SIG_LOCAL || nameLength === undefined || extraLength === undefined)
    return corrupt(`its entry "${entry.name}" is damaged`);
  const start = at + 30 + nameLength + extraLength;
  const end = start + entry.compressedSize;
  if (end > b.length) return corrupt(`it is cut short, in "${entry.name}"`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize)
      return corrupt(`its entry "${entry.name}" is damaged`);
    return { ok: true, value: data };
  }
  if (entry.method !== 8)
    return corrupt(`its entry "${entry.name}" uses a compression Gloss cannot read`);
  let out: Uint8Array;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      return tooLarge(`its part "${entry.name}" unpacks to more than it declares; ${BOMB}`);
    return corrupt(`its entry "${entry.name}" is damaged`);
  }
  if (out.length !== entry.uncompressedSize) {
    return out.length > entry.uncompressedSize
      ? tooLarge(`its part "${entry.name}" unpacks to more than it declares; ${BOMB}`)
      : corrupt(`its entry "${entry.name}" is damaged`);
  }
  return { ok: true, value: out };
}

function findEndOfDirectory(b: Bytes): number | undefined {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const last = b.length - 22;
  const first = Math.max(0, last - U16_MAX);
  for (let at = last; at >= first; at--) {
    if (b.u32(at) !== SIG_EOCD) continue;
    const commentLength = b.u16(at + 20) as number;
    if (at + 22 + commentLength <= b.length) return at;
  }
  return undefined;
}

function zip64Extra(
  b: Bytes,
  start: number,
  length: number,
): { start: number; length: number } | undefined {
  let at = start;
  while (at + 4 <= start + length) {
    const id = b.u16(at) as number;
    const size = b.u16(at + 2) as number;
    if (at + 4 + size > start + length) return undefined;
    if (id === 0x0001) return { start: at + 4, length: size };
    at += 4 + size;
  }
  return undefined;
}

function size(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1).replace(/\.0$/, '')} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
