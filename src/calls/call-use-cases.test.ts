import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, openTestDatabase } from "../../test/support/database";
import { auditEvent } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import type { Actor } from "../identity/actor";
import { createCall } from "./create-call";
import { formContentHash } from "./form-definition";
import { publishCall } from "./publish-call";
import { getCall, listAllCalls, listPublishedCalls } from "./read-calls";
import { call, callFormVersion } from "./schema";
import { updateCall } from "./update-call";

let handle: DatabaseHandle;
let manager: Actor;
let admin: Actor;
let coordinator: Actor;

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  manager = await actorByEmail(handle, "programmabeheerder@demo.innovet.test");
  admin = await actorByEmail(handle, "admin@demo.innovet.test");
  coordinator = await actorByEmail(handle, "coordinator@demo.innovet.test");
});
afterAll(async () => {
  await handle?.close();
});

const ctx = (actor: Actor | null, now?: Date) => ({
  db: handle.db,
  actor,
  ...(now ? { now: () => now } : {}),
});

const complete = {
  title: "Testoproep circulaire economie",
  summary: "Een oproep om te testen.",
  body: "De volledige tekst.\n\nMet twee alinea's.",
  schoolYears: "2027-2028, 2028-2029",
  maxDurationMonths: "24",
  themes: ["1", "7"],
  changeLevels: ["didactic"],
  educationForms: ["bso", "buso", "dbso"],
  finalities: ["A"],
  studyDomains: ["2", "8"],
  minLabourMarketPartners: "1",
  minEducationPartners: "1",
  totalBudget: "250.000",
  maxPerProject: "50.000",
  minCoFinancingPercent: "10",
  envelopeDimension: "province",
  envelopes: { ANT: "50.000", LIM: "50.000", OVL: "50.000", VBR: "50.000", WVL: "50.000", BRU: "" },
  opensAt: "2027-03-01T09:00",
  closesAt: "2027-04-29T17:00",
  decisionAt: "2027-06-15T12:00",
};

async function auditOf(subjectId: string, action: string) {
  return handle.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.subjectId, subjectId), eq(auditEvent.action, action)));
}

async function rowOf(id: string) {
  const [row] = await handle.db.select().from(call).where(eq(call.id, id));
  if (!row) throw new Error(`no call ${id}`);
  return row;
}

describe("the demo calls", () => {
  it("holds a closed cycle-1 call and an open call, both published by the programme manager", async () => {
    const now = new Date();
    const byPhase = await listPublishedCalls(handle.db, now);
    expect(byPhase.open.length).toBeGreaterThanOrEqual(1);
    const cycleOne = byPhase.closed.find((c) => c.schoolYears.includes("2018-2019"));
    expect(cycleOne).toBeDefined();
    const view = await getCall(handle.db, cycleOne?.id ?? "", null, now);
    expect(view?.call.envelopeDimension).toBe("province");
    expect(view?.call.envelopes).toEqual(
      ["ANT", "LIM", "OVL", "VBR", "WVL"].map((code) => ({ code, amountCents: 50_000_00 })),
    );
    expect(view?.call.minLabourMarketPartners).toBe(1);
    expect(view?.call.minEducationPartners).toBe(1);
    expect(view?.call.publishedBy).toBe(manager.userId);
    const questions = view?.form.sections.flatMap((s) => s.questions) ?? [];
    expect(questions.map((q) => (q.type === "text" ? [q.limit.unit, q.limit.max] : null))).toEqual([
      ["pages", 3],
      ["pages", 3],
      ["pages", 2],
      ["pages", 2],
    ]);
    expect(view?.formContentHash).toBe(formContentHash(view?.form ?? { sections: [] }));
  });
});

