import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actorByEmail, openTestDatabase } from "../../test/support/database";
import type { DatabaseHandle } from "../db/client";
import { user } from "../identity/schema";
import { runDueJobs } from "../platform/jobs/run-due-jobs";
import { scheduleJob } from "../platform/jobs/schedule-job";
import { scheduledJob } from "../platform/jobs/schema";
import { createMailer, type Mailer } from "../platform/mailer";
import {
  cancelDeadlineReminders,
  deadlineReminderHandler,
  deadlineReminderMail,
  reminderTime,
  scheduleDeadlineReminders,
} from "./deadline-reminders";
import { notificationJobHandlers } from "./job-handlers";
import { notificationPreference, sentNotification } from "./schema";
import { sendNotificationOnce } from "./send-notification";

// Deadline reminders end to end on a real database, with mail captured to files as in
// development: scheduled once per application, sent once per job even when the job is retried
// after a crash, not sent to people who switched them off, in the person's language with the
// deadline in Brussels time on both sides of a change to or from summer time.

let handle: DatabaseHandle;
let mailDir: string;
let mailer: Mailer;
let coordinator: { userId: string; email: string };
const baseUrl = "https://innovet.example";

const deadline = new Date("2027-04-29T15:00:00Z"); // Thursday 29 April 2027, 17:00 in Brussels
const day = 86_400_000;

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  const actor = await actorByEmail(handle, "coordinator@demo.innovet.test");
  coordinator = { userId: actor.userId, email: actor.email };
});
afterAll(async () => {
  await handle?.close();
});
beforeEach(async () => {
  if (mailDir) rmSync(mailDir, { recursive: true, force: true });
  mailDir = mkdtempSync(join(tmpdir(), "innovet-reminder-mail-"));
  mailer = createMailer({ captureDir: mailDir, from: "InnoVET <test@innovet.test>" });
  await handle.db.delete(scheduledJob);
  await handle.db.delete(sentNotification);
  await handle.db.delete(notificationPreference);
  await handle.db.update(user).set({ locale: "nl" }).where(eq(user.id, coordinator.userId));
});

const handlers = () => notificationJobHandlers({ mailer, baseUrl });

async function scheduleForCoordinator(
  applicationId = "app-1",
  now = new Date(deadline.getTime() - 30 * day),
) {
  return scheduleDeadlineReminders(
    handle.db,
    {
      callId: "call-1",
      callTitle: "InnoVET cyclus 3",
      deadline,
      recipients: [
        {
          userId: coordinator.userId,
          applicationId,
          applicationUrl: `${baseUrl}/aanvragen/${applicationId}`,
        },
      ],
    },
    now,
  );
}

/** The job of the 7-day reminder that scheduleForCoordinator schedules by default. */
async function sevenDayReminderJob() {
  const [job] = await handle.db
    .select()
    .from(scheduledJob)
    .where(eq(scheduledJob.key, "deadline-reminder:app-1:7d"));
  return job;
}

describe("scheduling deadline reminders", () => {
  it("schedules a 7-day and a 1-day reminder per application, once", async () => {
    expect(await scheduleForCoordinator()).toBe(2);
    expect(await scheduleForCoordinator()).toBe(0);
    const jobs = await handle.db.select().from(scheduledJob).orderBy(scheduledJob.runAt);
    expect(jobs.map((j) => [j.key, j.kind, j.runAt.toISOString()])).toEqual([
      ["deadline-reminder:app-1:7d", "deadlineReminder", "2027-04-22T15:00:00.000Z"],
      ["deadline-reminder:app-1:1d", "deadlineReminder", "2027-04-28T15:00:00.000Z"],
    ]);
    expect(jobs[0]?.payload).toEqual({
      recipientUserId: coordinator.userId,
      callId: "call-1",
      callTitle: "InnoVET cyclus 3",
      deadline: "2027-04-29T15:00:00.000Z",
      applicationUrl: `${baseUrl}/aanvragen/app-1`,
    });
  });

  it("skips a reminder whose moment has passed (a draft started 3 days before)", async () => {
    expect(await scheduleForCoordinator("late", new Date(deadline.getTime() - 3 * day))).toBe(1);
    const jobs = await handle.db.select({ key: scheduledJob.key }).from(scheduledJob);
    expect(jobs).toEqual([{ key: "deadline-reminder:late:1d" }]);
  });

  it("cancels the reminders still to come when the application is submitted", async () => {
    await scheduleForCoordinator();
    await cancelDeadlineReminders(handle.db, "app-1");
    await runDueJobs(handle.db, handlers(), { now: deadline });
    expect(await mailer.captured()).toHaveLength(0);
  });

  // Brussels changes to summer time on 28 March 2027 and back on 31 October 2027.
  it.each([
    ["no change in between", "2027-04-29T15:00:00Z", 7, "2027-04-22T15:00:00.000Z"],
    ["summer time starts in between", "2027-04-01T15:00:00Z", 7, "2027-03-25T16:00:00.000Z"],
    ["summer time ends in between", "2027-11-04T16:00:00Z", 7, "2027-10-28T15:00:00.000Z"],
    ["the day after summer time starts", "2027-03-29T15:00:00Z", 1, "2027-03-28T15:00:00.000Z"],
    ["the day after summer time ends", "2027-11-01T16:00:00Z", 1, "2027-10-31T16:00:00.000Z"],
    [
      "a wall-clock time that does not exist",
      "2027-03-29T00:30:00Z",
      1,
      "2027-03-28T00:30:00.000Z",
    ],
  ])("keeps the Brussels wall-clock time: %s", (_, at, days, expected) => {
    expect(reminderTime(new Date(at), days).toISOString()).toBe(expected);
  });
});

