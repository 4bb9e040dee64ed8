import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actorByEmail, openTestDatabase } from "../../test/support/database";
import { changeDeadline } from "../applications/change-deadline";
import { startApplication } from "../applications/start-application";
import { auditEvent } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import type { Actor } from "../identity/actor";
import { reminderTime } from "../notifications/deadline-reminders";
import { notificationJobHandlers } from "../notifications/job-handlers";
import { runDueJobs } from "../platform/jobs/run-due-jobs";
import { scheduledJob } from "../platform/jobs/schema";
import { createMailer, type Mailer } from "../platform/mailer";
import { createCall } from "./create-call";
import { demoCalls } from "./demo-calls";
import { publishCall } from "./publish-call";
import { call } from "./schema";

// Moving the deadline of a published call on a real database: the drafts' reminders follow the
// new deadline, a reminder that already went out is not sent again, a reminder whose moment has
// passed is cancelled and comes back when the deadline moves later again; bad input is refused.

let handle: DatabaseHandle;
let manager: Actor;
let coordinator: Actor;
let mailDir: string;
let mailer: Mailer;
const baseUrl = "https://innovet.example";
const day = 86_400_000;

let callId: string;
let applicationId: string;
let deadline: Date;
let version: number;
const start = new Date();

/** A call of the test's own, open now and closing at `closesAt`: the demo's drafts stay out of it. */
async function publishOwnCall(title: string, closesAt: Date, now: Date) {
  const [template] = demoCalls(now).slice(1);
  if (!template) throw new Error("no demo call");
  const created = await createCall(
    { db: handle.db, actor: manager, now: () => now },
    { ...template, title, closesAt },
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  const published = await publishCall(
    { db: handle.db, actor: manager, now: () => now },
    { id: created.value.id, version: 1 },
  );
  if (!published.ok) throw new Error(JSON.stringify(published));
  return { id: created.value.id, version: published.value.version };
}

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  manager = await actorByEmail(handle, "programmabeheerder@demo.innovet.test");
  coordinator = await actorByEmail(handle, "coordinator@demo.innovet.test");
  mailDir = mkdtempSync(join(tmpdir(), "innovet-deadline-mail-"));
  mailer = createMailer({ captureDir: mailDir, from: "InnoVET <test@innovet.test>" });
  deadline = new Date(start.getTime() + 45 * day);
  callId = (await publishOwnCall("Oproep met herinneringen die meeschuiven", deadline, start)).id;
  const started = await startApplication(
    { db: handle.db, actor: coordinator, now: () => start },
    {
      callId,
      organisationId: coordinator.memberships[0]?.organisationId,
      title: "Herinneringen die meeschuiven",
      baseUrl,
    },
  );
  if (!started.ok) throw new Error(JSON.stringify(started));
  applicationId = started.value.id;
  // What the demo world scheduled itself and is due (its published calls' notices, its cycle-1
  // drafts' reminders) runs before the tests, into a mailbox of its own.
  const demoMail = createMailer({
    captureDir: join(mailDir, "demo"),
    from: "InnoVET <test@innovet.test>",
  });
  await runDueJobs(handle.db, notificationJobHandlers({ mailer: demoMail, baseUrl }), {
    now: start,
  });
});
afterAll(async () => {
  await handle?.close();
  rmSync(mailDir, { recursive: true, force: true });
});
beforeEach(async () => {
  const [row] = await handle.db
    .select({ version: call.version })
    .from(call)
    .where(eq(call.id, callId));
  version = row?.version ?? 0;
});

async function reminders() {
  const jobs = await handle.db
    .select()
    .from(scheduledJob)
    .where(like(scheduledJob.key, `deadline-reminder:${applicationId}:%`))
    .orderBy(scheduledJob.key);
  return Object.fromEntries(jobs.map((j) => [j.key.split(":")[2], j]));
}

const move = (closesAt: Date | string, now: Date, reason = "Verlengd wegens de krokusvakantie") =>
  changeDeadline(
    { db: handle.db, actor: manager, now: () => now },
    { id: callId, version, closesAt, reason },
  );

const handlers = () => notificationJobHandlers({ mailer, baseUrl });

describe("changing the deadline of a published call", () => {
  it("moves the drafts' reminders to the new deadline and records the reason", async () => {
    const later = new Date(deadline.getTime() + 14 * day);
    const result = await move(later, start);
    expect(result).toMatchObject({ ok: true, value: { reminders: { moved: 2, cancelled: 0 } } });
    const jobs = await reminders();
    expect(jobs["7d"]).toMatchObject({ status: "pending", runAt: reminderTime(later, 7) });
    expect(jobs["1d"]).toMatchObject({ status: "pending", runAt: reminderTime(later, 1) });
    expect(jobs["7d"]?.payload).toMatchObject({ deadline: later.toISOString() });

    const [event] = await handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "call.changeDeadline"), eq(auditEvent.subjectId, callId)));
    expect(event).toMatchObject({
      actorId: manager.userId,
      subjectType: "call",
      before: { closesAt: deadline.toISOString() },
      after: { closesAt: later.toISOString(), reason: "Verlengd wegens de krokusvakantie" },
    });
    deadline = later;
  });

  it("never sends a reminder twice: one sent before a later move is not sent again", async () => {
    // The 7-day reminder goes out.
    const sevenDaysBefore = reminderTime(deadline, 7);
    await runDueJobs(handle.db, handlers(), { now: sevenDaysBefore });
    expect(await mailer.captured()).toHaveLength(1);
    expect((await reminders())["7d"]?.status).toBe("done");

    // Three days later the deadline moves another two weeks.
    const now = new Date(sevenDaysBefore.getTime() + 3 * day);
    const later = new Date(deadline.getTime() + 14 * day);
    const result = await move(later, now);
    expect(result).toMatchObject({ ok: true, value: { reminders: { moved: 1, cancelled: 0 } } });
    const jobs = await reminders();
    expect(jobs["7d"]?.status).toBe("done");
    expect(jobs["1d"]).toMatchObject({ status: "pending", runAt: reminderTime(later, 1) });

    // Up to the new deadline: only the 1-day reminder is still sent, with the new deadline.
    for (const at of [reminderTime(later, 7), reminderTime(later, 1), later])
      await runDueJobs(handle.db, handlers(), { now: at });
    const mails = await mailer.captured();
    expect(mails).toHaveLength(2);
    expect(mails.filter((m) => m.subject.startsWith("Herinnering"))).toHaveLength(2);
    deadline = later;
  });
});

