import { and, eq, gt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase, fail } from "../use-case";
import { jobsPolicy } from "./policy";
import { scheduledJob } from "./schema";

export const retryJobInput = z.object({ id: z.uuid("jobs.error.unknown") });

/**
 * An administrator runs a failed or retrying job again now (after fixing the SMTP settings, say).
 * The job becomes due at once and gets one more attempt than it has used; its handler is safe to
 * run again (notifications are sent at most once per key and recipient).
 */
export const retryJob = defineUseCase({
  name: "job.retry",
  input: retryJobInput,
  authorize: (actor) => jobsPolicy.retryJob(actor),
  run: async (tx, { id }, { now }) => {
    const [current] = await tx
      .select()
      .from(scheduledJob)
      .where(eq(scheduledJob.id, id))
      .for("update");
    if (!current) throw fail.notFound();
    const [retried] = await tx
      .update(scheduledJob)
      .set({
        status: "pending",
        runAt: now,
        lockedUntil: null,
        finishedAt: null,
        maxAttempts: sql`greatest(${scheduledJob.maxAttempts}, ${scheduledJob.attempts} + 1)`,
        updatedAt: now,
      })
      .where(
        and(
          eq(scheduledJob.id, id),
          or(
            eq(scheduledJob.status, "failed"),
            and(eq(scheduledJob.status, "pending"), gt(scheduledJob.attempts, 0)),
          ),
        ),
      )
      .returning();
    if (!retried) throw fail.conflict("jobs.error.notRetryable");
    return {
      value: { id },
      audit: {
        subjectType: "scheduledJob",
        subjectId: id,
        before: {
          kind: current.kind,
          key: current.key,
          status: current.status,
          runAt: current.runAt,
          attempts: current.attempts,
          maxAttempts: current.maxAttempts,
          lastError: current.lastError,
        },
        after: {
          kind: retried.kind,
          key: retried.key,
          status: retried.status,
          runAt: retried.runAt,
          attempts: retried.attempts,
          maxAttempts: retried.maxAttempts,
          lastError: retried.lastError,
        },
      },
    };
  },
});