describe("sending deadline reminders", () => {
  it("sends the reminders when due, in Dutch, with a link to the draft and to the preferences", async () => {
    await scheduleForCoordinator();
    await runDueJobs(handle.db, handlers(), { now: new Date(deadline.getTime() - 8 * day) });
    expect(await mailer.captured()).toHaveLength(0);

    await runDueJobs(handle.db, handlers(), { now: new Date(deadline.getTime() - 7 * day) });
    const [mail] = await mailer.captured();
    expect(mail?.to).toBe(coordinator.email);
    expect(mail?.subject).toBe(
      "Herinnering: de oproep InnoVET cyclus 3 sluit op donderdag 29 april 2027 om 17:00",
    );
    expect(mail?.text).toContain("sluit op donderdag 29 april 2027 om 17:00 (Belgische tijd)");
    expect(mail?.text).toContain(`${baseUrl}/aanvragen/app-1`);
    expect(mail?.text).toContain(`${baseUrl}/mijn/meldingen`);

    await runDueJobs(handle.db, handlers(), { now: new Date(deadline.getTime() - day) });
    await runDueJobs(handle.db, handlers(), { now: new Date(deadline.getTime() - day / 2) });
    expect(await mailer.captured()).toHaveLength(2);
    const sent = await handle.db.select().from(sentNotification);
    expect(sent.map((s) => s.notificationKey).sort()).toEqual([
      "deadline-reminder:app-1:1d",
      "deadline-reminder:app-1:7d",
    ]);
  });

  it("sends in English to a person who chose English", async () => {
    await handle.db.update(user).set({ locale: "en" }).where(eq(user.id, coordinator.userId));
    await scheduleForCoordinator();
    await runDueJobs(handle.db, handlers(), { now: new Date(deadline.getTime() - 7 * day) });
    const [mail] = await mailer.captured();
    expect(mail?.subject).toBe(
      "Reminder: the call InnoVET cyclus 3 closes on Thursday, 29 April 2027 at 17:00",
    );
    expect(mail?.text).toMatch(/^Dear /);
  });

  it("sends nothing to a person who switched deadline reminders off, and completes the job", async () => {
    await handle.db
      .insert(notificationPreference)
      .values({ userId: coordinator.userId, kind: "deadlineReminder", email: false });
    await scheduleForCoordinator();
    const summary = await runDueJobs(handle.db, handlers(), {
      now: new Date(deadline.getTime() - day),
    });
    expect(summary.done).toBe(2);
    expect(await mailer.captured()).toHaveLength(0);
    expect(await handle.db.select().from(sentNotification)).toHaveLength(0);
  });

  it("sends nothing once the deadline has passed (a process that was down for days)", async () => {
    await scheduleForCoordinator();
    await runDueJobs(handle.db, handlers(), { now: new Date(deadline.getTime() + 1000) });
    expect(await mailer.captured()).toHaveLength(0);
  });

  it("does not send twice when the job is retried after a crash after sending", async () => {
    await scheduleForCoordinator();
    const real = deadlineReminderHandler({ mailer, baseUrl });
    let crashes = 1;
    const crashing = {
      deadlineReminder: async (...args: Parameters<typeof real>) => {
        await real(...args);
        if (crashes-- > 0) throw new Error("process killed after sending");
      },
    };
    const now = new Date(deadline.getTime() - 7 * day);
    expect(await runDueJobs(handle.db, crashing, { now })).toMatchObject({ retried: 1 });
    expect(await mailer.captured()).toHaveLength(1);
    const later = new Date(now.getTime() + 10 * 60_000);
    expect(await runDueJobs(handle.db, crashing, { now: later })).toMatchObject({ done: 1 });
    expect(await mailer.captured()).toHaveLength(1);
    expect(await sevenDayReminderJob()).toMatchObject({ status: "done", attempts: 2 });
  });

  it("does not send twice when a job left running by a dead process is claimed again", async () => {
    await scheduleForCoordinator();
    const now = new Date(deadline.getTime() - 7 * day);
    // A process claimed the 7-day reminder and sent the mail, then died before marking it done.
    await handle.db
      .update(scheduledJob)
      // Its lock (on the database's clock) has run out.
      .set({
        status: "running",
        attempts: 1,
        lockedUntil: sql`clock_timestamp() - interval '1 second'`,
      })
      .where(eq(scheduledJob.key, "deadline-reminder:app-1:7d"));
    const sent = await sendNotificationOnce(handle.db, mailer, {
      key: "deadline-reminder:app-1:7d",
      kind: "deadlineReminder",
      recipient: coordinator,
      mail: { subject: "Herinnering", text: "…" },
    });
    expect(sent).toBe(true);
    await runDueJobs(handle.db, handlers(), { now: new Date(now.getTime() + 301_000) });
    expect(await mailer.captured()).toHaveLength(1);
    expect(await sevenDayReminderJob()).toMatchObject({ status: "done", attempts: 2 });
  });

  it("sends again on retry when the mailer failed (nothing was sent)", async () => {
    await scheduleForCoordinator();
    let failures = 1;
    const flaky: Mailer = {
      send: async (mail) => {
        if (failures-- > 0) throw new Error("connection refused");
        await mailer.send(mail);
      },
      captured: () => mailer.captured(),
    };
    const h = notificationJobHandlers({ mailer: flaky, baseUrl });
    const now = new Date(deadline.getTime() - 7 * day);
    expect(await runDueJobs(handle.db, h, { now })).toMatchObject({ retried: 1 });
    expect(await handle.db.select().from(sentNotification)).toHaveLength(0);
    await runDueJobs(handle.db, h, { now: new Date(now.getTime() + 60_000) });
    expect(await mailer.captured()).toHaveLength(1);
  });

  it("fails a job with a malformed payload at once, with the error", async () => {
    await scheduleJob(handle.db, {
      kind: "deadlineReminder",
      key: "deadline-reminder:broken:7d",
      runAt: new Date("2027-01-01T00:00:00Z"),
      payload: { recipientUserId: coordinator.userId },
    });
    await runDueJobs(handle.db, handlers(), { now: new Date("2027-01-01T00:00:00Z") });
    const [job] = await handle.db.select().from(scheduledJob);
    expect(job?.status).toBe("failed");
    expect(job?.lastError).toMatch(/invalid payload/);
  });
});

