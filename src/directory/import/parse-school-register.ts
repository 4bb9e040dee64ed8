import { z } from "zod";
import { type Stage, stageOfGraad, type UmbrellaOrganisation } from "../model";
import { findMunicipality, findStudyProgramme } from "../reference-data";

// Reads a school-register file in the shape of the Department's `instellingsgegevens` API (see
// README.md next to this file) and turns it into normalised records, or into rejected rows with
// a Dutch message each. Pure: no database, no clock. Every row is checked on its own by a zod
// schema; the checks across rows (duplicate keys, a site of an institution that is not in the
// file, an offering of a site that was rejected) come after.

export const registerProducts = [
  "instellingen",
  "instellingslocaties",
  "ingerichteadministratievegroepen",
] as const;
export type RegisterProduct = (typeof registerProducts)[number];

/** One problem with one row (or with the file as a whole: product "bestand", no row number). */
export interface RejectedRow {
  product: RegisterProduct | "bestand";
  /** 1-based position of the row in its product's list; null for a problem with the file. */
  rowNumber: number | null;
  /** "800001" (instelling), "800001-2" (vestigingsplaats), "800001-2 1271/Tweede graad"; null when unreadable. */
  key: string | null;
  /** The API field name (dotted for nested ones), or null when the row as a whole is wrong. */
  field: string | null;
  messageNl: string;
}

export interface RegisterInstitution {
  rowNumber: number;
  institutionNumber: string;
  name: string;
  umbrella: UmbrellaOrganisation;
  /** instelling_hoofdzetel_vestigingsnr; null when the file does not say. */
  mainSiteNumber: number | null;
  /** Null means "not in the file": the stored value is left as it is. */
  website: string | null;
  email: string | null;
  phone: string | null;
}

export interface RegisterSite {
  rowNumber: number;
  institutionNumber: string;
  siteNumber: number;
  street: string;
  postalCode: string;
  /** As in the file: a pre-2025 code is kept (the directory resolves it). */
  municipalityNis: string;
  /** Both null when the file has no coordinates (the stored ones are then kept). */
  latitude: number | null;
  longitude: number | null;
}

export interface RegisterOffering {
  rowNumber: number;
  institutionNumber: string;
  siteNumber: number;
  programmeCode: string;
  programmeStage: Stage;
}

export interface ParsedSchoolRegister {
  institutions: RegisterInstitution[];
  sites: RegisterSite[];
  offerings: RegisterOffering[];
  rejected: RejectedRow[];
  /** Rows read per product (the file's own counts, valid or not). */
  rowsRead: Record<RegisterProduct, number>;
}

// ---------------------------------------------------------------------------------------------
// Field checks. Each returns a value or a Dutch message; `field` wraps one as a zod schema so a
// row schema is an ordinary z.object and every issue carries the field's path.

type Check<T> = (value: unknown) => { ok: true; value: T } | { ok: false; message: string };

function field<T>(check: Check<T>) {
  // Optional at zod's level so the check also runs for an absent key (zod 4 would otherwise
  // report its own English "expected nonoptional"); whether a field is required is the check's.
  return z
    .unknown()
    .optional()
    .transform((value, ctx): T => {
      const result = check(value);
      if (result.ok) return result.value;
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    });
}

const ok = <T>(value: T) => ({ ok: true as const, value });
const bad = (message: string) => ({ ok: false as const, message });
const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** Shows a wrong value in a message, shortened and quoted. */
function shown(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `‘${text.length > 40 ? `${text.slice(0, 40)}…` : text}’`;
}

/** A Dutch decimal number: 51,05. */
const decimal = (n: number) => String(n).replace(".", ",");

/** A whole number given as a JSON number (as the API does) or as a string of digits. */
function wholeNumber(label: string, maxDigits: number): Check<number> {
  return (value) => {
    if (isBlank(value)) return bad(`${label} ontbreekt.`);
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value : "";
    const trimmed = text.trim();
    if (!/^\d+$/.test(trimmed) || trimmed.replace(/^0+/, "").length > maxDigits)
      return bad(
        `${label} moet een getal van 1 tot ${maxDigits} cijfers zijn, niet ${shown(value)}.`,
      );
    const n = Number(trimmed);
    if (n < 1) return bad(`${label} moet groter dan 0 zijn.`);
    return ok(n);
  };
}

