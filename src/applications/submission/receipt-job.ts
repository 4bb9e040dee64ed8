import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbExecutor } from "../../db/client";
import { user } from "../../identity/schema";
import type { FileStore } from "../../platform/files/file-store";
import { type JobHandler, PermanentJobError } from "../../platform/jobs/run-due-jobs";
import { scheduleJob } from "../../platform/jobs/schedule-job";
import { scheduledJob } from "../../platform/jobs/schema";
import { applicationSubmission, submissionReceipt } from "./schema";
import { storeSubmissionReceipt } from "./store-submission-receipt";
import { type RenderLimits, renderSubmissionPdf } from "./submission-pdf";

// The receipt PDF of a submission, rendered once by a durable job scheduled in the submission's
// own transaction (ADR 0024), like the confirmation mail: never in a request, so a hostile answer
// costs a worker thread's time (capped) and never a download's. The file goes to the file store
// and its key to submission_receipt; every download then serves those bytes. A failure is retried
// with the jobs' back-off and, after the last attempt, listed among the jobs in trouble.

export const submissionReceiptJob = "submissionReceipt";

const payload = z.object({ submissionId: z.uuid() });

/** The job's key (also written by the migration that schedules receipts for older submissions). */
export const receiptJobKey = (submissionId: string) => `submission-receipt:${submissionId}`;

/** Schedules the receipt of a submission, in the caller's transaction. */
export async function scheduleSubmissionReceipt(
  tx: DbExecutor,
  submissionId: string,
  now: Date,
): Promise<void> {
  await scheduleJob(tx, {
    kind: submissionReceiptJob,
    key: receiptJobKey(submissionId),
    runAt: now,
    payload: { submissionId },
  });
}

export function submissionReceiptHandler(deps: {
  files: FileStore;
  limits?: RenderLimits;
}): JobHandler {
  return async (job, { db, now }) => {
    const parsed = payload.safeParse(job.payload);
    if (!parsed.success) throw new PermanentJobError(`invalid payload: ${parsed.error.message}`);
    const { submissionId } = parsed.data;
    const [stored] = await db
      .select({ submissionId: submissionReceipt.submissionId })
      .from(submissionReceipt)
      .where(eq(submissionReceipt.submissionId, submissionId));
    if (stored) return;
    const [row] = await db
      .select({ submission: applicationSubmission, locale: user.locale })
      .from(applicationSubmission)
      .innerJoin(user, eq(user.id, applicationSubmission.submittedBy))
      .where(eq(applicationSubmission.id, submissionId));
    if (!row) throw new PermanentJobError("unknown submission");
    // One document per submission, in the language of the person who submitted it (as the
    // confirmation mail): the same bytes for everyone who downloads it.
    const locale = row.locale === "en" ? "en" : "nl";
    const pdf = await renderSubmissionPdf(
      row.submission.snapshot,
      row.submission.fingerprint,
      locale,
      deps.limits,
    );
    const fileKey = await deps.files.put(pdf);
    const result = await storeSubmissionReceipt(
      { db, actor: null, now: () => now },
      {
        submissionId,
        fileKey,
        byteSize: pdf.length,
        sha256: createHash("sha256").update(pdf).digest("hex"),
        locale,
      },
    );
    if (!result.ok || !result.value) await deps.files.delete(fileKey);
    if (!result.ok) throw new Error(`receipt not recorded: ${result.reason}`);
  };
}

export type ReceiptState = "ready" | "pending" | "failed";

/** Whether a submission's receipt is stored, still to be made, or given up on by its job. */
export async function receiptState(
  db: DbExecutor,
  submissionId: string,
  stored: boolean,
): Promise<ReceiptState> {
  if (stored) return "ready";
  const [job] = await db
    .select({ status: scheduledJob.status })
    .from(scheduledJob)
    .where(eq(scheduledJob.key, receiptJobKey(submissionId)));
  return job?.status === "failed" || job?.status === "cancelled" ? "failed" : "pending";
}
