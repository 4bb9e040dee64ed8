import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, openTestDatabase } from "../../test/support/database";
import { auditEvent } from "../audit/schema";
import { listPublishedCalls } from "../calls/read-calls";
import { call } from "../calls/schema";
import type { DatabaseHandle } from "../db/client";
import type { Actor } from "../identity/actor";
import { scheduledJob } from "../platform/jobs/schema";
import { getApplication, listApplications } from "./read-applications";
import { saveAnswers } from "./save-answers";
import { application } from "./schema";
import { startApplication } from "./start-application";
import { answerProblems } from "./submission/eligibility";

// The first slice of applications on a real database: starting a draft for an open call and
// saving a section's answers, with the policy's object-level rules, word limits, deadlines and
// optimistic concurrency.

let handle: DatabaseHandle;
let coordinator: Actor;
let coordinator2: Actor;
let director: Actor;
let teacher: Actor;
let manager: Actor;
let admin: Actor;
let openCallId: string;
let openClosesAt: Date;
let closedCallId: string;
let schoolA: string;
let schoolB: string;

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  coordinator = await actorByEmail(handle, "coordinator@demo.innovet.test");
  coordinator2 = await actorByEmail(handle, "coordinator2@demo.innovet.test");
  director = await actorByEmail(handle, "directeur@demo.innovet.test");
  teacher = await actorByEmail(handle, "leraar@demo.innovet.test");
  manager = await actorByEmail(handle, "programmabeheerder@demo.innovet.test");
  admin = await actorByEmail(handle, "admin@demo.innovet.test");
  const calls = await listPublishedCalls(handle.db, new Date());
  const open = calls.open[0];
  const closed = calls.closed[0];
  if (!open?.closesAt || !closed) throw new Error("the demo needs an open and a closed call");
  openCallId = open.id;
  openClosesAt = open.closesAt;
  closedCallId = closed.id;
  schoolA = coordinator.memberships[0]?.organisationId ?? "";
  schoolB = coordinator2.memberships[0]?.organisationId ?? "";
});
afterAll(async () => {
  await handle?.close();
});

const ctx = (actor: Actor | null, now?: Date) => ({
  db: handle.db,
  actor,
  ...(now ? { now: () => now } : {}),
});

const baseUrl = "http://localhost:3000";
const words = (n: number) => Array.from({ length: n }, (_, i) => `woord${i}`).join(" ");

async function start(title = "Circulair bouwen in de klas") {
  const result = await startApplication(ctx(coordinator), {
    callId: openCallId,
    organisationId: schoolA,
    baseUrl,
    title,
  });
  if (!result.ok) throw new Error(`start failed: ${JSON.stringify(result)}`);
  return result.value;
}

describe("starting an application", () => {
  it("a school coordinator starts a draft on the call's frozen form, audited, with reminders", async () => {
    const { id, version } = await start();
    expect(version).toBe(1);
    const [row] = await handle.db.select().from(application).where(eq(application.id, id));
    const [target] = await handle.db.select().from(call).where(eq(call.id, openCallId));
    expect(row?.status).toBe("draft");
    expect(row?.formVersionId).toBe(target?.formVersionId);
    expect(row?.leadOrganisationId).toBe(schoolA);
    expect(row?.createdBy).toBe(coordinator.userId);
    const jobs = await handle.db
      .select()
      .from(scheduledJob)
      .where(like(scheduledJob.key, `deadline-reminder:${id}:%`));
    expect(jobs.map((j) => j.key).sort()).toEqual([
      `deadline-reminder:${id}:1d`,
      `deadline-reminder:${id}:7d`,
    ]);
    const audit = await handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, id), eq(auditEvent.action, "application.start")));
    expect(audit).toHaveLength(1);
  });

  it.each([
    ["a school director", () => director],
    ["a teacher", () => teacher],
    ["a programme manager", () => manager],
    ["an administrator", () => admin],
    ["the coordinator of another school", () => coordinator2],
    ["the public", () => null],
  ])("is forbidden to %s for the first school", async (_who, actor) => {
    const result = await startApplication(ctx(actor()), {
      callId: openCallId,
      organisationId: schoolA,
      baseUrl,
      title: "Niet toegelaten",
    });
    expect(result).toEqual({ ok: false, reason: "forbidden" });
  });

  it("is refused for a closed call", async () => {
    const result = await startApplication(ctx(coordinator), {
      callId: closedCallId,
      organisationId: schoolA,
      baseUrl,
      title: "Te laat",
    });
    expect(result).toEqual({
      ok: false,
      reason: "conflict",
      message: "application.error.callNotOpen",
    });
  });

  it("is refused at the deadline by the server clock, and accepted one second before", async () => {
    const input = {
      callId: openCallId,
      organisationId: schoolA,
      title: "Op het nippertje",
      baseUrl,
    };
    const atDeadline = await startApplication(ctx(coordinator, openClosesAt), input);
    expect(atDeadline).toMatchObject({ ok: false, reason: "conflict" });
    const before = await startApplication(
      ctx(coordinator, new Date(openClosesAt.getTime() - 1000)),
      input,
    );
    expect(before.ok).toBe(true);
  });

  it("needs a title", async () => {
    const result = await startApplication(ctx(coordinator), {
      callId: openCallId,
      organisationId: schoolA,
      baseUrl,
      title: "  ",
    });
    expect(result).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { title: ["error.required"] },
    });
  });
});

