import { describe, expect, it } from "vitest";
import { formatImportReport } from "./format-report";
import type { ImportReport } from "./import-school-register";

const base: ImportReport = {
  outcome: "imported",
  acceptValidRows: false,
  rowsRead: { instellingen: 1, instellingslocaties: 2, ingerichteadministratievegroepen: 3 },
  institutions: { created: 1, updated: 0, unchanged: 0 },
  sites: { created: 2, updated: 0, unchanged: 0 },
  programmes: { added: 3, removed: 0, unchanged: 0 },
  rejectedRows: 0,
  rejected: [],
};

describe("formatImportReport", () => {
  it("gives the counts of an import in Dutch", () => {
    const text = formatImportReport(base);
    expect(text).toContain("De schoolgegevens zijn ingelezen.");
    expect(text).toContain(
      "Gelezen: 1 instelling, 2 instellingslocaties, 3 ingerichte administratieve groepen.",
    );
    expect(text).toMatch(/Scholen: +1 nieuw, 0 gewijzigd, 0 ongewijzigd/);
    expect(text).toMatch(/Studierichtingen: +3 toegevoegd, 0 verwijderd, 0 ongewijzigd/);
    expect(text).not.toContain("Geweigerd");
  });

  it("says nothing was imported and lists the rejected rows in a table", () => {
    const text = formatImportReport({
      ...base,
      outcome: "rejected",
      rejectedRows: 2,
      rejected: [
        {
          product: "instellingen",
          rowNumber: 4,
          key: "800104",
          field: "instelling_naam",
          messageNl: "De naam van de instelling ontbreekt.",
        },
        {
          product: "instellingen",
          rowNumber: 9,
          key: null,
          field: null,
          messageNl: "Deze rij is geen object met velden.",
        },
      ],
    });
    expect(text).toContain("Er is NIETS ingelezen");
    expect(text).not.toContain("Scholen:");
    expect(text).toContain("Geweigerd: 2 rijen.");
    const lines = text.split("\n");
    expect(lines.find((l) => l.startsWith("Product"))).toMatch(
      /^Product +Rij +Sleutel +Veld +Melding$/,
    );
    expect(lines.find((l) => l.includes("800104"))).toMatch(
      /^instellingen +4 +800104 +instelling_naam +De naam van de instelling ontbreekt\.$/,
    );
    expect(lines.find((l) => l.includes("geen object"))).toMatch(
      /^instellingen +9 +- +\(hele rij\) +Deze rij/,
    );
  });
});
