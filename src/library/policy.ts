import { type Actor, hasRole, hasRoleIn, isPlatformAdmin } from "../identity/actor";
import { definePolicy, organisationsWhere } from "../platform/policy";
import {
  allowsMove,
  canStartNextVersion,
  isEditable,
  isPublic,
  type ModerationMove,
  moveMadeBy,
  type VersionState,
} from "./model";

/** A material as a rule sees it: the organisation it is published for and who made it. */
export interface MaterialSubject {
  organisationId: string;
  /** The person who made the material. */
  userId: string;
}

/**
 * Who may do what in the commons. Anyone reads what is published. Teachers, coordinators,
 * directors and partner contacts publish for their own organisation; a material is changed by
 * its maker and the coordinators of its organisation. Programme managers and pedagogical
 * counsellors moderate, never their own material (four eyes).
 */
export const libraryPolicy = definePolicy({
  readPublishedMaterials: () => true,
  createMaterial: (actor, subject: { organisationId: string }) =>
    hasRoleIn(
      actor,
      subject.organisationId,
      "teacher",
      "schoolCoordinator",
      "schoolDirector",
      "partnerContact",
      "guidanceCounsellor",
    ),
  editMaterial: (actor, subject: MaterialSubject) =>
    (!!actor && actor.userId === subject.userId) ||
    hasRoleIn(actor, subject.organisationId, "schoolCoordinator"),
  moderateMaterial: (actor, subject: MaterialSubject) =>
    hasRole(actor, "programmeManager", "guidanceCounsellor") && actor?.userId !== subject.userId,
  /** Any school's staff report that their school used a material. */
  reportReplication: (actor, subject: { organisationId: string }) =>
    hasRoleIn(actor, subject.organisationId, "teacher", "schoolCoordinator", "schoolDirector"),
  moderateReplication: (actor) => hasRole(actor, "programmeManager", "guidanceCounsellor"),
  viewUnpublishedMaterial: (actor, subject: MaterialSubject) =>
    (!!actor && actor.userId === subject.userId) ||
    hasRoleIn(actor, subject.organisationId, "schoolCoordinator") ||
    hasRole(actor, "programmeManager", "guidanceCounsellor") ||
    isPlatformAdmin(actor),
});

/**
 * Who may make a moderation move on a material: the author side (its makers) for the authors'
 * moves, a moderator for the moderators' moves, either for withdrawing. `move-material-version`
 * authorises with it; the material page shows a move's form by it.
 */
export function mayMakeMove(
  actor: Actor | null,
  subject: MaterialSubject,
  move: ModerationMove,
): boolean {
  const by = moveMadeBy[move];
  return (
    (by !== "moderator" && libraryPolicy.editMaterial(actor, subject)) ||
    (by !== "author" && libraryPolicy.moderateMaterial(actor, subject))
  );
}

/** Whether the actor reports use for at least one school (a report is always for a school). */
export function mayReportAnyUse(actor: Actor | null): boolean {
  return organisationsWhere(actor, libraryPolicy.reportReplication).length > 0;
}

/**
 * What the actor may do with one version of a material now, by who they are and the version's
 * state: the material page shows exactly these, and the use cases refuse the rest by the same
 * rules (`update-material-version`, `move-material-version`, `create-material-version`,
 * `relate-material`, `report-replication`). `versions` are the material's versions, newest first.
 */
export function versionActions(
  actor: Actor | null,
  subject: MaterialSubject,
  version: { id: string; state: VersionState },
  versions: ReadonlyArray<{ id: string; state: VersionState }>,
) {
  const edits = libraryPolicy.editMaterial(actor, subject);
  const moderates = libraryPolicy.moderateMaterial(actor, subject);
  const withdrawn = version.state === "withdrawn";
  return {
    edit: edits && isEditable(version.state),
    submit: mayMakeMove(actor, subject, "submit") && allowsMove(version.state, "submit"),
    relate: edits,
    startVersion: edits && canStartNextVersion(versions, version.id),
    /** The moderator's moves (review, send back, publish) while the version waits for one. */
    moderate:
      moderates &&
      (["startReview", "requestChanges", "publish"] as const).some((m) =>
        allowsMove(version.state, m),
      ),
    withdraw: mayMakeMove(actor, subject, "withdraw") && allowsMove(version.state, "withdraw"),
    reportUse: !withdrawn && isPublic(version.state) && mayReportAnyUse(actor),
  };
}

export type VersionActions = ReturnType<typeof versionActions>;
