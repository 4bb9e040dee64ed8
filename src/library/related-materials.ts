import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import type { RelationKind } from "./model";
import { material, materialRelation, materialVersion } from "./schema";

// Which relations of a material the public sees, read for many materials at once (a page of a
// harvest) or for one (its page). Relations are stored one way (from the material that says it);
// read from the other end they are the inverse, as LOM names it (has part, is basis for, is
// referenced by). The rule, everywhere the relations are shown (the page, its JSON-LD, OAI-PMH,
// the JSON export): a relation is public while the material at its other end is, i.e. that
// material has a published current version and is not withdrawn. A relation to a withdrawn
// material is kept and shows again if the material is published anew; its makers see it on their
// relations page (so they can take it back), no one else does.

/** The inverse of each kind, read from the material a relation points to. */
export const inverseKinds = {
  isPartOf: "hasPart",
  isBasedOn: "isBasisFor",
  references: "isReferencedBy",
} as const satisfies Record<RelationKind, string>;
export type InverseRelationKind = (typeof inverseKinds)[RelationKind];
/** A relation's kind as one of its two materials reads it. */
export type ReadRelationKind = RelationKind | InverseRelationKind;

export interface PublicRelation {
  /** The stored kind, read from the material that says it. */
  kind: RelationKind;
  /** True when the relation points to this material: its kind is read as the inverse. */
  inverse: boolean;
  /** The material at the other end, and the title (and its language) of its current version. */
  materialId: string;
  title: string;
  language: string;
}

/** The kind as this material reads it: the stored kind, or its inverse when it points here. */
export const readKind = (relation: Pick<PublicRelation, "kind" | "inverse">): ReadRelationKind =>
  relation.inverse ? inverseKinds[relation.kind] : relation.kind;

/** A material at the other end that the public sees: published current version, not withdrawn. */
const otherIsPublic = (): SQL | undefined =>
  and(eq(materialVersion.state, "published"), isNull(material.withdrawnAt));

/**
 * The public relations of each material, both directions: the material's own first, then those
 * pointing to it; within each by kind, then title. Materials without any are absent.
 */
export async function publicRelationsOf(
  db: DbExecutor,
  materialIds: readonly string[],
): Promise<Map<string, PublicRelation[]>> {
  const byMaterial = new Map<string, PublicRelation[]>();
  if (materialIds.length === 0) return byMaterial;
  const ids = [...new Set(materialIds)];
  for (const inverse of [false, true]) {
    const here = inverse ? materialRelation.toMaterialId : materialRelation.fromMaterialId;
    const there = inverse ? materialRelation.fromMaterialId : materialRelation.toMaterialId;
    const rows = await db
      .select({
        subject: here,
        kind: materialRelation.kind,
        other: there,
        title: materialVersion.title,
        language: materialVersion.language,
      })
      .from(materialRelation)
      .innerJoin(material, eq(material.id, there))
      .innerJoin(materialVersion, eq(materialVersion.id, material.currentVersionId))
      .where(and(inArray(here, ids), otherIsPublic()))
      .orderBy(asc(materialRelation.kind), asc(materialVersion.title), asc(there));
    for (const { subject, other, ...row } of rows) {
      const list = byMaterial.get(subject) ?? [];
      list.push({ ...row, inverse, materialId: other });
      byMaterial.set(subject, list);
    }
  }
  return byMaterial;
}

/**
 * A material's own relations as its makers manage them: the public ones, and those whose other
 * material was withdrawn (hidden from everyone else until it is published again).
 */
export async function ownRelationsOf(
  db: DbExecutor,
  materialId: string,
): Promise<Array<{ kind: RelationKind; materialId: string; title: string; hidden: boolean }>> {
  const rows = await db
    .select({
      kind: materialRelation.kind,
      materialId: materialRelation.toMaterialId,
      title: materialVersion.title,
      state: materialVersion.state,
      withdrawnAt: material.withdrawnAt,
    })
    .from(materialRelation)
    .innerJoin(material, eq(material.id, materialRelation.toMaterialId))
    .innerJoin(materialVersion, eq(materialVersion.id, material.currentVersionId))
    .where(eq(materialRelation.fromMaterialId, materialId))
    .orderBy(asc(materialRelation.kind), asc(materialVersion.title));
  return rows.map((r) => ({
    kind: r.kind,
    materialId: r.materialId,
    title: r.title,
    hidden: r.state !== "published" || r.withdrawnAt !== null,
  }));
}
