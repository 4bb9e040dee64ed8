import { inflateRawSync } from "node:zlib";

// Reading zip archives just enough to check and to look inside them: the central directory (names,
// methods, declared sizes) and single entries, inflated with a hard cap on their output so that a
// lying size in the directory cannot make the server unpack a bomb. Zip64 archives are not read
// (their directory says 0xffffffff): the library has no need for files beyond 4 GB.

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read here. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The entries of a zip's central directory, or null when it cannot be read. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  // The end-of-central-directory record is in the last 22 + 65535 bytes (its comment).
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= from; at--) {
    if (u32(bytes, at) !== 0x06054b50) continue;
    const count = u16(bytes, at + 10);
    let entry = u32(bytes, at + 16);
    const entries: ZipEntry[] = [];
    for (let i = 0; i < count; i++) {
      if (entry + 46 > bytes.length || u32(bytes, entry) !== 0x02014b50) return null;
      const nameLength = u16(bytes, entry + 28);
      const compressedSize = u32(bytes, entry + 20);
      const uncompressedSize = u32(bytes, entry + 24);
      if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) return null;
      entries.push({
        name: new TextDecoder().decode(bytes.subarray(entry + 46, entry + 46 + nameLength)),
        method: u16(bytes, entry + 10),
        compressedSize,
        uncompressedSize,
        localHeaderOffset: u32(bytes, entry + 42),
      });
      entry += 46 + nameLength + u16(bytes, entry + 30) + u16(bytes, entry + 32);
    }
    return entries;
  }
  return null;
}

/**
 * One entry's content, at most `maxBytes` of it (whatever its declared size), or null when it
 * cannot be read (unknown method, broken data, more than `maxBytes`).
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number) {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) return null;
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.length <= maxBytes ? data : null;
  if (entry.method !== 8) return null;
  try {
    return new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) }));
  } catch {
    return null;
  }
}

/** The entry with this exact name, or undefined. */
export function findZipEntry(entries: ZipEntry[], name: string): ZipEntry | undefined {
  return entries.find((e) => e.name === name);
}
