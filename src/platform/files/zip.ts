import { Inflate } from "fflate";

// Reading zip archives just enough to check and to look inside them: the central directory (names,
// methods, declared sizes) and single entries. An entry is always inflated as a stream, a small
// slice of compressed data at a time, with a running count of the bytes it really unpacks to that
// stops past a cap: the sizes a zip declares (in its local and central headers) are only claims,
// and a bomb lies about them. Zip64 archives are not read (their directory says 0xffffffff): the
// platform has no need for files beyond 4 GB.

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read here. */
  method: number;
  compressedSize: number;
  /** What the central directory claims; `inflateZipEntry` measures what is true. */
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

/** The name of the first entry as its local header gives it (what a format writes first). */
export function firstZipEntryName(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes.subarray(30, 30 + u16(bytes, 26)));
}

/** The first bytes of the first entry when it is stored (OpenDocument's "mimetype"). */
export function firstStoredEntryHead(bytes: Uint8Array, max: number): Uint8Array | null {
  if (u16(bytes, 8) !== 0) return null;
  const start = 30 + u16(bytes, 26) + u16(bytes, 28);
  return bytes.subarray(start, start + Math.min(u32(bytes, 18), max));
}

/** The compressed data of an entry, from its local header, or null when the header is not there. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) return null;
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressedSize > bytes.length) return null;
  return bytes.subarray(start, start + entry.compressedSize);
}

export type InflateOutcome =
  | {
      ok: true;
      size: number;
      /** The first bytes (a signature to recognise), kept even when the rest is dropped. */
      head: Uint8Array;
      content: Uint8Array | null;
    }
  | { ok: false; reason: "tooLarge" | "unreadable" };

const headLength = 16;

/**
 * Small slices bound what one push may unpack at once: DEFLATE expands at most about 1032:1, so
 * a 4 KiB slice gives at most ~4 MiB before the running count is looked at again.
 */
const sliceBytes = 4096;

/**
 * Inflates one entry as a stream and counts what it really unpacks to, stopping as soon as that
 * passes `maxBytes` (whatever the headers declare). With `keep`, the content is returned too;
 * without, every chunk is dropped as it comes (measuring needs no memory).
 */
export function inflateZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  maxBytes: number,
  keep: boolean,
): InflateOutcome {
  const data = entryData(bytes, entry);
  if (!data) return { ok: false, reason: "unreadable" };
  if (entry.method === 0)
    return data.length > maxBytes
      ? { ok: false, reason: "tooLarge" }
      : {
          ok: true,
          size: data.length,
          head: data.subarray(0, headLength),
          content: keep ? data : null,
        };
  if (entry.method !== 8) return { ok: false, reason: "unreadable" };
  let size = 0;
  let ended = false;
  const chunks: Uint8Array[] = [];
  let head = new Uint8Array();
  const inflate = new Inflate((chunk, final) => {
    if (head.length < headLength)
      head = new Uint8Array([...head, ...chunk.subarray(0, headLength - head.length)]);
    size += chunk.length;
    if (keep && size <= maxBytes) chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < data.length && size <= maxBytes; at += sliceBytes) {
      const end = Math.min(data.length, at + sliceBytes);
      inflate.push(data.subarray(at, end), end === data.length);
    }
    if (data.length === 0) inflate.push(new Uint8Array(), true);
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  if (size > maxBytes) return { ok: false, reason: "tooLarge" };
  // Compressed data that stops before its DEFLATE stream ends (a lying compressed size)
  if (!ended) return { ok: false, reason: "unreadable" };
  if (!keep) return { ok: true, size, head, content: null };
  const content = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    content.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, size, head, content };
}

/**
 * One entry's content, at most `maxBytes` of it (whatever its declared size), or null when it
 * cannot be read (unknown method, broken data, more than `maxBytes`).
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number) {
  const outcome = inflateZipEntry(bytes, entry, maxBytes, true);
  return outcome.ok ? outcome.content : null;
}

/** The entry with this exact name, or undefined. */
export function findZipEntry(entries: ZipEntry[], name: string): ZipEntry | undefined {
  return entries.find((e) => e.name === name);
}
