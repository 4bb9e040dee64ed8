import type { ArchiveProblem } from "../platform/files/archive-check";
import { looksExecutable, type MaterialKind, sniffMaterialFile } from "../platform/files/sniff";

// What a file of a learning material may be (issue 4, item 7): the kinds read from its content,
// never a program, never an archive bomb. The limits come from configuration. The archive check
// itself (every entry really inflated, within `maxUncompressed`) runs in the inspection worker
// (src/platform/files/inspect-file.ts), with the text extraction; ADR 0023.

export interface MaterialFileLimits {
  /** The largest file, in bytes. */
  maxBytes: number;
  /** The most files per version. */
  maxCount: number;
  /** The most a zip archive (also a DOCX, PPTX …) may really unpack to, in bytes. */
  maxUncompressed: number;
  /** How long reading one file's text may take before it is kept without text (tests shorten it). */
  inspectionTimeoutMs?: number;
}

export type MaterialFileProblem =
  | "library.file.error.empty"
  | "library.file.error.executable"
  | "library.file.error.unsupportedType"
  | "library.file.error.archiveBomb"
  | "library.file.error.archivePath"
  | "library.file.error.archiveNested"
  | "library.file.error.archiveUnreadable"
  | "library.file.error.archiveProgram";

const zipKinds = new Set<MaterialKind>(["docx", "xlsx", "pptx", "odt", "odp", "zip"]);

/** Whether the kind is a zip archive underneath (and so must pass the archive check). */
export const isZipKind = (kind: MaterialKind) => zipKinds.has(kind);

/** The message for each thing the archive check finds. */
export const archiveProblemMessage: Record<ArchiveProblem, MaterialFileProblem> = {
  bomb: "library.file.error.archiveBomb",
  unsafePath: "library.file.error.archivePath",
  nested: "library.file.error.archiveNested",
  unreadable: "library.file.error.archiveUnreadable",
  program: "library.file.error.archiveProgram",
};

/** The kind of the file, or the message that says why it is refused, from its first bytes. */
export function checkMaterialBytes(
  bytes: Uint8Array,
): { kind: MaterialKind } | { problem: MaterialFileProblem } {
  if (bytes.length === 0) return { problem: "library.file.error.empty" };
  if (looksExecutable(bytes)) return { problem: "library.file.error.executable" };
  const kind = sniffMaterialFile(bytes);
  if (!kind) return { problem: "library.file.error.unsupportedType" };
  return { kind };
}
