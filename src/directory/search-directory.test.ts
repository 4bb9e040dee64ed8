import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/database";
import type { DatabaseHandle } from "../db/client";
import { type DemoOrganisation, type DemoSite, generateDemoWorld } from "./demo-world";
import { formatEnterpriseNumber } from "./enterprise-number";
import { partnerKinds } from "./model";
import {
  findMunicipality,
  findStudyProgramme,
  type Municipality,
  resolveMunicipality,
} from "./reference-data";
import { organisation } from "./schema";
import {
  type DirectoryFilters,
  directoryPageSize,
  maxQueryLength,
  parseDirectoryQuery,
  searchDirectory,
} from "./search-directory";

// The oracle is the demo world itself (the generator the database was seeded from), evaluated
// in plain TypeScript: an independent account of which organisations each filter should find.

const now = new Date("2025-09-01T12:00:00Z");
const world = generateDemoWorld();
const sitesOf = new Map<string, DemoSite[]>();
for (const s of world.sites)
  sitesOf.set(s.organisationRef, [...(sitesOf.get(s.organisationRef) ?? []), s]);
const byRef = (ref: string) => world.organisations.find((o) => o.ref === ref) as DemoOrganisation;
const current = (nis: string) =>
  (resolveMunicipality(nis, now) ?? findMunicipality(nis)) as Municipality;

function locatedIn(o: DemoOrganisation, test: (m: Municipality) => boolean): boolean {
  if (o.kind === "school")
    return (sitesOf.get(o.ref) ?? []).some((s) => test(current(s.municipalityNis)));
  return o.municipalityNis !== null && test(current(o.municipalityNis));
}

function offers(
  o: DemoOrganisation,
  test: (p: { domain: string | null; finality: string | null }) => boolean,
) {
  return (sitesOf.get(o.ref) ?? []).some((s) =>
    s.programmes.some((p) => {
      const programme = findStudyProgramme(p.code, p.stage);
      return programme !== undefined && test(programme);
    }),
  );
}

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase("demo");
});
afterAll(async () => {
  await handle?.close();
});

const search = (filters: DirectoryFilters, page = 1) =>
  searchDirectory(handle.db, filters, page, { now });

/** The names of every organisation the filters find, over all pages. */
async function allNames(filters: DirectoryFilters): Promise<Set<string>> {
  const first = await search(filters);
  const names = first.rows.map((r) => r.name);
  for (let page = 2; page <= first.pages; page++)
    names.push(...(await search(filters, page)).rows.map((r) => r.name));
  return new Set(names);
}