describe("a reminder whose new moment has passed", () => {
  let draftId: string;
  let callDeadline: Date;
  let otherCallId: string;
  let otherVersion = 1;
  const now = new Date();

  beforeAll(async () => {
    // A call of its own, open now and closing in 30 days, with one fresh draft.
    callDeadline = new Date(now.getTime() + 30 * day);
    const own = await publishOwnCall("Oproep met een verschuivende deadline", callDeadline, now);
    otherCallId = own.id;
    otherVersion = own.version;
    const started = await startApplication(
      { db: handle.db, actor: coordinator, now: () => now },
      {
        callId: otherCallId,
        organisationId: coordinator.memberships[0]?.organisationId,
        title: "Een tweede concept",
        baseUrl,
      },
    );
    if (!started.ok) throw new Error(JSON.stringify(started));
    draftId = started.value.id;
  });

  const moveOther = async (closesAt: Date) => {
    const result = await changeDeadline(
      { db: handle.db, actor: manager, now: () => now },
      { id: otherCallId, version: otherVersion, closesAt, reason: "Correctie" },
    );
    if (result.ok) otherVersion = result.value.version;
    return result;
  };
  const jobOf = async (label: string) =>
    (
      await handle.db
        .select()
        .from(scheduledJob)
        .where(eq(scheduledJob.key, `deadline-reminder:${draftId}:${label}`))
    )[0];

  it("is cancelled when the deadline comes closer, and comes back when it moves away", async () => {
    const soon = new Date(now.getTime() + 3 * day);
    expect(await moveOther(soon)).toMatchObject({
      ok: true,
      value: { reminders: { moved: 1, cancelled: 1 } },
    });
    expect((await jobOf("7d"))?.status).toBe("cancelled");
    expect(await jobOf("1d")).toMatchObject({ status: "pending", runAt: reminderTime(soon, 1) });

    const farther = new Date(now.getTime() + 20 * day);
    expect(await moveOther(farther)).toMatchObject({
      ok: true,
      value: { reminders: { moved: 2, cancelled: 0 } },
    });
    expect(await jobOf("7d")).toMatchObject({
      status: "pending",
      runAt: reminderTime(farther, 7),
      finishedAt: null,
    });
  });

  it("refuses a deadline in the past, after the decision date, unchanged, or without a reason", async () => {
    const fail = (closesAt: Date | string, reason = "Correctie") =>
      changeDeadline(
        { db: handle.db, actor: manager, now: () => now },
        { id: otherCallId, version: otherVersion, closesAt, reason },
      );
    expect(await fail(new Date(now.getTime() - day))).toMatchObject({
      reason: "invalid",
      fieldErrors: { closesAt: ["deadline.error.inPast"] },
    });
    expect(await fail(new Date(now.getTime() + 400 * day))).toMatchObject({
      reason: "invalid",
      fieldErrors: { closesAt: ["deadline.error.afterDecision"] },
    });
    expect(await fail(new Date(now.getTime() + 5 * day), "  ")).toMatchObject({
      reason: "invalid",
      fieldErrors: { reason: ["deadline.error.reasonRequired"] },
    });
    expect(await fail("geen datum")).toMatchObject({
      reason: "invalid",
      fieldErrors: { closesAt: ["error.call.invalidDateTime"] },
    });
    const [current] = await handle.db
      .select({ closesAt: call.closesAt })
      .from(call)
      .where(eq(call.id, otherCallId));
    expect(await fail(current?.closesAt as Date)).toMatchObject({
      reason: "invalid",
      fieldErrors: { closesAt: ["deadline.error.unchanged"] },
    });
  });

  it("refuses a stale version, a draft call and anyone but a programme manager", async () => {
    const closesAt = new Date(now.getTime() + 10 * day);
    expect(
      await changeDeadline(
        { db: handle.db, actor: manager, now: () => now },
        { id: otherCallId, version: otherVersion - 1, closesAt, reason: "x" },
      ),
    ).toEqual({ ok: false, reason: "conflict", message: "call.conflict" });
    expect(
      await changeDeadline(
        { db: handle.db, actor: coordinator, now: () => now },
        { id: otherCallId, version: otherVersion, closesAt, reason: "x" },
      ),
    ).toEqual({ ok: false, reason: "forbidden" });
    const [template] = demoCalls(now).slice(1);
    const draft = await createCall(
      { db: handle.db, actor: manager, now: () => now },
      { ...template, title: "Nog een concept" },
    );
    if (!draft.ok) throw new Error("draft refused");
    expect(
      await changeDeadline(
        { db: handle.db, actor: manager, now: () => now },
        { id: draft.value.id, version: 1, closesAt, reason: "x" },
      ),
    ).toEqual({ ok: false, reason: "conflict", message: "deadline.error.notPublished" });
  });
});
