import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { FileStore } from "../../platform/files/file-store";
import { defineUseCase, fail, type UseCaseContext } from "../../platform/use-case";
import { lockEditableDraft, mayEditApplication, touchApplication } from "../editable-draft";
import { applicationSubmission } from "../submission/schema";
import { applicationAttachment } from "./schema";

export const removeAttachmentInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  attachmentId: z.uuid("attachment.error.gone"),
});

/**
 * Removes an attachment from a draft. When an earlier submission's snapshot refers to the file
 * (by SHA-256), the row is only marked removed and the file stays, so that submission can still
 * be read in full; otherwise the row goes and the file is deleted after the transaction commits
 * (a file is never deleted for a removal that was rolled back).
 */
export function removeAttachment(store: FileStore) {
  const useCase = defineUseCase({
    name: "application.attachment.remove",
    input: removeAttachmentInput,
    authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
    run: async (tx, input, { now }) => {
      await lockEditableDraft(tx, input.applicationId, now);
      const of = and(
        eq(applicationAttachment.id, input.attachmentId),
        eq(applicationAttachment.applicationId, input.applicationId),
        isNull(applicationAttachment.removedAt),
      );
      const [row] = await tx.select().from(applicationAttachment).where(of);
      if (!row) throw fail.conflict("attachment.error.gone");
      const [submitted] = await tx
        .select({ id: applicationSubmission.id })
        .from(applicationSubmission)
        .where(
          and(
            eq(applicationSubmission.applicationId, input.applicationId),
            sql`${applicationSubmission.snapshot}->'attachments' @> ${JSON.stringify([{ sha256: row.sha256 }])}::jsonb`,
          ),
        )
        .limit(1);
      if (submitted) await tx.update(applicationAttachment).set({ removedAt: now }).where(of);
      else await tx.delete(applicationAttachment).where(of);
      await touchApplication(tx, input.applicationId, now);
      return {
        value: { id: row.id, unusedFile: submitted ? null : row.storageKey },
        audit: {
          subjectType: "application",
          subjectId: input.applicationId,
          before: {
            attachment: {
              id: row.id,
              kind: row.kind,
              fileName: row.fileName,
              mediaType: row.mediaType,
              sizeBytes: row.sizeBytes,
              sha256: row.sha256,
            },
          },
          after: null,
        },
      };
    },
  });
  const execute = async (ctx: UseCaseContext, raw: unknown) => {
    const result = await useCase(ctx, raw);
    if (result.ok && result.value.unusedFile) await store.delete(result.value.unusedFile);
    return result;
  };
  return Object.assign(execute, { spec: useCase.spec });
}
