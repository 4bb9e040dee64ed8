import { hasRole, isPlatformAdmin } from "../identity/actor";
import { definePolicy } from "../platform/policy";

/** Kinds of subject whose history the programme team follows up: what they manage and read. */
export const programmeSubjectTypes: readonly string[] = ["application", "call"];

/**
 * The audit log holds before/after states of everything, personal data included: the whole log is
 * for admins only. The programme team reads the history of one application or one call, things
 * they already see in full; never the log of people, organisations or sign-ins.
 */
export const auditPolicy = definePolicy({
  readAuditLog: (actor) => isPlatformAdmin(actor),
  readSubjectHistory: (actor, subject: { subjectType: string }) =>
    isPlatformAdmin(actor) ||
    (hasRole(actor, "programmeManager") && programmeSubjectTypes.includes(subject.subjectType)),
});
