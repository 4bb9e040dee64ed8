import type { DatabaseHandle } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { loadReferenceData } from "../directory/load-reference-data";
import { type SeedReport, seedDemoWorld } from "./seed-demo-world";

/** Brings a database to the current schema with current reference data, and optionally demo data. */
export async function setupDatabase(
  handle: DatabaseHandle,
  options: { demo: boolean },
): Promise<{ reference: Awaited<ReturnType<typeof loadReferenceData>>; demo: SeedReport | null }> {
  await migrateDatabase(handle.db);
  const reference = await handle.db.transaction((tx) => loadReferenceData(tx));
  const demo = options.demo ? await seedDemoWorld(handle.db) : null;
  return { reference, demo };
}
