import { Unzlib } from "fflate";
import { OfficeParser } from "officeparser";
import { getDocumentProxy } from "unpdf";
import type { MaterialKind } from "./sniff.ts";

// The text inside a learning material's file, for search (issue 4, item 3), read by well-kept
// libraries instead of the hand-written reader before them (which read nothing from a PDF with an
// embedded font and glued DOCX words together at tabs and line breaks; ADR 0023): `unpdf` (Mozilla's
// pdf.js) for PDF, `officeparser` for DOCX, PPTX, ODT and ODP. This runs only inside the
// file-inspection worker (inspect-file.ts), which caps its time and heap; here the work is capped by
// what is read: a PDF's streams are first counted and inflated (measured, dropped) within a cap on
// their total, because pdf.js's decoded streams live outside the heap the worker's limit holds;
// then pages and characters are capped. Office files come here only after their zip passed the
// archive check (every entry really inflated within the cap). Honest limits: scanned PDFs have no
// text (no OCR), and text beyond the cap is not searched.

export const maxExtractedChars = 200_000;
/** Pages beyond these are not read (a syllabus has tens; a hostile PDF, millions of empty ones). */
export const maxPdfPages = 2_000;
/** More streams than this, and a PDF is not read at all: inflating each costs time and memory. */
export const maxPdfStreams = 20_000;
/**
 * What a PDF's compressed streams together may inflate to before pdf.js is given it. The worker's
 * heap limit does not hold pdf.js's decoded streams (typed arrays live outside the V8 heap), so
 * one stream of zeros could otherwise grow to gigabytes within the time limit. Images count too:
 * a page's content stream could call itself an image. Measuring costs about a second per 100 MiB
 * on a busy machine; a PDF beyond it (hundreds of uncompressed-size megabytes of screenshots) is
 * kept without text.
 */
export const maxPdfInflatedBytes = 256 * 1024 * 1024;

const ascii = (text: string) => Buffer.from(text, "latin1");
const streamKeyword = ascii("stream");
const endstreamKeyword = ascii("endstream");

/**
 * Whether the PDF's FlateDecode streams stay within the caps: at most `maxPdfStreams` streams,
 * and together at most `maxPdfInflatedBytes` once inflated, measured by really inflating each (as
 * a stream, in small slices, dropping the output) and stopping at the cap.
 */
export function pdfWithinCaps(pdf: Uint8Array): boolean {
  const buffer = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  let streams = 0;
  let inflated = 0;
  for (
    let at = buffer.indexOf(streamKeyword);
    at >= 0;
    at = buffer.indexOf(streamKeyword, at + 1)
  ) {
    if (at >= 3 && buffer.toString("latin1", at - 3, at) === "end") continue;
    let start = at + streamKeyword.length;
    if (buffer[start] === 0x0d) start++;
    if (buffer[start] !== 0x0a) continue;
    start++;
    if (++streams > maxPdfStreams) return false;
    const end = buffer.indexOf(endstreamKeyword, start);
    if (end < 0) break;
    // The stream's dictionary: back to its object's "obj" (a nested dictionary such as
    // DecodeParms may come before /Filter), at most 4,000 bytes.
    const dictionary = buffer.toString("latin1", Math.max(0, at - 4000), at);
    const own = dictionary.slice(dictionary.lastIndexOf("obj") + 1);
    if (/\/FlateDecode/.test(own)) {
      let overCap = false;
      const unzlib = new Unzlib((chunk) => {
        inflated += chunk.length;
        if (inflated > maxPdfInflatedBytes) overCap = true;
      });
      try {
        for (let slice = start; slice < end && !overCap; slice += 16_384)
          unzlib.push(buffer.subarray(slice, Math.min(end, slice + 16_384)), false);
      } catch {
        // a broken stream: pdf.js will skip it too
      }
      if (overCap) return false;
    }
    at = end;
  }
  return true;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  if (!pdfWithinCaps(bytes)) return "";
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    let text = "";
    const pages = Math.min(pdf.numPages, maxPdfPages);
    for (let number = 1; number <= pages && text.length < maxExtractedChars; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      for (const item of content.items)
        if ("str" in item) text += item.hasEOL ? `${item.str}\n` : item.str;
      text += "\n";
      page.cleanup();
    }
    return text;
  } finally {
    await pdf.loadingTask.destroy();
  }
}

async function officeText(bytes: Uint8Array, kind: "docx" | "pptx" | "odt" | "odp") {
  const ast = await OfficeParser.parseOffice(Buffer.from(bytes), {
    fileType: kind,
    ocr: false,
    extractAttachments: false,
    ignoreComments: true,
  });
  return (await ast.to("text")).value;
}

/**
 * The text of a file of the given kind, tidied and capped; "" for kinds without text and for a
 * file the library cannot read (it passed the checks, so it is kept; it is only not searchable).
 */
export async function extractText(bytes: Uint8Array, kind: MaterialKind): Promise<string> {
  let text = "";
  try {
    if (kind === "pdf") text = await pdfText(bytes);
    else if (kind === "docx" || kind === "pptx" || kind === "odt" || kind === "odp")
      text = await officeText(bytes, kind);
  } catch {
    text = "";
  }
  return tidy(text).slice(0, maxExtractedChars);
}

/** One space between words (tabs included), one line break between lines, no control codes. */
function tidy(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
      .replace(/[ \t\u00a0]+/g, " ")
      .replace(/ *\n[ \n]*/g, "\n")
      .trim()
  );
}
