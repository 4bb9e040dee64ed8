import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { zipSync } from "fflate";
import PDFDocument from "pdfkit";
import { type FileStore, localFileStore } from "../../src/platform/files/file-store";

const require = createRequire(import.meta.url);

// Uploaded files in tests: a local store in a fresh temporary directory per test process.

let store: FileStore | undefined;

export function testFileStore(): FileStore {
  store ??= localFileStore(mkdtempSync(join(tmpdir(), "innovet-files-")));
  return store;
}

export const testAttachmentLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxCount: 20,
  maxUncompressed: 10 * 1024 * 1024,
};

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

/** A complete PDF from its objects' bodies (object 1 the catalog), with a correct xref table. */
function assemblePdf(objects: Buffer[]): Uint8Array<ArrayBuffer> {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((body, i) => {
    offsets.push(length);
    const object = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      body,
      Buffer.from("\nendobj\n"),
    ]);
    parts.push(object);
    length += object.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `),
    `trailer << /Size ${objects.length + 1} /Root 1 0 R >>`,
    "startxref",
    String(length),
    "%%EOF\n",
  ].join("\n");
  parts.push(Buffer.from(xref));
  return new Uint8Array(Buffer.concat(parts));
}

const streamObject = (dictionary: string, data: Buffer) =>
  Buffer.concat([
    Buffer.from(`<< ${dictionary} /Length ${data.length} >>\nstream\n`),
    data,
    Buffer.from("\nendstream"),
  ]);

/**
 * A one-page PDF whose content stream (compressed, as real ones are) shows `words` in Helvetica,
 * one of the standard fonts a PDF may use without embedding it. Latin-1 text only.
 */
export function pdfWithText(words: string): Uint8Array<ArrayBuffer> {
  const content = deflateSync(Buffer.from(`BT /F1 12 Tf 72 700 Td (${words}) Tj ET`, "latin1"));
  return assemblePdf([
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    ),
    streamObject("/Filter /FlateDecode", content),
    Buffer.from(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ),
  ]);
}

/**
 * A hostile PDF (issue, item 2): `pages` pages, each with its own content stream that inflates to
 * `inflatedBytes` (spaces: about 1,000:1), so the file is small and reading it all is not. The
 * compressed stream is made once and repeated, so building it is quick.
 */
export function hostilePdf(pages: number, inflatedBytes: number): Uint8Array<ArrayBuffer> {
  const content = deflateSync(Buffer.alloc(inflatedBytes, 0x20), { level: 9 });
  const pageIds = Array.from({ length: pages }, (_, i) => 3 + 2 * i);
  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from(
      `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages} >>`,
    ),
  ];
  for (const id of pageIds) {
    objects.push(
      Buffer.from(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${id + 1} 0 R >>`,
      ),
      streamObject("/Filter /FlateDecode", content),
    );
  }
  return assemblePdf(objects);
}

/**
 * A PDF made by pdfkit with DejaVu Sans embedded (a subset with its ToUnicode map, as Word,
 * LibreOffice and the platform's own submission PDF write them), one paragraph per line.
 */
export async function pdfkitPdf(lines: string[]): Promise<Uint8Array> {
  const document = new PDFDocument({ size: "A4", compress: true });
  const chunks: Buffer[] = [];
  document.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((done) => document.on("end", () => done()));
  document.font(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")).fontSize(12);
  for (const line of lines) document.text(line);
  document.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/** A zip's entry sizes rewritten in both its local and central headers (what a lying zip does). */
export function withDeclaredSize(
  zip: Uint8Array,
  uncompressedSize: number,
): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(zip);
  const view = new DataView(copy.buffer);
  for (let at = 0; at + 4 <= copy.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, uncompressedSize, true);
    if (signature === 0x02014b50) view.setUint32(at + 24, uncompressedSize, true);
  }
  return copy;
}

/**
 * Zeros with a random byte every `every` bytes: every 10 compresses about 4:1, every 200 about
 * 60:1, both under the archive check's ratio rule (100:1), so that the size cap must catch them.
 */
export function sparseBytes(size: number, every: number): Uint8Array {
  const data = new Uint8Array(size);
  let seed = 1;
  for (let i = 0; i < size; i += every) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    data[i] = seed >>> 24;
  }
  return data;
}

/** A zip whose one entry really inflates to `real` bytes while both its headers declare 1,000. */
export function lyingZip(name: string, real: number, every: number): Uint8Array<ArrayBuffer> {
  return withDeclaredSize(zipSync({ [name]: sparseBytes(real, every) }, { level: 6 }), 1_000);
}
