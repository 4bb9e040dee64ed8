import { sql } from "drizzle-orm";
import type { DbExecutor, Transaction } from "../../db/client";

// The harvest horizon: the moment up to which a harvest may promise that it has seen every
// change. A record's datestamp is the moment of the use case that changed it (taken when its
// transaction began), but the change becomes visible only at commit. A harvest that answered
// `responseDate` = now while such a transaction was still open would never show its record: the
// harvester's next `from` (that responseDate, as the protocol recommends) is already later than
// the record's datestamp. So a harvest answers as of the horizon, not of now: the earliest
// datestamp an open transaction is about to write, and at most now minus a safety margin.
//
// Open transactions announce their datestamp with a shared, transaction-scoped advisory lock whose
// second key is that moment in seconds: shared locks never wait for each other, the lock goes
// away at commit or rollback by itself, and `pg_locks` shows it to every other connection of the
// database on PostgreSQL (pg_stat_activity's xact_start would need the statistics collector and
// is not there on PGlite; there, one connection runs one transaction at a time and the lock list
// is simply empty for a harvest). The margin covers what the lock cannot: the moments between a
// transaction's start and its lock, and the difference between the clocks of app processes.

/** The first key of the advisory locks that announce harvestable changes ("OAIH"). */
const harvestLockKey = 0x4f414948;
/** The second key counts seconds from 2020-01-01 UTC, so that it fits an int4 until 2088. */
const epoch = Date.UTC(2020, 0, 1);
/** How far the horizon stays behind the clock when no change is open. */
export const harvestSafetyMarginMs = 5_000;

function lockSeconds(at: Date): number {
  return Math.max(0, Math.floor((at.getTime() - epoch) / 1000));
}

/**
 * Announces, for the rest of the transaction, that it writes datestamps from `at` on. Called
 * first by every use case that changes a harvestable record (publication, withdrawal, relations).
 */
export async function announceHarvestChange(tx: Transaction, at: Date): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${harvestLockKey}, ${lockSeconds(at)})`);
}

/**
 * The horizon as of `now`, in whole seconds: the moment a harvest may give as its responseDate
 * and up to which it lists changes.
 */
export async function harvestHorizon(db: DbExecutor, now: Date): Promise<Date> {
  const result = await db.execute(sql`
    select min(objid::bigint) as "seconds" from pg_locks
    where locktype = 'advisory' and classid = ${harvestLockKey}::int8::oid and objsubid = 2
      and database = (select oid from pg_database where datname = current_database())`);
  const seconds = (result.rows[0] as { seconds: string | number | null } | undefined)?.seconds;
  let horizon = now.getTime() - harvestSafetyMarginMs;
  // Announced at second s, a transaction writes datestamps of s or later (s once cut to the
  // granularity): a next harvest `from` s gets them.
  if (seconds !== null && seconds !== undefined)
    horizon = Math.min(horizon, epoch + Number(seconds) * 1000);
  return new Date(Math.floor(horizon / 1000) * 1000);
}
