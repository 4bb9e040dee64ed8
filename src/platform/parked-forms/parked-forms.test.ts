import { describe, expect, it } from "vitest";
import { setUpDemoWorld } from "../../../test/support/database";
import { parkedFormLifetimeMs, parkForm } from "./park-form";
import { parkingQuota } from "./parking-pages";
import { parkedForm } from "./schema";
import { takeParkedForm } from "./take-parked-form";

// A form posted after its session expired is kept for its browser and page, handed back once to
// a signed-in person, and forgotten after two hours.

const demo = setUpDemoWorld();
const token = "a".repeat(43);
const applicationId = "6f1c2a4e-8b1d-4c3a-9e2f-0a1b2c3d4e5f";
const path = `/aanvragen/${applicationId}/sectie/voorstel`;
const clientAddress = "10.1.2.3";
const sectionPath = (n: number) => `/aanvragen/${applicationId}/sectie/s${n}`;
const tokenOf = (n: number) => String(n).padStart(43, "t");
const now = new Date("2027-03-10T10:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe("parked forms", () => {
  it("keeps the values for the same browser and page, once, and only for a signed-in person", async () => {
    const ctx = { db: demo.handle.db, actor: null, now: () => now };
    const values = { "answers.beschrijving": "Mijn tekst", version: "3" };
    expect((await parkForm(ctx, { token, path, values, clientAddress })).ok).toBe(true);
    const stored = await demo.handle.db.select().from(parkedForm);
    expect(stored.map((r) => r.tokenHash)).not.toContain(token);

    const take = (actor: typeof demo.admin | null, t = token, p = path) =>
      takeParkedForm(
        { db: demo.handle.db, actor, now: () => later(60_000) },
        { token: t, path: p },
      );
    expect(await take(null)).toEqual({ ok: false, reason: "forbidden" });
    expect(await take(demo.coordinator, "b".repeat(43))).toEqual({ ok: true, value: null });
    expect(await take(demo.coordinator, token, "/elders")).toEqual({ ok: true, value: null });
    expect(await take(demo.coordinator)).toEqual({ ok: true, value: values });
    expect(await take(demo.coordinator)).toEqual({ ok: true, value: null });
  });

  it("forgets values after two hours", async () => {
    const ctx = { db: demo.handle.db, actor: null, now: () => now };
    await parkForm(ctx, { token, path, values: { a: "b" }, clientAddress });
    const result = await takeParkedForm(
      { db: demo.handle.db, actor: demo.coordinator, now: () => later(parkedFormLifetimeMs + 1) },
      { token, path },
    );
    expect(result).toEqual({ ok: true, value: null });
  });

  it("refuses a token or a path that is not one", async () => {
    const ctx = { db: demo.handle.db, actor: null, now: () => now };
    const park = (input: object) =>
      parkForm(ctx, { token, path, values: {}, clientAddress, ...input });
    expect((await park({ token: "kort" })).ok).toBe(false);
    expect((await park({ path: "https://evil" })).ok).toBe(false);
  });

  it("parks nothing for a page that does not park forms, or more than its form could hold", async () => {
    await demo.handle.db.delete(parkedForm);
    const ctx = { db: demo.handle.db, actor: null, now: () => now };
    const park = (input: object) =>
      parkForm(ctx, { token, path, values: {}, clientAddress, ...input });
    // Paths no route parks for: unknown pages, an application that is not even an id.
    for (const elsewhere of [
      "/elders",
      "/aanvragen/x/sectie/voorstel",
      `/aanvragen/${applicationId}`,
      `${path}/extra`,
    ])
      expect((await park({ path: elsewhere })).ok, elsewhere).toBe(false);
    // Beyond the section form's own limits: fields, one value, choices, the total.
    const many = Object.fromEntries(Array.from({ length: 52 }, (_, i) => [`answers.v${i}`, "x"]));
    const tooMuch = Object.fromEntries(
      Array.from({ length: 3 }, (_, i) => [`answers.v${i}`, "x".repeat(199_000)]),
    );
    for (const values of [
      many,
      { "answers.tekst": "x".repeat(200_001) },
      { "answers.keuze": Array.from({ length: 51 }, () => "a") },
      { "answers.keuze": ["a".repeat(41)] },
      tooMuch,
    ])
      expect((await park({ values })).ok).toBe(false);
    expect(await demo.handle.db.select().from(parkedForm)).toEqual([]);
    // Within them, the same page parks.
    expect((await park({ values: { "answers.tekst": "x".repeat(200_000) } })).ok).toBe(true);
  });

  it("parks at most a few pages per browser and per address, counted in the database", async () => {
    await demo.handle.db.delete(parkedForm);
    const ctx = { db: demo.handle.db, actor: null, now: () => now };
    const park = (t: string, p: string, address = clientAddress) =>
      parkForm(ctx, { token: t, path: p, values: { "answers.a": "b" }, clientAddress: address });
    // One browser: its quota of pages, then no more; a page it already parked is replaced.
    for (let n = 0; n < parkingQuota.perBrowser; n++)
      expect((await park(token, sectionPath(n), `10.0.0.${n}`)).ok).toBe(true);
    expect(await park(token, sectionPath(99), "10.0.0.99")).toEqual({
      ok: false,
      reason: "conflict",
      message: "parkedForm.quotaExceeded",
    });
    expect((await park(token, sectionPath(0), "10.0.0.98")).ok).toBe(true);

    // One address with a fresh browser token for every post, in parallel: the address's quota.
    await demo.handle.db.delete(parkedForm);
    const results = await Promise.all(
      Array.from({ length: parkingQuota.perAddress + 5 }, (_, n) => park(tokenOf(n), path)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(parkingQuota.perAddress);
    expect(await demo.handle.db.select().from(parkedForm)).toHaveLength(parkingQuota.perAddress);
    // Another address is not affected.
    expect((await park(tokenOf(1000), path, "10.9.9.9")).ok).toBe(true);
  });
});