describe("searchDirectory filters", () => {
  const cases: Array<{
    name: string;
    filters: DirectoryFilters;
    expect: (o: DemoOrganisation) => boolean;
  }> = [
    { name: "no filters", filters: {}, expect: () => true },
    { name: "kind school", filters: { kind: "school" }, expect: (o) => o.kind === "school" },
    { name: "kind company", filters: { kind: "company" }, expect: (o) => o.kind === "company" },
    { name: "kind rtc", filters: { kind: "rtc" }, expect: (o) => o.kind === "rtc" },
    {
      name: "any partner",
      filters: { kind: "partner" },
      expect: (o) => (partnerKinds as string[]).includes(o.kind),
    },
    {
      name: "province West-Vlaanderen",
      filters: { province: "WVL" },
      expect: (o) => locatedIn(o, (m) => m.provinceCode === "WVL"),
    },
    {
      name: "province Brussels",
      filters: { province: "BRU" },
      expect: (o) => locatedIn(o, (m) => m.provinceCode === "BRU"),
    },
    {
      name: "municipality Gent",
      filters: { municipality: "44021" },
      expect: (o) => locatedIn(o, (m) => m.nis === "44021"),
    },
    {
      name: "old NIS Borsbeek resolves to Antwerpen",
      filters: { municipality: "11007" },
      expect: (o) => locatedIn(o, (m) => m.nis === "11002"),
    },
    {
      name: "umbrella GO",
      filters: { umbrella: "GO" },
      expect: (o) => o.umbrella === "GO",
    },
    {
      name: "domain STEM",
      filters: { domain: "2" },
      expect: (o) => offers(o, (p) => p.domain === "2"),
    },
    {
      name: "finality doorstroom",
      filters: { finality: "DO" },
      expect: (o) => offers(o, (p) => p.finality === "DO"),
    },
    {
      name: "domain and finality on one programme",
      filters: { domain: "4", finality: "A" },
      expect: (o) => offers(o, (p) => p.domain === "4" && p.finality === "A"),
    },
    {
      name: "combined: KOV schools in Limburg",
      filters: { kind: "school", umbrella: "KOV", province: "LIM" },
      expect: (o) =>
        o.kind === "school" &&
        o.umbrella === "KOV" &&
        locatedIn(o, (m) => m.provinceCode === "LIM"),
    },
    {
      name: "province and municipality that do not overlap",
      filters: { province: "LIM", municipality: "44021" },
      expect: () => false,
    },
  ];

  it.each(cases)("$name", async ({ filters, expect: wanted }) => {
    const expected = world.organisations.filter(wanted);
    const result = await search(filters);
    expect(result.total).toBe(expected.length);
    expect(result.pages).toBe(Math.max(1, Math.ceil(expected.length / directoryPageSize)));
    // Every result row is one the oracle expects (checked by name: ids are random per seed).
    const expectedNames = new Set(expected.map((o) => o.name));
    for (const row of result.rows) expect(expectedNames.has(row.name)).toBe(true);
    if (Object.keys(filters).length > 0)
      expect(result.total).toBeLessThan(world.organisations.length);
  });

  it("finds a school whose only site keeps an old NIS code when searching the new municipality", async () => {
    const school = byRef("school-908421"); // its site is registered in Borsbeek (11007)
    const result = await search({ municipality: "11002", query: school.name });
    expect(result.rows.map((r) => r.name)).toContain(school.name);
    expect(result.resolvedMunicipality).toBeNull();
    const row = result.rows.find((r) => r.name === school.name);
    expect(row?.municipalityName).toBe("Antwerpen");
  });

  it("reports when an old municipality code was resolved to its successor", async () => {
    const result = await search({ municipality: "11007" });
    expect(result.resolvedMunicipality).toEqual({
      from: "Borsbeek",
      to: "Antwerpen",
      toNis: "11002",
    });
  });

  it("places a site on an old code in its new province (Zwijndrecht moved to Oost-Vlaanderen)", async () => {
    const school = byRef("school-908472");
    const inOvl = await search({ province: "OVL", query: school.name });
    expect(inOvl.rows.map((r) => r.name)).toContain(school.name);
    expect(inOvl.rows.find((r) => r.name === school.name)?.province).toBe("OVL");
  });
});

describe("searchDirectory text search", () => {
  const showcase = byRef("company-showcase");
  const school = byRef("school-900001");
  const cases: Array<{ name: string; query: string; first: string }> = [
    { name: "instellingsnummer", query: "900001", first: school.name },
    {
      name: "KBO number with dots",
      query: formatEnterpriseNumber(showcase.enterpriseNumber as string),
      first: showcase.name,
    },
    {
      name: "KBO number without dots",
      query: showcase.enterpriseNumber as string,
      first: showcase.name,
    },
    {
      name: "KBO number with BE prefix",
      query: `BE ${formatEnterpriseNumber(showcase.enterpriseNumber as string)}`,
      first: showcase.name,
    },
    { name: "a full name", query: school.name, first: school.name },
    {
      name: "the distinctive part of a name, other case",
      query: "instituut sint-aldegondis gent",
      first: school.name,
    },
  ];

  it.each(cases)("$name", async ({ query, first }) => {
    const result = await search({ query });
    expect(result.total).toBeGreaterThan(0);
    expect(result.rows[0]?.name).toBe(first);
  });

  it.each([
    ["a word of a name", "Kerckhove", "Kerckhove"],
    ["part of a word", "ldegond", "Aldegondis"],
    ["a word with a typo", "Aldegondys", "Aldegondis"],
  ])("finds every organisation by %s", async (_, query, word) => {
    const expected = world.organisations.filter((o) => o.name.includes(word));
    expect(expected.length).toBeGreaterThan(1);
    const found = await allNames({ query });
    for (const o of expected) expect(found.has(o.name)).toBe(true);
    expect(found.size).toBeLessThan(world.organisations.length / 10);
  });

  it("treats LIKE wildcards as plain characters", async () => {
    expect((await search({ query: "%" })).total).toBe(0);
    expect((await search({ query: "_" })).total).toBe(0);
  });

  it("survives hostile input and leaves the data alone", async () => {
    const names = new Set(world.organisations.map((o) => o.name));
    for (const query of [
      "'; drop table organisation; --",
      "\\",
      "a:* | !b",
      "\u0000",
      "(()))&|!",
    ]) {
      const result = await search({ query });
      // A well-formed page: as many rows as the total allows, each a real organisation.
      expect(result.rows.length).toBe(Math.min(result.total, directoryPageSize));
      expect(result.rows.every((r) => names.has(r.name))).toBe(true);
    }
    // Operators and quotes around a word find what the word finds: every organisation with it.
    const expected = world.organisations.filter((o) => o.name.includes("Kerckhove"));
    expect(expected.length).toBeGreaterThan(1);
    for (const query of ["Kerckhove'; --", "!Kerckhove:* | &", "(Kerckhove))"]) {
      const found = await allNames({ query });
      expect({ query, missing: expected.filter((o) => !found.has(o.name)) }).toEqual({
        query,
        missing: [],
      });
      expect(found.size).toBeLessThan(world.organisations.length / 10);
    }
    const [rows] = await handle.db.select({ n: count() }).from(organisation);
    expect(rows?.n).toBe(world.organisations.length);
  });
});

