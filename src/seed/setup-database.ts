import type { DatabaseHandle } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { loadReferenceData } from "../directory/load-reference-data";
import { seedDemoMaterials } from "../library/demo-materials";
import { fillSearchParts } from "../library/version-search-text";
import { type SeedReport, seedDemoWorld } from "./seed-demo-world";

/** Brings a database to the current schema with current reference data, and optionally demo data. */
export async function setupDatabase(
  handle: DatabaseHandle,
  /** `demoMaterials`: also publish the demo library materials (not in test templates). */
  options: { demo: boolean; demoMaterials?: boolean },
): Promise<{
  reference: Awaited<ReturnType<typeof loadReferenceData>>;
  demo: SeedReport | null;
  materials: number;
}> {
  await migrateDatabase(handle.db);
  await fillSearchParts(handle.db);
  const reference = await handle.db.transaction((tx) => loadReferenceData(tx));
  const demo = options.demo ? await seedDemoWorld(handle.db) : null;
  const materials = options.demo && options.demoMaterials ? await seedDemoMaterials(handle.db) : 0;
  return { reference, demo, materials };
}
