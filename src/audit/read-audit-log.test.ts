import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, openTestDatabase } from "../../test/support/database";
import type { DatabaseHandle } from "../db/client";
import { demoAccounts } from "../directory/demo-world";
import { organisation, site } from "../directory/schema";
import type { Actor } from "../identity/actor";
import {
  auditActions,
  auditSubjectTypes,
  countCap,
  maxAuditPageSize,
  readAuditLog,
} from "./read-audit-log";
import { recordAuditEvent } from "./record-event";
import { auditEvent } from "./schema";
import { subjectKey, subjectNames } from "./subject-names";

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
    expect(log.total).toBe(Math.min(allEvents, countCap));
    expect(log.moreThanTotal).toBe(allEvents > countCap);
    expect(allEvents).toBeGreaterThan(1000);
    expect(log.events).toHaveLength(20);
    expect(log.newerThan).toBeNull();
    expect(log.olderThan).toBe(log.events[19]?.id);
    expect(log.events.map((e) => e.action).slice(0, 3)).toEqual([
      "test.system",
      "test.second",
      "test.first",
    ]);
    for (let i = 1; i < log.events.length; i++) {
      const [newer, older] = [log.events[i - 1], log.events[i]];
      if (!newer || !older) continue;
      expect(newer.id).toBeGreaterThan(older.id);
      expect(newer.at.getTime()).toBeGreaterThanOrEqual(older.at.getTime());
    }
  });

  it("walks the whole log by keyset pages, older and back newer, without gaps or repeats", async () => {
    const pageSize = 100;
    const seen: number[] = [];
    let olderThan: number | undefined;
    const pages: number[][] = [];
    for (;;) {
      const log = await readAuditLog(handle.db, { pageSize, olderThan });
      pages.push(log.events.map((e) => e.id));
      seen.push(...log.events.map((e) => e.id));
      if (log.olderThan === null) break;
      olderThan = log.olderThan;
    }
    expect(seen).toHaveLength(allEvents);
    expect(new Set(seen).size).toBe(allEvents);
    // Back from the third page to the second: the same events, and the second knows the first.
    const third = pages[2] ?? [];
    const back = await readAuditLog(handle.db, { pageSize, newerThan: third[0] });
    expect(back.events.map((e) => e.id)).toEqual(pages[1]);
    expect(back.newerThan).toBe(pages[1]?.[0]);
    expect(back.olderThan).toBe(pages[1]?.[pageSize - 1]);
    // Newer than the newest event: the first page.
    const top = await readAuditLog(handle.db, { pageSize, newerThan: Number.MAX_SAFE_INTEGER });
    expect(top.events.map((e) => e.id)).toEqual(pages[0]);
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

  it.each([
    ["an action", { action: "test.second" }, ["test.second"]],
    ["one actor", { actorId: "ADMIN", subjectType: "test" }, ["test.second", "test.first"]],
    [
      "part of an actor's name",
      { actorText: "NAME", subjectType: "test" },
      ["test.second", "test.first"],
    ],
    [
      "part of an actor's address",
      { actorText: "EMAIL", subjectType: "test" },
      ["test.second", "test.first"],
    ],
    ["a name that has no events", { actorText: "%_niemand_%", subjectType: "test" }, []],
    [
      "a period that holds them",
      { subjectType: "test", from: "PAST", until: "FUTURE" },
      ["test.system", "test.second", "test.first"],
    ],
    ["a period before them", { subjectType: "test", until: "PAST" }, []],
    ["a period after them", { subjectType: "test", from: "FUTURE" }, []],
  ] as const)("narrows by %s", async (_, raw, actions) => {
    const past = new Date(Date.now() - 3_600_000);
    const future = new Date(Date.now() + 3_600_000);
    const filter: Record<string, unknown> = { ...raw };
    if (filter.actorId === "ADMIN") filter.actorId = admin.userId;
    if (filter.actorText === "NAME") filter.actorText = admin.name.slice(1, -1).toUpperCase();
    if (filter.actorText === "EMAIL") filter.actorText = admin.email.split("@")[0];
    for (const key of ["from", "until"])
      if (filter[key]) filter[key] = filter[key] === "PAST" ? past : future;
    const log = await readAuditLog(handle.db, filter);
    expect(log.events.map((e) => e.action)).toEqual(actions);
    expect(log.total).toBe(actions.length);
  });

  it("keeps pages bounded, whatever is asked", async () => {
    const log = await readAuditLog(handle.db, { pageSize: 1_000_000 });
    expect(log.events).toHaveLength(maxAuditPageSize);
    expect((await readAuditLog(handle.db, { pageSize: -3 })).events).toHaveLength(1);
  });

  it("finds nothing for an unknown subject", async () => {
    expect(await readAuditLog(handle.db, { subjectId: "unknown" })).toEqual({
      events: [],
      total: 0,
      moreThanTotal: false,
      olderThan: null,
      newerThan: null,
    });
  });

  it("lists the kinds of subject and the actions", async () => {
    expect(await auditSubjectTypes(handle.db)).toEqual(
      expect.arrayContaining(["organisation", "person", "site", "test"]),
    );
    expect(await auditActions(handle.db)).toEqual(
      expect.arrayContaining(["test.first", "test.second", "test.system", "seed.organisation"]),
    );
  });
});

describe("subjectNames", () => {
  it("reads the names of people, organisations and sites, and leaves out what it cannot", async () => {
    const [org] = await handle.db.select().from(organisation).limit(1);
    const [aSite] = await handle.db.select().from(site).limit(1);
    if (!org || !aSite) throw new Error("demo world without organisations");
    const names = await subjectNames(handle.db, [
      { subjectType: "person", subjectId: admin.userId },
      { subjectType: "organisation", subjectId: org.id },
      { subjectType: "site", subjectId: aSite.id },
      // Not a uuid: never sent to a uuid column (that would be an error, not an empty answer).
      { subjectType: "organisation", subjectId: "not-a-uuid" },
      { subjectType: "call", subjectId: "00000000-0000-4000-8000-000000000000" },
      { subjectType: "test", subjectId: "subject-1" },
    ]);
    expect(Object.fromEntries(names)).toEqual({
      [subjectKey({ subjectType: "person", subjectId: admin.userId })]: admin.name,
      [subjectKey({ subjectType: "organisation", subjectId: org.id })]: org.name,
      [subjectKey({ subjectType: "site", subjectId: aSite.id })]: aSite.name,
    });
  });
});
