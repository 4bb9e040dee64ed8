import type { DbExecutor } from "../db/client";
import { auditEvent } from "./schema";

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit event in the caller's transaction, so it commits or rolls back with the change. */
export async function recordAuditEvent(
  tx: DbExecutor,
  actorId: string | null,
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditEvent).values({
    actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
