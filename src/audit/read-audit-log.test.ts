import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, openTestDatabase } from "../../test/support/database";
import type { DatabaseHandle } from "../db/client";
import { demoAccounts } from "../directory/demo-world";
import type { Actor } from "../identity/actor";
import { auditSubjectTypes, readAuditLog } from "./read-audit-log";
import { recordAuditEvent } from "./record-event";
import { auditEvent } from "./schema";

// The audit log query on a copy of the demo world (thousands of seed events).

let handle: DatabaseHandle;
let admin: Actor;
let allEvents: number;

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  const adminEmail = demoAccounts.find((a) => a.role === "platformAdmin")?.email ?? "";
  admin = await actorByEmail(handle, adminEmail);
  // Two events of one transaction (same timestamp) and one by the system, about one subject.
  await handle.db.transaction(async (tx) => {
    await recordAuditEvent(tx, admin.userId, {
      action: "test.first",
      subjectType: "test",
      subjectId: "subject-1",
      before: null,
      after: { n: 1 },
    });
    await recordAuditEvent(tx, admin.userId, {
      action: "test.second",
      subjectType: "test",
      subjectId: "subject-1",
      before: { n: 1 },
      after: { n: 2 },
    });
  });
  await recordAuditEvent(handle.db, null, {
    action: "test.system",
    subjectType: "test",
    subjectId: "subject-2",
  });
  const [counted] = await handle.db.select({ n: count() }).from(auditEvent);
  allEvents = counted?.n ?? 0;
});

afterAll(async () => {
  await handle?.close();
});

describe("readAuditLog", () => {
  it("shows the latest events first without a filter, one page at a time", async () => {
    const log = await readAuditLog(handle.db, { pageSize: 20 });
    expect(log.total).toBe(allEvents);
    expect(log.total).toBeGreaterThan(1000);
    expect(log.pages).toBe(Math.ceil(allEvents / 20));
    expect(log.events).toHaveLength(20);
    expect(log.events.map((e) => e.action).slice(0, 3)).toEqual([
      "test.system",
      "test.second",
      "test.first",
    ]);
    for (let i = 1; i < log.events.length; i++) {
      const [newer, older] = [log.events[i - 1], log.events[i]];
      if (!newer || !older) continue;
      expect(newer.at.getTime()).toBeGreaterThanOrEqual(older.at.getTime());
      if (newer.at.getTime() === older.at.getTime()) expect(newer.id).toBeGreaterThan(older.id);
    }
  });

  it("narrows to one subject, with the actor's name or null for the system", async () => {
    const one = await readAuditLog(handle.db, { subjectType: "test", subjectId: "subject-1" });
    expect(one.total).toBe(2);
    expect(
      one.events.map((e) => ({ action: e.action, actorName: e.actorName, after: e.after })),
    ).toEqual([
      { action: "test.second", actorName: admin.name, after: { n: 2 } },
      { action: "test.first", actorName: admin.name, after: { n: 1 } },
    ]);
    const system = await readAuditLog(handle.db, { subjectId: "subject-2" });
    expect(system.events).toMatchObject([
      { action: "test.system", actorId: null, actorName: null },
    ]);
  });

  it("narrows to one kind of subject", async () => {
    const log = await readAuditLog(handle.db, { subjectType: "test" });
    expect(log.total).toBe(3);
    const people = await readAuditLog(handle.db, { subjectType: "person", pageSize: 500 });
    expect(people.events.every((e) => e.subjectType === "person")).toBe(true);
    const [counted] = await handle.db
      .select({ n: count() })
      .from(auditEvent)
      .where(eq(auditEvent.subjectType, "person"));
    expect(people.total).toBe(counted?.n);
  });

  it("keeps the page within range", async () => {
    expect((await readAuditLog(handle.db, { subjectType: "test", page: 99 })).page).toBe(1);
    expect((await readAuditLog(handle.db, { subjectType: "test", page: -3 })).page).toBe(1);
    const last = await readAuditLog(handle.db, { subjectType: "test", pageSize: 2, page: 2 });
    expect(last).toMatchObject({ page: 2, pages: 2, total: 3 });
    expect(last.events.map((e) => e.action)).toEqual(["test.first"]);
  });

  it("finds nothing for an unknown subject", async () => {
    expect(await readAuditLog(handle.db, { subjectId: "unknown" })).toEqual({
      events: [],
      total: 0,
      page: 1,
      pages: 1,
    });
  });

  it("lists the kinds of subject", async () => {
    expect(await auditSubjectTypes(handle.db)).toEqual(
      expect.arrayContaining(["organisation", "person", "site", "test"]),
    );
  });
});
