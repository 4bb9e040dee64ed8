import { resolve } from "node:path";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Database } from "./client";

/** The folder drizzle-kit generates into (committed). */
export const migrationsFolder = resolve(process.env.MIGRATIONS_DIR ?? "drizzle");

/** Applies pending migrations; a no-op when the database is current. Runs at every start-up. */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder });
}
