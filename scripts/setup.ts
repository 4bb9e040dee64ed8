// `npm run setup`: migrate the database, load the reference data and, unless SEED_DEMO=false or
// NODE_ENV=production, seed the demo world once. Safe to run at every start.
import { openDatabase } from "../src/db/client";
import { DatabaseFolderInUseError } from "../src/db/pglite-folder-lock";
import { config } from "../src/platform/config";
import { fileStoreFromConfig } from "../src/platform/files/file-store-from-config";
import { setupDatabase } from "../src/seed/setup-database";

const c = config();
const demo = process.env.SEED_DEMO !== "false" && c.NODE_ENV !== "production";
const handle = await openDatabase({
  databaseUrl: c.DATABASE_URL,
  pgliteDir: c.PGLITE_DIR,
}).catch((error: unknown) => {
  // A PGlite folder another process holds: its message says which folder and which process.
  if (error instanceof DatabaseFolderInUseError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
try {
  const started = performance.now();
  const files = fileStoreFromConfig(c.fileStore);
  const {
    reference,
    demo: seeded,
    materials,
    receipts,
  } = await setupDatabase(handle, {
    demo,
    demoMaterials: demo
      ? {
          store: files,
          limits: {
            maxBytes: c.MATERIAL_FILE_MAX_BYTES,
            maxCount: c.MATERIAL_FILE_MAX_COUNT,
            maxUncompressed: c.MATERIAL_ZIP_MAX_UNCOMPRESSED,
          },
        }
      : undefined,
    files,
    baseUrl: c.BASE_URL,
  });
  const where = c.DATABASE_URL ? "PostgreSQL server" : `PGlite in ${c.PGLITE_DIR}`;
  console.log(
    `Database ready (${where}): ${reference.municipalities} municipalities, ${reference.studyProgrammes} study programmes.`,
  );
  if (seeded?.seeded)
    console.log(
      `Demo world seeded: ${seeded.organisations} organisations, ${seeded.sites} sites, ${seeded.people} people, ${seeded.calls} calls, ${seeded.applications} applications.`,
    );
  else if (seeded) console.log("Demo world already present; left as it is.");
  if (materials) console.log(`Demo commons: ${materials} materials with their files.`);
  if (receipts) console.log(`Receipts: ${receipts} submission PDFs rendered and stored.`);
  console.log(`Setup took ${Math.round(performance.now() - started)} ms.`);
} finally {
  await handle.close();
}
