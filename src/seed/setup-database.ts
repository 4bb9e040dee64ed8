import {
  submissionReceiptHandler,
  submissionReceiptJob,
} from "../applications/submission/receipt-job";
import type { DatabaseHandle } from "../db/client";
import { applyMigrations, withSetupLock } from "../db/migrate";
import { loadReferenceData } from "../directory/load-reference-data";
import { type DemoMaterialFiles, seedDemoMaterials } from "../library/demo-materials";
import { fillSearchParts } from "../library/version-search-text";
import type { FileStore } from "../platform/files/file-store";
import { runDueJobs } from "../platform/jobs/run-due-jobs";
import { type SeedReport, seedDemoWorld } from "./seed-demo-world";

/**
 * Brings a database to the current schema with current reference data, and optionally demo data.
 * The whole of it holds the setup lock: processes starting together on one PostgreSQL database
 * take turns, and the later ones find the schema current and the demo world present.
 */
export async function setupDatabase(
  handle: DatabaseHandle,
  /**
   * `demoMaterials`: also seed the demo commons, with its files in this store (not in test
   * templates).
   * `files`: the file store; with it and `demo`, the demo accounts' own applications are seeded
   * (their letters of commitment are stored in it) and the receipt PDFs of the demo world's
   * submissions are rendered and stored before setup ends, so the demo never says "wait".
   */
  options: {
    demo: boolean;
    demoMaterials?: DemoMaterialFiles;
    files?: FileStore;
    /** The platform's address, for the links in the demo's invitation mails. */
    baseUrl?: string;
  },
): Promise<{
  reference: Awaited<ReturnType<typeof loadReferenceData>>;
  demo: SeedReport | null;
  materials: number;
  receipts: number;
}> {
  return withSetupLock(handle, async () => {
    await applyMigrations(handle.db);
    await fillSearchParts(handle.db);
    const reference = await handle.db.transaction((tx) => loadReferenceData(tx));
    // With a file store the demo accounts' own applications are seeded too (their attachments).
    const demo = options.demo
      ? await seedDemoWorld(
          handle.db,
          undefined,
          undefined,
          options.files
            ? { files: options.files, baseUrl: options.baseUrl ?? "http://localhost:3000" }
            : undefined,
        )
      : null;
    const materials =
      options.demo && options.demoMaterials
        ? await seedDemoMaterials(handle.db, options.demoMaterials)
        : 0;
    // Only the receipt jobs: mails and reminders wait for the server's own job loop. A deployment
    // without the demo renders its receipts there too (its backlog never holds setup up).
    const receipts =
      options.demo && options.files
        ? (
            await runDueJobs(handle.db, {
              [submissionReceiptJob]: submissionReceiptHandler({ files: options.files }),
            })
          ).done
        : 0;
    return { reference, demo, materials, receipts };
  });
}