function requiredText(label: string, max: number): Check<string> {
  return (value) => {
    if (isBlank(value)) return bad(`${label} ontbreekt.`);
    if (typeof value !== "string") return bad(`${label} moet tekst zijn, niet ${shown(value)}.`);
    const trimmed = value.trim();
    if (trimmed.length > max) return bad(`${label} is langer dan ${max} tekens.`);
    return ok(trimmed);
  };
}

/** Optional text; blank becomes null. */
function optionalText(label: string, max: number): Check<string | null> {
  return (value) => (isBlank(value) ? ok(null) : requiredText(label, max)(value));
}

/** `{ "omschrijving": "…" }` or `{ "code": "…" }` as the API nests its code lists; null allowed. */
function codeListValue(label: string, property: "omschrijving" | "code"): Check<string | null> {
  return (value) => {
    if (value === undefined || value === null) return ok(null);
    if (typeof value !== "object" || Array.isArray(value))
      return bad(`${label} moet een object met een veld ‘${property}’ zijn, niet ${shown(value)}.`);
    const inner = (value as Record<string, unknown>)[property];
    if (isBlank(inner)) return ok(null);
    if (typeof inner !== "string" && typeof inner !== "number")
      return bad(`${label}: ‘${property}’ moet tekst zijn, niet ${shown(inner)}.`);
    return ok(String(inner).trim());
  };
}

const websiteCheck: Check<string | null> = (value) => {
  if (isBlank(value)) return ok(null);
  if (typeof value !== "string") return bad(`De website moet tekst zijn, niet ${shown(value)}.`);
  // The register often leaves out the scheme; the directory only keeps https addresses.
  const url = `https://${value.trim().replace(/^https?:\/\//i, "")}`;
  const valid = z
    .url({ protocol: /^https$/, hostname: z.regexes.domain })
    .max(500)
    .safeParse(url).success;
  return valid ? ok(url) : bad(`De website ${shown(value)} is geen geldig webadres.`);
};

const emailCheck: Check<string | null> = (value) => {
  if (isBlank(value)) return ok(null);
  const text = typeof value === "string" ? value.trim() : "";
  return z.email().max(254).safeParse(text).success
    ? ok(text)
    : bad(`Het e-mailadres ${shown(value)} is geen geldig e-mailadres.`);
};

const phoneCheck: Check<string | null> = (value) => {
  if (isBlank(value)) return ok(null);
  const text = typeof value === "string" ? value.trim() : "";
  const valid =
    text.length <= 30 && /^\+?[\d\s()./-]+$/.test(text) && text.replace(/\D/g, "").length >= 6;
  return valid
    ? ok(text)
    : bad(`Het telefoonnummer ${shown(value)} is geen geldig telefoonnummer.`);
};

const postalCodeCheck: Check<string> = (value) => {
  if (isBlank(value)) return bad("De postcode ontbreekt.");
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value : "";
  return /^[1-9]\d{3}$/.test(text.trim())
    ? ok(text.trim())
    : bad(`De postcode ${shown(value)} is geen Belgische postcode van vier cijfers.`);
};

const nisCheck: Check<string> = (value) => {
  if (isBlank(value)) return bad("De NIS-code van de gemeente ontbreekt.");
  const text = (
    typeof value === "number" ? String(value) : typeof value === "string" ? value : ""
  ).trim();
  if (!/^\d{5}$/.test(text))
    return bad(`De NIS-code ${shown(value)} moet uit vijf cijfers bestaan.`);
  if (!findMunicipality(text))
    return bad(
      `De NIS-code ${text} is geen Vlaamse of Brusselse gemeente die we kennen (ook niet van vóór de fusies van 2025).`,
    );
  return ok(text);
};

