import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, openTestDatabase } from "../../test/support/database";
import { createCall } from "../calls/create-call";
import { demoCalls } from "../calls/demo-calls";
import { publishCall } from "../calls/publish-call";
import type { DatabaseHandle } from "../db/client";
import type { Actor } from "../identity/actor";
import { user } from "../identity/schema";
import { runDueJobs } from "../platform/jobs/run-due-jobs";
import { scheduledJob } from "../platform/jobs/schema";
import { createMailer, type Mailer } from "../platform/mailer";
import { callPublishedKey } from "./call-published";
import { notificationJobHandlers } from "./job-handlers";
import { notificationPreference, sentNotification } from "./schema";

// Publishing a call schedules one job that mails everyone who opted in to new calls (off by
// default), in their language, once each, also when the job runs again after a crash.

let handle: DatabaseHandle;
let manager: Actor;
let mailDir: string;
let mailer: Mailer;
const baseUrl = "https://innovet.example";
const now = new Date();

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  manager = await actorByEmail(handle, "programmabeheerder@demo.innovet.test");
  mailDir = mkdtempSync(join(tmpdir(), "innovet-call-mail-"));
  mailer = createMailer({ captureDir: mailDir, from: "InnoVET <test@innovet.test>" });
  const people = await Promise.all(
    ["coordinator", "directeur", "leraar", "partner"].map((p) =>
      actorByEmail(handle, `${p}@demo.innovet.test`),
    ),
  );
  const [coordinator, director, teacher, partner] = people as [Actor, Actor, Actor, Actor];
  await handle.db.insert(notificationPreference).values([
    { userId: coordinator.userId, kind: "callPublished", email: true },
    { userId: director.userId, kind: "callPublished", email: true },
    { userId: teacher.userId, kind: "callPublished", email: false },
    // Opted in, but no longer active: gets nothing.
    { userId: partner.userId, kind: "callPublished", email: true },
  ]);
  await handle.db.update(user).set({ locale: "en" }).where(eq(user.id, director.userId));
  await handle.db.update(user).set({ active: false }).where(eq(user.id, partner.userId));
  // The announcements of the demo's own calls (scheduled by the seed) are not this test's.
  await handle.db.delete(scheduledJob);
});
afterAll(async () => {
  await handle?.close();
  rmSync(mailDir, { recursive: true, force: true });
});

describe("announcing a published call", () => {
  let callId: string;

  it("schedules one job when the call is published", async () => {
    const [template] = demoCalls(now).slice(1);
    const created = await createCall(
      { db: handle.db, actor: manager, now: () => now },
      { ...template, title: "Oproep voor de nieuwsbrief" },
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    callId = created.value.id;
    expect(
      await handle.db
        .select()
        .from(scheduledJob)
        .where(eq(scheduledJob.key, callPublishedKey(callId))),
    ).toHaveLength(0);
    const published = await publishCall(
      { db: handle.db, actor: manager, now: () => now },
      { id: callId, version: 1 },
    );
    expect(published.ok).toBe(true);
    const jobs = await handle.db
      .select()
      .from(scheduledJob)
      .where(eq(scheduledJob.key, callPublishedKey(callId)));
    expect(jobs).toMatchObject([
      { kind: "callPublished", status: "pending", runAt: now, payload: { callId } },
    ]);
  });

  it("mails those who opted in, in their language, and nobody else", async () => {
    await runDueJobs(handle.db, notificationJobHandlers({ mailer, baseUrl }), { now });
    const mails = await mailer.captured();
    expect(mails.map((m) => m.to).sort()).toEqual([
      "coordinator@demo.innovet.test",
      "directeur@demo.innovet.test",
    ]);
    const dutch = mails.find((m) => m.to.startsWith("coordinator"));
    expect(dutch?.subject).toBe("Nieuwe InnoVET-oproep: Oproep voor de nieuwsbrief");
    expect(dutch?.text).toContain(`${baseUrl}/oproepen/${callId}`);
    expect(dutch?.text).toContain(`${baseUrl}/mijn/meldingen`);
    const english = mails.find((m) => m.to.startsWith("directeur"));
    expect(english?.subject).toBe("New InnoVET call: Oproep voor de nieuwsbrief");
  });

  it("sends nobody a second mail when the job runs again (a retry after a crash)", async () => {
    await handle.db
      .update(scheduledJob)
      .set({ status: "pending", runAt: now })
      .where(eq(scheduledJob.key, callPublishedKey(callId)));
    await runDueJobs(handle.db, notificationJobHandlers({ mailer, baseUrl }), { now });
    expect(await mailer.captured()).toHaveLength(2);
    const sent = await handle.db
      .select()
      .from(sentNotification)
      .where(eq(sentNotification.notificationKey, callPublishedKey(callId)));
    expect(sent).toHaveLength(2);
  });
});