describe("saving a section's answers", () => {
  it("saves the answers of one section, increments the version and audits the change", async () => {
    const { id } = await start();
    const result = await saveAnswers(ctx(coordinator), {
      applicationId: id,
      sectionId: "voorstel",
      version: 1,
      answers: { beschrijving: "Onze school bouwt circulair.", "plan-van-aanpak": "" },
    });
    expect(result).toEqual({ ok: true, value: { id, version: 2, problems: {} } });
    const view = await getApplication(handle.db, id, coordinator, new Date());
    expect(view?.answers).toEqual({ beschrijving: "Onze school bouwt circulair." });
    expect(view?.sections.find((s) => s.id === "voorstel")?.status).toBe("inProgress");
    const audit = await handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, id), eq(auditEvent.action, "application.saveAnswers")));
    expect(audit).toHaveLength(1);
  });

  it("keeps an answer over the word limit (3 pages = 1,500 words) in the draft and reports it at its field", async () => {
    const { id } = await start();
    const typed = words(1501);
    const over = await saveAnswers(ctx(coordinator), {
      applicationId: id,
      sectionId: "voorstel",
      version: 1,
      answers: { beschrijving: typed },
    });
    expect(over).toEqual({
      ok: true,
      value: {
        id,
        version: 2,
        problems: { "answers.beschrijving": ["application.problem.tooManyWords"] },
      },
    });
    const view = await getApplication(handle.db, id, coordinator, new Date());
    expect(view?.answers.beschrijving).toBe(typed);
    // Kept, but not done: the section stays in progress and the submission check lists it.
    expect(view?.sections.find((s) => s.id === "voorstel")?.status).toBe("inProgress");
    if (!view) throw new Error("no view");
    expect(answerProblems(view.form, view.answers)).toContainEqual({
      key: "application.problem.overLimit",
      params: { question: expect.any(String), section: expect.any(String) },
      fixAt: "sectie/voorstel#veld-answers-beschrijving",
    });
    const exact = await saveAnswers(ctx(coordinator), {
      applicationId: id,
      sectionId: "voorstel",
      version: 2,
      answers: { beschrijving: words(1500) },
    });
    expect(exact).toEqual({ ok: true, value: { id, version: 3, problems: {} } });
  });

  it("still refuses what cannot be stored, with every field's error at once", async () => {
    const { id } = await start();
    const result = await saveAnswers(ctx(coordinator), {
      applicationId: id,
      sectionId: "voorstel",
      version: 1,
      answers: { beschrijving: "x".repeat(200_001) },
    });
    expect(result).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { "answers.beschrijving": ["application.error.tooLong"] },
      formErrors: [],
    });
    const [row] = await handle.db.select().from(application).where(eq(application.id, id));
    expect(row?.version).toBe(1);
  });

  it("refuses a save from a stale version as a conflict and keeps the newer answers", async () => {
    const { id } = await start();
    const first = await saveAnswers(ctx(coordinator), {
      applicationId: id,
      sectionId: "voorstel",
      version: 1,
      answers: { beschrijving: "De eerste versie." },
    });
    expect(first.ok).toBe(true);
    const stale = await saveAnswers(ctx(coordinator), {
      applicationId: id,
      sectionId: "voorstel",
      version: 1,
      answers: { beschrijving: "Een tweede coördinator overschrijft niets." },
    });
    expect(stale).toEqual({ ok: false, reason: "conflict", message: "application.error.conflict" });
    const view = await getApplication(handle.db, id, coordinator, new Date());
    expect(view?.answers.beschrijving).toBe("De eerste versie.");
  });

  it("is refused after the deadline", async () => {
    const { id } = await start();
    const result = await saveAnswers(ctx(coordinator, openClosesAt), {
      applicationId: id,
      sectionId: "voorstel",
      version: 1,
      answers: { beschrijving: "Te laat." },
    });
    expect(result).toEqual({
      ok: false,
      reason: "conflict",
      message: "application.error.callClosed",
    });
  });

  it("checks choices against the options of the frozen form", async () => {
    const { id } = await start();
    const wrong = await saveAnswers(ctx(coordinator), {
      applicationId: id,
      sectionId: "consortium",
      version: 1,
      answers: { transitiegebied: "ruimtevaart" },
    });
    expect(wrong).toMatchObject({
      reason: "invalid",
      fieldErrors: { "answers.transitiegebied": ["application.error.unknownOption"] },
    });
    const right = await saveAnswers(ctx(coordinator), {
      applicationId: id,
      sectionId: "consortium",
      version: 1,
      answers: { transitiegebied: "energietransitie" },
    });
    expect(right.ok).toBe(true);
  });

  it("an unknown section is not found", async () => {
    const { id } = await start();
    const result = await saveAnswers(ctx(coordinator), {
      applicationId: id,
      sectionId: "bestaat-niet",
      version: 1,
      answers: {},
    });
    expect(result).toEqual({ ok: false, reason: "notFound" });
  });
});