/** A coordinate: a JSON number (or a numeric string); absent is allowed, the pair is checked later. */
function coordinate(label: string): Check<number | null> {
  return (value) => {
    if (isBlank(value)) return ok(null);
    const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
    return Number.isFinite(n) ? ok(n) : bad(`${label} moet een getal zijn, niet ${shown(value)}.`);
  };
}

/** Belgium's bounding box, with a small margin (WGS84). */
export const belgiumBounds = { south: 49.4, north: 51.6, west: 2.5, east: 6.5 } as const;

const inBelgium = (lat: number, long: number) =>
  lat >= belgiumBounds.south &&
  lat <= belgiumBounds.north &&
  long >= belgiumBounds.west &&
  long <= belgiumBounds.east;

const graadOfStage = Object.fromEntries(
  Object.entries(stageOfGraad).map(([graad, stage]) => [stage, graad]),
) as Record<Stage, string>;

const graadCheck: Check<Stage> = (value) => {
  if (value === undefined)
    return bad(
      "De graad ontbreekt. Gebruik null voor een richting zonder graad (zoals BuSO-opleidingsvorm 3).",
    );
  if (value === null) return ok("none");
  const omschrijving =
    typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>).omschrijving
      : value;
  if (omschrijving === null) return ok("none");
  const stage = typeof omschrijving === "string" ? stageOfGraad[omschrijving.trim()] : undefined;
  return stage
    ? ok(stage)
    : bad(
        `De graad ${shown(omschrijving)} kennen we niet. Verwacht: ${Object.keys(stageOfGraad).join(", ")} of null.`,
      );
};

const programmeCodeCheck: Check<string> = (value) => {
  if (isBlank(value)) return bad("De code van de administratieve groep ontbreekt.");
  if (typeof value !== "number" && typeof value !== "string")
    return bad(
      `De code van de administratieve groep moet een getal of tekst zijn, niet ${shown(value)}.`,
    );
  const text = String(value).trim();
  return /^[\w-]{1,20}$/.test(text)
    ? ok(text)
    : bad(`De code van de administratieve groep ${shown(value)} is ongeldig.`);
};

// ---------------------------------------------------------------------------------------------
// Row schemas: the API's own field names. Fields the API has and the platform does not use
// (instelling_status_erkenning, schooljaar, …) are allowed and ignored.

const notAnObject = "Deze rij is geen object met velden.";

const institutionRow = z.object(
  {
    instelling_nummer: field(wholeNumber("Het instellingsnummer", 6)),
    instelling_naam: field(requiredText("De naam van de instelling", 200)),
    instelling_naam_volledig: field(optionalText("De volledige naam van de instelling", 200)),
    instelling_hoofdzetel_vestigingsnr: field<number | null>((v) =>
      isBlank(v) ? ok(null) : wholeNumber("Het vestigingsnummer van de hoofdzetel", 4)(v),
    ),
    instelling_net: field(codeListValue("Het net", "omschrijving")),
    instelling_soort_bestuur: field(codeListValue("De soort bestuur", "code")),
    instelling_levensbeschouwing: field(codeListValue("De levensbeschouwing", "omschrijving")),
    instelling_website: field(websiteCheck),
    instelling_email: field(emailCheck),
    instelling_telefoon: field(phoneCheck),
  },
  { error: notAnObject },
);

const siteRow = z.object(
  {
    instelling_nummer: field(wholeNumber("Het instellingsnummer", 6)),
    instellingslocatie_vestigingsnummer: field(wholeNumber("Het vestigingsnummer", 4)),
    instellingslocatie_straatnaam: field(requiredText("De straatnaam", 150)),
    instellingslocatie_huisnummer: field((v) =>
      typeof v === "number" ? ok(String(v)) : optionalText("Het huisnummer", 20)(v),
    ),
    instellingslocatie_postcode: field(postalCodeCheck),
    instellingslocatie_gemeente_nis: field(nisCheck),
    gps_breedtegraad: field(coordinate("De breedtegraad")),
    gps_lengtegraad: field(coordinate("De lengtegraad")),
  },
  { error: notAnObject },
);

