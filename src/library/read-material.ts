import { asc, desc, eq, inArray } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import { organisation } from "../directory/schema";
import type { Actor } from "../identity/actor";
import { user } from "../identity/schema";
import { subjectOf, type VersionRow } from "./locked-version";
import { awaitingModerationStates, isPublic, type RelationKind, type VersionState } from "./model";
import { libraryPolicy, type VersionActions, versionActions } from "./policy";
import {
  ownRelationsOf,
  publicRelationsOf,
  type ReadRelationKind,
  readKind,
} from "./related-materials";
import { material, materialFile, materialVersion, moderationEvent } from "./schema";

// Reading a material for its page: the version asked for (a pinned number) or the current one,
// the list of versions, files, moderation history and relations. The public sees published
// versions, and withdrawn ones as tombstones (title and reason, no content); makers and
// moderators also see drafts and versions in moderation.

export interface MaterialPage {
  id: string;
  organisationId: string | null;
  organisationName: string | null;
  applicationId: string | null;
  createdBy: string;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  /** The version shown: its content, or only title and reason for a tombstone. */
  version: VersionRow;
  tombstone: boolean;
  versions: Array<{ id: string; number: number; state: VersionState; publishedAt: Date | null }>;
  files: Array<{ id: string; name: string; contentType: string; size: number }>;
  moderation: Array<{ from: VersionState; to: VersionState; note: string; at: Date; by: string }>;
  /**
   * The relations the public sees, both ways (related-materials.ts has the rule): the material's
   * own, then those of other materials to it, read as the inverse kind (has part, is basis for,
   * is referenced by).
   */
  relations: Array<{ kind: ReadRelationKind; materialId: string; title: string }>;
  /**
   * For its makers and moderators, the material's own relations as they manage them: also those
   * to materials that were withdrawn since (hidden from everyone else). Empty for others.
   */
  ownRelations: Array<{ kind: RelationKind; materialId: string; title: string; hidden: boolean }>;
  canEdit: boolean;
  canModerate: boolean;
  actions: VersionActions;
}

export async function getMaterialPage(
  db: DbExecutor,
  materialId: string,
  actor: Actor | null,
  pinnedNumber?: number,
): Promise<MaterialPage | null> {
  if (!/^[0-9a-f-]{36}$/i.test(materialId)) return null;
  const [row] = await db
    .select({ material, organisationName: organisation.name })
    .from(material)
    .leftJoin(organisation, eq(organisation.id, material.organisationId))
    .where(eq(material.id, materialId));
  if (!row) return null;
  const subject = subjectOf(row.material);
  const seesUnpublished = libraryPolicy.viewUnpublishedMaterial(actor, subject);
  const all = await db
    .select()
    .from(materialVersion)
    .where(eq(materialVersion.materialId, materialId))
    .orderBy(desc(materialVersion.number));
  const visible = all.filter(
    (v) => seesUnpublished || isPublic(v.state) || v.state === "withdrawn",
  );
  const shown =
    pinnedNumber !== undefined
      ? visible.find((v) => v.number === pinnedNumber)
      : (visible.find((v) => v.id === row.material.currentVersionId) ??
        (seesUnpublished ? visible[0] : visible.find((v) => v.state === "withdrawn")));
  if (!shown) return null;
  const tombstone = shown.state === "withdrawn";
  const files = tombstone
    ? []
    : await db
        .select({
          id: materialFile.id,
          name: materialFile.name,
          contentType: materialFile.contentType,
          size: materialFile.size,
        })
        .from(materialFile)
        .where(eq(materialFile.versionId, shown.id))
        .orderBy(asc(materialFile.name));
  const moderation = seesUnpublished
    ? await db
        .select({
          from: moderationEvent.fromState,
          to: moderationEvent.toState,
          note: moderationEvent.note,
          at: moderationEvent.at,
          by: user.name,
        })
        .from(moderationEvent)
        .innerJoin(user, eq(user.id, moderationEvent.actorId))
        .where(eq(moderationEvent.versionId, shown.id))
        .orderBy(asc(moderationEvent.at))
    : [];
  // A withdrawn material relates to nothing publicly, as its harvested record (deleted) does not.
  const relations =
    row.material.withdrawnAt === null
      ? ((await publicRelationsOf(db, [materialId])).get(materialId) ?? [])
      : [];
  return {
    id: row.material.id,
    organisationId: row.material.organisationId,
    organisationName: row.organisationName,
    applicationId: row.material.applicationId,
    createdBy: row.material.createdBy,
    withdrawnAt: row.material.withdrawnAt,
    withdrawalReason: row.material.withdrawalReason,
    version: shown,
    tombstone,
    versions: visible.map((v) => ({
      id: v.id,
      number: v.number,
      state: v.state,
      publishedAt: v.publishedAt,
    })),
    files,
    moderation,
    relations: relations.map((r) => ({
      kind: readKind(r),
      materialId: r.materialId,
      title: r.title,
    })),
    ownRelations: seesUnpublished ? await ownRelationsOf(db, materialId) : [],
    canEdit: libraryPolicy.editMaterial(actor, subject),
    canModerate: libraryPolicy.moderateMaterial(actor, subject),
    /** What the actor may do with the shown version now (the use cases hold the same rules). */
    actions: versionActions(actor, subject, shown, all),
  };
}

/** Versions waiting for a moderator (submitted or in review), oldest first. */
export async function listModerationQueue(db: DbExecutor, actor: Actor | null) {
  const rows = await db
    .select({
      versionId: materialVersion.id,
      materialId: material.id,
      number: materialVersion.number,
      title: materialVersion.title,
      state: materialVersion.state,
      submittedAt: materialVersion.submittedAt,
      createdBy: material.createdBy,
      organisationId: material.organisationId,
      organisationName: organisation.name,
    })
    .from(materialVersion)
    .innerJoin(material, eq(material.id, materialVersion.materialId))
    .leftJoin(organisation, eq(organisation.id, material.organisationId))
    .where(inArray(materialVersion.state, [...awaitingModerationStates]))
    .orderBy(asc(materialVersion.submittedAt))
    .limit(500);
  return rows.filter((r) =>
    libraryPolicy.moderateMaterial(actor, {
      organisationId: r.organisationId ?? "",
      userId: r.createdBy,
    }),
  );
}
