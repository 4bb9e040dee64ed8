import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { archiveProblemMessage, checkMaterialBytes, isZipKind } from "../../library/material-files";
import { checkZipArchive, defaultArchiveLimits } from "./archive-check";
import { sniffMaterialFile } from "./sniff";

// The library's files: what they are from their bytes, programs and archive bombs refused (the
// text inside is in extract-text.test.ts). Every file is built here: real zips with fflate (which
// keeps entry order, so "mimetype" and "[Content_Types].xml" come first).

const text = (value: string) => new TextEncoder().encode(value);
const bytes = (...values: number[]) => new Uint8Array(values);
const stored = (value: string | Uint8Array) =>
  [typeof value === "string" ? text(value) : value, { level: 0 as const }] as [
    Uint8Array,
    { level: 0 },
  ];
const contentTypes = text('<?xml version="1.0"?><Types/>');

const docx = zipSync({
  "[Content_Types].xml": contentTypes,
  "word/document.xml": text(
    '<w:document><w:body><w:p><w:r><w:t>Lassen met</w:t></w:r><w:r><w:t xml:space="preserve"> AR &amp; VR</w:t></w:r></w:p><w:p><w:r><w:t>Tweede alinea</w:t></w:r></w:p></w:body></w:document>',
  ),
});
const pptx = zipSync({
  "[Content_Types].xml": contentTypes,
  "ppt/presentation.xml": text("<p:presentation/>"),
  "ppt/slides/slide10.xml": text("<p:sld><a:p><a:r><a:t>Dia tien</a:t></a:r></a:p></p:sld>"),
  "ppt/slides/slide2.xml": text("<p:sld><a:p><a:r><a:t>Dia twee</a:t></a:r></a:p></p:sld>"),
});
const odfContent = (body: string) =>
  text(`<office:document-content><office:body>${body}</office:body></office:document-content>`);
const odt = zipSync({
  mimetype: stored("application/vnd.oasis.opendocument.text"),
  "content.xml": odfContent(
    '<office:text><text:h>Veilig lassen</text:h><text:p>Met<text:s/>een <text:span text:style-name="T1">bril</text:span></text:p></office:text>',
  ),
});
const odp = zipSync({
  mimetype: stored("application/vnd.oasis.opendocument.presentation"),
  "content.xml": odfContent(
    "<office:presentation><draw:page><text:p>Eerste dia</text:p></draw:page></office:presentation>",
  ),
});
const plainZip = zipSync({ "les/opdracht.txt": text("hallo"), "les/foto.png": bytes(1, 2, 3) });

describe("sniffMaterialFile", () => {
  it.each<[string, Uint8Array, string | null]>([
    ["a PDF", text("%PDF-1.7\n1 0 obj"), "pdf"],
    ["a PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), "png"],
    ["a JPEG", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), "jpeg"],
    ["a GIF", text("GIF89a\x01\x00"), "gif"],
    ["a WebP", text("RIFF\x10\x00\x00\x00WEBPVP8 "), "webp"],
    ["an MP4 video", bytes(0, 0, 0, 0x20, ...text("ftypisom"), 0, 0, 2, 0), "mp4"],
    ["a HEIC image (ftyp, not a video brand)", bytes(0, 0, 0, 0x18, ...text("ftypheic")), null],
    [
      "a WebM video",
      bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84, ...text("webm")),
      "webm",
    ],
    ["a Matroska video that is not WebM", bytes(0x1a, 0x45, 0xdf, 0xa3, ...text("matroska")), null],
    ["a Word document", docx, "docx"],
    ["a PowerPoint presentation", pptx, "pptx"],
    ["an OpenDocument text", odt, "odt"],
    ["an OpenDocument presentation", odp, "odp"],
    ["a plain zip archive", plainZip, "zip"],
    ["plain text", text("hallo"), null],
    ["HTML", text("<!doctype html><script>alert(1)</script>"), null],
    ["SVG (scripts inside)", text('<svg xmlns="http://www.w3.org/2000/svg"/>'), null],
  ])("%s", (_name, input, expected) => {
    expect(sniffMaterialFile(input)).toBe(expected);
  });
});

