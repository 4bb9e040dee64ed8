import { and, eq } from "drizzle-orm";
import { defineUseCase, fail } from "../platform/use-case";
import { announceHarvestChange } from "./harvesting/horizon";
import {
  lockMaterials,
  markRelationsChanged,
  materialRelationInput,
  mayRelate,
} from "./material-relation-input";
import { materialRelation } from "./schema";

/** A maker takes back a relation of their material to another one. */
export const unrelateMaterial = defineUseCase({
  name: "material.unrelate",
  input: materialRelationInput,
  authorize: (actor, input, tx) => mayRelate(actor, input, tx),
  run: async (tx, input, { now }) => {
    // Both ends' harvested records change (ADR 0027).
    await announceHarvestChange(tx, now);
    await lockMaterials(tx, [input.materialId, input.toMaterialId]);
    const [removed] = await tx
      .delete(materialRelation)
      .where(
        and(
          eq(materialRelation.fromMaterialId, input.materialId),
          eq(materialRelation.kind, input.kind),
          eq(materialRelation.toMaterialId, input.toMaterialId),
        ),
      )
      .returning();
    if (!removed) throw fail.conflict("library.error.relationGone");
    await markRelationsChanged(tx, [input.materialId, input.toMaterialId], now);
    return {
      value: removed,
      audit: {
        subjectType: "material",
        subjectId: input.materialId,
        before: { relation: input.kind, material: input.toMaterialId },
        after: null,
      },
    };
  },
});
