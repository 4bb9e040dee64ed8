import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { strToU8, type Zippable, zipSync } from "fflate";
import PDFDocument from "pdfkit";

// Real files for the demo commons and the tests: a PDF made by pdfkit with DejaVu Sans embedded
// (a subset font with a ToUnicode map, as Word and LibreOffice write them), and the three office
// formats as the zip packages their standards define, with the parts a reader needs and nothing
// more (ECMA-376 for DOCX and PPTX, ODF 1.2 for ODT). The same text gives the same bytes: fixed
// dates in the PDF's info and in the zip entries, so the seed is deterministic.

const require = createRequire(import.meta.url);
/** Read once: every demo PDF embeds a subset of it. */
const dejaVuSans = readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"));
const dejaVuSansBold = readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"));

/** A document's content: a title and paragraphs. */
export interface DocumentText {
  title: string;
  paragraphs: string[];
}

const fixedDate = new Date("2026-01-01T00:00:00Z");

/** A one-page-or-more A4 PDF with the title in bold and the paragraphs below it. */
export function documentPdf(text: DocumentText): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    lang: "nl-BE",
    info: {
      Title: text.title,
      Creator: "InnoVET",
      Producer: "InnoVET",
      CreationDate: fixedDate,
      ModDate: fixedDate,
    },
  });
  doc.registerFont("regular", dejaVuSans);
  doc.registerFont("bold", dejaVuSansBold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  doc.font("bold").fontSize(16).text(text.title).moveDown(0.6);
  for (const paragraph of text.paragraphs)
    doc.font("regular").fontSize(11).text(paragraph).moveDown(0.5);
  doc.end();
  return done;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function zip(parts: Array<[string, string]>, storedFirst = false): Uint8Array {
  const files: Zippable = {};
  // ODF's mimetype comes first and uncompressed, so that its type can be read at a fixed offset.
  for (const [i, [name, content]] of parts.entries())
    files[name] = [strToU8(content), { level: storedFirst && i === 0 ? 0 : 6 }];
  return zipSync(files, { mtime: fixedDate });
}

const relationships = (rels: Array<[string, string, string]>) =>
  `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`)
    .join("")}</Relationships>`;

const officeDocumentType =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const ooxmlRel = (kind: string) =>
  `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`;

/** A WordprocessingML document: the title as a heading, then the paragraphs. */
export function documentDocx(text: DocumentText): Uint8Array {
  const paragraph = (content: string, bold = false) =>
    `<w:p><w:r>${bold ? '<w:rPr><w:b/><w:sz w:val="32"/></w:rPr>' : ""}<w:t xml:space="preserve">${escapeXml(content)}</w:t></w:r></w:p>`;
  return zip([
    [
      "[Content_Types].xml",
      `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ],
    ["_rels/.rels", relationships([["rId1", officeDocumentType, "word/document.xml"]])],
    [
      "word/document.xml",
      `${xmlHead}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraph(text.title, true)}${text.paragraphs.map((p) => paragraph(p)).join("")}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
    ],
  ]);
}

/** An OpenDocument text: the title as a heading, then the paragraphs. */
export function documentOdt(text: DocumentText): Uint8Array {
  const ns =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"';
  return zip(
    [
      ["mimetype", "application/vnd.oasis.opendocument.text"],
      [
        "META-INF/manifest.xml",
        `${xmlHead}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
      ],
      [
        "content.xml",
        `${xmlHead}<office:document-content ${ns} office:version="1.2"><office:body><office:text><text:h text:outline-level="1">${escapeXml(text.title)}</text:h>${text.paragraphs.map((p) => `<text:p>${escapeXml(p)}</text:p>`).join("")}</office:text></office:body></office:document-content>`,
      ],
    ],
    true,
  );
}

const pml =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const emptyTree =
  '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>';

/** A text box on a slide. */
function textShape(id: number, y: number, height: number, paragraphs: string[], size: number) {
  return `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Tekst ${id}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="457200" y="${y}"/><a:ext cx="8229600" cy="${height}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr wrap="square"/><a:lstStyle/>${paragraphs
    .map(
      (p) => `<a:p><a:r><a:rPr lang="nl-BE" sz="${size}"/><a:t>${escapeXml(p)}</a:t></a:r></a:p>`,
    )
    .join("")}</p:txBody></p:sp>`;
}

/**
 * A PresentationML deck: a title slide, then one slide per paragraph. With the slide master,
 * layout and theme PowerPoint and LibreOffice need to open it.
 */
