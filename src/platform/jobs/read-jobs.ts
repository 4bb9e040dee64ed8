import { and, desc, eq, gt, or } from "drizzle-orm";
import type { DbExecutor } from "../../db/client";
import { scheduledJob } from "./schema";

// The jobs an administrator needs to look at: those that failed for good, and those that failed
// at least once and wait for their next try. A read query; the route checks jobsPolicy.

export interface TroubledJob {
  id: string;
  kind: string;
  key: string;
  status: "failed" | "pending";
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  /** The next try for a retrying job; null for a failed one. */
  nextRunAt: Date | null;
  updatedAt: Date;
}

export async function listTroubledJobs(db: DbExecutor, limit = 200): Promise<TroubledJob[]> {
  const rows = await db
    .select()
    .from(scheduledJob)
    .where(
      or(
        eq(scheduledJob.status, "failed"),
        and(eq(scheduledJob.status, "pending"), gt(scheduledJob.attempts, 0)),
      ),
    )
    .orderBy(desc(scheduledJob.updatedAt), scheduledJob.key)
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    key: r.key,
    status: r.status === "failed" ? "failed" : "pending",
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    lastError: r.lastError,
    nextRunAt: r.status === "pending" ? r.runAt : null,
    updatedAt: r.updatedAt,
  }));
}
