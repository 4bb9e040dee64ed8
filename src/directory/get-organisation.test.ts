import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, openTestDatabase } from "../../test/support/database";
import type { DatabaseHandle } from "../db/client";
import type { Actor } from "../identity/actor";
import { readOrganisationMembers } from "../identity/organisation-members";
import { generateDemoWorld } from "./demo-world";
import { getOrganisation } from "./get-organisation";
import { stages } from "./model";
import { organisation } from "./schema";

const now = new Date("2025-09-01T12:00:00Z");
const world = generateDemoWorld();
let handle: DatabaseHandle;
const actors: Record<string, Actor | null> = {};

async function idOf(institutionNumber: string): Promise<string> {
  const [row] = await handle.db
    .select({ id: organisation.id })
    .from(organisation)
    .where(eq(organisation.institutionNumber, institutionNumber));
  if (!row) throw new Error(`no school ${institutionNumber}`);
  return row.id;
}

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  actors.public = null;
  for (const who of [
    "admin",
    "coordinator",
    "coordinator2",
    "directeur",
    "programmabeheerder",
    "partner",
    "beoordelaar",
  ])
    actors[who] = await actorByEmail(handle, `${who}@demo.innovet.test`);
});
afterAll(async () => {
  await handle?.close();
});

const view = (id: string, who: string) =>
  getOrganisation(handle.db, id, actors[who] ?? null, { now });
const members = (id: string, who: string) =>
  readOrganisationMembers(handle.db, id, actors[who] ?? null);

describe("members of an organisation", () => {
  it.each([
    ["admin", true],
    ["coordinator", true],
    ["directeur", true],
    ["programmabeheerder", true],
    ["coordinator2", false],
    ["partner", false],
    ["beoordelaar", false],
    ["public", false],
  ])("%s sees the demo school's people: %s", async (who, visible) => {
    const result = await members(await idOf("900001"), who);
    if (!visible) {
      expect(result).toBeNull();
      return;
    }
    const emails = result?.map((m) => m.email).sort();
    expect(emails).toEqual(
      ["coordinator", "directeur", "leraar"].map((n) => `${n}@demo.innovet.test`),
    );
    expect(result?.find((m) => m.email.startsWith("coordinator"))?.roles).toEqual([
      "schoolCoordinator",
    ]);
  });

  it("the second school's coordinator sees their own school's people", async () => {
    const result = await members(await idOf("900002"), "coordinator2");
    expect(result?.map((m) => m.email)).toEqual(["coordinator2@demo.innovet.test"]);
  });
});

describe("sites and programmes", () => {
  it("lists the sites in order, each with its programmes grouped by stage", async () => {
    const result = await view(await idOf("900001"), "public");
    const demoSites = world.sites.filter((s) => s.organisationRef === "school-900001");
    expect(result?.sites.map((s) => s.siteNumber)).toEqual(demoSites.map((s) => s.siteNumber));
    for (const [i, s] of (result?.sites ?? []).entries()) {
      expect(s.programmeCount).toBe(demoSites[i]?.programmes.length);
      expect(s.municipality?.name).toBeTruthy();
      expect(s.latitude).toBeTypeOf("number");
      const order = s.stages.map((g) => stages.indexOf(g.stage));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(s.stages.flatMap((g) => g.programmes)).toHaveLength(s.programmeCount);
      for (const g of s.stages) for (const p of g.programmes) expect(p.name).not.toBe(p.code);
    }
    expect(result?.organisation).toMatchObject({ umbrella: "KOV", network: "freeSubsidised" });
    expect(result?.organisation).not.toHaveProperty("searchText");
  });

  it.each([
    ["school-908421", "Antwerpen", "Borsbeek"],
    ["school-908472", "Beveren-Kruibeke-Zwijndrecht", "Zwijndrecht"],
    // Hasselt got a new code in 2025 but kept its name: nothing to explain.
    ["school-903020", "Hasselt", null],
  ])(
    "shows a site on an old NIS code (%s) under its new municipality",
    async (ref, name, formerName) => {
      const demo = world.organisations.find((o) => o.ref === ref);
      const result = await view(await idOf(demo?.institutionNumber as string), "public");
      expect(result?.sites[0]?.municipality).toMatchObject({ name, formerName });
    },
  );

  it("shows a company with its own municipality and no sites", async () => {
    const [company] = await handle.db
      .select({ id: organisation.id })
      .from(organisation)
      .where(eq(organisation.enterpriseNumber, "0890000140"));
    const result = await view(company?.id as string, "public");
    expect(result?.organisation).toMatchObject({
      kind: "company",
      enterpriseNumber: "0890000140",
      municipality: { nis: "44021", name: "Gent", formerName: null, province: "OVL" },
    });
    expect(result?.sites).toEqual([]);
  });
});

describe("unknown organisations", () => {
  it.each([
    ["an unknown id", "00000000-0000-4000-8000-000000000000"],
    ["a malformed id", "abc"],
    ["an injection attempt", "'; drop table organisation; --"],
    ["an empty id", ""],
  ])("answers null for %s", async (_, id) => {
    expect(await view(id, "admin")).toBeNull();
  });
});
