import { and, desc, eq } from "drizzle-orm";
import type { DbExecutor } from "../../db/client";
import type { Actor } from "../../identity/actor";
import { applicationsPolicy } from "../policy";
import { application } from "../schema";
import type { SubmissionSnapshot } from "./dossier";
import { applicationSubmission, submissionReceipt } from "./schema";

export interface SubmissionView {
  id: string;
  applicationId: string;
  sequence: number;
  submittedAt: Date;
  fingerprint: string;
  snapshot: SubmissionSnapshot;
  /** The application's status now (a submission may since have been withdrawn). */
  applicationStatus: string;
  /** Whether this is the application's latest submission. */
  latest: boolean;
  /** The stored PDF, or null while the receipt job has not made it yet (ADR 0024). */
  receipt: { fileKey: string; byteSize: number } | null;
}

/** One submission of an application, or null when it does not exist or may not be seen. */
export async function getSubmission(
  db: DbExecutor,
  applicationId: string,
  sequence: number,
  actor: Actor | null,
): Promise<SubmissionView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(applicationId) || !Number.isSafeInteger(sequence)) return null;
  const rows = await db
    .select({
      submission: applicationSubmission,
      application,
      receipt: { fileKey: submissionReceipt.fileKey, byteSize: submissionReceipt.byteSize },
    })
    .from(applicationSubmission)
    .innerJoin(application, eq(application.id, applicationSubmission.applicationId))
    .leftJoin(submissionReceipt, eq(submissionReceipt.submissionId, applicationSubmission.id))
    .where(eq(applicationSubmission.applicationId, applicationId))
    .orderBy(desc(applicationSubmission.sequence));
  const found = rows.find((r) => r.submission.sequence === sequence);
  if (!found) return null;
  const subject = { organisationId: found.application.leadOrganisationId };
  if (!applicationsPolicy.viewApplication(actor, subject)) return null;
  const { submission } = found;
  return {
    id: submission.id,
    applicationId: submission.applicationId,
    sequence: submission.sequence,
    submittedAt: submission.submittedAt,
    fingerprint: submission.fingerprint,
    snapshot: submission.snapshot,
    applicationStatus: found.application.status,
    latest: rows[0]?.submission.sequence === sequence,
    receipt: found.receipt,
  };
}

/** The submissions of an application, newest first (sequence, time, fingerprint). */
export async function listSubmissions(db: DbExecutor, applicationId: string) {
  return db
    .select({
      sequence: applicationSubmission.sequence,
      submittedAt: applicationSubmission.submittedAt,
      fingerprint: applicationSubmission.fingerprint,
    })
    .from(applicationSubmission)
    .where(and(eq(applicationSubmission.applicationId, applicationId)))
    .orderBy(desc(applicationSubmission.sequence));
}
