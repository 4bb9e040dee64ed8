import { createHash } from "node:crypto";
import { and, count, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { sanitiseFileName } from "../../platform/files/file-name";
import type { FileStore } from "../../platform/files/file-store";
import { sniffedTypes, sniffFile } from "../../platform/files/sniff";
import { blankToUndefined } from "../../platform/form-input";
import { defineUseCase, fail } from "../../platform/use-case";
import { lockEditableDraft, mayEditApplication, touchApplication } from "../editable-draft";
import { type AttachmentLimits, attachmentKinds } from "./model";
import { applicationAttachment } from "./schema";

export const uploadAttachmentInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  kind: z.preprocess(
    blankToUndefined,
    z.enum(attachmentKinds, {
      error: (issue) =>
        issue.input === undefined ? "attachment.error.kindRequired" : "error.invalidChoice",
    }),
  ),
  description: z.preprocess(
    (v) => blankToUndefined(v) ?? "",
    z
      .string({ error: "error.invalidValue" })
      .max(500, "error.tooLong")
      .transform((v) => v.trim()),
  ),
  /** The uploaded file as the Web `FormData` gives it (a File, a Blob in tests). */
  file: z.instanceof(Blob, { error: "attachment.error.fileRequired" }),
});

/**
 * Uploads an attachment to a draft while its call is open. What the file is, is read from its
 * content (PDF, PNG, JPEG, DOCX, XLSX, ODT), never from its name or the browser's type; empty and
 * too large files are refused, and so is one more than the limit per application. The file is
 * stored under a random key before the row is written; if the row is not written, the file is
 * removed again.
 */
export function uploadAttachment(store: FileStore, limits: AttachmentLimits) {
  return defineUseCase({
    name: "application.attachment.upload",
    input: uploadAttachmentInput,
    authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
    run: async (tx, input, { actor, now }) => {
      if (!actor) throw fail.forbidden();
      await lockEditableDraft(tx, input.applicationId, now);
      const [current] = await tx
        .select({ n: count() })
        .from(applicationAttachment)
        .where(
          and(
            eq(applicationAttachment.applicationId, input.applicationId),
            isNull(applicationAttachment.removedAt),
          ),
        );
      if ((current?.n ?? 0) >= limits.maxCount)
        throw fail.field("file", "attachment.error.tooMany");
      const name = input.file instanceof File ? input.file.name : "";
      if (input.file.size === 0)
        throw fail.field("file", name ? "attachment.error.empty" : "attachment.error.fileRequired");
      if (input.file.size > limits.maxBytes) throw fail.field("file", "attachment.error.tooLarge");
      const bytes = new Uint8Array(await input.file.arrayBuffer());
      const kind = sniffFile(bytes);
      if (!kind) throw fail.field("file", "attachment.error.unsupportedType");
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const fileName = sanitiseFileName(name, `bijlage.${kind}`);
      const storageKey = await store.put(bytes);
      try {
        const [row] = await tx
          .insert(applicationAttachment)
          .values({
            applicationId: input.applicationId,
            kind: input.kind,
            description: input.description,
            fileName,
            mediaType: sniffedTypes[kind],
            sizeBytes: bytes.length,
            sha256,
            storageKey,
            uploadedBy: actor.userId,
            uploadedAt: now,
          })
          .returning({ id: applicationAttachment.id });
        if (!row) throw new Error("insert returned no row");
        await touchApplication(tx, input.applicationId, now);
        const after = {
          kind: input.kind,
          fileName,
          mediaType: sniffedTypes[kind],
          sizeBytes: bytes.length,
          sha256,
        };
        return {
          value: { id: row.id, ...after },
          audit: {
            subjectType: "application",
            subjectId: input.applicationId,
            before: null,
            after: { attachment: { id: row.id, ...after } },
          },
        };
      } catch (error) {
        await store.delete(storageKey);
        throw error;
      }
    },
  });
}
