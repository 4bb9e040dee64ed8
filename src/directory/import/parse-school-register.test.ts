import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countRejectedRows, parseSchoolRegister } from "./parse-school-register";

// The parser alone: no database. One valid register of one school, one site and one offering,
// and for every rejection reason a change to it that must be reported on the right field.

type Row = Record<string, unknown>;
interface Register {
  instellingen: unknown[];
  instellingslocaties: unknown[];
  ingerichteadministratievegroepen: unknown[];
}

const institution = (over: Row = {}): Row => ({
  instelling_nummer: 810001,
  instelling_naam: "Demo Testinstituut",
  instelling_net: { omschrijving: "Gemeenschapsonderwijs" },
  instelling_soort_bestuur: { code: "1" },
  ...over,
});
const location = (over: Row = {}): Row => ({
  instelling_nummer: 810001,
  instellingslocatie_vestigingsnummer: 1,
  instellingslocatie_straatnaam: "Proefstraat",
  instellingslocatie_huisnummer: "1",
  instellingslocatie_postcode: "9000",
  instellingslocatie_gemeente_nis: "44021",
  gps_breedtegraad: 51.05,
  gps_lengtegraad: 3.72,
  ...over,
});
const offering = (over: Row = {}): Row => ({
  instelling_nummer: 810001,
  instellingslocatie_vestigingsnummer: 1,
  administratievegroep_code: 1311,
  administratievegroep_graad: "Tweede graad",
  ...over,
});
const register = (over: Partial<Register> = {}): Register => ({
  instellingen: [institution()],
  instellingslocaties: [location()],
  ingerichteadministratievegroepen: [offering()],
  ...over,
});

describe("parseSchoolRegister: valid input", () => {
  it("reads a valid register without rejections", () => {
    const parsed = parseSchoolRegister(register());
    expect(parsed.rejected).toEqual([]);
    expect(parsed.institutions).toEqual([
      {
        rowNumber: 1,
        institutionNumber: "810001",
        name: "Demo Testinstituut",
        umbrella: "GO",
        mainSiteNumber: null,
        website: null,
        email: null,
        phone: null,
      },
    ]);
    expect(parsed.sites).toEqual([
      {
        rowNumber: 1,
        institutionNumber: "810001",
        siteNumber: 1,
        street: "Proefstraat 1",
        postalCode: "9000",
        municipalityNis: "44021",
        latitude: 51.05,
        longitude: 3.72,
      },
    ]);
    expect(parsed.offerings).toEqual([
      {
        rowNumber: 1,
        institutionNumber: "810001",
        siteNumber: 1,
        programmeCode: "1311",
        programmeStage: "2",
      },
    ]);
  });

  it("reads the sample fixture completely", () => {
    const sample = JSON.parse(
      readFileSync(new URL("./fixtures/sample-register.json", import.meta.url), "utf8"),
    );
    const parsed = parseSchoolRegister(sample);
    expect(parsed.rejected).toEqual([]);
    expect([parsed.institutions.length, parsed.sites.length, parsed.offerings.length]).toEqual([
      5, 8, 18,
    ]);
  });

  it.each([
    ["Gemeenschapsonderwijs", null, null, "GO"],
    ["Vrij gesubsidieerd onderwijs", "2", "Katholiek", "KOV"],
    ["Vrij gesubsidieerd onderwijs", "2", null, "OKO"],
    ["Vrij gesubsidieerd onderwijs", "2", "Protestants", "OKO"],
    ["Officieel gesubsidieerd onderwijs", "3", null, "POV"],
    ["Officieel gesubsidieerd onderwijs", "4", null, "OVSG"],
    ["Officieel gesubsidieerd onderwijs", 5, null, "OVSG"],
    ["Officieel gesubsidieerd onderwijs", "6", null, "OVSG"],
  ])(
    "maps net %s, soort bestuur %s, levensbeschouwing %s to %s",
    (net, board, philosophy, umbrella) => {
      const parsed = parseSchoolRegister(
        register({
          instellingen: [
            institution({
              instelling_net: { omschrijving: net },
              instelling_soort_bestuur: board === null ? null : { code: board },
              instelling_levensbeschouwing:
                philosophy === null ? null : { omschrijving: philosophy },
            }),
          ],
        }),
      );
      expect(parsed.rejected).toEqual([]);
      expect(parsed.institutions[0]?.umbrella).toBe(umbrella);
    },
  );

  it("normalises contact fields, numbers given as text and the full name", () => {
    const parsed = parseSchoolRegister(
      register({
        instellingen: [
          institution({
            instelling_nummer: "810001",
            instelling_naam_volledig: "  Demo Testinstituut voor Techniek  ",
            instelling_website: "http://www.testinstituut.demo.innovet.test",
            instelling_email: " info@testinstituut.demo.innovet.test ",
            instelling_telefoon: "09 123 45 67",
          }),
        ],
        instellingslocaties: [
          location({
            instellingslocatie_vestigingsnummer: "1",
            instellingslocatie_huisnummer: 12,
            instellingslocatie_postcode: 9000,
            gps_breedtegraad: null,
            gps_lengtegraad: null,
          }),
        ],
      }),
    );
    expect(parsed.rejected).toEqual([]);
    expect(parsed.institutions[0]).toMatchObject({
      name: "Demo Testinstituut voor Techniek",
      website: "https://www.testinstituut.demo.innovet.test",
      email: "info@testinstituut.demo.innovet.test",
      phone: "09 123 45 67",
    });
    expect(parsed.sites[0]).toMatchObject({
      siteNumber: 1,
      street: "Proefstraat 12",
      postalCode: "9000",
      latitude: null,
      longitude: null,
    });
  });

  it("accepts a pre-2025 NIS code as it is, and a programme without graad", () => {
    const parsed = parseSchoolRegister(
      register({
        instellingslocaties: [location({ instellingslocatie_gemeente_nis: "11007" })],
        ingerichteadministratievegroepen: [
          offering({ administratievegroep_code: "OV3-133", administratievegroep_graad: null }),
        ],
      }),
    );
    expect(parsed.rejected).toEqual([]);
    expect(parsed.sites[0]?.municipalityNis).toBe("11007");
    expect(parsed.offerings[0]).toMatchObject({ programmeCode: "OV3-133", programmeStage: "none" });
  });
});

