import { OfficeParser } from "officeparser";
import { getDocumentProxy } from "unpdf";
import type { MaterialKind } from "./sniff.ts";

// The text inside a learning material's file, for search (issue 4, item 3), read by well-kept
// libraries instead of the hand-written reader before them (which read nothing from a PDF with an
// embedded font and glued DOCX words together at tabs and line breaks; ADR 0023): `unpdf` (Mozilla's
// pdf.js) for PDF, `officeparser` for DOCX, PPTX, ODT and ODP. This runs only inside the
// file-inspection worker (inspect-file.ts), which caps its time and memory; here the work is capped
// by what is read: pages, PDF streams and characters. Office files come here only after their zip
// passed the archive check (every entry really inflated within the cap). Honest limits: scanned
// PDFs have no text (no OCR), and text beyond the cap is not searched.

export const maxExtractedChars = 200_000;
/** Pages beyond these are not read (a syllabus has tens; a hostile PDF, millions of empty ones). */
export const maxPdfPages = 2_000;
/** More streams than this, and a PDF is not read at all: inflating each costs time and memory. */
export const maxPdfStreams = 20_000;

const textKinds = new Set<MaterialKind>(["docx", "pptx", "odt", "odp", "pdf"]);

/** Whether files of this kind have text worth extracting. */
export const hasText = (kind: MaterialKind) => textKinds.has(kind);

/** The number of "stream" keywords: an upper bound on the PDF's streams, counted without parsing. */
function countStreams(pdf: Uint8Array, stopAfter: number): number {
  const keyword = Buffer.from("endstream");
  const buffer = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  let n = 0;
  for (
    let at = buffer.indexOf(keyword);
    at >= 0 && n <= stopAfter;
    at = buffer.indexOf(keyword, at + 1)
  )
    n++;
  return n;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  if (countStreams(bytes, maxPdfStreams) > maxPdfStreams) return "";
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
