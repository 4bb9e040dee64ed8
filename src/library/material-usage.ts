import { and, eq, sql } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import type { Actor } from "../identity/actor";
import { subjectOf } from "./locked-version";
import { isPublic } from "./model";
import { libraryPolicy } from "./policy";
import { material, materialFile, materialUsageDay, materialVersion } from "./schema";

// Views and downloads of a material, counted per day (issue 4). A documented exception to "every
// state change is a use case": a count is not a decision anyone takes, it holds nothing about a
// person (no address, no account, no cookie), and auditing every page view would write a
// personal trace (who read what) for each count, which is exactly what must not be kept. So it
// is one atomic upsert, outside any use case, and never audited.

/** Adds one view or download to today's count (the day in Brussels). */
export async function countMaterialUsage(
  db: DbExecutor,
  materialId: string,
  kind: "views" | "downloads",
  now: Date = new Date(),
): Promise<void> {
  const day = now.toLocaleDateString("sv-SE", { timeZone: "Europe/Brussels" });
  await db
    .insert(materialUsageDay)
    .values({
      materialId,
      day,
      views: kind === "views" ? 1 : 0,
      downloads: kind === "downloads" ? 1 : 0,
    })
    .onConflictDoUpdate({
      target: [materialUsageDay.materialId, materialUsageDay.day],
      set:
        kind === "views"
          ? { views: sql`${materialUsageDay.views} + 1` }
          : { downloads: sql`${materialUsageDay.downloads} + 1` },
    });
}

/** All views and downloads of a material so far. */
export async function materialUsageTotals(db: DbExecutor, materialId: string) {
  const [row] = await db
    .select({
      views: sql<string>`coalesce(sum(${materialUsageDay.views}), 0)`,
      downloads: sql<string>`coalesce(sum(${materialUsageDay.downloads}), 0)`,
    })
    .from(materialUsageDay)
    .where(eq(materialUsageDay.materialId, materialId));
  return { views: Number(row?.views ?? 0), downloads: Number(row?.downloads ?? 0) };
}

/**
 * A file to download, if the visitor may see its version: a published version for everyone, and
 * also unpublished ones for the makers and moderators. Null otherwise (a 404, as if it were not
 * there), and for a withdrawn material or version (a tombstone has no files).
 */
export async function findMaterialFile(
  db: DbExecutor,
  materialId: string,
  fileId: string,
  actor: Actor | null,
) {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuid.test(materialId) || !uuid.test(fileId)) return null;
  const [row] = await db
    .select({ file: materialFile, state: materialVersion.state, material })
    .from(materialFile)
    .innerJoin(materialVersion, eq(materialVersion.id, materialFile.versionId))
    .innerJoin(material, eq(material.id, materialVersion.materialId))
    .where(and(eq(materialFile.id, fileId), eq(material.id, materialId)));
  if (!row || row.state === "withdrawn" || row.material.withdrawnAt) return null;
  if (
    !isPublic(row.state) &&
    !libraryPolicy.viewUnpublishedMaterial(actor, subjectOf(row.material))
  )
    return null;
  return row.file;
}
