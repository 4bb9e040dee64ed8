import { eq } from "drizzle-orm";
import { defineUseCase, fail } from "../platform/use-case";
import { announceHarvestChange } from "./harvesting/horizon";
import {
  lockMaterials,
  markRelationsChanged,
  materialRelationInput,
  mayRelate,
} from "./material-relation-input";
import { material, materialRelation, materialVersion } from "./schema";

/**
 * A maker says how their material relates to another one in the commons (part of a series, based
 * on it, referring to it). Only a published material can be pointed to; a material never relates
 * to itself; the same relation twice is refused.
 */
export const relateMaterial = defineUseCase({
  name: "material.relate",
  input: materialRelationInput,
  authorize: (actor, input, tx) => mayRelate(actor, input, tx),
  run: async (tx, input, { now }) => {
    // Both ends' harvested records change (ADR 0027).
    await announceHarvestChange(tx, now);
    await lockMaterials(tx, [input.materialId, input.toMaterialId]);
    if (input.toMaterialId === input.materialId)
      throw fail.field("toMaterialId", "library.error.relationToItself");
    const [target] = await tx
      .select({ state: materialVersion.state, withdrawnAt: material.withdrawnAt })
      .from(material)
      .innerJoin(materialVersion, eq(materialVersion.id, material.currentVersionId))
      .where(eq(material.id, input.toMaterialId));
    if (target?.state !== "published" || target.withdrawnAt)
      throw fail.field("toMaterialId", "library.error.relationTargetRequired");
    const [added] = await tx
      .insert(materialRelation)
      .values({
        fromMaterialId: input.materialId,
        kind: input.kind,
        toMaterialId: input.toMaterialId,
      })
      .onConflictDoNothing()
      .returning();
    if (!added) throw fail.conflict("library.error.relationExists");
    await markRelationsChanged(tx, [input.materialId, input.toMaterialId], now);
    return {
      value: added,
      audit: {
        subjectType: "material",
        subjectId: input.materialId,
        before: null,
        after: { relation: input.kind, material: input.toMaterialId },
      },
    };
  },
});
