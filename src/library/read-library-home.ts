import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import { organisation } from "../directory/schema";
import type { Actor } from "../identity/actor";
import { listOwnMaterials } from "./list-materials";
import { type VersionState, versionStates } from "./model";
import { libraryPolicy } from "./policy";
import { listModerationQueue } from "./read-material";
import { replicationQueue } from "./read-replications";
import { material, materialVersion } from "./schema";

// The commons on the dashboards and the front page: a maker's own materials by state, the
// moderators' queue with its counts, and the most recently published materials.

export interface AuthorHome {
  materials: Awaited<ReturnType<typeof listOwnMaterials>>;
  /** The maker's materials by the state of their latest version. */
  counts: Record<VersionState, number>;
}

export async function readAuthorHome(db: DbExecutor, actor: Actor): Promise<AuthorHome> {
  const materials = await listOwnMaterials(db, actor);
  const counts = Object.fromEntries(versionStates.map((s) => [s, 0])) as Record<
    VersionState,
    number
  >;
  for (const m of materials) counts[m.state] += 1;
  materials.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  return { materials: materials.slice(0, 10), counts };
}

export interface ModerationHome {
  submitted: number;
  inReview: number;
  replications: number;
  /** The oldest versions waiting, first in line. */
  oldest: Array<{ materialId: string; number: number; title: string; submittedAt: Date | null }>;
}

/** Null for who does not moderate. */
export async function readModerationHome(
  db: DbExecutor,
  actor: Actor,
): Promise<ModerationHome | null> {
  if (!libraryPolicy.moderateReplication(actor)) return null;
  const queue = await listModerationQueue(db, actor);
  const replications = await replicationQueue(db, actor);
  return {
    submitted: queue.filter((v) => v.state === "submitted").length,
    inReview: queue.filter((v) => v.state === "inReview").length,
    replications: replications.length,
    oldest: queue.slice(0, 5).map((v) => ({
      materialId: v.materialId,
      number: v.number,
      title: v.title,
      submittedAt: v.submittedAt,
    })),
  };
}

/** The materials published most recently (their current version), for the front page. */
export async function recentMaterials(db: DbExecutor, limit = 5) {
  return db
    .select({
      id: material.id,
      title: materialVersion.title,
      publishedAt: materialVersion.publishedAt,
      organisationName: organisation.name,
    })
    .from(material)
    .innerJoin(materialVersion, eq(materialVersion.id, material.currentVersionId))
    .leftJoin(organisation, eq(organisation.id, material.organisationId))
    .where(and(isNull(material.withdrawnAt), eq(materialVersion.state, "published")))
    .orderBy(desc(materialVersion.publishedAt))
    .limit(Math.min(Math.max(limit, 1), 20));
}