export function documentPptx(text: DocumentText): Uint8Array {
  const slides = [[text.title], ...text.paragraphs.map((p) => [p])];
  const slideXml = (lines: string[], i: number) =>
    `${xmlHead}<p:sld ${pml}><p:cSld><p:spTree>${emptyTree}${textShape(2, i === 0 ? 2286000 : 685800, i === 0 ? 1143000 : 4572000, lines, i === 0 ? 4000 : 2400)}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`;
  const theme = `${xmlHead}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="InnoVET"><a:themeElements><a:clrScheme name="InnoVET"><a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1F2937"/></a:dk2><a:lt2><a:srgbClr val="F3F4F6"/></a:lt2><a:accent1><a:srgbClr val="1D4ED8"/></a:accent1><a:accent2><a:srgbClr val="047857"/></a:accent2><a:accent3><a:srgbClr val="B45309"/></a:accent3><a:accent4><a:srgbClr val="7C3AED"/></a:accent4><a:accent5><a:srgbClr val="BE123C"/></a:accent5><a:accent6><a:srgbClr val="0E7490"/></a:accent6><a:hlink><a:srgbClr val="1D4ED8"/></a:hlink><a:folHlink><a:srgbClr val="6D28D9"/></a:folHlink></a:clrScheme><a:fontScheme name="InnoVET"><a:majorFont><a:latin typeface="DejaVu Sans"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="DejaVu Sans"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="InnoVET"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="25400"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="38100"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`;
  const master = `${xmlHead}<p:sldMaster ${pml}><p:cSld><p:spTree>${emptyTree}</p:spTree></p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>`;
  const layout = `${xmlHead}<p:sldLayout ${pml} type="blank"><p:cSld name="Leeg"><p:spTree>${emptyTree}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`;
  const slideType = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml";
  return zip([
    [
      "[Content_Types].xml",
      `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"/><Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"/><Override PartName="/ppt/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>${slides
        .map(
          (_, i) =>
            `<Override PartName="/ppt/slides/slide${i + 1}.xml" ContentType="${slideType}"/>`,
        )
        .join("")}</Types>`,
    ],
    ["_rels/.rels", relationships([["rId1", officeDocumentType, "ppt/presentation.xml"]])],
    [
      "ppt/presentation.xml",
      `${xmlHead}<p:presentation ${pml}><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst>${slides
        .map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${i + 3}"/>`)
        .join(
          "",
        )}</p:sldIdLst><p:sldSz cx="9144000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`,
    ],
    [
      "ppt/_rels/presentation.xml.rels",
      relationships([
        ["rId1", ooxmlRel("slideMaster"), "slideMasters/slideMaster1.xml"],
        ["rId2", ooxmlRel("theme"), "theme/theme1.xml"],
        ...slides.map(
          (_, i) =>
            [`rId${i + 3}`, ooxmlRel("slide"), `slides/slide${i + 1}.xml`] as [
              string,
              string,
              string,
            ],
        ),
      ]),
    ],
    ["ppt/slideMasters/slideMaster1.xml", master],
    [
      "ppt/slideMasters/_rels/slideMaster1.xml.rels",
      relationships([
        ["rId1", ooxmlRel("slideLayout"), "../slideLayouts/slideLayout1.xml"],
        ["rId2", ooxmlRel("theme"), "../theme/theme1.xml"],
      ]),
    ],
    ["ppt/slideLayouts/slideLayout1.xml", layout],
    [
      "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
      relationships([["rId1", ooxmlRel("slideMaster"), "../slideMasters/slideMaster1.xml"]]),
    ],
    ["ppt/theme/theme1.xml", theme],
    ...slides.flatMap(
      (lines, i): Array<[string, string]> => [
        [`ppt/slides/slide${i + 1}.xml`, slideXml(lines, i)],
        [
          `ppt/slides/_rels/slide${i + 1}.xml.rels`,
          relationships([["rId1", ooxmlRel("slideLayout"), "../slideLayouts/slideLayout1.xml"]]),
        ],
      ],
    ),
  ]);
}

export type DemoFileKind = "pdf" | "docx" | "odt" | "pptx";

/** The document in the given format. */
export async function documentFile(kind: DemoFileKind, text: DocumentText): Promise<Uint8Array> {
  if (kind === "pdf") return documentPdf(text);
  if (kind === "docx") return documentDocx(text);
  if (kind === "odt") return documentOdt(text);
  return documentPptx(text);
}
