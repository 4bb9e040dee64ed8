// A table to download: a header row and rows of cells. A cell is text, a number or empty; the
// writers (csv.ts, xlsx.ts) decide how each kind is written safely for spreadsheet programs.

export type Cell = string | number | null;

export interface Table {
  /** The sheet's name in a workbook (at most 31 characters, see xlsx.ts). */
  name: string;
  header: string[];
  rows: Cell[][];
}
