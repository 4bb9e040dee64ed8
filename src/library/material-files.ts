import { checkZipArchive, defaultArchiveLimits } from "../platform/files/archive-check";
import { looksExecutable, type MaterialKind, sniffMaterialFile } from "../platform/files/sniff";

// What a file of a learning material may be (issue 4, item 7): the kinds read from its content,
// never a program, never an archive bomb. The limits come from configuration.

export interface MaterialFileLimits {
  /** The largest file, in bytes. */
  maxBytes: number;
  /** The most files per version. */
  maxCount: number;
  /** The most a zip archive (also a DOCX, PPTX …) may unpack to, in bytes. */
  maxUncompressed: number;
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

/** The kind of the file, or the message that says why it is refused. */
export function checkMaterialBytes(
  bytes: Uint8Array,
  limits: Pick<MaterialFileLimits, "maxUncompressed">,
): { kind: MaterialKind } | { problem: MaterialFileProblem } {
  if (bytes.length === 0) return { problem: "library.file.error.empty" };
  if (looksExecutable(bytes)) return { problem: "library.file.error.executable" };
  const kind = sniffMaterialFile(bytes);
  if (!kind) return { problem: "library.file.error.unsupportedType" };
  if (zipKinds.has(kind)) {
    const problem = checkZipArchive(bytes, {
      ...defaultArchiveLimits,
      maxUncompressed: limits.maxUncompressed,
    });
    if (problem === "bomb") return { problem: "library.file.error.archiveBomb" };
    if (problem === "unsafePath") return { problem: "library.file.error.archivePath" };
    if (problem === "nested") return { problem: "library.file.error.archiveNested" };
    if (problem === "unreadable") return { problem: "library.file.error.archiveUnreadable" };
    if (problem === "program") return { problem: "library.file.error.archiveProgram" };
  }
  return { kind };
}
