import { hasRole, isPlatformAdmin } from "../identity/actor";
import { definePolicy } from "../platform/policy";

/** Who may do what with calls for proposals. */
export const callsPolicy = definePolicy({
  /** Published calls are public: every school and partner must be able to read them. */
  viewPublishedCall: (_actor) => true,
  /** Drafts (and the list of all calls) are for the programme team and administrators. */
  viewDraftCall: (actor) => hasRole(actor, "programmeManager") || isPlatformAdmin(actor),
  createCall: (actor) => hasRole(actor, "programmeManager"),
  updateCall: (actor) => hasRole(actor, "programmeManager"),
  publishCall: (actor) => hasRole(actor, "programmeManager"),
  /** A published call's deadline moves only by a programme manager, with a reason (audited). */
  changeDeadline: (actor) => hasRole(actor, "programmeManager"),
});
