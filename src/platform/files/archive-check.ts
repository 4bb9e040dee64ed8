import { looksExecutable } from "./sniff";
import { readZipDirectory, readZipEntry, type ZipEntry } from "./zip";

// A zip archive is checked before it is kept (a learning material's zip, and the zip inside every
// DOCX, PPTX, XLSX, ODT and ODP): an archive bomb (a few kilobytes that unpack to gigabytes, or
// millions of entries), entries that would land outside the folder they are unpacked into
// (`../`, `/etc/…`, `C:\…`), and archives in archives beyond one level are refused. Sizes are
// first taken from the directory; a nested zip is really unpacked, capped by what is left of the
// budget, so a lying directory cannot get past the cap.

export interface ArchiveLimits {
  /** The most all entries together may unpack to, in bytes. */
  maxUncompressed: number;
  /** Unpacked size over compressed size above which it is a bomb (e.g. 100 for 100:1). */
  maxRatio: number;
  maxEntries: number;
}

export const defaultArchiveLimits: Omit<ArchiveLimits, "maxUncompressed"> = {
  maxRatio: 100,
  maxEntries: 10_000,
};

export type ArchiveProblem = "unreadable" | "bomb" | "unsafePath" | "nested" | "program";

/**
 * Programs packed in an archive: Windows, macOS and Android installers and scripts by their name
 * (a web lesson's .js and .html stay allowed: SCORM packages are made of them), and any stored
 * entry whose bytes are a program, whatever its name.
 */
const programName = /\.(exe|msi|scr|com|pif|cpl|dll|bat|cmd|ps1|vbs|vbe|wsf|lnk|apk|dmg|pkg)$/i;

/** Below this, a high ratio is harmless (a small XML file of spaces compresses 1000:1). */
const ratioFloor = 1024 * 1024;

const archiveName = /\.(zip|jar|7z|rar|gz|tgz|bz2|xz|tar|cab)$/i;

function unsafePath(name: string): boolean {
  if (name.startsWith("/") || name.startsWith("\\") || /^[a-z]:/i.test(name)) return true;
  return name.split(/[\\/]/).some((part) => part === "..");
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** What is wrong with the zip archive, or null when it may be kept. */
export function checkZipArchive(
  bytes: Uint8Array,
  limits: ArchiveLimits,
  depth = 0,
): ArchiveProblem | null {
  const entries = readZipDirectory(bytes);
  if (!entries) return "unreadable";
  if (entries.length > limits.maxEntries) return "bomb";
  let total = 0;
  let compressed = 0;
  for (const entry of entries) {
    if (unsafePath(entry.name)) return "unsafePath";
    if (programName.test(entry.name)) return "program";
    total += entry.uncompressedSize;
    compressed += entry.compressedSize;
    if (entry.compressedSize === 0 && entry.uncompressedSize > 0) return "bomb";
  }
  if (total > limits.maxUncompressed) return "bomb";
  if (total > ratioFloor && total > compressed * limits.maxRatio) return "bomb";
  for (const entry of entries) {
    const problem = checkNested(bytes, entry, limits, depth);
    if (problem) return problem;
  }
  return null;
}

function checkNested(
  bytes: Uint8Array,
  entry: ZipEntry,
  limits: ArchiveLimits,
  depth: number,
): ArchiveProblem | null {
  if (entry.name.endsWith("/")) return null;
  const named = archiveName.test(entry.name);
  // A stored entry shows its first bytes as they are; a deflated one is unpacked only when its
  // name says archive (unpacking every entry to look would be the bomb's own work).
  const head = entry.method === 0 ? readZipEntry(bytes, entry, entry.uncompressedSize) : null;
  if (head && looksExecutable(head)) return "program";
  const zipInside = (head && isZip(head)) || /\.(zip|jar)$/i.test(entry.name);
  if (!named && !zipInside) return null;
  // One level of archives in an archive is allowed (a lesson packed with its exercises' zip).
  if (depth >= 1) return "nested";
  if (!zipInside) return null;
  const inner = readZipEntry(bytes, entry, limits.maxUncompressed);
  if (!inner || !isZip(inner)) return "unreadable";
  return checkZipArchive(inner, limits, depth + 1);
}