const offeringRow = z.object(
  {
    instelling_nummer: field(wholeNumber("Het instellingsnummer", 6)),
    instellingslocatie_vestigingsnummer: field(wholeNumber("Het vestigingsnummer", 4)),
    administratievegroep_code: field(programmeCodeCheck),
    administratievegroep_graad: field(graadCheck),
  },
  { error: notAnObject },
);

// ---------------------------------------------------------------------------------------------
// Networks to umbrellas.

const networks = {
  community: "Gemeenschapsonderwijs",
  official: "Officieel gesubsidieerd onderwijs",
  free: "Vrij gesubsidieerd onderwijs",
} as const;

/** instelling_soort_bestuur codes of the official subsidised network, to their umbrella. */
const officialUmbrellaOfBoard: Record<string, UmbrellaOrganisation> = {
  "3": "POV", // provincie
  "4": "OVSG", // gemeente (stad)
  "5": "OVSG", // OCMW
  "6": "OVSG", // intercommunale
};

/**
 * The umbrella (koepel) of a school, from its net and, where the net has several, from its board
 * type (official) or its levensbeschouwing (free: Katholiek is KOV, anything else OKO).
 */
export function umbrellaOf(row: {
  net: string | null;
  boardType: string | null;
  philosophy: string | null;
}): { ok: true; umbrella: UmbrellaOrganisation } | { ok: false; field: string; message: string } {
  switch (row.net) {
    case networks.community:
      return { ok: true, umbrella: "GO" };
    case networks.free:
      return { ok: true, umbrella: row.philosophy?.toLowerCase() === "katholiek" ? "KOV" : "OKO" };
    case networks.official: {
      if (row.boardType === null)
        return {
          ok: false,
          field: "instelling_soort_bestuur.code",
          message:
            "De soort bestuur ontbreekt. Voor officieel gesubsidieerd onderwijs bepaalt die de koepel: 3 (provincie) is POV; 4 (gemeente), 5 (OCMW) en 6 (intercommunale) zijn OVSG.",
        };
      const umbrella = officialUmbrellaOfBoard[row.boardType];
      return umbrella
        ? { ok: true, umbrella }
        : {
            ok: false,
            field: "instelling_soort_bestuur.code",
            message: `Soort bestuur ${shown(row.boardType)} past bij geen koepel van het officieel gesubsidieerd onderwijs. Verwacht: 3 (provincie → POV) of 4, 5, 6 (gemeente, OCMW, intercommunale → OVSG).`,
          };
    }
    case null:
      return {
        ok: false,
        field: "instelling_net.omschrijving",
        message: "Het net ontbreekt: zonder net kunnen we de koepel van de school niet bepalen.",
      };
    default:
      return {
        ok: false,
        field: "instelling_net.omschrijving",
        message: `Het net ${shown(row.net)} kennen we niet. Verwacht: ${Object.values(networks).join(", ")}.`,
      };
  }
}

// ---------------------------------------------------------------------------------------------

const siteKey = (institutionNumber: string, siteNumber: number) =>
  `${institutionNumber}-${siteNumber}`;

/** A row as read: its key, its parent's key, its value, and whether it (or a parent) was rejected. */
interface Keyed<T> {
  rowNumber: number;
  /** The row's own key, as the report shows it; null when the key fields cannot be read. */
  key: string | null;
  /** The institution of a site, the site of an offering. */
  parentKey: string | null;
  value: T | null;
  rejected: boolean;
}

interface RowKeys {
  key: string | null;
  parentKey: string | null;
}

/** The rows of duplicated keys: every row number, by key. */
function duplicates<T>(rows: Keyed<T>[]): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  for (const row of rows) {
    if (row.key === null) continue;
    byKey.set(row.key, [...(byKey.get(row.key) ?? []), row.rowNumber]);
  }
  for (const [key, rowNumbers] of byKey) if (rowNumbers.length < 2) byKey.delete(key);
  return byKey;
}

const listRows = (rowNumbers: number[]) =>
  `${rowNumbers.slice(0, -1).join(", ")} en ${rowNumbers.at(-1)}`;

