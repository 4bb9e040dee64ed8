// What a file really is, read from its first bytes (magic numbers), never from the name or the
// type the browser sends: a renamed program stays a program. Office documents are zip files: an
// OpenDocument file's first entry is "mimetype" (stored uncompressed, holding the media type); an
// Office Open XML file's central directory holds "[Content_Types].xml" and the part that says
// which kind of document it is. Where "[Content_Types].xml" comes is not fixed: Word writes it
// first, LibreOffice writes "_rels/.rels" first (a LibreOffice DOCX was refused before).

import { firstStoredEntryHead, firstZipEntryName, readZipDirectory } from "./zip.ts";

export const sniffedTypes = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  odt: "application/vnd.oasis.opendocument.text",
} as const;
export type SniffedKind = keyof typeof sniffedTypes;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** The names in a zip's central directory (the one zip reader, ./zip.ts), or null. */
const zipEntryNames = (bytes: Uint8Array) => readZipDirectory(bytes)?.map((e) => e.name) ?? null;

/** OpenDocument's "mimetype": the first entry, stored (method 0), its content the media type. */
const odfMediaType = (bytes: Uint8Array) => {
  const head = firstStoredEntryHead(bytes, 100);
  return head ? latin1(head) : null;
};

function sniffZip(bytes: Uint8Array): SniffedKind | null {
  const firstName = firstZipEntryName(bytes);
  if (firstName === "mimetype") return odfMediaType(bytes) === sniffedTypes.odt ? "odt" : null;
  const names = zipEntryNames(bytes);
  if (!names?.includes("[Content_Types].xml")) return null;
  if (names.includes("word/document.xml")) return "docx";
  if (names.includes("xl/workbook.xml")) return "xlsx";
  return null;
}

/** The kind of file the bytes are, or null when it is none of the accepted kinds. */
export function sniffFile(bytes: Uint8Array): SniffedKind | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes);
  return null;
}

// The library's files (learning materials) are a wider family than attachments: slides,
// spreadsheets, images, short videos and zip archives of a lesson's parts. Same rule: the kind is
// read from the content only.

export const materialTypes = {
  pdf: sniffedTypes.pdf,
  docx: sniffedTypes.docx,
  xlsx: sniffedTypes.xlsx,
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: sniffedTypes.odt,
  odp: "application/vnd.oasis.opendocument.presentation",
  png: sniffedTypes.png,
  jpeg: sniffedTypes.jpeg,
  gif: "image/gif",
  webp: "image/webp",
  mp4: "video/mp4",
  webm: "video/webm",
  zip: "application/zip",
} as const;
export type MaterialKind = keyof typeof materialTypes;

/** The MP4 brands of ordinary video (ISO base media); HEIC images and QuickTime are not videos here. */
const mp4Brands = new Set([
  "isom",
  "iso2",
  "iso4",
  "iso5",
  "iso6",
  "mp41",
  "mp42",
  "avc1",
  "M4V ",
  "dash",
  "mmp4",
]);

/**
 * Whether the bytes are a program rather than a document: Windows (MZ), Linux (ELF), macOS
 * (Mach-O, both byte orders, and universal binaries) or a script with a `#!` line.
 */
export function looksExecutable(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, ascii("MZ")) ||
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(bytes, [0xfe, 0xed, 0xfa, 0xce]) ||
    startsWith(bytes, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(bytes, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe]) ||
    startsWith(bytes, ascii("#!"))
  );
}

function sniffMaterialZip(bytes: Uint8Array): MaterialKind {
  const firstName = firstZipEntryName(bytes);
  if (firstName === "mimetype") {
    const content = odfMediaType(bytes);
    if (content === materialTypes.odt) return "odt";
    if (content === materialTypes.odp) return "odp";
  }
  const names = zipEntryNames(bytes) ?? [];
  if (names.includes("[Content_Types].xml")) {
    if (names.includes("word/document.xml")) return "docx";
    if (names.includes("xl/workbook.xml")) return "xlsx";
    if (names.includes("ppt/presentation.xml")) return "pptx";
  }
  // Any other zip is an archive of a lesson's parts; what is inside is checked separately.
  return "zip";
}

/** The kind of a learning material's file, or null when it is none of the accepted kinds. */
export function sniffMaterialFile(bytes: Uint8Array): MaterialKind | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, ascii("ftyp"), 4) && mp4Brands.has(latin1(bytes.subarray(8, 12))))
    return "mp4";
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3]) && latin1(bytes.subarray(0, 64)).includes("webm"))
    return "webm";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffMaterialZip(bytes);
  return null;
}
