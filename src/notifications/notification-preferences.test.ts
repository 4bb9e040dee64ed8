import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { setUpDemoWorld } from "../../test/support/database";
import { auditEvent } from "../audit/schema";
import { startJobPoller } from "../platform/jobs/job-poller";
import { scheduleJob } from "../platform/jobs/schedule-job";
import { scheduledJob } from "../platform/jobs/schema";
import { createMailer } from "../platform/mailer";
import { readNotificationPreferences, wantsNotification } from "./notification-preferences";
import { notificationPreference, sentNotification } from "./schema";
import { sendNotificationOnce } from "./send-notification";
import { setNotificationPreferences } from "./set-notification-preferences";

// Notification preferences: defaults per kind, a person's own choices (audited, and only their
// own), receipts that cannot be switched off; sending once per key and recipient; the polling loop.

const demo = setUpDemoWorld();
beforeEach(async () => {
  await demo.handle.db.delete(notificationPreference);
});

const allOn = { deadlineReminder: true, partnerInvitation: true, callPublished: true };

describe("notification preferences", () => {
  it("start from each kind's default", async () => {
    expect(await readNotificationPreferences(demo.handle.db, demo.coordinator.userId)).toEqual([
      { kind: "deadlineReminder", email: true, alwaysSent: false },
      { kind: "partnerInvitation", email: true, alwaysSent: false },
      { kind: "submissionConfirmation", email: true, alwaysSent: true },
      { kind: "callPublished", email: false, alwaysSent: false },
    ]);
    expect(
      await wantsNotification(demo.handle.db, demo.coordinator.userId, "deadlineReminder"),
    ).toBe(true);
    expect(await wantsNotification(demo.handle.db, demo.coordinator.userId, "callPublished")).toBe(
      false,
    );
  });

  it("are saved by the person, and the change is audited with before and after", async () => {
    const result = await setNotificationPreferences(
      { db: demo.handle.db, actor: demo.coordinator },
      { userId: demo.coordinator.userId, email: { ...allOn, deadlineReminder: false } },
    );
    expect(result).toEqual({ ok: true, value: { changed: ["deadlineReminder", "callPublished"] } });
    expect(
      await wantsNotification(demo.handle.db, demo.coordinator.userId, "deadlineReminder"),
    ).toBe(false);
    expect(await wantsNotification(demo.handle.db, demo.coordinator.userId, "callPublished")).toBe(
      true,
    );
    const [event] = await demo.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.action, "notificationPreferences.set"),
          eq(auditEvent.subjectId, demo.coordinator.userId),
        ),
      );
    expect(event).toMatchObject({
      actorId: demo.coordinator.userId,
      subjectType: "person",
      before: { deadlineReminder: true, callPublished: false },
      after: { deadlineReminder: false, callPublished: true },
    });

    // Switched on again.
    await setNotificationPreferences(
      { db: demo.handle.db, actor: demo.coordinator },
      { userId: demo.coordinator.userId, email: allOn },
    );
    expect(
      await wantsNotification(demo.handle.db, demo.coordinator.userId, "deadlineReminder"),
    ).toBe(true);
  });

  it("writes nothing when nothing changed", async () => {
    const result = await setNotificationPreferences(
      { db: demo.handle.db, actor: demo.coordinator },
      {
        userId: demo.coordinator.userId,
        email: { deadlineReminder: true, partnerInvitation: true, callPublished: false },
      },
    );
    expect(result).toEqual({ ok: true, value: { changed: [] } });
    expect(await demo.handle.db.select().from(notificationPreference)).toHaveLength(0);
  });

  it("are nobody else's to change, not even an administrator's", async () => {
    for (const actor of [demo.admin, null]) {
      const result = await setNotificationPreferences(
        { db: demo.handle.db, actor },
        { userId: demo.coordinator.userId, email: allOn },
      );
      expect(result).toEqual({ ok: false, reason: "forbidden" });
    }
  });

  it("cannot switch off a receipt, and refuse malformed input with catalogue keys", async () => {
    const sneaky = await setNotificationPreferences(
      { db: demo.handle.db, actor: demo.coordinator },
      { userId: demo.coordinator.userId, email: { ...allOn, submissionConfirmation: false } },
    );
    expect(sneaky.ok).toBe(false);
    expect(
      await wantsNotification(demo.handle.db, demo.coordinator.userId, "submissionConfirmation"),
    ).toBe(true);
    for (const email of [{}, { ...allOn, deadlineReminder: "nee" }, null, "all"]) {
      const result = await setNotificationPreferences(
        { db: demo.handle.db, actor: demo.coordinator },
        { userId: demo.coordinator.userId, email },
      );
      expect(result.ok).toBe(false);
      if (!result.ok && result.reason === "invalid")
        for (const message of [...result.formErrors, ...Object.values(result.fieldErrors).flat()])
          expect(message).toMatch(/^error\./);
    }
  });

  it("always sends a receipt, even with a stored choice against it", async () => {
    await demo.handle.db
      .insert(notificationPreference)
      .values({ userId: demo.coordinator.userId, kind: "submissionConfirmation", email: false });
    expect(
      await wantsNotification(demo.handle.db, demo.coordinator.userId, "submissionConfirmation"),
    ).toBe(true);
  });
});

describe("sending a notification once", () => {
  it("sends once per key and recipient, also when called twice at the same time", async () => {
    const dir = mkdtempSync(join(tmpdir(), "innovet-once-"));
    const mailer = createMailer({ captureDir: dir, from: "InnoVET <test@innovet.test>" });
    const send = () =>
      sendNotificationOnce(demo.handle.db, mailer, {
        key: "receipt:application-1",
        kind: "submissionConfirmation",
        recipient: { userId: demo.coordinator.userId, email: demo.coordinator.email },
        mail: { subject: "Ontvangstbevestiging", text: "Ontvangen." },
      });
    const results = await Promise.all([send(), send(), send()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await mailer.captured()).toHaveLength(1);
    expect(await send()).toBe(false);
    expect(
      await demo.handle.db
        .select()
        .from(sentNotification)
        .where(eq(sentNotification.notificationKey, "receipt:application-1")),
    ).toHaveLength(1);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("the polling loop", () => {
  it("runs due jobs soon after it starts and stops cleanly", async () => {
    await scheduleJob(demo.handle.db, {
      kind: "poll-test",
      key: "poll-test:1",
      runAt: new Date(Date.now() - 1000),
      payload: {},
    });
    const ran: string[] = [];
    const poller = startJobPoller({
      db: demo.handle.db,
      handlers: { "poll-test": async (job) => void ran.push(job.key) },
      intervalMs: 50,
    });
    await expect.poll(() => ran).toEqual(["poll-test:1"]);
    await poller.stop();
    const [job] = await demo.handle.db
      .select()
      .from(scheduledJob)
      .where(eq(scheduledJob.key, "poll-test:1"));
    expect(job?.status).toBe("done");
  });
});
