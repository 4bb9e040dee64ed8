import PDFDocument from "pdfkit";
import { serveCapped } from "../../platform/capped-process.ts";

// The receipt PDF's layout, run in a child process (ADRs 0024 and 0036): pdfkit lays text out
// synchronously, so in the server's process a hostile answer would stop every request, and
// running out of memory would end it. Here the server kills the child at its time cap, and the
// child's own heap cap ends only the child. Node runs this file as it is (type stripping), so it
// imports of the project only the capped process's child side (which has nothing to strip but
// types) and types: the text arrives ready (translated, capped, long runs broken).

export type ReceiptBlock =
  | { kind: "heading"; text: string; size: number }
  | { kind: "fact"; label: string; value: string }
  | { kind: "question"; label: string; answer: string }
  | { kind: "space"; lines: number };

export interface ReceiptLayout {
  lang: string;
  info: { Title: string; Author: string; Subject: string; CreationDate: Date };
  fonts: { regular: string; bold: string };
  blocks: ReceiptBlock[];
  /** The footer of every page, with `{page}` and `{pages}` still to fill in. */
  footer: string;
}

function render(layout: ReceiptLayout): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    lang: layout.lang,
    info: {
      ...layout.info,
      Creator: "InnoVET",
      Producer: "InnoVET",
      ModDate: layout.info.CreationDate,
    },
  });
  doc.registerFont("regular", layout.fonts.regular);
  doc.registerFont("bold", layout.fonts.bold);
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  for (const block of layout.blocks) {
    if (block.kind === "heading")
      doc.font("bold").fontSize(block.size).text(block.text).moveDown(0.4);
    else if (block.kind === "fact") {
      doc.font("bold").fontSize(10).text(`${block.label}: `, { continued: true });
      doc.font("regular").text(block.value);
    } else if (block.kind === "question") {
      doc.font("bold").fontSize(10.5).text(block.label).moveDown(0.2);
      doc.font("regular").fontSize(10).text(block.answer, { align: "left" }).moveDown(0.6);
    } else doc.moveDown(block.lines);
  }

  // Footer on every page: the fingerprint and the page number, so a loose page is traceable.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("regular")
      .fontSize(7.5)
      .fillColor("#444444")
      .text(
        layout.footer.replace("{page}", String(i + 1)).replace("{pages}", String(range.count)),
        doc.page.margins.left,
        doc.page.height - 40,
        {
          width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

serveCapped<ReceiptLayout, Uint8Array>(import.meta.url, async (layout, send) =>
  send(await render(layout)),
);
