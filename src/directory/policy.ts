import { hasRole, hasRoleIn, isPlatformAdmin } from "../identity/actor";
import { definePolicy } from "../platform/policy";

/** Who may do what in the directory of schools and partners. */
export const directoryPolicy = definePolicy({
  /** The directory is public: schools and partners are meant to find each other. */
  searchDirectory: (_actor) => true,
  viewOrganisation: (_actor) => true,
  /** The people and roles of an organisation: the organisation itself, the Department, admins. */
  viewOrganisationMembers: (actor, subject: { organisationId: string }) =>
    isPlatformAdmin(actor) ||
    hasRole(actor, "programmeManager") ||
    hasRoleIn(actor, subject.organisationId),
  createOrganisation: (actor) => isPlatformAdmin(actor),
  updateOrganisation: (actor, _subject: { organisationId: string }) => isPlatformAdmin(actor),
  importSchoolRegister: (actor) => isPlatformAdmin(actor),
});
