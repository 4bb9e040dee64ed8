import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/database";
import type { DatabaseHandle } from "../db/client";
import { organisation } from "../directory/schema";
import { maxOrganisationCandidates, organisationCandidates } from "./organisation-candidates";

// The role picker's search step on the demo world (1,395 organisations).

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase("demo");
});
afterAll(async () => {
  await handle?.close();
});

describe("organisationCandidates", () => {
  it("puts the school with that instellingsnummer first", async () => {
    const [school] = await handle.db
      .select()
      .from(organisation)
      .where(eq(organisation.institutionNumber, "900001"));
    if (!school) throw new Error("demo school 900001 missing");
    const found = await organisationCandidates(handle.db, " 900001 ");
    expect(found[0]).toMatchObject({ id: school.id, name: school.name });
  });

  it.each([
    ["a word of the name", "atheneum"],
    ["a word in another case", "ATHENEUM"],
  ])("finds organisations by %s, bounded", async (_, query) => {
    const found = await organisationCandidates(handle.db, query);
    expect(found.length).toBeGreaterThan(1);
    expect(found.length).toBeLessThanOrEqual(maxOrganisationCandidates);
    expect(found.every((c) => /atheneum/i.test(c.name))).toBe(true);
    expect(new Set(found.map((c) => c.id)).size).toBe(found.length);
  });

  it("finds nothing for nothing, or for a word no organisation has", async () => {
    expect(await organisationCandidates(handle.db, "   ")).toEqual([]);
    expect(await organisationCandidates(handle.db, "qqzzxxyy")).toEqual([]);
  });

  it("takes a long text without failing", async () => {
    await expect(
      organisationCandidates(handle.db, "school ".repeat(10_000)),
    ).resolves.toBeDefined();
  });
});
