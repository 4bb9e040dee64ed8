import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { hostilePdf, lyingZip, pdfkitPdf } from "../../../test/support/files";
import { checkZipArchive, defaultArchiveLimits } from "./archive-check";
import { maxExtractedChars, maxPdfInflatedBytes, pdfWithinCaps } from "./extract-text";
import { inspectFile } from "./inspect-file";
import { readZipDirectory } from "./zip";

// Reading real documents safely (ADR 0023), through the inspection worker as uploads do. The
// office files and the PDF with embedded fonts in fixtures/ were made by LibreOffice 7.4 from the
// flat sources beside them (`soffice --headless --convert-to docx lesson.fodt`, and so on; CI has
// no LibreOffice, so they are committed); the DejaVu PDF is made here by pdfkit, as the
// submission PDF is. The bombs are generated: a high-ratio entry, and headers that lie.

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const limits = { ...defaultArchiveLimits, maxUncompressed: 10 * 1024 * 1024 };

const lessonText = [
  "Veilig lassen in de werkplaats",
  "Lasmasker veiligheidsbril handschoenen",
  "Eerste regel",
  "tweede regel na een regeleinde",
  "Één leerling, vijf lasnaden: ç, ë, ï en €.",
].join("\n");
const slidesText = "Lastechnieken\nElektrode booglassen\nTweede dia over\nTIG-lassen";

describe("text from real documents", () => {
  it.each([
    ["lesson.docx", "docx", lessonText],
    ["lesson.odt", "odt", lessonText],
    ["slides.pptx", "pptx", slidesText],
    ["slides.odp", "odp", slidesText],
    // LibreOffice embeds subsets of Liberation Sans and Serif (TrueType with a ToUnicode map)
    ["lesson.pdf", "pdf", lessonText],
  ] as const)("%s (LibreOffice)", async (name, kind, expected) => {
    const inspection = await inspectFile(fixture(name), {
      kind,
      archive: kind === "pdf" ? null : limits,
      extractText: true,
    });
    expect(inspection).toEqual({ problem: null, text: expected, textLost: null });
  });

  it("keeps DOCX words apart at tabs and line breaks", async () => {
    const { text } = await inspectFile(fixture("lesson.docx"), {
      kind: "docx",
      archive: limits,
      extractText: true,
    });
    expect(text).toContain("Lasmasker veiligheidsbril handschoenen");
    expect(text).toContain("Eerste regel\ntweede regel");
    expect(text).not.toMatch(/Lasmaskerveiligheidsbril|regeltweede/);
  });

  it("reads a PDF with an embedded font made by pdfkit (DejaVu Sans, as the submission PDF)", async () => {
    const pdf = await pdfkitPdf(["Aanvraag: Lassen met AR", "Één school, één partner — €1.250"]);
    const { text } = await inspectFile(pdf, { kind: "pdf", archive: null, extractText: true });
    expect(text).toBe("Aanvraag: Lassen met AR\nÉén school, één partner — €1.250");
  });

  it("caps the text at maxExtractedChars", async () => {
    const { text } = await inspectFile(fixture("long.docx"), {
      kind: "docx",
      archive: limits,
      extractText: true,
    });
    expect(text).toHaveLength(maxExtractedChars);
    expect(text.startsWith("Alinea 0: lassen met een lasmasker")).toBe(true);
  });

  it("has no text for an image, and none (without failing) for a broken document", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await inspectFile(png, { kind: "png", archive: null, extractText: true })).toEqual({
      problem: null,
      text: "",
      textLost: null,
    });
    const broken = strToU8("%PDF-1.7\nkapot");
    expect(await inspectFile(broken, { kind: "pdf", archive: null, extractText: true })).toEqual({
      problem: null,
      text: "",
      textLost: null,
    });
  });
});

