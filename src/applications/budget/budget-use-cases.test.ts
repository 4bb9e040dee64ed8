import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { marchTestCall, publishTestCall, startTestDraft } from "../../../test/support/applications";
import { actorByEmail, openTestDatabase } from "../../../test/support/database";
import { readAuditLog } from "../../audit/read-audit-log";
import type { DatabaseHandle } from "../../db/client";
import type { Actor } from "../../identity/actor";
import { addBudgetLine } from "./add-budget-line";
import { readBudgetLines } from "./read-budget";
import { removeBudgetLine } from "./remove-budget-line";
import { updateBudgetLine } from "./update-budget-line";

// The budget's use cases on a real database: lines added, changed and removed by the lead
// school's coordinator while the call is open, refused for anyone else and after the deadline,
// with every change in the application's audit history.

let handle: DatabaseHandle;
let coordinator: Actor;
let otherCoordinator: Actor;
let director: Actor;
let applicationId: string;
const duringCall = new Date("2027-03-10T10:00:00Z");
const afterDeadline = new Date("2027-03-29T10:00:00Z");

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  coordinator = await actorByEmail(handle, "coordinator@demo.innovet.test");
  otherCoordinator = await actorByEmail(handle, "coordinator2@demo.innovet.test");
  director = await actorByEmail(handle, "directeur@demo.innovet.test");
  const manager = await actorByEmail(handle, "programmabeheerder@demo.innovet.test");
  const callId = await publishTestCall(handle.db, manager, {
    ...marchTestCall,
    title: "Oproep voor budgetten",
  });
  applicationId = await startTestDraft(handle.db, coordinator, callId, duringCall);
});
afterAll(async () => {
  await handle?.close();
});

const ctx = (actor: Actor, now = duringCall) => ({ db: handle.db, actor, now: () => now });
const release = {
  category: "teacherRelease",
  description: "Vrijstelling",
  hours: "40",
  hourlyCost: "45,50",
};

describe("budget lines", () => {
  it("are added in order, changed and removed, each change audited", async () => {
    const first = await addBudgetLine(ctx(coordinator), { applicationId, ...release });
    const second = await addBudgetLine(ctx(coordinator), {
      applicationId,
      category: "materials",
      description: "Sensoren",
      amount: "2.400",
    });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    let lines = await readBudgetLines(handle.db, applicationId);
    expect(lines.map((l) => [l.description, l.amountCents])).toEqual([
      ["Vrijstelling", 1_820_00],
      ["Sensoren", 2_400_00],
    ]);
    expect(lines[0]).toMatchObject({ hours: 40, hourlyCostCents: 45_50 });

    const changed = await updateBudgetLine(ctx(coordinator), {
      applicationId,
      lineId: second.value.id,
      category: "infrastructure",
      description: "Sensoren en kabels",
      amount: "2.650,75",
    });
    expect(changed.ok).toBe(true);
    const removed = await removeBudgetLine(ctx(coordinator), {
      applicationId,
      lineId: first.value.id,
    });
    expect(removed.ok).toBe(true);
    lines = await readBudgetLines(handle.db, applicationId);
    expect(lines).toEqual([
      expect.objectContaining({ category: "infrastructure", amountCents: 2_650_75, hours: null }),
    ]);

    const again = await removeBudgetLine(ctx(coordinator), {
      applicationId,
      lineId: first.value.id,
    });
    expect(again).toEqual({ ok: false, reason: "conflict", message: "budget.error.unknownLine" });

    const log = await readAuditLog(handle.db, {
      subjectType: "application",
      subjectId: applicationId,
    });
    const actions = log.events.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "application.budget.addLine",
        "application.budget.updateLine",
        "application.budget.removeLine",
      ]),
    );
  });

  it("refuses a teacher-release line without hours at the field", async () => {
    const result = await addBudgetLine(ctx(coordinator), { ...release, applicationId, hours: "" });
    expect(result).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { hours: ["budget.error.hoursRequired"] },
    });
  });

  it("hides the application from another school and refuses its director", async () => {
    expect(await addBudgetLine(ctx(otherCoordinator), { applicationId, ...release })).toEqual({
      ok: false,
      reason: "notFound",
    });
    expect(await addBudgetLine(ctx(director), { applicationId, ...release })).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });

  it("changes nothing after the deadline", async () => {
    const result = await addBudgetLine(ctx(coordinator, afterDeadline), {
      applicationId,
      ...release,
    });
    expect(result).toEqual({
      ok: false,
      reason: "conflict",
      message: "application.error.callClosed",
    });
  });

  it("never touches a line of another application", async () => {
    const [line] = await readBudgetLines(handle.db, applicationId);
    const manager = await actorByEmail(handle, "programmabeheerder@demo.innovet.test");
    const otherCall = await publishTestCall(handle.db, manager, {
      ...marchTestCall,
      title: "Nog een oproep",
    });
    const otherDraft = await startTestDraft(handle.db, coordinator, otherCall, duringCall);
    const result = await removeBudgetLine(ctx(coordinator), {
      applicationId: otherDraft,
      lineId: line?.id,
    });
    expect(result).toEqual({ ok: false, reason: "conflict", message: "budget.error.unknownLine" });
    expect(await readBudgetLines(handle.db, applicationId)).toHaveLength(1);
  });
});
