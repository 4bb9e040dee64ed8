import { hasRole, hasRoleIn, isPlatformAdmin } from "../identity/actor";
import { definePolicy } from "../platform/policy";

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
