import { and, asc, eq, gte, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { scheduledJob } from "./schema";

// The worker: claims due jobs, runs their handlers, and records the outcome. Safe with any number
// of processes on one PostgreSQL (ADR 0011): a claim is one short transaction that takes a row
// with FOR UPDATE SKIP LOCKED and marks it `running` with a lock deadline, so two workers never
// claim the same job; a job whose claimer died is claimed again after `locked_until`. A handler
// runs outside the claim transaction (PGlite has a single connection), so it must be safe to run
// again after a crash: notification handlers send through sendNotificationOnce.
//
// Locks are measured on the database's clock, read at each claim (ADR 0025): a round that runs
// for longer than a lock used to stamp its later claims with deadlines computed from the round's
// start, already past, and another worker took those jobs over while they ran. One job is claimed
// at a time, so a job's lock starts when its handler starts, not when a batch was taken.

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
  /**
   * The calendar time that decides which jobs are due, what handlers see as `now` and when a
   * retry falls due (tests simulate days with it). Without it, each claim uses the database's
   * clock at that claim. Lock deadlines always use the database's clock: they measure how long a
   * worker has held a job, which a simulated calendar must not shorten.
   */
  now?: Date;
  /** How long a claim holds a job before another worker may take it over (default 5 minutes). */
  lockMs?: number;
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

/** Claims due jobs of the kinds it has handlers for, one at a time, runs them, until none is due. */
export async function runDueJobs(
  db: Database,
  handlers: JobHandlers,
  options: RunOptions = {},
): Promise<RunSummary> {
  const lockMs = options.lockMs ?? 5 * 60_000;
  const retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
  const kinds = Object.keys(handlers);
  const summary: RunSummary = { done: 0, retried: 0, failed: 0 };
  if (kinds.length === 0) return summary;
  const finishedAt = () => options.now ?? sql`clock_timestamp()`;

  // A job whose claimer died during its last allowed attempt is not run again: it failed.
  const abandoned = await db
    .update(scheduledJob)
    .set({
      status: "failed",
      lastError: sql`coalesce(${scheduledJob.lastError}, 'interrupted: the worker stopped before the job finished')`,
      lockedUntil: null,
      updatedAt: sql`clock_timestamp()`,
      finishedAt: finishedAt(),
    })
    .where(
      and(
        inArray(scheduledJob.kind, kinds),
        eq(scheduledJob.status, "running"),
        lte(scheduledJob.lockedUntil, sql`clock_timestamp()`),
        gte(scheduledJob.attempts, scheduledJob.maxAttempts),
      ),
    )
    .returning({ id: scheduledJob.id });
  summary.failed += abandoned.length;

  for (;;) {
    const claimed = await claimOne(db, kinds, options.now, lockMs);
    if (!claimed) return summary;
    const { job, now } = claimed;
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new PermanentJobError(`no handler for ${job.kind}`);
      await handler(job, { db, now });
      await finish(db, job, { status: "done", lastError: null, finishedAt: finishedAt() });
      summary.done++;
    } catch (error) {
      const giveUp = error instanceof PermanentJobError || job.attempt >= job.maxAttempts;
      if (giveUp) {
        await finish(db, job, {
          status: "failed",
          lastError: errorText(error),
          finishedAt: finishedAt(),
        });
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

/**
 * Claims the earliest due job in its own transaction. The database's clock is read inside it
 * with clock_timestamp() (now() would be the transaction's start; the same here, but not if this
 * ever moves into a longer transaction), so the lock runs from this claim.
 */
async function claimOne(
  db: Database,
  kinds: string[],
  calendarNow: Date | undefined,
  lockMs: number,
): Promise<{ job: ClaimedJob; now: Date } | null> {
  return db.transaction(async (tx) => {
    const clock = sql`clock_timestamp()`;
    const dueBy = calendarNow ?? clock;
    const [due] = await tx
      .select({ id: scheduledJob.id })
      .from(scheduledJob)
      .where(
        and(
          inArray(scheduledJob.kind, kinds),
          or(
            and(eq(scheduledJob.status, "pending"), lte(scheduledJob.runAt, dueBy)),
            and(eq(scheduledJob.status, "running"), lte(scheduledJob.lockedUntil, clock)),
          ),
        ),
      )
      .orderBy(asc(scheduledJob.runAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!due) return null;
    const [row] = await tx
      .update(scheduledJob)
      .set({
        status: "running",
        attempts: sql`${scheduledJob.attempts} + 1`,
        lockedUntil: sql`clock_timestamp() + ${lockMs}::double precision * interval '1 millisecond'`,
        updatedAt: clock,
      })
      .where(eq(scheduledJob.id, due.id))
      .returning({
        id: scheduledJob.id,
        kind: scheduledJob.kind,
        key: scheduledJob.key,
        payload: scheduledJob.payload,
        runAt: scheduledJob.runAt,
        attempts: scheduledJob.attempts,
        maxAttempts: scheduledJob.maxAttempts,
        claimedAt: sql<string>`clock_timestamp()`.mapWith((v: string | Date) => new Date(v)),
      });
    if (!row) return null;
    return {
      now: calendarNow ?? row.claimedAt,
      job: {
        id: row.id,
        kind: row.kind,
        key: row.key,
        payload: row.payload,
        runAt: row.runAt,
        attempt: row.attempts,
        maxAttempts: row.maxAttempts,
      },
    };
  });
}

/** Records a run's outcome, only if this worker's claim still holds (same attempt, running). */
async function finish(
  db: Database,
  job: ClaimedJob,
  outcome: {
    status: "done" | "failed" | "pending";
    lastError: string | null;
    finishedAt?: Date | SQL;
    runAt?: Date;
  },
): Promise<void> {
  await db
    .update(scheduledJob)
    .set({ ...outcome, lockedUntil: null, updatedAt: sql`clock_timestamp()` })
    .where(
      and(
        eq(scheduledJob.id, job.id),
        eq(scheduledJob.status, "running"),
        eq(scheduledJob.attempts, job.attempt),
      ),
    );
}
