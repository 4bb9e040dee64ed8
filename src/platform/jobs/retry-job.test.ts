import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, openTestDatabase } from "../../../test/support/database";
import { auditEvent } from "../../audit/schema";
import type { DatabaseHandle } from "../../db/client";
import type { Actor } from "../../identity/actor";
import { listTroubledJobs } from "./read-jobs";
import { retryJob } from "./retry-job";
import { runDueJobs } from "./run-due-jobs";
import { scheduleJob } from "./schedule-job";
import { scheduledJob } from "./schema";

// The administrator's view of jobs in trouble and "retry now", on a real database.

let handle: DatabaseHandle;
let admin: Actor;
let manager: Actor;
const t0 = new Date("2027-03-01T09:00:00Z");
const later = new Date("2027-03-01T10:00:00Z");

beforeAll(async () => {
  handle = await openTestDatabase("demo");
  admin = await actorByEmail(handle, "admin@demo.innovet.test");
  manager = await actorByEmail(handle, "programmabeheerder@demo.innovet.test");
  await handle.db.delete(scheduledJob);
  for (const key of ["broken", "flaky", "fine"])
    await scheduleJob(handle.db, { kind: "test", key, runAt: t0, payload: {}, maxAttempts: 2 });
  const failing = async () => {
    throw new Error("SMTP 421 service not available");
  };
  const handlers = {
    test: async (job: { key: string }) => {
      if (job.key !== "fine") await failing();
    },
  };
  await runDueJobs(handle.db, handlers, { now: t0, retryDelayMs: () => 60_000 });
  // "broken" fails for good after its second attempt; "flaky" is left waiting for its second.
  await handle.db.update(scheduledJob).set({ runAt: later }).where(eq(scheduledJob.key, "flaky"));
  await runDueJobs(handle.db, handlers, { now: new Date(t0.getTime() + 60_000) });
});
afterAll(async () => {
  await handle?.close();
});

const idOf = async (key: string) =>
  (await handle.db.select().from(scheduledJob).where(eq(scheduledJob.key, key)))[0]?.id ?? "";

describe("jobs in trouble", () => {
  it("lists failed jobs and jobs waiting for a retry, with their last error", async () => {
    const jobs = await listTroubledJobs(handle.db);
    expect(jobs.map((j) => [j.key, j.status, j.attempts, j.lastError]).sort()).toEqual([
      ["broken", "failed", 2, "SMTP 421 service not available"],
      ["flaky", "pending", 1, "SMTP 421 service not available"],
    ]);
    expect(jobs.find((j) => j.key === "flaky")?.nextRunAt).toEqual(later);
    expect(jobs.find((j) => j.key === "broken")?.nextRunAt).toBeNull();
  });

  it("retries a failed job now with one more attempt, audited, and it runs", async () => {
    const id = await idOf("broken");
    const now = new Date(t0.getTime() + 5 * 60_000);
    const result = await retryJob({ db: handle.db, actor: admin, now: () => now }, { id });
    expect(result).toEqual({ ok: true, value: { id } });
    const [job] = await handle.db.select().from(scheduledJob).where(eq(scheduledJob.id, id));
    expect(job).toMatchObject({ status: "pending", runAt: now, attempts: 2, maxAttempts: 3 });
    const [event] = await handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "job.retry"), eq(auditEvent.subjectId, id)));
    expect(event).toMatchObject({
      actorId: admin.userId,
      subjectType: "scheduledJob",
      before: { status: "failed" },
      after: { status: "pending" },
    });
    const ran: string[] = [];
    await runDueJobs(handle.db, { test: async (j) => void ran.push(j.key) }, { now });
    expect(ran).toEqual(["broken"]);
    expect((await listTroubledJobs(handle.db)).map((j) => j.key)).toEqual(["flaky"]);
  });

  it("refuses a job that is fine, an unknown job, and anyone but an admin", async () => {
    expect(await retryJob({ db: handle.db, actor: admin }, { id: await idOf("fine") })).toEqual({
      ok: false,
      reason: "conflict",
      message: "jobs.error.notRetryable",
    });
    expect(
      await retryJob(
        { db: handle.db, actor: admin },
        { id: "00000000-0000-4000-8000-000000000000" },
      ),
    ).toEqual({ ok: false, reason: "notFound" });
    expect(await retryJob({ db: handle.db, actor: manager }, { id: await idOf("flaky") })).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });
});
