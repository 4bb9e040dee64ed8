import type { DatabaseHandle } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { loadReferenceData } from "../directory/load-reference-data";
import { type DemoMaterialFiles, seedDemoMaterials } from "../library/demo-materials";
import { type SeedReport, seedDemoWorld } from "./seed-demo-world";

/** Brings a database to the current schema with current reference data, and optionally demo data. */
export async function setupDatabase(
  handle: DatabaseHandle,
  /**
   * `demoMaterials`: also seed the demo commons, with its files in this store (not in test
   * templates).
   */
  options: { demo: boolean; demoMaterials?: DemoMaterialFiles },
): Promise<{
  reference: Awaited<ReturnType<typeof loadReferenceData>>;
  demo: SeedReport | null;
  materials: number;
}> {
  await migrateDatabase(handle.db);
  const reference = await handle.db.transaction((tx) => loadReferenceData(tx));
  const demo = options.demo ? await seedDemoWorld(handle.db) : null;
  const materials =
    options.demo && options.demoMaterials
      ? await seedDemoMaterials(handle.db, options.demoMaterials)
      : 0;
  return { reference, demo, materials };
}