/** A register of institutions only: their rejections do not cascade to sites here. */
const institutions = (...rows: unknown[]): Register =>
  register({ instellingen: rows, instellingslocaties: [], ingerichteadministratievegroepen: [] });

interface RejectionCase {
  reason: string;
  file: Register;
  /** product, row, field, and a piece of the message, for every expected entry. */
  expected: Array<[product: string, row: number | null, field: string | null, message: RegExp]>;
}

const cases: RejectionCase[] = [
  {
    reason: "missing institution name",
    file: institutions(institution({ instelling_naam: "  " })),
    expected: [["instellingen", 1, "instelling_naam", /naam van de instelling ontbreekt/]],
  },
  {
    reason: "institution number that is not a number",
    file: institutions(institution({ instelling_nummer: "81A001" })),
    expected: [["instellingen", 1, "instelling_nummer", /1 tot 6 cijfers/]],
  },
  {
    reason: "institution number with seven digits",
    file: institutions(institution({ instelling_nummer: 8100011 })),
    expected: [["instellingen", 1, "instelling_nummer", /1 tot 6 cijfers/]],
  },
  {
    reason: "missing net",
    file: institutions(institution({ instelling_net: null })),
    expected: [["instellingen", 1, "instelling_net.omschrijving", /net ontbreekt/]],
  },
  {
    reason: "unknown net",
    file: institutions(institution({ instelling_net: { omschrijving: "Privéonderwijs" } })),
    expected: [
      ["instellingen", 1, "instelling_net.omschrijving", /Privéonderwijs.*kennen we niet/],
    ],
  },
  {
    reason: "net that is not an object",
    file: institutions(institution({ instelling_net: 7 })),
    expected: [["instellingen", 1, "instelling_net", /object met een veld ‘omschrijving’/]],
  },
  {
    reason: "official school without soort bestuur",
    file: institutions(
      institution({
        instelling_net: { omschrijving: "Officieel gesubsidieerd onderwijs" },
        instelling_soort_bestuur: null,
      }),
    ),
    expected: [["instellingen", 1, "instelling_soort_bestuur.code", /soort bestuur ontbreekt/]],
  },
  {
    reason: "official school with a board type no umbrella covers",
    file: institutions(
      institution({
        instelling_net: { omschrijving: "Officieel gesubsidieerd onderwijs" },
        instelling_soort_bestuur: { code: "9" },
      }),
    ),
    expected: [["instellingen", 1, "instelling_soort_bestuur.code", /‘9’ past bij geen koepel/]],
  },
  {
    reason: "invalid e-mail address",
    file: institutions(institution({ instelling_email: "info-at-school" })),
    expected: [["instellingen", 1, "instelling_email", /geen geldig e-mailadres/]],
  },
  {
    reason: "invalid website",
    file: institutions(institution({ instelling_website: "niet een adres" })),
    expected: [["instellingen", 1, "instelling_website", /geen geldig webadres/]],
  },
  {
    reason: "invalid phone number",
    file: institutions(institution({ instelling_telefoon: "bel ons" })),
    expected: [["instellingen", 1, "instelling_telefoon", /geen geldig telefoonnummer/]],
  },
  {
    reason: "duplicate institution number (every occurrence, and its sites)",
    file: register({
      instellingen: [institution(), institution({ instelling_nummer: "810001" })],
    }),
    expected: [
      ["instellingen", 1, "instelling_nummer", /810001 komt meer dan eens voor \(rijen 1 en 2\)/],
      ["instellingen", 2, "instelling_nummer", /810001 komt meer dan eens voor/],
      ["instellingslocaties", 1, null, /instelling 810001 \(rij 2\) geweigerd/],
      ["ingerichteadministratievegroepen", 1, null, /vestigingsplaats 810001-1 \(rij 1\)/],
    ],
  },
  {
    reason: "row that is not an object",
    file: institutions(institution(), "geen rij"),
    expected: [["instellingen", 2, null, /geen object/]],
  },
  {
    reason: "unknown NIS code",
    file: register({
      instellingslocaties: [location({ instellingslocatie_gemeente_nis: "62063" })],
    }),
    expected: [
      ["instellingslocaties", 1, "instellingslocatie_gemeente_nis", /62063 is geen Vlaamse/],
      ["ingerichteadministratievegroepen", 1, null, /geweigerd/],
    ],
  },
  {
    reason: "NIS code that is not five digits",
    file: register({
      instellingslocaties: [location({ instellingslocatie_gemeente_nis: "4402" })],
    }),
    expected: [
      ["instellingslocaties", 1, "instellingslocatie_gemeente_nis", /vijf cijfers/],
      ["ingerichteadministratievegroepen", 1, null, /geweigerd/],
    ],
  },
  {
    reason: "missing NIS code",
    file: register({
      instellingslocaties: [location({ instellingslocatie_gemeente_nis: undefined })],
    }),
    expected: [
      [
        "instellingslocaties",
        1,
        "instellingslocatie_gemeente_nis",
        /NIS-code van de gemeente ontbreekt/,
      ],
      ["ingerichteadministratievegroepen", 1, null, /geweigerd/],
    ],
  },
  {
    reason: "missing postcode",
    file: register({ instellingslocaties: [location({ instellingslocatie_postcode: null })] }),
    expected: [
      ["instellingslocaties", 1, "instellingslocatie_postcode", /postcode ontbreekt/],
      ["ingerichteadministratievegroepen", 1, null, /geweigerd/],
    ],
  },
  {
    reason: "postcode that is not Belgian",
    file: register({ instellingslocaties: [location({ instellingslocatie_postcode: "75001" })] }),
    expected: [
      ["instellingslocaties", 1, "instellingslocatie_postcode", /vier cijfers/],
      ["ingerichteadministratievegroepen", 1, null, /geweigerd/],
    ],
  },
  {
    reason: "missing street",
    file: register({ instellingslocaties: [location({ instellingslocatie_straatnaam: "" })] }),
    expected: [
      ["instellingslocaties", 1, "instellingslocatie_straatnaam", /straatnaam ontbreekt/],
      ["ingerichteadministratievegroepen", 1, null, /geweigerd/],
    ],
  },
  {
    reason: "coordinates outside Belgium",
    file: register({
      instellingslocaties: [location({ gps_breedtegraad: 48.8566, gps_lengtegraad: 2.3522 })],
    }),
    expected: [
      ["instellingslocaties", 1, "gps_breedtegraad", /48,8566, 2,3522\) liggen niet in België/],
      ["ingerichteadministratievegroepen", 1, null, /geweigerd/],
    ],
  },
  {
    reason: "longitude outside Belgium",
    file: register({
      instellingslocaties: [location({ gps_breedtegraad: 51.05, gps_lengtegraad: 7.2 })],
    }),
    expected: [
      ["instellingslocaties", 1, "gps_lengtegraad", /liggen niet in België/],
      ["ingerichteadministratievegroepen", 1, null, /geweigerd/],
    ],
  },
  {
    reason: "swapped coordinates",
    file: register({
      instellingslocaties: [location({ gps_breedtegraad: 3.72, gps_lengtegraad: 51.05 })],
    }),
    expected: [
      ["instellingslocaties", 1, "gps_breedtegraad", /lijken omgewisseld/],
      ["ingerichteadministratievegroepen", 1, null, /geweigerd/],
    ],
  },
  {
    reason: "coordinate that is not a number",
    file: register({ instellingslocaties: [location({ gps_lengtegraad: "oost" })] }),
    expected: [
      ["instellingslocaties", 1, "gps_lengtegraad", /moet een getal zijn/],
      ["ingerichteadministratievegroepen", 1, null, /geweigerd/],
    ],
  },
  {
    reason: "only one coordinate",
    file: register({ instellingslocaties: [location({ gps_lengtegraad: null })] }),
    expected: [
      ["instellingslocaties", 1, "gps_lengtegraad", /lengtegraad ontbreekt/],
      ["ingerichteadministratievegroepen", 1, null, /geweigerd/],
    ],
  },
  {
    reason: "site of an institution that is not in the file",
    file: register({ instellingslocaties: [location(), location({ instelling_nummer: 810099 })] }),
    expected: [
      ["instellingslocaties", 2, "instelling_nummer", /Instelling 810099 staat niet in de lijst/],
    ],
  },
  {
    reason: "site of a rejected institution",
    file: register({ instellingen: [institution({ instelling_email: "fout" })] }),
    expected: [
      ["instellingen", 1, "instelling_email", /e-mailadres/],
      ["instellingslocaties", 1, null, /instelling 810001 \(rij 1\) geweigerd/],
      [
        "ingerichteadministratievegroepen",
        1,
        null,
        /vestigingsplaats 810001-1 \(rij 1\) geweigerd/,
      ],
    ],
  },
  {
    reason: "duplicate site",
    file: register({ instellingslocaties: [location(), location()] }),
    expected: [
      [
        "instellingslocaties",
        1,
        "instellingslocatie_vestigingsnummer",
        /810001-1 komt meer dan eens/,
      ],
      [
        "instellingslocaties",
        2,
        "instellingslocatie_vestigingsnummer",
        /810001-1 komt meer dan eens/,
      ],
      ["ingerichteadministratievegroepen", 1, null, /geweigerd/],
    ],
  },
  {
    reason: "missing site number",
    file: register({
      instellingslocaties: [location({ instellingslocatie_vestigingsnummer: undefined })],
    }),
    expected: [
      [
        "instellingslocaties",
        1,
        "instellingslocatie_vestigingsnummer",
        /vestigingsnummer ontbreekt/,
      ],
      [
        "ingerichteadministratievegroepen",
        1,
        "instellingslocatie_vestigingsnummer",
        /810001-1 staat niet/,
      ],
    ],
  },
  {
    reason: "unknown programme code",
    file: register({
      ingerichteadministratievegroepen: [offering({ administratievegroep_code: 9999 })],
    }),
    expected: [
      [
        "ingerichteadministratievegroepen",
        1,
        "administratievegroep_code",
        /9999 in de Tweede graad staat niet in de catalogus/,
      ],
    ],
  },
  {
    reason: "known programme code in a graad it does not exist in",
    file: register({
      ingerichteadministratievegroepen: [
        offering({ administratievegroep_code: 1521, administratievegroep_graad: "Eerste graad" }),
      ],
    }),
    expected: [
      [
        "ingerichteadministratievegroepen",
        1,
        "administratievegroep_code",
        /1521 in de Eerste graad/,
      ],
    ],
  },
  {
    reason: "unknown graad",
    file: register({
      ingerichteadministratievegroepen: [offering({ administratievegroep_graad: "Vierde graad" })],
    }),
    expected: [
      [
        "ingerichteadministratievegroepen",
        1,
        "administratievegroep_graad",
        /‘Vierde graad’ kennen we niet/,
      ],
    ],
  },
  {
    reason: "missing graad",
    file: register({
      ingerichteadministratievegroepen: [offering({ administratievegroep_graad: undefined })],
    }),
    expected: [
      ["ingerichteadministratievegroepen", 1, "administratievegroep_graad", /graad ontbreekt/],
    ],
  },
  {
    reason: "missing programme code",
    file: register({
      ingerichteadministratievegroepen: [offering({ administratievegroep_code: null })],
    }),
    expected: [
      ["ingerichteadministratievegroepen", 1, "administratievegroep_code", /code .* ontbreekt/],
    ],
  },
  {
    reason: "offering of a site that is not in the file",
    file: register({
      ingerichteadministratievegroepen: [offering({ instellingslocatie_vestigingsnummer: 4 })],
    }),
    expected: [
      [
        "ingerichteadministratievegroepen",
        1,
        "instellingslocatie_vestigingsnummer",
        /810001-4 staat niet in de lijst/,
      ],
    ],
  },
  {
    reason: "repeated offering (the repeat only)",
    file: register({ ingerichteadministratievegroepen: [offering(), offering()] }),
    expected: [
      [
        "ingerichteadministratievegroepen",
        2,
        "administratievegroep_code",
        /al bij deze vestigingsplaats in rij 1/,
      ],
    ],
  },
];

