import type { Cell, Table } from "./table";

// CSV for Excel as people in Flanders open it: UTF-8 with a byte-order mark (else Excel reads
// Windows-1252 and garbles é, ë, ï), `;` as separator (the Belgian list separator, since the
// decimal comma is taken), CRLF line ends, every text cell quoted with quotes doubled.
//
// Formula injection (CWE-1236): a text starting with = + - @ tab or CR is run as a formula by
// spreadsheet programs when the file is opened. Such a text gets a leading apostrophe, which
// makes it plain text; numbers are written as numbers (a decimal comma) and never prefixed.

const formulaStart = /^[=+\-@\t\r]/;

export const csvContentType = "text/csv; charset=utf-8";

/** A text cell as spreadsheet programs will not execute it. */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

function csvCell(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell).replace(".", ",");
  return `"${neutraliseFormula(cell).replaceAll('"', '""')}"`;
}

export function toCsv(table: Table): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvCell).join(";"));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
