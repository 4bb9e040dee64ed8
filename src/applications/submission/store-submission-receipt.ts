import { eq } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase } from "../../platform/use-case";
import { applicationSubmission, submissionReceipt } from "./schema";

export const storeSubmissionReceiptInput = z.object({
  submissionId: z.uuid(),
  fileKey: z.string().regex(/^[0-9a-f]{32}$/),
  byteSize: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  locale: z.enum(["nl", "en"]),
});

/**
 * Records the stored PDF of a submission, once. The system does this (the submissionReceipt job,
 * after it put the file in the store): no person acts, so no person's policy applies and the
 * audit event carries no actor; a request handler, which always has an actor or the public,
 * cannot pass. Returns false when a receipt was already recorded (a job that ran twice): the
 * caller then removes the file it put.
 */
export const storeSubmissionReceipt = defineUseCase<
  typeof storeSubmissionReceiptInput,
  boolean,
  undefined,
  true
>({
  name: "application.receiptStored",
  input: storeSubmissionReceiptInput,
  // The system's own job: no person acts.
  anonymous: true,
  authorize: (actor) => actor === null,
  run: async (tx, input, { now }) => {
    const [submission] = await tx
      .select({ applicationId: applicationSubmission.applicationId })
      .from(applicationSubmission)
      .where(eq(applicationSubmission.id, input.submissionId));
    if (!submission) throw new Error("unknown submission");
    const inserted = await tx
      .insert(submissionReceipt)
      .values({ ...input, renderedAt: now })
      .onConflictDoNothing({ target: submissionReceipt.submissionId })
      .returning({ submissionId: submissionReceipt.submissionId });
    if (inserted.length === 0) return { value: false, audit: null };
    return {
      value: true,
      audit: {
        subjectType: "application",
        subjectId: submission.applicationId,
        after: {
          submissionId: input.submissionId,
          byteSize: input.byteSize,
          sha256: input.sha256,
          locale: input.locale,
        },
      },
    };
  },
});
