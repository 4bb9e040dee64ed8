// What a file really is, read from its first bytes (magic numbers), never from the name or the
// type the browser sends: a renamed program stays a program. Office documents are zip files; a
// zip is accepted only when its first entry is what Office Open XML ("[Content_Types].xml") or
// OpenDocument ("mimetype", stored uncompressed, holding the media type) writes first, and its
// central directory holds the part that says which kind of document it is.

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

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The names in a zip's central directory, or null when it has none that can be read. */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  // The end-of-central-directory record is in the last 22 + 65535 bytes (its comment).
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= from; at--) {
    if (u32(bytes, at) !== 0x06054b50) continue;
    const count = u16(bytes, at + 10);
    let entry = u32(bytes, at + 16);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      if (entry + 46 > bytes.length || u32(bytes, entry) !== 0x02014b50) return null;
      const nameLength = u16(bytes, entry + 28);
      const rest = nameLength + u16(bytes, entry + 30) + u16(bytes, entry + 32);
      names.push(latin1(bytes.subarray(entry + 46, entry + 46 + nameLength)));
      entry += 46 + rest;
    }
    return names;
  }
  return null;
}

function sniffZip(bytes: Uint8Array): SniffedKind | null {
  const nameLength = u16(bytes, 26);
  const extraLength = u16(bytes, 28);
  const firstName = latin1(bytes.subarray(30, 30 + nameLength));
  if (firstName === "mimetype") {
    // OpenDocument: the first entry is stored (method 0), its content the media type.
    if (u16(bytes, 8) !== 0) return null;
    const size = u32(bytes, 18);
    const start = 30 + nameLength + extraLength;
    const content = latin1(bytes.subarray(start, start + Math.min(size, 100)));
    return content === sniffedTypes.odt ? "odt" : null;
  }
  if (firstName !== "[Content_Types].xml") return null;
  const names = zipEntryNames(bytes);
  if (!names) return null;
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
