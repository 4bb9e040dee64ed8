import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  completeTestDraft,
  marchTestCall,
  publishTestCall,
  startTestDraft,
} from "../../../test/support/applications";
import { actorByEmail, openTestDatabase } from "../../../test/support/database";
import { auditEvent } from "../../audit/schema";
import { call } from "../../calls/schema";
import type { DatabaseHandle } from "../../db/client";
import type { Actor } from "../../identity/actor";
import { addBudgetLine } from "../budget/add-budget-line";
import { readBudgetLines } from "../budget/read-budget";
import { removeBudgetLine } from "../budget/remove-budget-line";
import { changeDeadline } from "../change-deadline";
import { readDossier } from "../submission/dossier";
import { reopenApplication } from "../submission/reopen-application";
import { submitApplication } from "../submission/submit-application";
import { withdrawApplication } from "../submission/withdraw-application";
import { approveApplication } from "./approve-application";
import { draftFingerprint } from "./model";
import { readApproval } from "./read-approval";
import { withdrawApproval } from "./withdraw-approval";

// The director's approval (ADR 0033) on a real database: asked by the call, given by the lead
// school's director on the version they read, enforced by the submission, lapsing when the
// draft changes and withdrawn by the director.

let handle: DatabaseHandle;
let coordinator: Actor;
let coordinator2: Actor;
let director: Actor;
let manager: Actor;
let teacher: Actor;
let approvalCall: string;
let plainCall: string;
const duringCall = new Date("2027-03-10T10:00:00Z");

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  coordinator = await actorByEmail(handle, "coordinator@demo.innovet.test");
  coordinator2 = await actorByEmail(handle, "coordinator2@demo.innovet.test");
  director = await actorByEmail(handle, "directeur@demo.innovet.test");
  manager = await actorByEmail(handle, "programmabeheerder@demo.innovet.test");
  teacher = await actorByEmail(handle, "leraar@demo.innovet.test");
  approvalCall = await publishTestCall(handle.db, manager, {
    ...marchTestCall,
    title: "Oproep met goedkeuring",
    directorApproval: "required",
  });
  plainCall = await publishTestCall(handle.db, manager, { ...marchTestCall, title: "Zonder" });
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

const ctx = (actor: Actor | null, now = duringCall) => ({ db: handle.db, actor, now: () => now });
const submit = (actor: Actor, applicationId: string) =>
  submitApplication(ctx(actor), { applicationId, requestKey: randomUUID(), declaration: "on" });

async function fingerprintOf(id: string) {
  const dossier = await readDossier(handle.db, id);
  if (!dossier) throw new Error("no dossier");
  return draftFingerprint(dossier);
}
const approve = async (actor: Actor, id: string, fingerprint?: string) =>
  approveApplication(ctx(actor), {
    applicationId: id,
    fingerprint: fingerprint ?? (await fingerprintOf(id)),
  });
async function stateOf(id: string) {
  const dossier = await readDossier(handle.db, id);
  if (!dossier) throw new Error("no dossier");
  return (await readApproval(handle.db, dossier)).state;
}
async function completeDraft(callId: string, title: string) {
  const id = await startTestDraft(handle.db, coordinator, callId, duringCall, title);
  await completeTestDraft(handle.db, coordinator, id, duringCall);
  return id;
}