describe("createCall", () => {
  it("lets a programme manager start a draft with only a title, audited", async () => {
    const result = await createCall(ctx(manager), { title: "Alleen een titel" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await rowOf(result.value.id);
    expect(row).toMatchObject({ status: "draft", version: 1, title: "Alleen een titel" });
    expect(row.formDraft.sections[0]?.questions).toHaveLength(4);
    const events = await auditOf(result.value.id, "call.create");
    expect(events).toHaveLength(1);
    expect(events[0]?.actorId).toBe(manager.userId);
  });

  it("stores amounts in cents and times as instants from Brussels time", async () => {
    const result = await createCall(ctx(manager), complete);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const row = await rowOf(result.value.id);
    expect(row.totalBudgetCents).toBe(250_000_00);
    expect(row.envelopes).toHaveLength(5);
    expect(row.closesAt?.toISOString()).toBe("2027-04-29T15:00:00.000Z");
    expect(row.opensAt?.toISOString()).toBe("2027-03-01T08:00:00.000Z");
    expect(row.schoolYears).toEqual(["2027-2028", "2028-2029"]);
  });

  it.each([
    ["the public", null],
    ["a school coordinator", "coordinator"],
    ["an administrator", "admin"],
  ])("is forbidden for %s", async (_label, who) => {
    const actor = who === "coordinator" ? coordinator : who === "admin" ? admin : null;
    const [before] = await handle.db.select({ n: count() }).from(call);
    expect(await createCall(ctx(actor), complete)).toEqual({ ok: false, reason: "forbidden" });
    const [after] = await handle.db.select({ n: count() }).from(call);
    expect(after?.n).toBe(before?.n);
  });

  it("refuses malformed fields with catalogue messages", async () => {
    const result = await createCall(ctx(manager), {
      ...complete,
      title: "",
      totalBudget: "veel",
      schoolYears: "2027-2029",
      closesAt: "2027-03-28T02:30",
      envelopes: { XXX: "5" },
      form: '{"sections": [{"id": "s", "title": "S", "questions": [{"id": "q", "type": "text", "label": "Q"}]}]}',
    });
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== "invalid") return;
    expect(result.fieldErrors).toMatchObject({
      title: ["error.required"],
      totalBudget: ["error.call.invalidMoney"],
      "schoolYears.0": ["error.call.invalidSchoolYear"],
      closesAt: ["error.call.invalidDateTime"],
      "envelopes.XXX": ["error.invalidChoice"],
      "form.sections.0.questions.0.limit": ["error.form.limitRequired"],
    });
  });
});

describe("updateCall and publishCall", () => {
  let id: string;
  beforeAll(async () => {
    const result = await createCall(ctx(manager), { title: "Onvolledige oproep" });
    if (!result.ok) throw new Error("create failed");
    id = result.value.id;
  });

  it("refuses to publish an incomplete draft and lists every problem", async () => {
    const result = await publishCall(ctx(manager), { id, version: 1 });
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== "invalid") return;
    expect(result.formErrors).toEqual(["call.publishRefused"]);
    expect(result.fieldErrors).toMatchObject({
      summary: ["error.required"],
      themes: ["error.call.chooseAtLeastOne"],
      closesAt: ["error.required"],
    });
    expect((await rowOf(id)).status).toBe("draft");
    expect(await auditOf(id, "call.publish")).toHaveLength(0);
  });

  it("refuses a change from a coordinator", async () => {
    expect(await updateCall(ctx(coordinator), { ...complete, id, version: 1 })).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(await publishCall(ctx(coordinator), { id, version: 1 })).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });

  it("saves a change, bumps the version and records before and after", async () => {
    const result = await updateCall(ctx(manager), { ...complete, id, version: 1 });
    expect(result).toEqual({ ok: true, value: { id, version: 2 } });
    const events = await auditOf(id, "call.update");
    expect(events).toHaveLength(1);
    expect(events[0]?.before).toMatchObject({ title: "Onvolledige oproep", version: 1 });
    expect(events[0]?.after).toMatchObject({ title: complete.title, version: 2 });
  });

  it("refuses a stale version without overwriting", async () => {
    const result = await updateCall(ctx(manager), { ...complete, title: "Oud", id, version: 1 });
    expect(result).toEqual({ ok: false, reason: "conflict", message: "call.conflict" });
    expect((await rowOf(id)).title).toBe(complete.title);
    expect(await publishCall(ctx(manager), { id, version: 1 })).toMatchObject({
      reason: "conflict",
    });
  });

  it("keeps a draft out of sight of the public and the coordinator", async () => {
    const now = new Date();
    expect(await getCall(handle.db, id, null, now)).toBeNull();
    expect(await getCall(handle.db, id, coordinator, now)).toBeNull();
    expect((await getCall(handle.db, id, admin, now))?.call.status).toBe("draft");
    const published = await listPublishedCalls(handle.db, now);
    expect(
      Object.values(published)
        .flat()
        .map((c) => c.id),
    ).not.toContain(id);
    expect((await listAllCalls(handle.db, now)).map((c) => c.id)).toContain(id);
  });

  it("publishes a complete draft and freezes its form with a hash, audited", async () => {
    const now = new Date("2027-01-10T10:00:00Z");
    const result = await publishCall(ctx(manager, now), { id, version: 2 });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: "published", version: 3, publishedBy: manager.userId });
    expect(row.publishedAt?.toISOString()).toBe(now.toISOString());
    const [frozen] = await handle.db
      .select()
      .from(callFormVersion)
      .where(eq(callFormVersion.id, row.formVersionId ?? ""));
    expect(frozen?.contentHash).toBe(formContentHash(row.formDraft));
    expect(frozen?.definition).toEqual(row.formDraft);
    const events = await auditOf(id, "call.publish");
    expect(events).toHaveLength(1);
    expect(events[0]?.after).toMatchObject({
      status: "published",
      contentHash: frozen?.contentHash,
    });
    const view = await getCall(handle.db, id, null, new Date("2027-03-01T08:00:00Z"));
    expect(view?.phase).toBe("open");
  });

  it("keeps a published call and its form fixed", async () => {
    const form = { sections: [{ id: "nieuw", title: "Nieuw", questions: [] }] };
    expect(await updateCall(ctx(manager), { ...complete, form, id, version: 3 })).toEqual({
      ok: false,
      reason: "conflict",
      message: "call.alreadyPublished",
    });
    expect(await publishCall(ctx(manager), { id, version: 3 })).toEqual({
      ok: false,
      reason: "conflict",
      message: "call.alreadyPublished",
    });
    const row = await rowOf(id);
    // Even a direct SQL statement cannot change the frozen form or swap it for another.
    await expect(
      handle.db.execute(
        sql`UPDATE call_form_version SET definition = '{"sections": []}' WHERE id = ${row.formVersionId}`,
      ),
    ).rejects.toThrow();
    await expect(
      handle.db.execute(sql`DELETE FROM call_form_version WHERE id = ${row.formVersionId}`),
    ).rejects.toThrow();
    await expect(
      handle.db.execute(sql`UPDATE call SET status = 'draft' WHERE id = ${id}`),
    ).rejects.toThrow();
  });
});
