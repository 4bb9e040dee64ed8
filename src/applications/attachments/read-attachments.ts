import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbExecutor } from "../../db/client";
import { user } from "../../identity/schema";
import type { Attachment } from "./model";
import { applicationAttachment } from "./schema";

// Reading an application's attachments as plain, serialisable objects (pages, dossier,
// snapshot). No policy here: callers check who may see the application.

const columns = {
  row: applicationAttachment,
  uploaderName: user.name,
};

function attachmentOf(r: {
  row: typeof applicationAttachment.$inferSelect;
  uploaderName: string;
}): Attachment {
  return {
    id: r.row.id,
    kind: r.row.kind,
    description: r.row.description,
    fileName: r.row.fileName,
    mediaType: r.row.mediaType,
    sizeBytes: r.row.sizeBytes,
    sha256: r.row.sha256,
    uploadedBy: { id: r.row.uploadedBy, name: r.uploaderName },
    uploadedAt: r.row.uploadedAt.toISOString(),
  };
}

/** The current attachments of an application, oldest first. */
export async function readAttachments(
  db: DbExecutor,
  applicationId: string,
): Promise<Attachment[]> {
  const rows = await db
    .select(columns)
    .from(applicationAttachment)
    .innerJoin(user, eq(user.id, applicationAttachment.uploadedBy))
    .where(
      and(
        eq(applicationAttachment.applicationId, applicationId),
        isNull(applicationAttachment.removedAt),
      ),
    )
    .orderBy(asc(applicationAttachment.uploadedAt), asc(applicationAttachment.id));
  return rows.map(attachmentOf);
}

/**
 * One attachment of an application with its storage key, for a download; also one removed from
 * the draft but kept for a submitted snapshot. Null when the application has no such attachment.
 */
export async function findAttachmentFile(
  db: DbExecutor,
  applicationId: string,
  attachmentId: string,
): Promise<(Attachment & { storageKey: string }) | null> {
  if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) return null;
  const [row] = await db
    .select(columns)
    .from(applicationAttachment)
    .innerJoin(user, eq(user.id, applicationAttachment.uploadedBy))
    .where(
      and(
        eq(applicationAttachment.applicationId, applicationId),
        eq(applicationAttachment.id, attachmentId),
      ),
    );
  return row ? { ...attachmentOf(row), storageKey: row.row.storageKey } : null;
}
