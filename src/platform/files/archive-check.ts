import { looksExecutable } from "./sniff.ts";
import { inflateZipEntry, readZipDirectory, readZipEntry, type ZipEntry } from "./zip.ts";

// A zip archive is checked before it is kept: a learning material's zip, and the zip inside every
// DOCX, PPTX, XLSX, ODT and ODP, attachments and library files alike. It is refused for an archive
// bomb (a few kilobytes that unpack to gigabytes, or millions of entries), entries that would land
// outside the folder they are unpacked into (`../`, `/etc/…`, `C:\…`), programs, and archives in
// archives beyond one level. The sizes a zip declares are never believed: EVERY entry is really
// inflated, as a stream with a running count that stops past what is left of the budget, so a zip
// whose headers claim 10 MB and whose data unpacks to 1 GB stops at the cap, and costs no more
// memory than one slice (ADR 0023). This runs in the file-inspection worker (inspect-file.ts),
// under its time and memory limits.

export interface ArchiveLimits {
  /** The most all entries together may unpack to, in bytes (measured, not declared). */
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
 * (a web lesson's .js and .html stay allowed: SCORM packages are made of them), and any entry
 * whose bytes are a program, whatever its name.
 */
const programName = /\.(exe|msi|scr|com|pif|cpl|dll|bat|cmd|ps1|vbs|vbe|wsf|lnk|apk|dmg|pkg)$/i;

/** Below this, a high ratio is harmless (a small XML file of spaces compresses 1000:1). */
const ratioFloor = 1024 * 1024;

const zipName = /\.(zip|jar)$/i;
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
  for (const entry of entries) {
    if (unsafePath(entry.name)) return "unsafePath";
    if (programName.test(entry.name)) return "program";
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith("/") && entry.compressedSize === 0) continue;
    const measured = measureEntry(bytes, entry, limits, depth, limits.maxUncompressed - total);
    if (typeof measured === "string") return measured;
    total += measured;
    // One entry far beyond its compressed size is a bomb even when the others make it look
    // ordinary overall (a DOCX whose document.xml unpacks 1:1,029).
    if (measured > ratioFloor && measured > entry.compressedSize * limits.maxRatio) return "bomb";
  }
  if (total > ratioFloor && total > bytes.length * limits.maxRatio) return "bomb";
  return null;
}

/** The real unpacked size of one entry, or what is wrong with it. */
function measureEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  limits: ArchiveLimits,
  depth: number,
  budget: number,
): number | ArchiveProblem {
  // A zip inside (by its name) is kept whole, within the budget, to be checked in its turn; any
  // other entry is only counted, its first bytes kept to recognise a program or a zip.
  const outcome = inflateZipEntry(bytes, entry, budget, zipName.test(entry.name));
  if (!outcome.ok) return outcome.reason === "tooLarge" ? "bomb" : "unreadable";
  if (looksExecutable(outcome.head)) return "program";
  const zipInside = isZip(outcome.head);
  if (!zipInside && !archiveName.test(entry.name)) return outcome.size;
  // One level of archives in an archive is allowed (a lesson packed with its exercises' zip).
  if (depth >= 1) return "nested";
  if (!zipInside) return zipName.test(entry.name) ? "unreadable" : outcome.size;
  const inner = outcome.content ?? readZipEntry(bytes, entry, budget);
  if (!inner) return "unreadable";
  const problem = checkZipArchive(inner, { ...limits, maxUncompressed: budget }, depth + 1);
  return problem ?? outcome.size;
}
