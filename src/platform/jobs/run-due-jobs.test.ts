import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/database";
import { databaseUrlFor } from "../../../test/support/global-setup";
import { type DatabaseHandle, openDatabase } from "../../db/client";
import { type ClaimedJob, type JobHandlers, PermanentJobError, runDueJobs } from "./run-due-jobs";
import { cancelJob, scheduleJob } from "./schedule-job";
import { scheduledJob } from "./schema";

// The durable job queue on a real database (PGlite, or PostgreSQL with DATABASE_URL): idempotent
// scheduling, due times, claims that two workers never share, crash recovery, retries with
// backoff, and giving up after the last attempt. The calendar is passed in (`now`); locks run on
// the database's clock, so the tests that expire a lock set it against that clock or wait.

let handle: DatabaseHandle;
/** A second handle on the same database (PostgreSQL: another pool, as another process would). */
let other: DatabaseHandle;

const t0 = new Date("2027-03-01T09:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

beforeAll(async () => {
  handle = await openTestDatabase("reference");
  if (handle.kind === "postgres" && process.env.DATABASE_URL) {
    const [row] = (await handle.db.execute(sql`select current_database() as name`)).rows as Array<{
      name: string;
    }>;
    other = await openDatabase({
      databaseUrl: databaseUrlFor(process.env.DATABASE_URL, row?.name ?? ""),
    });
  } else {
    other = handle;
  }
});
afterAll(async () => {
  if (other && other !== handle) await other.close();
  await handle?.close();
});
beforeEach(async () => {
  await handle.db.delete(scheduledJob);
});

async function jobByKey(key: string) {
  const [row] = await handle.db.select().from(scheduledJob).where(eq(scheduledJob.key, key));
  if (!row) throw new Error(`no job ${key}`);
  return row;
}

/** Handlers that record every run, so a test can see what ran and how often. */
function recording(run: (job: ClaimedJob) => Promise<void> = async () => {}) {
  const runs: ClaimedJob[] = [];
  const handlers: JobHandlers = {
    test: async (job) => {
      runs.push(job);
      await run(job);
    },
  };
  return { runs, handlers };
}

describe("scheduling", () => {
  it("is idempotent: the same key twice is one job, the first one kept", async () => {
    const first = await scheduleJob(handle.db, {
      kind: "test",
      key: "once",
      runAt: t0,
      payload: { n: 1 },
    });
    const second = await scheduleJob(handle.db, {
      kind: "test",
      key: "once",
      runAt: minutes(5),
      payload: { n: 2 },
    });
    expect([first, second]).toEqual([true, false]);
    const rows = await handle.db.select().from(scheduledJob);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ payload: { n: 1 }, status: "pending", attempts: 0 });
  });

  it("is idempotent under concurrency: ten schedulers at once make one job", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? other : handle).db.transaction((tx) =>
          scheduleJob(tx, { kind: "test", key: "race", runAt: t0, payload: {} }),
        ),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await handle.db.select().from(scheduledJob)).toHaveLength(1);
  });

  it("rolls back with the transaction that scheduled it", async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await scheduleJob(tx, { kind: "test", key: "rolled-back", runAt: t0, payload: {} });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await handle.db.select().from(scheduledJob)).toHaveLength(0);
  });

  it("cancels a pending job, and only a pending one", async () => {
    await scheduleJob(handle.db, { kind: "test", key: "cancel-me", runAt: t0, payload: {} });
    expect(await cancelJob(handle.db, "cancel-me", t0)).toBe(true);
    expect(await cancelJob(handle.db, "cancel-me", t0)).toBe(false);
    const { runs, handlers } = recording();
    await runDueJobs(handle.db, handlers, { now: minutes(1) });
    expect(runs).toHaveLength(0);
    expect((await jobByKey("cancel-me")).status).toBe("cancelled");
  });
});

