import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "../db/client";
import type { Actor } from "../identity/actor";
import { fail } from "../platform/use-case";
import { subjectOf } from "./locked-version";
import { relationKinds } from "./model";
import { libraryPolicy } from "./policy";
import { material } from "./schema";

// What relating one material to another takes, for adding and removing alike: the material, how
// it relates (Dublin Core: is part of, is based on, references) and the other material.

export const materialRelationInput = z.object({
  materialId: z.uuid("library.error.unknownMaterial"),
  kind: z.enum(relationKinds, { error: "library.error.relationKindRequired" }),
  toMaterialId: z.uuid("library.error.relationTargetRequired"),
});

/** For `authorize`: the material's makers; those who may not see it learn nothing. */
export async function mayRelate(
  actor: Actor | null,
  input: { materialId: string },
  tx: Transaction,
): Promise<boolean> {
  const [row] = await tx.select().from(material).where(eq(material.id, input.materialId));
  if (!row) throw fail.notFound();
  const subject = subjectOf(row);
  if (!libraryPolicy.viewUnpublishedMaterial(actor, subject)) throw fail.notFound();
  return libraryPolicy.editMaterial(actor, subject);
}

/**
 * Locks the rows of both materials (in id order, so that two makers relating the two materials
 * to each other at once wait rather than deadlock).
 */
export async function lockMaterials(tx: Transaction, materialIds: readonly string[]) {
  await tx
    .select({ id: material.id })
    .from(material)
    .where(inArray(material.id, [...materialIds]))
    .orderBy(asc(material.id))
    .for("update");
}

/**
 * A relation added or taken back changes the harvested record of both materials (the inverse
 * kind shows on the other one): their datestamps move (records.ts, ADR 0015).
 */
export async function markRelationsChanged(
  tx: Transaction,
  materialIds: readonly string[],
  now: Date,
) {
  await tx
    .update(material)
    .set({ relationsChangedAt: now })
    .where(inArray(material.id, [...materialIds]));
}
