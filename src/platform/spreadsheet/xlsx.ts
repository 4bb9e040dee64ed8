import { strToU8, zipSync } from "fflate";
import type { Cell, Table } from "./table";

// A minimal, correct Office Open XML workbook (ECMA-376, SpreadsheetML) with one sheet: the six
// parts Excel, LibreOffice and Numbers need, zipped with fflate (ADR 0013). Text is written as
// inline strings, which are never evaluated as formulas, so no apostrophe is needed here; numbers
// as numbers. The header row is bold and frozen.

export const xlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Excel's limit for the characters in one cell; longer text makes Excel repair the file. */
export const maxCellCharacters = 32_767;

/** Whether XML 1.0 allows a code point (C0 controls other than tab, LF, CR are not allowed). */
function allowedInXml(code: number): boolean {
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  if (code < 0x20) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false; // a lone surrogate
  return code !== 0xfffe && code !== 0xffff;
}

/** Characters XML cannot carry become U+FFFD, so one odd character never breaks the file. */
function xmlSafe(text: string): string {
  let out = "";
  for (const char of text) out += allowedInXml(char.codePointAt(0) ?? 0) ? char : "\uFFFD";
  return out;
}

function xmlText(text: string): string {
  return xmlSafe(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** A, B, …, Z, AA, AB, …: the column letters of a 0-based index. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Text cut to Excel's cell limit, saying so at the end (the CSV download keeps it whole). */
function fitCell(text: string, marker: string): string {
  if (text.length <= maxCellCharacters) return text;
  return text.slice(0, maxCellCharacters - marker.length) + marker;
}

function cellXml(cell: Cell, ref: string, style: string, marker: string): string {
  if (cell === null || cell === "") return "";
  if (typeof cell === "number" && Number.isFinite(cell))
    return `<c r="${ref}"${style}><v>${cell}</v></c>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(fitCell(String(cell), marker))}</t></is></c>`;
}

function sheetXml(table: Table, marker: string): string {
  const rows = [table.header, ...table.rows].map((row, r) => {
    const style = r === 0 ? ' s="1"' : "";
    const cells = row.map((cell, c) => cellXml(cell, `${columnName(c)}${r + 1}`, style, marker));
    return `<row r="${r + 1}">${cells.join("")}</row>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return (
    name
      .replace(/[:\\/?*[\]]/g, " ")
      .trim()
      .slice(0, 31) || "Blad1"
  );
}

/**
 * The workbook as bytes. `truncatedMarker` ends a text longer than Excel's cell limit (in the
 * reader's language, e.g. "… [ingekort]").
 */
export function toXlsx(table: Table, truncatedMarker = " […]"): Uint8Array<ArrayBuffer> {
  const files: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xmlText(sheetName(table.name))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    "xl/styles.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    "xl/worksheets/sheet1.xml": sheetXml(table, truncatedMarker),
  };
  const zipped = zipSync(
    Object.fromEntries(Object.entries(files).map(([path, xml]) => [path, strToU8(xml)])),
    { level: 6, mtime: new Date("2000-01-01T00:00:00Z") },
  );
  // A copy on a plain ArrayBuffer, which is what a Response body accepts.
  return new Uint8Array(zipped);
}
