import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import { organisation } from "../directory/schema";
import type { Actor } from "../identity/actor";
import type { Licence, Maturity } from "./model";
import { material, materialVersion } from "./schema";

// The commons' newest published materials, a page at a time, and the materials a person made or
// may edit with the state of their latest version (their own work in progress).

export interface MaterialCard {
  id: string;
  title: string;
  description: string;
  licence: Licence;
  maturity: Maturity;
  organisationName: string | null;
  publishedAt: Date | null;
}

export async function listPublishedMaterials(
  db: DbExecutor,
  page: number,
  pageSize = 20,
): Promise<{ materials: MaterialCard[]; total: number }> {
  const where = and(isNull(material.withdrawnAt), eq(materialVersion.state, "published"));
  const rows = await db
    .select({
      id: material.id,
      title: materialVersion.title,
      description: materialVersion.description,
      licence: materialVersion.licence,
      maturity: materialVersion.maturity,
      organisationName: organisation.name,
      publishedAt: materialVersion.publishedAt,
    })
    .from(material)
    .innerJoin(materialVersion, eq(materialVersion.id, material.currentVersionId))
    .leftJoin(organisation, eq(organisation.id, material.organisationId))
    .where(where)
    .orderBy(desc(materialVersion.publishedAt), desc(material.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db
    .select({ n: count() })
    .from(material)
    .innerJoin(materialVersion, eq(materialVersion.id, material.currentVersionId))
    .where(where);
  return {
    materials: rows.map((r) => ({ ...r, licence: r.licence as Licence })),
    total: total?.n ?? 0,
  };
}

/** The materials a person made, with their latest version's number and state, newest first. */
export async function listOwnMaterials(db: DbExecutor, actor: Actor) {
  return db
    .selectDistinctOn([material.id], {
      id: material.id,
      title: materialVersion.title,
      number: materialVersion.number,
      state: materialVersion.state,
      updatedAt: materialVersion.updatedAt,
    })
    .from(material)
    .innerJoin(materialVersion, eq(materialVersion.materialId, material.id))
    .where(eq(material.createdBy, actor.userId))
    .orderBy(material.id, desc(materialVersion.number))
    .limit(200);
}