describe("parseSchoolRegister: every rejection reason", () => {
  it.each(cases)("$reason", ({ file, expected }) => {
    const parsed = parseSchoolRegister(structuredClone(file));
    expect(parsed.rejected.map((r) => [r.product, r.rowNumber, r.field, r.messageNl])).toEqual(
      expected.map(([product, row, field, message]) => [
        product,
        row,
        field,
        expect.stringMatching(message),
      ]),
    );
    expect(countRejectedRows(parsed.rejected)).toBe(
      new Set(expected.map(([product, row]) => `${product}|${row}`)).size,
    );
  });

  it("rejects a file that is not an object", () => {
    expect(parseSchoolRegister([]).rejected).toEqual([
      {
        product: "bestand",
        rowNumber: null,
        key: null,
        field: null,
        messageNl: expect.stringMatching(/één JSON-object/),
      },
    ]);
  });

  it("rejects a file without one of the three lists, naming it", () => {
    const { ingerichteadministratievegroepen: _, ...incomplete } = register();
    const parsed = parseSchoolRegister({ ...incomplete, instellingslocaties: {} });
    expect(parsed.rejected.map((r) => [r.product, r.field, r.messageNl])).toEqual([
      ["bestand", "instellingslocaties", expect.stringMatching(/moet een lijst/)],
      ["bestand", "ingerichteadministratievegroepen", expect.stringMatching(/ontbreekt/)],
    ]);
    expect(parsed.institutions).toEqual([]);
  });

  it("names the offering's programme in the key of a rejected offering", () => {
    const parsed = parseSchoolRegister(
      register({
        ingerichteadministratievegroepen: [
          offering({ administratievegroep_code: 9999 }),
          offering({ administratievegroep_code: "OV3-999", administratievegroep_graad: null }),
        ],
      }),
    );
    expect(parsed.rejected.map((r) => r.key)).toEqual([
      "810001-1 9999/Tweede graad",
      "810001-1 OV3-999/zonder graad",
    ]);
    expect(parsed.rejected[1]?.messageNl).toMatch(/OV3-999 zonder graad/);
  });

  it("reports a row with several bad fields once per field, and counts it once", () => {
    const parsed = parseSchoolRegister(
      register({
        instellingen: [institution({ instelling_naam: null, instelling_email: "x" })],
        instellingslocaties: [],
        ingerichteadministratievegroepen: [],
      }),
    );
    expect(parsed.rejected.map((r) => r.field)).toEqual(["instelling_naam", "instelling_email"]);
    expect(countRejectedRows(parsed.rejected)).toBe(1);
  });
});
