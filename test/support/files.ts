import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { type FileStore, localFileStore } from "../../src/platform/files/file-store";

// Uploaded files in tests: a local store in a fresh temporary directory per test process.

let store: FileStore | undefined;

export function testFileStore(): FileStore {
  store ??= localFileStore(mkdtempSync(join(tmpdir(), "innovet-files-")));
  return store;
}

export const testAttachmentLimits = { maxBytes: 10 * 1024 * 1024, maxCount: 20 };

/** Small limits for a material version's files, so tests reach them quickly. */
export const testMaterialFileLimits = {
  maxBytes: 1024 * 1024,
  maxCount: 3,
  maxUncompressed: 10 * 1024 * 1024,
};

/** A small but real PDF (one empty page), as bytes. */
export function tinyPdf(text = "InnoVET"): Uint8Array<ArrayBuffer> {
  const body = [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj",
    `% ${text}`,
    "trailer << /Root 1 0 R >>",
    "%%EOF",
  ].join("\n");
  return new TextEncoder().encode(body);
}

/** A PDF whose one content stream (compressed, as real ones are) shows `words` as text. */
export function pdfWithText(words: string): Uint8Array<ArrayBuffer> {
  const stream = deflateSync(Buffer.from(`BT /F1 12 Tf 72 700 Td (${words}) Tj ET`, "latin1"));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from(
        `%PDF-1.4\n4 0 obj << /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`,
      ),
      stream,
      Buffer.from("\nendstream\nendobj\n%%EOF\n"),
    ]),
  );
}
