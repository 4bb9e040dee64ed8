import { desc, eq } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import type { Actor } from "../identity/actor";
import { material, materialVersion } from "./schema";

// The materials a person made with the state of their latest version (their own work in
// progress). The public list of published materials is the search (search-materials.ts).

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
