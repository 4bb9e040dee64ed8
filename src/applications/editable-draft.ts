import { eq } from "drizzle-orm";
import type { FormDefinition } from "../calls/form-definition";
import { callPhase } from "../calls/model";
import { call, callFormVersion } from "../calls/schema";
import type { DbExecutor, Transaction } from "../db/client";
import type { MessageKey } from "../i18n/translate";
import type { Actor } from "../identity/actor";
import { fail } from "../platform/use-case";
import { type ApplicationChange, allowsChange, applicationChanges } from "./model";
import { applicationsPolicy } from "./policy";
import { application } from "./schema";
import { readDossier } from "./submission/dossier";
import { applicationProblems } from "./submission/eligibility";

// Every change to a draft (answers, consortium, plan, budget, attachments) and its submission go
// through these two steps, so that they serialise on the application row and share one rule for
// "who may change it" and "can it still change".

/**
 * Who may change an application: a coordinator of the lead school. Others who may see it are
 * refused (forbidden); those who may not even see it learn nothing (not found). For `authorize`.
 */
export async function mayEditApplication(
  actor: Actor | null,
  applicationId: string,
  tx: DbExecutor,
): Promise<boolean> {
  const [row] = await tx
    .select({ leadOrganisationId: application.leadOrganisationId })
    .from(application)
    .where(eq(application.id, applicationId));
  if (!row) throw fail.notFound();
  const subject = { organisationId: row.leadOrganisationId };
  if (!applicationsPolicy.viewApplication(actor, subject)) throw fail.notFound();
  return applicationsPolicy.editApplication(actor, subject);
}

/**
 * Who may approve an application (or withdraw the approval): a director of the lead school.
 * Like `mayEditApplication`, those who may not see it learn nothing (not found).
 */
export async function mayApproveApplication(
  actor: Actor | null,
  applicationId: string,
  tx: DbExecutor,
): Promise<boolean> {
  const [row] = await tx
    .select({ leadOrganisationId: application.leadOrganisationId })
    .from(application)
    .where(eq(application.id, applicationId));
  if (!row) throw fail.notFound();
  const subject = { organisationId: row.leadOrganisationId };
  if (!applicationsPolicy.viewApplication(actor, subject)) throw fail.notFound();
  return applicationsPolicy.approveApplication(actor, subject);
}

export interface EditableDraft {
  application: typeof application.$inferSelect;
  call: typeof call.$inferSelect;
  form: FormDefinition;
}

/**
 * Locks the application row (FOR UPDATE) and checks it can still change: it is a draft and its
 * call is open by the server clock. Concurrent changes and a submission therefore wait for each
 * other instead of interleaving. Throws a use-case failure otherwise.
 */
export function lockEditableDraft(
  tx: Transaction,
  applicationId: string,
  now: Date,
): Promise<EditableDraft> {
  return lockWhileOpen(tx, applicationId, now, "edit", "application.error.notADraft");
}

/**
 * Locks the application row and checks it has the expected status and its call is open by the
 * server clock (withdrawing and reopening, like editing, end at the deadline).
 */
export async function lockWhileOpen(
  tx: Transaction,
  applicationId: string,
  now: Date,
  change: ApplicationChange,
  otherwise: MessageKey,
): Promise<EditableDraft> {
  const [row] = await tx
    .select({ application, call, form: callFormVersion.definition })
    .from(application)
    .innerJoin(call, eq(call.id, application.callId))
    .innerJoin(callFormVersion, eq(callFormVersion.id, application.formVersionId))
    .where(eq(application.id, applicationId))
    .for("update", { of: application });
  if (!row) throw fail.notFound();
  if (row.application.status !== applicationChanges[change]) throw fail.conflict(otherwise);
  const phase =
    row.call.opensAt && row.call.closesAt
      ? callPhase({ opensAt: row.call.opensAt, closesAt: row.call.closesAt }, now)
      : null;
  if (!allowsChange(row.application.status, phase, change))
    throw fail.conflict("application.error.callClosed");
  return row;
}

/**
 * Marks that a draft changed (the list's "last changed" column) after a step saved its part, and
 * runs the eligibility check again so the programme manager's list can filter on its outcome.
 */
export async function touchApplication(tx: Transaction, applicationId: string, now: Date) {
  const openProblems = await countOpenProblems(tx, applicationId);
  await tx
    .update(application)
    .set({ updatedAt: now, openProblems })
    .where(eq(application.id, applicationId));
}

/** The number of problems the eligibility check finds in the application as it is now. */
export async function countOpenProblems(
  db: DbExecutor,
  applicationId: string,
): Promise<number | null> {
  const dossier = await readDossier(db, applicationId);
  return dossier ? applicationProblems(dossier).length : null;
}