describe("running due jobs", () => {
  it("runs a due job once, marks it done, and never runs it again", async () => {
    await scheduleJob(handle.db, { kind: "test", key: "due", runAt: t0, payload: { x: 1 } });
    const { runs, handlers } = recording();
    expect(await runDueJobs(handle.db, handlers, { now: t0 })).toEqual({
      done: 1,
      retried: 0,
      failed: 0,
    });
    await runDueJobs(handle.db, handlers, { now: minutes(60 * 24 * 365) });
    expect(runs.map((r) => [r.key, r.attempt, r.payload])).toEqual([["due", 1, { x: 1 }]]);
    expect(await jobByKey("due")).toMatchObject({
      status: "done",
      attempts: 1,
      lockedUntil: null,
      lastError: null,
    });
  });

  it("does not run a job that is due in the future", async () => {
    await scheduleJob(handle.db, { kind: "test", key: "later", runAt: minutes(10), payload: {} });
    const { runs, handlers } = recording();
    await runDueJobs(handle.db, handlers, { now: minutes(9) });
    expect(runs).toHaveLength(0);
    expect((await jobByKey("later")).status).toBe("pending");
    await runDueJobs(handle.db, handlers, { now: minutes(10) });
    expect(runs).toHaveLength(1);
  });

  it("leaves jobs of kinds it has no handler for to other workers", async () => {
    await scheduleJob(handle.db, { kind: "unknown", key: "foreign", runAt: t0, payload: {} });
    const { handlers } = recording();
    await runDueJobs(handle.db, handlers, { now: minutes(1) });
    expect(await jobByKey("foreign")).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("runs every job exactly once when two workers run at the same time", async () => {
    for (let i = 0; i < 30; i++)
      await scheduleJob(handle.db, { kind: "test", key: `job-${i}`, runAt: t0, payload: { i } });
    const { runs, handlers } = recording(() => new Promise((r) => setTimeout(r, 5)));
    const [a, b] = await Promise.all([
      runDueJobs(handle.db, handlers, { now: t0 }),
      runDueJobs(other.db, handlers, { now: t0 }),
    ]);
    expect(a.done + b.done).toBe(30);
    const keys = runs.map((r) => r.key).sort();
    expect(keys).toEqual([...new Set(keys)].sort());
    expect(keys).toHaveLength(30);
    const statuses = await handle.db.select({ s: scheduledJob.status }).from(scheduledJob);
    expect(statuses.every((r) => r.s === "done")).toBe(true);
  });

  it("runs every job exactly once when a round outlasts its lock and a second worker starts later", async () => {
    // The real clock throughout, as the poller runs. Each job takes 150 ms against a 400 ms lock:
    // the first worker's round lasts about a second, far past the lock of its first claim. Every
    // claim must get its own deadline, or the second worker, starting when the round's early
    // deadlines have passed, takes over jobs the first one is still running.
    const past = new Date(Date.now() - 60_000);
    for (let i = 0; i < 8; i++)
      await scheduleJob(handle.db, { kind: "test", key: `slow-${i}`, runAt: past, payload: { i } });
    const { runs, handlers } = recording(() => new Promise((r) => setTimeout(r, 150)));
    const first = runDueJobs(handle.db, handlers, { lockMs: 400 });
    await new Promise((r) => setTimeout(r, 500));
    const second = runDueJobs(other.db, handlers, { lockMs: 400 });
    const [a, b] = await Promise.all([first, second]);
    expect(runs.map((r) => r.key).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `slow-${i}`).sort(),
    );
    expect(runs.every((r) => r.attempt === 1)).toBe(true);
    expect(a.done + b.done).toBe(8);
    expect(b.done).toBeGreaterThan(0);
    const rows = await handle.db.select().from(scheduledJob);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(rows.map(() => ["done", 1]));
  });

  it("stamps each claim's lock from the database's clock at that claim", async () => {
    const past = new Date(Date.now() - 60_000);
    for (let i = 0; i < 3; i++)
      await scheduleJob(handle.db, { kind: "test", key: `lock-${i}`, runAt: past, payload: {} });
    const locks: Date[] = [];
    const { handlers } = recording(async (job) => {
      locks.push((await jobByKey(job.key)).lockedUntil as Date);
      await new Promise((r) => setTimeout(r, 100));
    });
    const before = Date.now();
    await runDueJobs(handle.db, handlers, { lockMs: 60_000 });
    const [first, second, third] = locks.map((d) => d.getTime() - before);
    // 60 s after the claim, each claim at least the 100 ms handler after the one before.
    expect(first).toBeGreaterThanOrEqual(60_000 - 1000);
    expect(second).toBeGreaterThanOrEqual((first as number) + 90);
    expect(third).toBeGreaterThanOrEqual((second as number) + 90);
  });

  it("retries a failed job later with a growing delay, keeping the error", async () => {
    await scheduleJob(handle.db, { kind: "test", key: "flaky", runAt: t0, payload: {} });
    let failures = 2;
    const { runs, handlers } = recording(async () => {
      if (failures-- > 0) throw new Error("SMTP server unreachable");
    });
    expect(await runDueJobs(handle.db, handlers, { now: t0 })).toMatchObject({ retried: 1 });
    let job = await jobByKey("flaky");
    expect(job).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "SMTP server unreachable",
    });
    expect(job.runAt).toEqual(minutes(1));

    await runDueJobs(handle.db, handlers, { now: minutes(0.5) });
    expect(runs).toHaveLength(1);
    await runDueJobs(handle.db, handlers, { now: minutes(1) });
    job = await jobByKey("flaky");
    expect(job).toMatchObject({ status: "pending", attempts: 2 });
    expect(job.runAt).toEqual(minutes(3));

    await runDueJobs(handle.db, handlers, { now: minutes(3) });
    expect(await jobByKey("flaky")).toMatchObject({ status: "done", attempts: 3, lastError: null });
    expect(runs).toHaveLength(3);
  });

  it("marks a job failed with its error after the last attempt", async () => {
    await scheduleJob(handle.db, {
      kind: "test",
      key: "hopeless",
      runAt: t0,
      payload: {},
      maxAttempts: 3,
    });
    const { runs, handlers } = recording(async (job) => {
      throw new Error(`attempt ${job.attempt} failed`);
    });
    for (let minute = 0; minute < 10; minute++)
      await runDueJobs(handle.db, handlers, { now: minutes(minute), retryDelayMs: () => 60_000 });
    expect(runs).toHaveLength(3);
    expect(await jobByKey("hopeless")).toMatchObject({
      status: "failed",
      attempts: 3,
      lastError: "attempt 3 failed",
    });
  });

  it("fails at once on a permanent error", async () => {
    await scheduleJob(handle.db, { kind: "test", key: "malformed", runAt: t0, payload: {} });
    const { runs, handlers } = recording(async () => {
      throw new PermanentJobError("invalid payload");
    });
    await runDueJobs(handle.db, handlers, { now: t0 });
    await runDueJobs(handle.db, handlers, { now: minutes(600) });
    expect(runs).toHaveLength(1);
    expect(await jobByKey("malformed")).toMatchObject({
      status: "failed",
      lastError: "invalid payload",
    });
  });

  it("claims a job again when its worker crashed mid-run and the lock expired", async () => {
    await scheduleJob(handle.db, { kind: "test", key: "orphan", runAt: t0, payload: {} });
    // A worker claimed it with a 5-minute lock, then its process died.
    await handle.db
      .update(scheduledJob)
      .set({
        status: "running",
        attempts: 1,
        lockedUntil: sql`clock_timestamp() + interval '5 minutes'`,
      })
      .where(eq(scheduledJob.key, "orphan"));
    const { runs, handlers } = recording();
    // The calendar may be far ahead: the lock is held for real time on the database's clock.
    await runDueJobs(handle.db, handlers, { now: minutes(60) });
    expect(runs).toHaveLength(0);
    await handle.db
      .update(scheduledJob)
      .set({ lockedUntil: sql`clock_timestamp() - interval '1 second'` })
      .where(eq(scheduledJob.key, "orphan"));
    await runDueJobs(handle.db, handlers, { now: minutes(60) });
    expect(runs.map((r) => r.attempt)).toEqual([2]);
    expect(await jobByKey("orphan")).toMatchObject({ status: "done", attempts: 2 });
  });

  it("gives up on a job whose worker crashed during its last attempt", async () => {
    await scheduleJob(handle.db, {
      kind: "test",
      key: "last-orphan",
      runAt: t0,
      payload: {},
      maxAttempts: 2,
    });
    await handle.db
      .update(scheduledJob)
      .set({
        status: "running",
        attempts: 2,
        lockedUntil: sql`clock_timestamp() - interval '1 second'`,
      })
      .where(eq(scheduledJob.key, "last-orphan"));
    const { runs, handlers } = recording();
    expect(await runDueJobs(handle.db, handlers, { now: minutes(6) })).toMatchObject({ failed: 1 });
    expect(runs).toHaveLength(0);
    expect((await jobByKey("last-orphan")).lastError).toMatch(/interrupted/);
  });

  it("does not let a worker whose lock was taken over overwrite the new run's outcome", async () => {
    await scheduleJob(handle.db, { kind: "test", key: "slow", runAt: t0, payload: {} });
    // The first worker is so slow that its lock expires and a second worker takes the job over.
    let release: () => void = () => {};
    const slow: JobHandlers = {
      test: () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    };
    const first = runDueJobs(handle.db, slow, { now: t0, lockMs: 100 });
    await expect.poll(async () => (await jobByKey("slow")).status).toBe("running");
    await new Promise((r) => setTimeout(r, 200));
    const second = recording(async () => {
      throw new Error("second run failed");
    });
    await runDueJobs(other.db, second.handlers, { now: minutes(2) });
    expect(await jobByKey("slow")).toMatchObject({ status: "pending", attempts: 2 });
    release();
    await first;
    // The first worker's "done" does not count: its claim (attempt 1) no longer holds.
    expect(await jobByKey("slow")).toMatchObject({ status: "pending", attempts: 2 });
  });
});
