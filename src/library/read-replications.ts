import { and, asc, desc, eq } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import { organisation } from "../directory/schema";
import type { Actor } from "../identity/actor";
import { libraryPolicy } from "./policy";
import { material, materialVersion, replicationReport } from "./schema";

// Replication reports as the material page shows them (published ones, newest first) and as the
// moderators' queue lists them (submitted ones, oldest first).

export async function publishedReplications(db: DbExecutor, materialId: string) {
  return db
    .select({
      id: replicationReport.id,
      school: organisation.name,
      programmeCode: replicationReport.programmeCode,
      pupils: replicationReport.pupils,
      teachers: replicationReport.teachers,
      adaptations: replicationReport.adaptations,
      experience: replicationReport.experience,
      evidenceUrl: replicationReport.evidenceUrl,
      versionNumber: materialVersion.number,
      at: replicationReport.moderatedAt,
    })
    .from(replicationReport)
    .innerJoin(organisation, eq(organisation.id, replicationReport.organisationId))
    .leftJoin(materialVersion, eq(materialVersion.id, replicationReport.versionId))
    .where(
      and(eq(replicationReport.materialId, materialId), eq(replicationReport.state, "published")),
    )
    .orderBy(desc(replicationReport.moderatedAt));
}

export async function replicationQueue(db: DbExecutor, actor: Actor | null) {
  if (!libraryPolicy.moderateReplication(actor)) return [];
  return db
    .select({
      id: replicationReport.id,
      materialId: replicationReport.materialId,
      title: materialVersion.title,
      school: organisation.name,
      pupils: replicationReport.pupils,
      teachers: replicationReport.teachers,
      experience: replicationReport.experience,
      createdAt: replicationReport.createdAt,
    })
    .from(replicationReport)
    .innerJoin(material, eq(material.id, replicationReport.materialId))
    .innerJoin(materialVersion, eq(materialVersion.id, material.currentVersionId))
    .innerJoin(organisation, eq(organisation.id, replicationReport.organisationId))
    .where(eq(replicationReport.state, "submitted"))
    .orderBy(asc(replicationReport.createdAt))
    .limit(500);
}
