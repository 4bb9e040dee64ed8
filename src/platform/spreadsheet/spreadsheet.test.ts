import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { xmllintMissing, xmlProblems } from "../../../test/support/xmllint";
import { neutraliseFormula, toCsv } from "./csv";
import { columnName, maxCellCharacters, sheetName, toXlsx } from "./xlsx";

// The two download formats on their own: what Flemish Excel needs from a CSV, and a workbook
// whose XML stays valid whatever text people typed (every part parsed by xmllint).

describe("CSV", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+32 9 123 45 67", "'+32 9 123 45 67"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tverborgen", "'\tverborgen"],
    ["\rterug", "'\rterug"],
    ["gewone tekst = veilig", "gewone tekst = veilig"],
    ["", ""],
  ])("neutralises a formula start: %j", (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  it("writes a BOM, semicolons, CRLF, quoted text, numbers with a decimal comma, empty cells", () => {
    const csv = toCsv({
      name: "x",
      header: ["Naam", "Bedrag", "Opmerking"],
      rows: [
        ['Café "De Zwaan"; Gent', 1234.5, null],
        ["Twee\nregels", -3, "=kwaad()"],
      ],
    });
    expect(csv).toBe(
      '\uFEFF"Naam";"Bedrag";"Opmerking"\r\n"Café ""De Zwaan""; Gent";1234,5;\r\n"Twee\nregels";-3;"\'=kwaad()"\r\n',
    );
  });
});

describe("XLSX", () => {
  it("names columns like a spreadsheet", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });

  it("makes sheet names Excel accepts", () => {
    expect(sheetName("Aanvragen: 2027/2028 [concept]?")).toBe("Aanvragen  2027 2028  concept");
    expect(sheetName("x".repeat(40))).toHaveLength(31);
    expect(sheetName("  ")).toBe("Blad1");
  });

  it("has a checker that does reject XML that is not well-formed", (ctx) => {
    const missing = xmllintMissing();
    if (missing) return ctx.skip(missing);
    expect(xmlProblems("<a><b>&</b></a>")).toMatch(/parser error/);
    expect(xmlProblems(`<a>${String.fromCharCode(7)}</a>`)).toMatch(/error/);
    expect(xmlProblems("<a>ok</a>")).toBeNull();
  });

  it("writes only well-formed XML parts, whatever text people typed", (ctx) => {
    const missing = xmllintMissing();
    if (missing) return ctx.skip(missing);
    const hostile = [
      "<b>vet</b> & \u0007bel \uD800 alleen",
      "]]> <![CDATA[ x",
      '"quotes" & \'apostrophes\' <tag attr="1"/>',
      `controls ${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join("")}`,
      "surrogates \uDC00\uD83D\uDE00\uD83D",
      "\uFFFE\uFFFF non-characters",
      "ë".repeat(maxCellCharacters + 10),
    ];
    const bytes = toXlsx(
      {
        name: "Blad <1> & 'twee'",
        header: ["Tekst & <kop>", "Getal"],
        rows: hostile.map((text, i) => [text, i % 2 ? null : i * 1.5]),
      },
      " [ingekort]",
    );
    const parts = unzipSync(bytes);
    const xmlParts = Object.keys(parts).filter((name) => /\.(xml|rels)$/.test(name));
    expect(xmlParts).toEqual(
      expect.arrayContaining([
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
      ]),
    );
    for (const name of xmlParts)
      expect({ name, problems: xmlProblems(parts[name] as Uint8Array) }).toEqual({
        name,
        problems: null,
      });
  });

  it("escapes markup, replaces control characters, cuts at Excel's limit", () => {
    const long = "ë".repeat(maxCellCharacters + 10);
    const bytes = toXlsx(
      {
        name: "Blad",
        header: ["Tekst", "Getal"],
        rows: [
          ["<b>vet</b> & \u0007bel \uD800 alleen", 42],
          [long, null],
        ],
      },
      " [ingekort]",
    );
    const sheet = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"] as Uint8Array);
    expect(sheet).toContain("&lt;b&gt;vet&lt;/b&gt; &amp; \uFFFDbel \uFFFD alleen");
    expect(sheet).toContain('<c r="B2"><v>42</v></c>');
    const cut = /<c r="A3" t="inlineStr"><is><t xml:space="preserve">([^<]*)<\/t>/.exec(sheet)?.[1];
    expect(cut).toHaveLength(maxCellCharacters);
    expect(cut?.endsWith(" [ingekort]")).toBe(true);
    // No empty cell is written for a null.
    expect(sheet).not.toContain('r="B3"');
  });
});
