import { eq } from "drizzle-orm";
import type { Transaction } from "../db/client";
import type { Actor } from "../identity/actor";
import { fail } from "../platform/use-case";
import { libraryPolicy, type MaterialSubject } from "./policy";
import { material, materialVersion } from "./schema";

// Every change to a version locks it with its material first, so moderation moves, edits and a
// new version never interleave; and learns nothing about what the actor may not see.

export type VersionRow = typeof materialVersion.$inferSelect;
export type MaterialRow = typeof material.$inferSelect;

export function subjectOf(row: MaterialRow): MaterialSubject {
  return { organisationId: row.organisationId ?? "", userId: row.createdBy };
}

export async function lockVersion(
  tx: Transaction,
  versionId: string,
): Promise<{ version: VersionRow; material: MaterialRow }> {
  const [row] = await tx
    .select({ version: materialVersion, material })
    .from(materialVersion)
    .innerJoin(material, eq(material.id, materialVersion.materialId))
    .where(eq(materialVersion.id, versionId))
    .for("update");
  if (!row) throw fail.notFound();
  return row;
}

/** For `authorize`: not found for those who may not see the draft, else the given rule. */
export async function mayOnVersion(
  actor: Actor | null,
  versionId: string,
  tx: Transaction,
  rule: (actor: Actor | null, subject: MaterialSubject) => boolean,
): Promise<boolean> {
  const [row] = await tx
    .select({ material })
    .from(materialVersion)
    .innerJoin(material, eq(material.id, materialVersion.materialId))
    .where(eq(materialVersion.id, versionId));
  if (!row) throw fail.notFound();
  const subject = subjectOf(row.material);
  if (!libraryPolicy.viewUnpublishedMaterial(actor, subject)) throw fail.notFound();
  return rule(actor, subject);
}