describe("the reminder e-mail shows the deadline in Brussels time", () => {
  const values = (at: string) => ({
    name: "Bram",
    callTitle: "Oproep",
    deadline: new Date(at),
    applicationUrl: `${baseUrl}/aanvragen/1`,
    preferencesUrl: `${baseUrl}/mijn/meldingen`,
  });
  it.each([
    // Winter time (UTC+1) before 28 March 2027 02:00, summer time (UTC+2) until 31 October 03:00.
    ["nl", "2027-03-27T16:59:00Z", "zaterdag 27 maart 2027 om 17:59"],
    ["nl", "2027-03-28T00:59:00Z", "zondag 28 maart 2027 om 01:59"],
    ["nl", "2027-03-28T01:00:00Z", "zondag 28 maart 2027 om 03:00"],
    ["nl", "2027-03-28T15:00:00Z", "zondag 28 maart 2027 om 17:00"],
    ["nl", "2027-10-30T15:00:00Z", "zaterdag 30 oktober 2027 om 17:00"],
    ["nl", "2027-10-31T00:30:00Z", "zondag 31 oktober 2027 om 02:30"],
    ["nl", "2027-10-31T01:30:00Z", "zondag 31 oktober 2027 om 02:30"],
    ["nl", "2027-10-31T16:00:00Z", "zondag 31 oktober 2027 om 17:00"],
    ["nl", "2027-12-31T22:59:00Z", "vrijdag 31 december 2027 om 23:59"],
    ["en", "2027-03-28T15:00:00Z", "Sunday, 28 March 2027 at 17:00"],
    ["en", "2027-10-31T16:00:00Z", "Sunday, 31 October 2027 at 17:00"],
  ] as const)("%s %s is %s", (locale, at, shown) => {
    const mail = deadlineReminderMail(locale, values(at));
    expect(mail.subject).toContain(shown);
    expect(mail.text).toContain(shown);
  });
});