describe("who sees and edits an application", () => {
  it("another school can neither read nor write it, and learns nothing of it", async () => {
    const { id } = await start();
    expect(await getApplication(handle.db, id, coordinator2, new Date())).toBeNull();
    expect(await getApplication(handle.db, id, null, new Date())).toBeNull();
    expect((await listApplications(handle.db, coordinator2)).some((a) => a.id === id)).toBe(false);
    const write = await saveAnswers(ctx(coordinator2), {
      applicationId: id,
      sectionId: "voorstel",
      version: 1,
      answers: { beschrijving: "Overgenomen." },
    });
    expect(write).toEqual({ ok: false, reason: "notFound" });
    const [row] = await handle.db.select().from(application).where(eq(application.id, id));
    expect(row?.answers).toEqual({});
  });

  it("the director reads it but may not edit; the programme manager and admin read it", async () => {
    const { id } = await start();
    const asDirector = await getApplication(handle.db, id, director, new Date());
    expect(asDirector?.canEdit).toBe(false);
    expect((await getApplication(handle.db, id, coordinator, new Date()))?.canEdit).toBe(true);
    expect(await getApplication(handle.db, id, manager, new Date())).not.toBeNull();
    expect(await getApplication(handle.db, id, admin, new Date())).not.toBeNull();
    expect((await listApplications(handle.db, director)).some((a) => a.id === id)).toBe(true);
    expect((await listApplications(handle.db, manager)).some((a) => a.id === id)).toBe(true);
    const write = await saveAnswers(ctx(director), {
      applicationId: id,
      sectionId: "voorstel",
      version: 1,
      answers: { beschrijving: "De directeur schrijft mee." },
    });
    expect(write).toEqual({ ok: false, reason: "forbidden" });
    expect(schoolB).not.toBe(schoolA);
  });
});
