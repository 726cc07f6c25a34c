import { deflateRawSync } from 'node:zlib';

// Hand-made ZIP archives for the loaders' tests: honest ones, and ones whose directory lies.

export interface ZipFixtureEntry {
  name: string;
  data: Uint8Array | string;
  /** Store instead of deflate. */
  store?: boolean;
  /** Overrides what the directory declares. */
  declaredSize?: number;
  declaredCompressedSize?: number;
  /** Declares the sizes in a ZIP64 extra field (the 32-bit fields say 0xFFFFFFFF). */
  zip64?: boolean;
  flags?: number;
}

const le16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const le64 = (n: number) => [...le32(n % 2 ** 32), ...le32(Math.floor(n / 2 ** 32))];

/** Builds a ZIP archive (CRCs are left at 0: the guard does not check them). */
export function makeZip(
  entries: ZipFixtureEntry[],
  options: { entryCount?: number } = {},
): Uint8Array {
  const parts: number[][] = [];
  const central: number[][] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = typeof entry.data === 'string' ? new TextEncoder().encode(entry.data) : entry.data;
    const body = entry.store ? raw : new Uint8Array(deflateRawSync(raw));
    const name = [...new TextEncoder().encode(entry.name)];
    const size = entry.declaredSize ?? raw.length;
    const compressed = entry.declaredCompressedSize ?? body.length;
    const method = entry.store ? 0 : 8;
    const flags = (entry.flags ?? 0) | 0x800;
    const local = [
      ...le32(0x04034b50), ...le16(20), ...le16(flags), ...le16(method), ...le32(0), ...le32(0),
      ...le32(compressed), ...le32(size), ...le16(name.length), ...le16(0), ...name,
    ]; // prettier-ignore
    const extra = entry.zip64
      ? [...le16(0x0001), ...le16(16), ...le64(size), ...le64(compressed)]
      : [];
    central.push([
      ...le32(0x02014b50), ...le16(45), ...le16(20), ...le16(flags), ...le16(method), ...le32(0),
      ...le32(0), ...le32(entry.zip64 ? 0xffffffff : compressed),
      ...le32(entry.zip64 ? 0xffffffff : size), ...le16(name.length), ...le16(extra.length),
      ...le16(0), ...le16(0), ...le16(0), ...le32(0), ...le32(offset), ...name, ...extra,
    ]); // prettier-ignore
    parts.push(local, [...body]);
    offset += local.length + body.length;
  }
  const directory = central.flat();
  const count = options.entryCount ?? entries.length;
  const end = [
    ...le32(0x06054b50), ...le16(0), ...le16(0), ...le16(Math.min(count, 0xffff)),
    ...le16(Math.min(count, 0xffff)), ...le32(directory.length), ...le32(offset), ...le16(0),
  ]; // prettier-ignore
  return new Uint8Array([...parts.flat(), ...directory, ...end]);
}
