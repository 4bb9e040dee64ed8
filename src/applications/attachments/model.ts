// The attachments (bijlagen) of an application: signed letters of commitment
// (engagementsverklaringen, see ../shared/glossary.md), quotes, CVs and other documents. The
// files themselves live in the file store (src/platform/files); the database keeps what they are.

export const attachmentKinds = ["commitmentLetter", "quote", "cv", "other"] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

/** An attachment as the pages, the dossier and the submitted snapshot know it. */
export interface Attachment {
  id: string;
  kind: AttachmentKind;
  description: string;
  /** The name as uploaded, made safe to show (sanitiseFileName). */
  fileName: string;
  /** The type read from the content (sniffFile), not what the browser said. */
  mediaType: string;
  sizeBytes: number;
  /** SHA-256 (hex) of the content: how a submitted snapshot refers to the file. */
  sha256: string;
  uploadedBy: { id: string; name: string };
  /** ISO 8601 instant. */
  uploadedAt: string;
}

export interface AttachmentLimits {
  maxBytes: number;
  maxCount: number;
  /** The most an office file (a zip inside) may really unpack to, in bytes. */
  maxUncompressed: number;
}

/** "1,2 MB", "830 kB", "12 bytes": a size the way a person reads it. */
export function formatFileSize(bytes: number, locale: "nl" | "en"): string {
  const number = new Intl.NumberFormat(locale === "en" ? "en-GB" : "nl-BE", {
    maximumFractionDigits: 1,
  });
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${number.format(bytes / 1000)} kB`;
  return `${number.format(bytes / 1_000_000)} MB`;
}