const limits = { ...defaultArchiveLimits, maxUncompressed: 50 * 1024 * 1024 };

/** What the upload decides from the bytes: the kind by its content, then the archive check. */
function check(input: Uint8Array) {
  const checked = checkMaterialBytes(input);
  if ("problem" in checked || !isZipKind(checked.kind)) return checked;
  const problem = checkZipArchive(input, limits);
  return problem ? { problem: archiveProblemMessage[problem] } : checked;
}

describe("checkMaterialBytes refuses what is no document", () => {
  it.each<[string, Uint8Array, string]>([
    ["an empty file", new Uint8Array(), "library.file.error.empty"],
    [
      "a Windows program renamed .pdf",
      text("MZ\x90\x00\x03\x00\x00\x00This program"),
      "executable",
    ],
    ["a Linux program", bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1), "executable"],
    ["a macOS program (64-bit)", bytes(0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1), "executable"],
    [
      "a macOS program (32-bit, big-endian)",
      bytes(0xfe, 0xed, 0xfa, 0xce, 0, 0, 0, 7),
      "executable",
    ],
    ["a universal macOS program", bytes(0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2), "executable"],
    ["a shell script", text("#!/bin/sh\nrm -rf /\n"), "executable"],
    ["a script starting like a PDF name but not a PDF", text("%!PS-Adobe"), "unsupportedType"],
    [
      "a zip with a path climbing out",
      zipSync({ "../../etc/cron.d/x": text("boom") }),
      "archivePath",
    ],
    ["a zip with an absolute path", zipSync({ "/etc/passwd": text("x") }), "archivePath"],
    [
      "a zip with a Windows drive path",
      zipSync({ "C:\\Windows\\x.dll": text("x") }),
      "archivePath",
    ],
    [
      "a zip bomb (2 MB of zeros, ratio far above 100:1)",
      zipSync({ "nullen.bin": new Uint8Array(2 * 1024 * 1024) }),
      "archiveBomb",
    ],
    [
      "a zip over the total unpacked size",
      zipSync({ "a.bin": stored(new Uint8Array(60 * 1024 * 1024)) }),
      "archiveBomb",
    ],
    [
      "a zip in a zip in a zip",
      zipSync({ "buiten.zip": zipSync({ "binnen.zip": zipSync({ "x.txt": text("x") }) }) }),
      "archiveNested",
    ],
    [
      "a zip in a zip holding another archive kind",
      zipSync({ "buiten.zip": zipSync({ "binnen.7z": text("7z") }) }),
      "archiveNested",
    ],
    ["a broken zip", text("PK\x03\x04broken"), "archiveUnreadable"],
    ["a zip with a Windows installer", zipSync({ "les/setup.exe": text("x") }), "archiveProgram"],
    [
      "a zip with a program under an innocent name (stored)",
      zipSync({ "les/foto.png": stored(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1)) }),
      "archiveProgram",
    ],
  ])("%s", (_name, input, problem) => {
    const result = check(input);
    expect(result).toEqual({
      problem: problem.startsWith("library.") ? problem : `library.file.error.${problem}`,
    });
  });

  it("accepts a web lesson (SCORM-like: HTML and JavaScript)", () => {
    const web = zipSync({ "index.html": text("<html></html>"), "js/les.js": text("var a = 1;") });
    expect(check(web)).toEqual({ kind: "zip" });
  });

  it("accepts a zip with one level of archives inside", () => {
    const lesson = zipSync({ "oefeningen.zip": zipSync({ "oef1.txt": text("oefening") }) });
    expect(check(lesson)).toEqual({ kind: "zip" });
  });

  it("accepts a small file that compresses well (the ratio counts only from 1 MiB)", () => {
    const spaces = zipSync({ "leeg.xml": text(" ".repeat(100_000)) });
    expect(check(spaces)).toEqual({ kind: "zip" });
  });

  it("refuses an archive with more entries than allowed", () => {
    const entries = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, text("x")]),
    );
    expect(
      checkZipArchive(zipSync(entries), {
        ...defaultArchiveLimits,
        maxEntries: 20,
        maxUncompressed: 1e6,
      }),
    ).toBe("bomb");
  });
});