describe("a hostile PDF costs one capped child process, never the server", () => {
  it("the issue's PDF (300 compressed streams, ~6 MB, 20 MB each inflated) is kept without text, while the event loop runs on", async () => {
    const hostile = hostilePdf(300, 20 * 1024 * 1024);
    expect(hostile.length).toBeLessThan(7 * 1024 * 1024);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const inspection = await inspectFile(hostile, {
      kind: "pdf",
      archive: null,
      extractText: true,
    });
    clearInterval(ticker);
    // Its streams inflate past the cap (measured, stopping at it), so pdf.js is not even given it.
    expect(inspection).toEqual({ problem: null, text: "", textLost: null });
    expect(pdfWithinCaps(hostile)).toBe(false);
    // The main thread was free meanwhile: the timer kept firing while the worker inflated.
    expect(ticks).toBeGreaterThan(5);
  });

  it("one stream of zeros that would inflate past the cap on its own is not read either", () => {
    expect(pdfWithinCaps(hostilePdf(1, maxPdfInflatedBytes + 1024 * 1024))).toBe(false);
    expect(pdfWithinCaps(fixture("lesson.pdf"))).toBe(true);
  });

  it("a child over its time is killed and the file kept without text", async () => {
    expect(
      await inspectFile(fixture("lesson.pdf"), {
        kind: "pdf",
        archive: null,
        extractText: true,
        timeoutMs: 1,
      }),
    ).toEqual({ problem: null, text: "", textLost: "timeout" });
  });

  it("a child out of its heap ends and the file is kept without text", async () => {
    expect(
      await inspectFile(fixture("lesson.pdf"), {
        kind: "pdf",
        archive: null,
        extractText: true,
        maxHeapMb: 16,
      }),
    ).toEqual({ problem: null, text: "", textLost: "failed" });
  });
});

/** The LibreOffice DOCX with its document.xml padded to expand 1:1,029 or so (20 MB of spaces). */
function docxBomb(): Uint8Array {
  const parts = unzipSync(fixture("lesson.docx"));
  const xml = strFromU8(parts["word/document.xml"] as Uint8Array);
  parts["word/document.xml"] = strToU8(
    xml.replace("</w:body>", `${" ".repeat(20 * 1024 * 1024)}</w:body>`),
  );
  // [Content_Types].xml stays first, as Word and LibreOffice write it
  return zipSync(parts, { level: 9 });
}

describe("archive bombs are measured by really inflating every entry", () => {
  it("refuses a DOCX whose document.xml expands about 1:1,029", async () => {
    const bomb = docxBomb();
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(checkZipArchive(bomb, { ...limits, maxUncompressed: 500 * 1024 * 1024 })).toBe("bomb");
    expect(
      await inspectFile(bomb, { kind: "docx", archive: limits, extractText: true }),
    ).toMatchObject({ problem: "bomb", text: "" });
  });

  it("refuses a zip whose local and central headers declare small sizes but whose data inflates past the cap", async () => {
    const liar = lyingZip("les/data.bin", 12 * 1024 * 1024, 10);
    const [entry] = readZipDirectory(liar) ?? [];
    expect(entry?.uncompressedSize).toBe(1_000);
    expect(entry?.compressedSize).toBeLessThan(liar.length);
    expect(entry && entry.compressedSize * 100).toBeGreaterThan(12 * 1024 * 1024);
    expect(checkZipArchive(liar, limits)).toBe("bomb");
    expect(
      await inspectFile(liar, { kind: "zip", archive: limits, extractText: false }),
    ).toMatchObject({ problem: "bomb" });
  });

  it("refuses a zip whose declared compressed size cuts its data short", () => {
    const zip = new Uint8Array(zipSync({ "les/tekst.txt": strToU8("lassen ".repeat(5000)) }));
    const view = new DataView(zip.buffer);
    for (let at = 0; at + 4 <= zip.length; at++)
      if (view.getUint32(at, true) === 0x02014b50)
        view.setUint32(at + 20, view.getUint32(at + 20, true) - 10, true);
    expect(checkZipArchive(zip, limits)).toBe("unreadable");
  });

  it("accepts the real office files", () => {
    for (const name of ["lesson.docx", "lesson.odt", "slides.pptx", "slides.odp", "long.docx"])
      expect(checkZipArchive(fixture(name), limits)).toBeNull();
  });

  it("refuses an archive whose check goes over time (it cost more than any document)", async () => {
    expect(
      await inspectFile(fixture("lesson.docx"), {
        kind: "docx",
        archive: limits,
        extractText: true,
        timeoutMs: 1,
      }),
    ).toEqual({ problem: "bomb", text: "", textLost: null });
  });
});
