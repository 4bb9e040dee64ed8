import { and, inArray, lt, sql } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import { authThrottle } from "./schema";

// Fixed-window counters of sign-in and reset attempts in PostgreSQL (ADR 0022), shared by every
// app process. An attempt is counted BEFORE it runs (one atomic upsert per request), so that
// parallel guesses cannot slip past the limit between a check and a count; an attempt that turns
// out well is given back afterwards. What remains counted is failures, which is what the limits
// are about: ten teachers signing in behind one address cost nothing.

export interface ThrottleRule {
  /** What is counted, e.g. "sign-in:account:ann@school.be" or "sign-in:address:10.0.0.1". */
  key: string;
  /** The most attempts a window allows. */
  limit: number;
}

export interface ThrottleVerdict {
  /** The rule that refused, or null when the attempt may go ahead. */
  refused: ThrottleRule | null;
  /** When the refusing window ends (the attempt may be tried again). */
  retryAt: Date | null;
}

/**
 * Counts one attempt against each rule's key, in one statement, and says whether one of them is
 * now over its limit. A window starts at the first attempt after the previous one ended.
 */
export async function countAttempt(
  db: DbExecutor,
  rules: ThrottleRule[],
  windowMs: number,
  now = new Date(),
): Promise<ThrottleVerdict> {
  const distinct = [...new Map(rules.map((r) => [r.key, r])).values()];
  if (distinct.length === 0) return { refused: null, retryAt: null };
  const windowEnded = sql`${authThrottle.windowStartedAt} <= ${new Date(now.getTime() - windowMs)}`;
  const rows = await db
    .insert(authThrottle)
    .values(distinct.map((r) => ({ key: r.key, count: 1, windowStartedAt: now })))
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        count: sql`case when ${windowEnded} then 1 else ${authThrottle.count} + 1 end`,
        windowStartedAt: sql`case when ${windowEnded} then ${now} else ${authThrottle.windowStartedAt} end`,
      },
    })
    .returning();
  for (const rule of distinct) {
    const row = rows.find((r) => r.key === rule.key);
    if (row && row.count > rule.limit)
      return { refused: rule, retryAt: new Date(row.windowStartedAt.getTime() + windowMs) };
  }
  return { refused: null, retryAt: null };
}

/** Gives back an attempt that succeeded: it does not count against anyone. */
export async function giveBackAttempt(
  db: DbExecutor,
  keys: string[],
  windowMs: number,
  now = new Date(),
): Promise<void> {
  if (keys.length === 0) return;
  await db
    .update(authThrottle)
    .set({ count: sql`greatest(${authThrottle.count} - 1, 0)` })
    .where(
      and(
        inArray(authThrottle.key, keys),
        sql`${authThrottle.windowStartedAt} > ${new Date(now.getTime() - windowMs)}`,
      ),
    );
}

/** Removes counters whose window ended before `before`: they no longer limit anything. */
export async function pruneAttempts(db: DbExecutor, before: Date): Promise<void> {
  await db.delete(authThrottle).where(lt(authThrottle.windowStartedAt, before));
}
