import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import { user } from "../identity/schema";
import { auditEvent } from "./schema";

// The audit log as the administrator reads it: newest first, optionally narrowed to one kind of
// subject or one subject, a page at a time, with the actor's name. A read query, not a use case.

export interface AuditLogFilter {
  subjectType?: string;
  subjectId?: string;
  page?: number;
  pageSize?: number;
}

export interface AuditLogEntry {
  id: number;
  at: Date;
  actorId: string | null;
  /** null for the system (seed, importer, scheduled jobs). */
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
}

export interface AuditLogPage {
  events: AuditLogEntry[];
  total: number;
  page: number;
  pages: number;
}

export async function readAuditLog(
  db: DbExecutor,
  filter: AuditLogFilter = {},
): Promise<AuditLogPage> {
  const pageSize = filter.pageSize ?? 50;
  const conditions: SQL[] = [];
  if (filter.subjectType) conditions.push(eq(auditEvent.subjectType, filter.subjectType));
  if (filter.subjectId) conditions.push(eq(auditEvent.subjectId, filter.subjectId));
  const where = conditions.length ? and(...conditions) : undefined;

  const [counted] = await db.select({ n: count() }).from(auditEvent).where(where);
  const total = counted?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1)), pages);
  const events = await db
    .select({
      id: auditEvent.id,
      at: auditEvent.at,
      actorId: auditEvent.actorId,
      actorName: user.name,
      action: auditEvent.action,
      subjectType: auditEvent.subjectType,
      subjectId: auditEvent.subjectId,
      before: auditEvent.before,
      after: auditEvent.after,
    })
    .from(auditEvent)
    .leftJoin(user, eq(user.id, auditEvent.actorId))
    .where(where)
    // Events of one transaction share a timestamp; the id keeps their order.
    .orderBy(desc(auditEvent.at), desc(auditEvent.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { events, total, page, pages };
}

/** The kinds of subject in the log, for the filter. */
export async function auditSubjectTypes(db: DbExecutor): Promise<string[]> {
  const rows = await db
    .selectDistinct({ subjectType: auditEvent.subjectType })
    .from(auditEvent)
    .orderBy(auditEvent.subjectType);
  return rows.map((r) => r.subjectType);
}
