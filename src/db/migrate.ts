import { resolve } from "node:path";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Database, DatabaseHandle } from "./client";

/** The folder drizzle-kit generates into (committed). */
export const migrationsFolder = resolve(process.env.MIGRATIONS_DIR ?? "drizzle");

/**
 * The advisory-lock key every process takes around migrations and setup (ADR 0025). Fixed and
 * arbitrary; only its uniqueness within the database matters.
 */
export const setupLockKey = 7_246_110_573_001;

/**
 * Runs `work` while holding PostgreSQL's session-level advisory lock on setupLockKey, taken on a
 * connection of its own, so that app processes and `npm run setup` starting together migrate and
 * seed one after the other instead of racing (two runs of one migration, a demo world seeded
 * twice). The lock goes with its session: a process that dies mid-way releases it.
 *
 * On PGlite nothing is taken: its pool has a single connection, which `work` needs, and the
 * folder lock (pglite-folder-lock.ts) already keeps every other process out.
 */
export async function withSetupLock<T>(handle: DatabaseHandle, work: () => Promise<T>): Promise<T> {
  if (handle.kind !== "postgres") return work();
  const session = await handle.pool.connect();
  let broken: Error | undefined;
  try {
    await session.query("select pg_advisory_lock($1)", [setupLockKey]);
    try {
      return await work();
    } finally {
      await session.query("select pg_advisory_unlock($1)", [setupLockKey]);
    }
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    // A session that saw an error is closed rather than returned to the pool: closing it releases
    // the lock even when the unlock itself failed.
    session.release(broken);
  }
}

/** Applies pending migrations; the caller holds the setup lock. */
export async function applyMigrations(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder });
}

/** Applies pending migrations under the setup lock; a no-op when current. Runs at every start-up. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  await withSetupLock(handle, () => applyMigrations(handle.db));
}
