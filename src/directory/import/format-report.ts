import type { ImportReport } from "./import-school-register";

// The import report as Dutch plain text, for the command line (scripts/import-schools.ts): what
// happened, the counts, and a table of the rejected rows.

const outcomeLine: Record<ImportReport["outcome"], string> = {
  imported: "De schoolgegevens zijn ingelezen.",
  unchanged: "Er was niets te wijzigen: alle geldige rijen stonden al zo in de databank.",
  rejected:
    "Er is NIETS ingelezen, omdat het bestand geweigerde rijen bevat. Verbeter ze en lees het bestand opnieuw in, of lees alleen de geldige rijen in met --accept-valid-rows.",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function table(header: string[], rows: string[][], maxWidth = 90): string {
  const widths = header.map((h, i) =>
    Math.min(maxWidth, Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function formatImportReport(report: ImportReport): string {
  const { institutions: i, sites: s, programmes: p, rowsRead: read } = report;
  const lines = [
    outcomeLine[report.outcome],
    "",
    `Gelezen: ${plural(read.instellingen, "instelling", "instellingen")}, ${plural(read.instellingslocaties, "instellingslocatie", "instellingslocaties")}, ${plural(read.ingerichteadministratievegroepen, "ingerichte administratieve groep", "ingerichte administratieve groepen")}.`,
  ];
  if (report.outcome !== "rejected")
    lines.push(
      `${"Scholen:".padEnd(20)}${i.created} nieuw, ${i.updated} gewijzigd, ${i.unchanged} ongewijzigd`,
      `${"Vestigingsplaatsen:".padEnd(20)}${s.created} nieuw, ${s.updated} gewijzigd, ${s.unchanged} ongewijzigd`,
      `${"Studierichtingen:".padEnd(20)}${p.added} toegevoegd, ${p.removed} verwijderd, ${p.unchanged} ongewijzigd`,
    );
  if (report.rejected.length > 0) {
    lines.push(
      "",
      `Geweigerd: ${plural(report.rejectedRows, "rij", "rijen")}${report.acceptValidRows && report.outcome !== "rejected" ? " (niet ingelezen)" : ""}.`,
      "",
      table(
        ["Product", "Rij", "Sleutel", "Veld", "Melding"],
        report.rejected.map((r) => [
          r.product,
          r.rowNumber === null ? "-" : String(r.rowNumber),
          r.key ?? "-",
          r.field ?? "(hele rij)",
          r.messageNl,
        ]),
      ),
    );
  }
  return lines.join("\n");
}
