import { count, desc, sql } from "drizzle-orm";
import { type CallPhase, callPhase } from "../../calls/model";
import { call } from "../../calls/schema";
import type { DbExecutor } from "../../db/client";
import { type ApplicationStatus, applicationStatuses } from "../model";
import { application } from "../schema";

// The programme manager's dashboard: every call with how many applications it has in each
// state, and how many drafts the eligibility check finds complete (no open problems).

export interface CallWithCounts {
  id: string;
  title: string;
  status: "draft" | "published";
  phase: CallPhase | null;
  /** ISO 8601. */
  closesAt: string | null;
  counts: Record<ApplicationStatus, number>;
  /** Drafts the last check found without problems: ready to be submitted. */
  completeDrafts: number;
}

export async function readCallCounts(db: DbExecutor, now: Date): Promise<CallWithCounts[]> {
  const calls = await db
    .select({
      id: call.id,
      title: call.title,
      status: call.status,
      opensAt: call.opensAt,
      closesAt: call.closesAt,
    })
    .from(call)
    .orderBy(desc(call.closesAt))
    .limit(100);
  const tallies = await db
    .select({
      callId: application.callId,
      status: application.status,
      n: count(),
      complete: sql<number>`count(*) filter (where ${application.openProblems} = 0)`.mapWith(
        Number,
      ),
    })
    .from(application)
    .groupBy(application.callId, application.status);
  return calls.map((c) => {
    const counts = Object.fromEntries(applicationStatuses.map((s) => [s, 0])) as Record<
      ApplicationStatus,
      number
    >;
    let completeDrafts = 0;
    for (const t of tallies.filter((t) => t.callId === c.id)) {
      counts[t.status] = t.n;
      if (t.status === "draft") completeDrafts = t.complete;
    }
    return {
      id: c.id,
      title: c.title,
      status: c.status,
      phase:
        c.status === "published" && c.opensAt && c.closesAt
          ? callPhase({ opensAt: c.opensAt, closesAt: c.closesAt }, now)
          : null,
      closesAt: c.closesAt?.toISOString() ?? null,
      counts,
      completeDrafts,
    };
  });
}
