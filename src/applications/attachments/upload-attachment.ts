import { and, count, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "../../db/client";
import { defaultArchiveLimits } from "../../platform/files/archive-check";
import { sanitiseFileName } from "../../platform/files/file-name";
import type { FileStore } from "../../platform/files/file-store";
import { inspectFile } from "../../platform/files/inspect-file";
import { readUpload } from "../../platform/files/read-upload";
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

/** Office files are zips: each is checked for an archive bomb before it is kept. */
const zipKinds = new Set(["docx", "xlsx", "odt"]);

/** The draft can still change and has room for one more attachment (locks the application row). */
async function checkRoom(
  tx: Transaction,
  applicationId: string,
  now: Date,
  limits: AttachmentLimits,
) {
  await lockEditableDraft(tx, applicationId, now);
  const [current] = await tx
    .select({ n: count() })
    .from(applicationAttachment)
    .where(
      and(
        eq(applicationAttachment.applicationId, applicationId),
        isNull(applicationAttachment.removedAt),
      ),
    );
  if ((current?.n ?? 0) >= limits.maxCount) throw fail.field("file", "attachment.error.tooMany");
}

/**
 * Uploads an attachment to a draft while its call is open. What the file is, is read from its
 * content (PDF, PNG, JPEG, DOCX, XLSX, ODT), never from its name or the browser's type; empty and
 * too large files are refused, office files that are archive bombs too (every zip entry really
 * inflated, within a cap, in the inspection worker), and one more than the limit per application.
 * The heavy part (reading, checking, storing under a random key) is done before the transaction
 * (ADR 0023); the transaction checks the draft again and writes the row, and if it does not
 * commit, the stored file is removed again.
 */
export function uploadAttachment(store: FileStore, limits: AttachmentLimits) {
  return defineUseCase({
    name: "application.attachment.upload",
    input: uploadAttachmentInput,
    authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
    precheck: (tx, input, { now }) => checkRoom(tx, input.applicationId, now, limits),
    prepare: async (input) => {
      const name = input.file instanceof File ? input.file.name : "";
      if (input.file.size === 0)
        throw fail.field("file", name ? "attachment.error.empty" : "attachment.error.fileRequired");
      if (input.file.size > limits.maxBytes) throw fail.field("file", "attachment.error.tooLarge");
      const { bytes, sha256 } = await readUpload(input.file);
      const kind = sniffFile(bytes);
      if (!kind) throw fail.field("file", "attachment.error.unsupportedType");
      if (zipKinds.has(kind)) {
        const { problem } = await inspectFile(bytes, {
          kind,
          archive: { ...defaultArchiveLimits, maxUncompressed: limits.maxUncompressed },
          extractText: false,
        });
        if (problem === "bomb") throw fail.field("file", "attachment.error.archiveBomb");
        if (problem) throw fail.field("file", "attachment.error.damaged");
      }
      const storageKey = await store.put(bytes);
      return {
        storageKey,
        sha256,
        kind,
        sizeBytes: bytes.length,
        fileName: sanitiseFileName(name, `bijlage.${kind}`),
      };
    },
    discard: (prepared) => store.delete(prepared.storageKey),
    run: async (tx, input, { actor, now, prepared }) => {
      await checkRoom(tx, input.applicationId, now, limits);
      const { storageKey, sha256, kind, sizeBytes, fileName } = prepared;
      const [row] = await tx
        .insert(applicationAttachment)
        .values({
          applicationId: input.applicationId,
          kind: input.kind,
          description: input.description,
          fileName,
          mediaType: sniffedTypes[kind],
          sizeBytes,
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
        sizeBytes,
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
    },
  });
}