/** Reads a register file already parsed from JSON. Never throws on bad content. */
export function parseSchoolRegister(document: unknown): ParsedSchoolRegister {
  const rejected: RejectedRow[] = [];
  const rowsRead = { instellingen: 0, instellingslocaties: 0, ingerichteadministratievegroepen: 0 };
  const empty = { institutions: [], sites: [], offerings: [], rejected, rowsRead };

  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    rejected.push({
      product: "bestand",
      rowNumber: null,
      key: null,
      field: null,
      messageNl: `Het bestand moet één JSON-object zijn met de lijsten ${registerProducts.join(", ")}.`,
    });
    return empty;
  }
  const lists = {} as Record<RegisterProduct, unknown[]>;
  for (const product of registerProducts) {
    const list = (document as Record<string, unknown>)[product];
    if (Array.isArray(list)) {
      lists[product] = list;
      rowsRead[product] = list.length;
    } else
      rejected.push({
        product: "bestand",
        rowNumber: null,
        key: null,
        field: product,
        messageNl:
          list === undefined
            ? `De lijst ‘${product}’ ontbreekt. Geef een lege lijst als er niets in staat.`
            : `‘${product}’ moet een lijst (JSON-array) zijn.`,
      });
  }
  if (rejected.length > 0) return empty;

  const reject = (
    product: RegisterProduct,
    row: { rowNumber: number; key: string | null; rejected: boolean },
    fieldName: string | null,
    messageNl: string,
  ) => {
    row.rejected = true;
    rejected.push({ product, rowNumber: row.rowNumber, key: row.key, field: fieldName, messageNl });
  };

  /** Runs a row schema; reports every failing field; returns the row's key if it could be read. */
  function readRows<S extends z.ZodType, T>(
    product: RegisterProduct,
    schema: S,
    keyOf: (raw: Record<string, unknown>) => RowKeys,
    build: (data: z.output<S>, row: Keyed<T>) => T | null,
  ): Keyed<T>[] {
    return lists[product].map((raw, index) => {
      const keys =
        typeof raw === "object" && raw !== null && !Array.isArray(raw)
          ? keyOf(raw as Record<string, unknown>)
          : { key: null, parentKey: null };
      const row: Keyed<T> = { rowNumber: index + 1, ...keys, value: null, rejected: false };
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        // One entry per field: the first message of each (a field fails one check at a time).
        const seen = new Set<string>();
        for (const issue of parsed.error.issues) {
          const path = issue.path.map(String).join(".") || null;
          if (seen.has(path ?? "")) continue;
          seen.add(path ?? "");
          reject(product, row, path, issue.message);
        }
        return row;
      }
      row.value = build(parsed.data, row);
      return row;
    });
  }

  const numberKey = (value: unknown, maxDigits: number) => {
    const result = wholeNumber("", maxDigits)(value);
    return result.ok ? result.value : null;
  };
  const institutionNumberOf = (raw: Record<string, unknown>) => {
    const n = numberKey(raw.instelling_nummer, 6);
    return n === null ? null : String(n);
  };
  const siteKeyOf = (raw: Record<string, unknown>) => {
    const institution = institutionNumberOf(raw);
    const site = numberKey(raw.instellingslocatie_vestigingsnummer, 4);
    return institution === null || site === null ? null : siteKey(institution, site);
  };
  /** "800001-1 1271/Tweede graad": the site, then the programme as the file gives it. */
  const offeringKeyOf = (raw: Record<string, unknown>): RowKeys => {
    const site = siteKeyOf(raw);
    if (site === null) return { key: null, parentKey: null };
    const code = raw.administratievegroep_code;
    const graad = raw.administratievegroep_graad;
    const graadText =
      graad === null
        ? "zonder graad"
        : typeof graad === "object" && graad !== undefined && !Array.isArray(graad)
          ? String((graad as Record<string, unknown>).omschrijving ?? "zonder graad")
          : graad === undefined
            ? "?"
            : String(graad);
    const programme = isBlank(code) ? "" : ` ${String(code).trim()}/${graadText}`;
    return { key: `${site}${programme}`, parentKey: site };
  };

  // Institutions.
  const institutions = readRows<typeof institutionRow, RegisterInstitution>(
    "instellingen",
    institutionRow,
    (raw) => ({ key: institutionNumberOf(raw), parentKey: null }),
    (data, row) => {
      const umbrella = umbrellaOf({
        net: data.instelling_net,
        boardType: data.instelling_soort_bestuur,
        philosophy: data.instelling_levensbeschouwing,
      });
      if (!umbrella.ok) {
        reject("instellingen", row, umbrella.field, umbrella.message);
        return null;
      }
      return {
        rowNumber: row.rowNumber,
        institutionNumber: String(data.instelling_nummer),
        name: data.instelling_naam_volledig ?? data.instelling_naam,
        umbrella: umbrella.umbrella,
        mainSiteNumber: data.instelling_hoofdzetel_vestigingsnr,
        website: data.instelling_website,
        email: data.instelling_email,
        phone: data.instelling_telefoon,
      };
    },
  );
  for (const [key, rowNumbers] of duplicates(institutions))
    for (const row of institutions.filter((r) => r.key === key))
      reject(
        "instellingen",
        row,
        "instelling_nummer",
        `Instellingsnummer ${key} komt meer dan eens voor (rijen ${listRows(rowNumbers)}). Geen van die rijen wordt ingelezen.`,
      );
  const institutionRows = new Map(
    institutions.filter((r) => r.key !== null).map((r) => [r.key as string, r]),
  );

  /** A row whose parent is missing from the file or was itself rejected. */
  function checkParent(
    product: RegisterProduct,
    row: Keyed<unknown>,
    parent: Keyed<unknown> | undefined,
    missing: { field: string; message: string },
    parentLabel: string,
  ) {
    if (row.rejected) return;
    if (!parent) reject(product, row, missing.field, missing.message);
    else if (parent.rejected)
      reject(
        product,
        row,
        null,
        `Niet ingelezen omdat ${parentLabel} ${parent.key} (rij ${parent.rowNumber}) geweigerd werd.`,
      );
  }

  // Sites.
  const sites = readRows<typeof siteRow, RegisterSite>(
    "instellingslocaties",
    siteRow,
    (raw) => ({ key: siteKeyOf(raw), parentKey: institutionNumberOf(raw) }),
    (data, row) => {
      const lat = data.gps_breedtegraad;
      const long = data.gps_lengtegraad;
      if ((lat === null) !== (long === null)) {
        const missing = lat === null ? "gps_breedtegraad" : "gps_lengtegraad";
        reject(
          "instellingslocaties",
          row,
          missing,
          `${lat === null ? "De breedtegraad" : "De lengtegraad"} ontbreekt, terwijl ${lat === null ? "de lengtegraad" : "de breedtegraad"} ingevuld is. Geef beide of geen van beide.`,
        );
        return null;
      }
      if (lat !== null && long !== null && !inBelgium(lat, long)) {
        const swapped = inBelgium(long, lat);
        reject(
          "instellingslocaties",
          row,
          swapped || lat < belgiumBounds.south || lat > belgiumBounds.north
            ? "gps_breedtegraad"
            : "gps_lengtegraad",
          swapped
            ? `De breedtegraad (${decimal(lat)}) en de lengtegraad (${decimal(long)}) lijken omgewisseld.`
            : `De coördinaten (${decimal(lat)}, ${decimal(long)}) liggen niet in België (breedtegraad ${decimal(belgiumBounds.south)} tot ${decimal(belgiumBounds.north)}, lengtegraad ${decimal(belgiumBounds.west)} tot ${decimal(belgiumBounds.east)}).`,
        );
        return null;
      }
      return {
        rowNumber: row.rowNumber,
        institutionNumber: String(data.instelling_nummer),
        siteNumber: data.instellingslocatie_vestigingsnummer,
        street: [data.instellingslocatie_straatnaam, data.instellingslocatie_huisnummer]
          .filter(Boolean)
          .join(" "),
        postalCode: data.instellingslocatie_postcode,
        municipalityNis: data.instellingslocatie_gemeente_nis,
        latitude: lat,
        longitude: long,
      };
    },
  );
  for (const [key, rowNumbers] of duplicates(sites))
    for (const row of sites.filter((r) => r.key === key))
      reject(
        "instellingslocaties",
        row,
        "instellingslocatie_vestigingsnummer",
        `Vestigingsplaats ${key} komt meer dan eens voor (rijen ${listRows(rowNumbers)}). Geen van die rijen wordt ingelezen.`,
      );
  for (const row of sites) {
    const institution = row.parentKey;
    if (institution === null) continue;
    checkParent(
      "instellingslocaties",
      row,
      institutionRows.get(institution),
      {
        field: "instelling_nummer",
        message: `Instelling ${institution} staat niet in de lijst instellingen van dit bestand.`,
      },
      "instelling",
    );
  }
  const siteRows = new Map(sites.filter((r) => r.key !== null).map((r) => [r.key as string, r]));

  // Offerings.
  const offerings = readRows<typeof offeringRow, RegisterOffering>(
    "ingerichteadministratievegroepen",
    offeringRow,
    offeringKeyOf,
    (data, row) => {
      const code = data.administratievegroep_code;
      const stage = data.administratievegroep_graad;
      if (!findStudyProgramme(code, stage)) {
        reject(
          "ingerichteadministratievegroepen",
          row,
          "administratievegroep_code",
          stage === "none"
            ? `De administratieve groep ${code} zonder graad staat niet in de catalogus van studierichtingen.`
            : `De administratieve groep ${code} in de ${graadOfStage[stage]} staat niet in de catalogus van studierichtingen.`,
        );
        return null;
      }
      return {
        rowNumber: row.rowNumber,
        institutionNumber: String(data.instelling_nummer),
        siteNumber: data.instellingslocatie_vestigingsnummer,
        programmeCode: code,
        programmeStage: stage,
      };
    },
  );
  // A repeated offering says nothing new: the first one counts, the repeats are reported.
  const firstOffering = new Map<string, number>();
  for (const row of offerings) {
    if (!row.value) continue;
    const programme = `${row.parentKey} ${row.value.programmeCode}/${row.value.programmeStage}`;
    const first = firstOffering.get(programme);
    if (first === undefined) firstOffering.set(programme, row.rowNumber);
    else
      reject(
        "ingerichteadministratievegroepen",
        row,
        "administratievegroep_code",
        `Deze administratieve groep staat al bij deze vestigingsplaats in rij ${first}.`,
      );
  }
  for (const row of offerings) {
    if (row.parentKey === null) continue;
    checkParent(
      "ingerichteadministratievegroepen",
      row,
      siteRows.get(row.parentKey),
      {
        field: "instellingslocatie_vestigingsnummer",
        message: `Vestigingsplaats ${row.parentKey} staat niet in de lijst instellingslocaties van dit bestand.`,
      },
      "vestigingsplaats",
    );
  }
  const accepted = <T>(rows: Keyed<T>[]) =>
    rows.filter((r) => !r.rejected && r.value !== null).map((r) => r.value as T);
  return {
    institutions: accepted(institutions),
    sites: accepted(sites),
    offerings: accepted(offerings),
    rejected: sortRejected(rejected),
    rowsRead,
  };
}

/** The report's order: by product as in the file, then by row; a row's fields stay in order. */
export function sortRejected(rejected: readonly RejectedRow[]): RejectedRow[] {
  const order = (p: RejectedRow["product"]) => (p === "bestand" ? -1 : registerProducts.indexOf(p));
  return rejected
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        order(a.entry.product) - order(b.entry.product) ||
        (a.entry.rowNumber ?? 0) - (b.entry.rowNumber ?? 0) ||
        a.index - b.index,
    )
    .map((e) => e.entry);
}

/** How many distinct rows were rejected (a row with two bad fields counts once). */
export function countRejectedRows(rejected: readonly RejectedRow[]): number {
  return new Set(rejected.map((r) => `${r.product}|${r.rowNumber ?? "-"}`)).size;
}