describe("parseDirectoryQuery", () => {
  it("reads every filter from Dutch URL parameters", () => {
    const parsed = parseDirectoryQuery(
      new URLSearchParams(
        "q=+Gent+&soort=partner&provincie=OVL&gemeente=44021&net=KOV&domein=2&finaliteit=DU&pagina=3",
      ),
    );
    expect(parsed).toEqual({
      filters: {
        query: "Gent",
        kind: "partner",
        province: "OVL",
        municipality: "44021",
        umbrella: "KOV",
        domain: "2",
        finality: "DU",
      },
      page: 3,
      ignored: [],
      queryTruncated: false,
    });
  });

  it.each([
    ["provincie=XYZ", "province"],
    ["gemeente=99999", "municipality"],
    ["gemeente=abc", "municipality"],
    ["soort=bank", "kind"],
    ["net=ABC", "umbrella"],
    ["domein=9", "domain"],
    ["finaliteit=B", "finality"],
  ])("ignores an unknown value (%s) and says so", async (query, filter) => {
    const parsed = parseDirectoryQuery(new URLSearchParams(query));
    expect(parsed.ignored).toEqual([filter]);
    expect(parsed.filters).toEqual({});
    const result = await search(parsed.filters, parsed.page);
    expect(result.total).toBe(world.organisations.length);
  });

  it("treats empty parameters (the 'all' choice) as no filter", () => {
    const parsed = parseDirectoryQuery(new URLSearchParams("q=&soort=&provincie=&gemeente="));
    expect(parsed).toEqual({ filters: {}, page: 1, ignored: [], queryTruncated: false });
  });

  it("cuts a 10,000-character search term, and the search still answers", async () => {
    const parsed = parseDirectoryQuery(new URLSearchParams({ q: "Gent ".repeat(2000) }));
    expect(parsed.queryTruncated).toBe(true);
    expect(parsed.filters.query?.length).toBeLessThanOrEqual(maxQueryLength);
    const result = await search(parsed.filters);
    expect(result.rows.length).toBeLessThanOrEqual(directoryPageSize);
  });

  it.each([
    ["pagina=abc", 1],
    ["pagina=-4", 1],
    ["pagina=1.5", 1],
    ["pagina=2", 2],
  ])("reads the page from %s", (query, page) => {
    expect(parseDirectoryQuery(new URLSearchParams(query)).page).toBe(page);
  });
});

describe("searchDirectory pagination", () => {
  it("pages through all organisations without overlap", async () => {
    const total = world.organisations.length;
    const pages = Math.ceil(total / directoryPageSize);
    const first = await search({}, 1);
    const second = await search({}, 2);
    const last = await search({}, pages);
    expect(first.total).toBe(total);
    expect(first.pages).toBe(pages);
    expect(first.rows).toHaveLength(directoryPageSize);
    expect(last.rows).toHaveLength(total - (pages - 1) * directoryPageSize);
    const firstIds = new Set(first.rows.map((r) => r.id));
    expect(second.rows.some((r) => firstIds.has(r.id))).toBe(false);
    expect((await allNames({})).size).toBe(new Set(world.organisations.map((o) => o.name)).size);
  });

  it("clamps a page beyond the last one", async () => {
    const result = await search({ kind: "rtc" }, 99);
    expect(result.page).toBe(1);
    expect(result.rows).toHaveLength(5);
  });

  it("gives each row its main municipality, province and site count", async () => {
    const school = byRef("school-900001");
    const [row] = (await search({ query: "900001" })).rows;
    expect(row).toMatchObject({
      name: school.name,
      kind: "school",
      umbrella: "KOV",
      municipalityName: "Gent",
      province: "OVL",
      siteCount: sitesOf.get(school.ref)?.length,
    });
  });
});