describe("the director's approval", () => {
  it("is not needed where the call does not ask for it, and cannot be given there", async () => {
    const id = await completeDraft(plainCall, "Zonder goedkeuring");
    expect(await stateOf(id)).toBe("notRequired");
    expect(await approve(director, id)).toEqual({
      ok: false,
      reason: "conflict",
      message: "application.error.approvalNotAsked",
    });
    expect((await submit(coordinator, id)).ok).toBe(true);
  }, 120_000);

  it("is required: the submission is refused until the director approves, then goes ahead", async () => {
    const id = await completeDraft(approvalCall, "Met goedkeuring");
    expect(await stateOf(id)).toBe("waiting");
    expect(await submit(coordinator, id)).toEqual({
      ok: false,
      reason: "conflict",
      message: "application.error.approvalRequired",
    });
    const approved = await approve(director, id);
    expect(approved.ok).toBe(true);
    expect(await stateOf(id)).toBe("approved");
    const [event] = await handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, id), eq(auditEvent.action, "application.approve")));
    expect(event?.actorId).toBe(director.userId);
    const submitted = await submit(coordinator, id);
    expect(submitted.ok).toBe(true);
    expect(await stateOf(id)).toBe("approved");
    // Nothing to approve once submitted.
    expect(await approve(director, id)).toMatchObject({
      reason: "conflict",
      message: "application.error.notADraft",
    });
  }, 120_000);

  it("is only for the lead school's director: others are refused or learn nothing", async () => {
    const id = await completeDraft(approvalCall, "Wie keurt goed");
    const fingerprint = await fingerprintOf(id);
    // Table: who asks, and what they get.
    const cases: Array<[string, Actor, string]> = [
      ["the coordinator (sees it, may not approve)", coordinator, "forbidden"],
      ["the programme manager (sees it, may not approve)", manager, "forbidden"],
      ["another school's coordinator (does not see it)", coordinator2, "notFound"],
      ["a teacher of the school (does not see it)", teacher, "notFound"],
    ];
    for (const [, actor, reason] of cases)
      expect((await approve(actor, id, fingerprint)).ok ? "ok" : reason).toBe(reason);
    expect(await approveApplication(ctx(null), { applicationId: id, fingerprint })).toMatchObject({
      ok: false,
    });
    expect(await stateOf(id)).toBe("waiting");
  }, 120_000);

  it("is refused for an incomplete draft and for a version the director did not read", async () => {
    const incomplete = await startTestDraft(
      handle.db,
      coordinator,
      approvalCall,
      duringCall,
      "Half",
    );
    expect(await approve(director, incomplete)).toMatchObject({
      reason: "conflict",
      message: "application.error.approvalNotEligible",
    });
    const id = await completeDraft(approvalCall, "Gelezen versie");
    const read = await fingerprintOf(id);
    const added = await addBudgetLine(ctx(coordinator), {
      applicationId: id,
      category: "materials",
      description: "Nog een sensor",
      amount: "100",
    });
    expect(added.ok).toBe(true);
    expect(await approve(director, id, read)).toMatchObject({
      reason: "conflict",
      message: "application.error.approvalStale",
    });
    expect(
      await approveApplication(ctx(director), { applicationId: id, fingerprint: "nope" }),
    ).toMatchObject({ reason: "invalid" });
  }, 120_000);

  it("lapses when the draft changes, and holds again only for what was approved", async () => {
    const id = await completeDraft(approvalCall, "Vervallen goedkeuring");
    expect((await approve(director, id)).ok).toBe(true);
    const added = await addBudgetLine(ctx(coordinator), {
      applicationId: id,
      category: "materials",
      description: "Extra kabels",
      amount: "200",
    });
    expect(added.ok).toBe(true);
    expect(await stateOf(id)).toBe("lapsed");
    expect(await submit(coordinator, id)).toMatchObject({
      message: "application.error.approvalRequired",
    });
    // Taking the change back returns the draft to exactly what the director approved.
    const line = (await readBudgetLines(handle.db, id)).find(
      (l) => l.description === "Extra kabels",
    );
    const removed = await removeBudgetLine(ctx(coordinator), {
      applicationId: id,
      lineId: line?.id,
    });
    expect(removed.ok).toBe(true);
    expect(await stateOf(id)).toBe("approved");
    // Approving again after a change records a new approval.
    await addBudgetLine(ctx(coordinator), {
      applicationId: id,
      category: "materials",
      description: "Extra kabels",
      amount: "200",
    });
    expect((await approve(director, id)).ok).toBe(true);
    expect(await stateOf(id)).toBe("approved");
    expect((await submit(coordinator, id)).ok).toBe(true);
  }, 120_000);

  it("stands through a moved deadline, and through withdrawing and reopening unchanged", async () => {
    const id = await completeDraft(approvalCall, "Verschoven deadline");
    expect((await approve(director, id)).ok).toBe(true);
    const [callRow] = await handle.db
      .select({ version: call.version })
      .from(call)
      .where(eq(call.id, approvalCall));
    const moved = await changeDeadline(ctx(manager, new Date("2027-03-01T10:00:00Z")), {
      id: approvalCall,
      version: callRow?.version,
      closesAt: "2027-03-28T13:00",
      reason: "Een storing bij de overheid.",
    });
    expect(moved.ok).toBe(true);
    expect(await stateOf(id)).toBe("approved");
    expect((await submit(coordinator, id)).ok).toBe(true);
    expect(
      (await withdrawApplication(ctx(coordinator), { applicationId: id, reason: "" })).ok,
    ).toBe(true);
    expect((await reopenApplication(ctx(coordinator), { applicationId: id })).ok).toBe(true);
    expect(await stateOf(id)).toBe("approved");
  }, 120_000);

  it("is withdrawn by the director; the coordinator cannot submit until approved again", async () => {
    const id = await completeDraft(approvalCall, "Ingetrokken goedkeuring");
    expect(await withdrawApproval(ctx(director), { applicationId: id })).toMatchObject({
      reason: "conflict",
      message: "application.error.notApproved",
    });
    expect((await approve(director, id)).ok).toBe(true);
    expect(await withdrawApproval(ctx(coordinator), { applicationId: id })).toMatchObject({
      reason: "forbidden",
    });
    expect((await withdrawApproval(ctx(director), { applicationId: id })).ok).toBe(true);
    expect(await stateOf(id)).toBe("waiting");
    expect(await submit(coordinator, id)).toMatchObject({
      message: "application.error.approvalRequired",
    });
    const events = await handle.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(eq(auditEvent.subjectId, id));
    expect(events.map((e) => e.action)).toContain("application.withdrawApproval");
  }, 120_000);
});
