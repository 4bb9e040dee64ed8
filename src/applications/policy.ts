import { hasRole, hasRoleIn, isPlatformAdmin } from "../identity/actor";
import { definePolicy } from "../platform/policy";

/** The object of an application rule: the lead school it belongs to (or would belong to). */
export interface ApplicationSubject {
  organisationId: string;
}

/**
 * Who may do what with applications. Object-level: a school's applications are seen by its
 * coordinators and director and edited by its coordinators only; another school sees nothing.
 * The programme team and administrators read all of them.
 */
export const applicationsPolicy = definePolicy({
  startApplication: (actor, subject: ApplicationSubject) =>
    hasRoleIn(actor, subject.organisationId, "schoolCoordinator"),
  viewApplication: (actor, subject: ApplicationSubject) =>
    hasRoleIn(actor, subject.organisationId, "schoolCoordinator", "schoolDirector") ||
    hasRole(actor, "programmeManager") ||
    isPlatformAdmin(actor),
  editApplication: (actor, subject: ApplicationSubject) =>
    hasRoleIn(actor, subject.organisationId, "schoolCoordinator"),
  /**
   * The director's approval before submission, when the call asks for it (ADR 0033), and
   * withdrawing it: the directors of the lead school.
   */
  approveApplication: (actor, subject: ApplicationSubject) =>
    hasRoleIn(actor, subject.organisationId, "schoolDirector"),
  /** The list of all applications of a call, with filters and counts: the programme team. */
  listCallApplications: (actor) => hasRole(actor, "programmeManager") || isPlatformAdmin(actor),
  /** Downloads of that list and of every answer (CSV, XLSX): the same people, and audited. */
  exportApplications: (actor) => hasRole(actor, "programmeManager") || isPlatformAdmin(actor),
});
