import { readFileSync } from "node:fs";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { contentDisposition, sanitiseFileName } from "./file-name";
import { sniffFile, sniffMaterialFile } from "./sniff";

// What a file is, from its first bytes: real prefixes of each accepted kind, and the things a
// renamed file really is. Office files are built as real zip files (fflate keeps entry order).

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);
const zip = (entries: Record<string, Uint8Array | [Uint8Array, { level: 0 }]>) => zipSync(entries);

const contentTypes = text('<?xml version="1.0"?><Types/>');
const docx = zip({
  "[Content_Types].xml": contentTypes,
  "_rels/.rels": text("<Relationships/>"),
  "word/document.xml": text("<w:document/>"),
});
const xlsx = zip({
  "[Content_Types].xml": contentTypes,
  "xl/workbook.xml": text("<workbook/>"),
});
const odt = zip({
  mimetype: [text("application/vnd.oasis.opendocument.text"), { level: 0 }],
  "content.xml": text("<office:document-content/>"),
});
const ods = zip({
  mimetype: [text("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
  "content.xml": text("<office:document-content/>"),
});
const plainZip = zip({ "readme.txt": text("hallo"), "word/document.xml": text("<x/>") });
const ooxmlWithoutDocument = zip({ "[Content_Types].xml": contentTypes, "ppt/x.xml": text("") });

describe("sniffFile", () => {
  it.each<[string, Uint8Array, string | null]>([
    ["a PDF", text("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "pdf"],
    ["a PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), "png"],
    ["a JPEG (JFIF)", bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46), "jpeg"],
    ["a JPEG (Exif)", bytes(0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10, 0x45, 0x78), "jpeg"],
    ["a Word document", docx, "docx"],
    ["an Excel workbook", xlsx, "xlsx"],
    ["an OpenDocument text", odt, "odt"],
    ["an OpenDocument spreadsheet", ods, null],
    ["an arbitrary zip", plainZip, null],
    ["an Office zip that is neither Word nor Excel", ooxmlWithoutDocument, null],
    ["a truncated zip header", bytes(0x50, 0x4b, 0x03, 0x04), null],
    ["a Windows program", bytes(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00), null],
    ["a Linux program", bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01), null],
    ["text calling itself a PDF", text("Dit is geen PDF maar tekst."), null],
    ["HTML", text("<!doctype html><script>alert(1)</script>"), null],
    ["a PDF signature not at the start", text(" %PDF-1.4"), null],
    ["a GIF", text("GIF89a"), null],
    ["nothing", bytes(), null],
  ])("%s", (_name, input, expected) => {
    expect(sniffFile(input)).toBe(expected);
  });
});

describe("files as LibreOffice writes them (its OOXML zips start with _rels/.rels, not [Content_Types].xml)", () => {
  const fixture = (name: string) =>
    new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
  it.each([
    ["lesson.docx", "docx", "docx"],
    ["lesson.odt", "odt", "odt"],
    ["lesson.pdf", "pdf", "pdf"],
    ["slides.pptx", null, "pptx"],
    ["slides.odp", null, "odp"],
  ] as const)("%s", (name, attachmentKind, materialKind) => {
    expect(sniffFile(fixture(name))).toBe(attachmentKind);
    expect(sniffMaterialFile(fixture(name))).toBe(materialKind);
  });
});

describe("file names", () => {
  it.each([
    ["offerte.pdf", "offerte.pdf"],
    ["C:\\Users\\an\\Bureaublad\\cv An.pdf", "cv An.pdf"],
    ["../../etc/passwd", "passwd"],
    ["engagement\u202eFDP.exe", "engagement_FDP.exe"],
    ['a"b<c>d|e?.pdf', "a_b_c_d_e_.pdf"],
    ["..", "bestand"],
    ["   ", "bestand"],
    [".verborgen.pdf", "verborgen.pdf"],
    [`${"x".repeat(200)}.docx`, `${"x".repeat(115)}.docx`],
  ])("%j is shown as %j", (raw, expected) => {
    expect(sanitiseFileName(raw)).toBe(expected);
  });

  it("sends a name with accents as RFC 5987 filename* with an ASCII fallback", () => {
    expect(contentDisposition("Offerte café “Één”.pdf")).toBe(
      "attachment; filename=\"Offerte caf_ ___n_.pdf\"; filename*=UTF-8''Offerte%20caf%C3%A9%20%E2%80%9C%C3%89%C3%A9n%E2%80%9D.pdf",
    );
  });

  it("never lets a name break out of the header", () => {
    const header = contentDisposition('x.pdf"; filename="evil.html\r\nSet-Cookie: a=b');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
  });
});
