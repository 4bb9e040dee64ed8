import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import { cancelDeadlineReminders } from "../../notifications/deadline-reminders";
import { scheduleJob } from "../../platform/jobs/schedule-job";
import { defineUseCase, fail } from "../../platform/use-case";
import { approvalAllowsSubmission, approvalState, draftFingerprint } from "../approval/model";
import { lockEditableDraft, mayEditApplication } from "../editable-draft";
import { application } from "../schema";
import { submissionConfirmationJob } from "./confirmation-mail";
import { readDossier, type SubmissionSnapshot, snapshotFingerprint } from "./dossier";
import { applicationProblems } from "./eligibility";
import { scheduleSubmissionReceipt } from "./receipt-job";
import { applicationSubmission } from "./schema";

export const submitApplicationInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  /** A fresh key in every submit form: the same key twice is the same submission. */
  requestKey: z.uuid("application.error.staleForm"),
  declaration: z.literal("on", { error: "application.error.declarationRequired" }),
});

export interface SubmittedApplication {
  submissionId: string;
  sequence: number;
  fingerprint: string;
  /** True when this request repeated one that had already submitted (a double click). */
  repeated: boolean;
}

/**
 * Submits a draft: only while the call is open by the server clock, only when the eligibility
 * check finds no problem and, when the call asks for it, the director approved the draft as it
 * is (ADR 0033). Atomic: the snapshot, the status, the cancelled reminders, the
 * confirmation mail job and the receipt PDF job commit together or not at all. Idempotent per
 * request key: the row lock makes a second click wait for the first, which it then finds and
 * returns.
 */
export const submitApplication = defineUseCase<typeof submitApplicationInput, SubmittedApplication>(
  {
    name: "application.submit",
    input: submitApplicationInput,
    authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
    run: async (tx, input, { actor, now }) => {
      await tx
        .select({ id: application.id })
        .from(application)
        .where(eq(application.id, input.applicationId))
        .for("update");
      const [earlier] = await tx
        .select()
        .from(applicationSubmission)
        .where(
          and(
            eq(applicationSubmission.applicationId, input.applicationId),
            eq(applicationSubmission.requestKey, input.requestKey),
          ),
        );
      if (earlier)
        return {
          value: {
            submissionId: earlier.id,
            sequence: earlier.sequence,
            fingerprint: earlier.fingerprint,
            repeated: true,
          },
          audit: null,
        };
      const draft = await lockEditableDraft(tx, input.applicationId, now);
      const dossier = await readDossier(tx, input.applicationId);
      if (!dossier) throw fail.notFound();
      if (applicationProblems(dossier).length > 0)
        throw fail.conflict("application.error.notEligible");
      // When the call asks for it, the director approved this draft as it is now (ADR 0033).
      const approval = approvalState({
        required: draft.call.directorApprovalRequired,
        status: draft.application.status,
        approvedFingerprint: draft.application.approvedFingerprint,
        currentFingerprint: draftFingerprint(dossier),
      });
      if (!approvalAllowsSubmission(approval))
        throw fail.conflict("application.error.approvalRequired");
      const [previous] = await tx
        .select({ n: count() })
        .from(applicationSubmission)
        .where(eq(applicationSubmission.applicationId, input.applicationId));
      const sequence = (previous?.n ?? 0) + 1;
      const snapshot: SubmissionSnapshot = {
        ...dossier,
        submission: {
          sequence,
          submittedAt: now.toISOString(),
          submittedBy: { id: actor.userId, name: actor.name },
        },
      };
      const fingerprint = snapshotFingerprint(snapshot);
      const [created] = await tx
        .insert(applicationSubmission)
        .values({
          applicationId: input.applicationId,
          sequence,
          requestKey: input.requestKey,
          submittedAt: now,
          submittedBy: actor.userId,
          snapshot,
          fingerprint,
        })
        .returning({ id: applicationSubmission.id });
      if (!created) throw new Error("insert returned no row");
      await tx
        .update(application)
        .set({ status: "submitted", updatedAt: now })
        .where(eq(application.id, input.applicationId));
      await cancelDeadlineReminders(tx, input.applicationId, now);
      await scheduleJob(tx, {
        kind: submissionConfirmationJob,
        key: `submission-confirmation:${created.id}`,
        runAt: now,
        payload: { submissionId: created.id },
      });
      await scheduleSubmissionReceipt(tx, created.id, now);
      return {
        value: {
          submissionId: created.id,
          sequence,
          fingerprint,
          repeated: false,
        } satisfies SubmittedApplication,
        audit: {
          subjectType: "application",
          subjectId: input.applicationId,
          before: { status: draft.application.status },
          after: {
            status: "submitted",
            submission: sequence,
            fingerprint,
            ...(approval === "approved" ? { approvedBy: draft.application.approvedBy } : {}),
          },
        },
      };
    },
  },
);
