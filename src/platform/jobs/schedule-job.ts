import { and, eq, inArray } from "drizzle-orm";
import type { DbExecutor } from "../../db/client";
import { scheduledJob } from "./schema";

export interface NewJob {
  /** The handler that will run it (a key of the worker's handlers). */
  kind: string;
  /** Unique over all jobs ever scheduled, e.g. "deadline-reminder:<applicationId>:7d". */
  key: string;
  runAt: Date;
  payload: Record<string, unknown>;
  /** Runs before the job is given up as failed (default 5). */
  maxAttempts?: number;
}

/**
 * Schedules a job, in the caller's transaction so it commits with the change that wants it.
 * Idempotent: a job with the same key (in any state) is left as it is. Returns whether a new job
 * was created.
 */
export async function scheduleJob(tx: DbExecutor, job: NewJob): Promise<boolean> {
  const created = await tx
    .insert(scheduledJob)
    .values({
      kind: job.kind,
      key: job.key,
      runAt: job.runAt,
      payload: job.payload,
      maxAttempts: job.maxAttempts ?? 5,
    })
    .onConflictDoNothing({ target: scheduledJob.key })
    .returning({ id: scheduledJob.id });
  return created.length === 1;
}

/** Cancels a job that has not started yet. Returns whether it was pending (and now is cancelled). */
export async function cancelJob(tx: DbExecutor, key: string, now = new Date()): Promise<boolean> {
  const cancelled = await tx
    .update(scheduledJob)
    .set({ status: "cancelled", updatedAt: now, finishedAt: now })
    .where(and(eq(scheduledJob.key, key), eq(scheduledJob.status, "pending")))
    .returning({ id: scheduledJob.id });
  return cancelled.length === 1;
}

/**
 * Moves a job that has not run to a new time with a new payload: a pending job, or one that was
 * cancelled (it becomes pending again). A job that ran, runs or failed is left alone, so work
 * that was done is never done again. Returns whether the job was moved.
 */
export async function rescheduleJob(
  tx: DbExecutor,
  key: string,
  change: { runAt: Date; payload: Record<string, unknown> },
  now = new Date(),
): Promise<boolean> {
  const moved = await tx
    .update(scheduledJob)
    .set({
      status: "pending",
      runAt: change.runAt,
      payload: change.payload,
      updatedAt: now,
      finishedAt: null,
    })
    .where(and(eq(scheduledJob.key, key), inArray(scheduledJob.status, ["pending", "cancelled"])))
    .returning({ id: scheduledJob.id });
  return moved.length === 1;
}
