import { describe, expect, it } from "vitest";
import { setUpDemoWorld } from "../../../test/support/database";
import { parkedFormLifetimeMs, parkForm } from "./park-form";
import { parkedForm } from "./schema";
import { takeParkedForm } from "./take-parked-form";

// A form posted after its session expired is kept for its browser and page, handed back once to
// a signed-in person, and forgotten after two hours.

const demo = setUpDemoWorld();
const token = "a".repeat(43);
const path = "/aanvragen/x/sectie/voorstel";
const now = new Date("2027-03-10T10:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe("parked forms", () => {
  it("keeps the values for the same browser and page, once, and only for a signed-in person", async () => {
    const ctx = { db: demo.handle.db, actor: null, now: () => now };
    const values = { "answers.beschrijving": "Mijn tekst", version: "3" };
    expect((await parkForm(ctx, { token, path, values })).ok).toBe(true);
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
    await parkForm(ctx, { token, path, values: { a: "b" } });
    const result = await takeParkedForm(
      { db: demo.handle.db, actor: demo.coordinator, now: () => later(parkedFormLifetimeMs + 1) },
      { token, path },
    );
    expect(result).toEqual({ ok: true, value: null });
  });

  it("refuses a token or a path that is not one", async () => {
    const ctx = { db: demo.handle.db, actor: null, now: () => now };
    expect((await parkForm(ctx, { token: "kort", path, values: {} })).ok).toBe(false);
    expect((await parkForm(ctx, { token, path: "https://evil", values: {} })).ok).toBe(false);
  });
});
