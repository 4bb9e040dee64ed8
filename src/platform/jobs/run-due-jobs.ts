import { and, asc, eq, gte, inArray, lte, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { scheduledJob } from "./schema";

// The worker: claims due jobs, runs their handlers, and records the outcome. Safe with any number
// of processes on one PostgreSQL (ADR 0011): a claim is one short transaction that takes the rows
// with FOR UPDATE SKIP LOCKED and marks them `running` with a lock deadline, so two workers never
// claim the same job; a job whose claimer died is claimed again after `locked_until`. A handler
// runs outside the claim transaction (PGlite has a single connection), so it must be safe to run
// again after a crash: notification handlers send through sendNotificationOnce.

export interface ClaimedJob {
  id: string;
  kind: string;
  key: string;
  payload: unknown;
  runAt: Date;
  /** This run's number, 1 for the first. */
  attempt: number;
  maxAttempts: number;
}

export type JobHandler = (job: ClaimedJob, ctx: { db: Database; now: Date }) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** Thrown by a handler when retrying cannot help (a malformed payload): the job fails at once. */
export class PermanentJobError extends Error {}

export interface RunOptions {
  now?: Date;
  /** How long a claim holds a job before another worker may take it over (default 5 minutes). */
  lockMs?: number;
  /** Jobs claimed per round (default 10); rounds repeat until nothing is due. */
  batchSize?: number;
  /** The wait before retry number `attempt + 1` (default: 1 minute, doubling, at most 1 hour). */
  retryDelayMs?: (attempt: number) => number;
}

export interface RunSummary {
  done: number;
  retried: number;
  failed: number;
}

export const defaultRetryDelayMs = (attempt: number) =>
  Math.min(60_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);

const errorText = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 2000) || "unknown error";

/** Claims due jobs of the kinds it has handlers for, runs them one by one, until none is due. */
export async function runDueJobs(
  db: Database,
  handlers: JobHandlers,
  options: RunOptions = {},
): Promise<RunSummary> {
  const now = options.now ?? new Date();
  const lockMs = options.lockMs ?? 5 * 60_000;
  const retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
  const kinds = Object.keys(handlers);
  const summary: RunSummary = { done: 0, retried: 0, failed: 0 };
  if (kinds.length === 0) return summary;

  // A job whose claimer died during its last allowed attempt is not run again: it failed.
  const abandoned = await db
    .update(scheduledJob)
    .set({
      status: "failed",
      lastError: sql`coalesce(${scheduledJob.lastError}, 'interrupted: the worker stopped before the job finished')`,
      lockedUntil: null,
      updatedAt: now,
      finishedAt: now,
    })
    .where(
      and(
        inArray(scheduledJob.kind, kinds),
        eq(scheduledJob.status, "running"),
        lte(scheduledJob.lockedUntil, now),
        gte(scheduledJob.attempts, scheduledJob.maxAttempts),
      ),
    )
    .returning({ id: scheduledJob.id });
  summary.failed += abandoned.length;

  for (;;) {
    const claimed = await claim(db, kinds, now, lockMs, options.batchSize ?? 10);
    if (claimed.length === 0) return summary;
    for (const job of claimed) {
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new PermanentJobError(`no handler for ${job.kind}`);
        await handler(job, { db, now });
        await finish(db, job, { status: "done", lastError: null, finishedAt: now });
        summary.done++;
      } catch (error) {
        const giveUp = error instanceof PermanentJobError || job.attempt >= job.maxAttempts;
        if (giveUp) {
          await finish(db, job, { status: "failed", lastError: errorText(error), finishedAt: now });
          summary.failed++;
        } else {
          await finish(db, job, {
            status: "pending",
            lastError: errorText(error),
            runAt: new Date(now.getTime() + retryDelayMs(job.attempt)),
          });
          summary.retried++;
        }
      }
    }
  }
}

async function claim(
  db: Database,
  kinds: string[],
  now: Date,
  lockMs: number,
  batchSize: number,
): Promise<ClaimedJob[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: scheduledJob.id })
      .from(scheduledJob)
      .where(
        and(
          inArray(scheduledJob.kind, kinds),
          or(
            and(eq(scheduledJob.status, "pending"), lte(scheduledJob.runAt, now)),
            and(eq(scheduledJob.status, "running"), lte(scheduledJob.lockedUntil, now)),
          ),
        ),
      )
      .orderBy(asc(scheduledJob.runAt))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const rows = await tx
      .update(scheduledJob)
      .set({
        status: "running",
        attempts: sql`${scheduledJob.attempts} + 1`,
        lockedUntil: new Date(now.getTime() + lockMs),
        updatedAt: now,
      })
      .where(
        inArray(
          scheduledJob.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
    return rows
      .sort((a, b) => a.runAt.getTime() - b.runAt.getTime())
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        key: r.key,
        payload: r.payload,
        runAt: r.runAt,
        attempt: r.attempts,
        maxAttempts: r.maxAttempts,
      }));
  });
}

/** Records a run's outcome, only if this worker's claim still holds (same attempt, running). */
async function finish(
  db: Database,
  job: ClaimedJob,
  outcome: {
    status: "done" | "failed" | "pending";
    lastError: string | null;
    finishedAt?: Date;
    runAt?: Date;
  },
): Promise<void> {
  await db
    .update(scheduledJob)
    .set({ ...outcome, lockedUntil: null, updatedAt: sql`now()` })
    .where(
      and(
        eq(scheduledJob.id, job.id),
        eq(scheduledJob.status, "running"),
        eq(scheduledJob.attempts, job.attempt),
      ),
    );
}
