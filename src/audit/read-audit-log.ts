import { and, asc, desc, eq, gt, gte, ilike, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import { user } from "../identity/schema";
import { auditEvent } from "./schema";

// The audit log as the administrator reads it: newest first, narrowed by who, what, which kind
// of subject (or one subject) and when, a page at a time with the actor's name. A read query, not
// a use case. Pages are keyset pages on the event's id, the order the log was written in (ADR
// 0034): the hundredth page costs what the first does, and a page does not shift while new events
// come in. The count is bounded too: past `countCap` the page says "more than".

export interface AuditLogFilter {
  subjectType?: string;
  subjectId?: string;
  /** One actor, by user id. */
  actorId?: string;
  /** Actors whose name or e-mail address contains this text. */
  actorText?: string;
  action?: string;
  /** From this instant on (inclusive). */
  from?: Date;
  /** Before this instant (exclusive). */
  until?: Date;
  /** The page of events older than this event id. */
  olderThan?: number;
  /** The page of events newer than this event id. */
  newerThan?: number;
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
  /** The events that match, up to `countCap`. */
  total: number;
  /** More events match than `total` says. */
  moreThanTotal: boolean;
  /** The cursor of the next (older) page, or null on the last page. */
  olderThan: number | null;
  /** The cursor of the previous (newer) page, or null on the newest page. */
  newerThan: number | null;
}

export const maxAuditPageSize = 100;
export const countCap = 10_000;
/** At most this many actors match a name or address typed in the filter. */
const maxActorMatches = 100;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditionsOf(filter: AuditLogFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.subjectType) conditions.push(eq(auditEvent.subjectType, filter.subjectType));
  if (filter.subjectId) conditions.push(eq(auditEvent.subjectId, filter.subjectId));
  if (filter.action) conditions.push(eq(auditEvent.action, filter.action));
  if (filter.actorId) conditions.push(eq(auditEvent.actorId, filter.actorId));
  if (filter.from) conditions.push(gte(auditEvent.at, filter.from));
  if (filter.until) conditions.push(lt(auditEvent.at, filter.until));
  const text = filter.actorText?.trim().slice(0, 100);
  if (text) {
    const pattern = `%${escapeLike(text)}%`;
    conditions.push(
      inArray(
        auditEvent.actorId,
        sql`(${sql`select ${user.id} from ${user} where ${or(ilike(user.name, pattern), ilike(user.email, pattern))} limit ${maxActorMatches}`})`,
      ),
    );
  }
  return conditions;
}

export async function readAuditLog(
  db: DbExecutor,
  filter: AuditLogFilter = {},
): Promise<AuditLogPage> {
  const pageSize = Math.min(Math.max(1, Math.floor(filter.pageSize ?? 50)), maxAuditPageSize);
  const conditions = conditionsOf(filter);
  const where = conditions.length ? and(...conditions) : undefined;

  // Counted up to the cap, so a count never reads the whole log.
  const capped = db
    .select({ one: sql`1` })
    .from(auditEvent)
    .where(where)
    .limit(countCap + 1)
    .as("capped");
  const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
  const matching = counted?.n ?? 0;

  const backwards = filter.newerThan !== undefined && filter.olderThan === undefined;
  const cursor =
    filter.olderThan !== undefined
      ? lt(auditEvent.id, filter.olderThan)
      : backwards
        ? gt(auditEvent.id, filter.newerThan as number)
        : undefined;
  const rows = await db
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
    .where(and(where, cursor))
    .orderBy(backwards ? asc(auditEvent.id) : desc(auditEvent.id))
    // One more than a page tells whether there is a page beyond it.
    .limit(pageSize + 1);
  const beyond = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  const events = backwards ? page.reverse() : page;
  const first = events[0];
  const last = events[events.length - 1];
  const hasOlder = backwards ? filter.newerThan !== undefined && last !== undefined : beyond;
  const hasNewer = backwards ? beyond : filter.olderThan !== undefined && first !== undefined;
  // Going back past the newest event lands on the first page: the newest events.
  if (backwards && events.length === 0)
    return readAuditLog(db, { ...filter, newerThan: undefined });
  return {
    events,
    total: Math.min(matching, countCap),
    moreThanTotal: matching > countCap,
    olderThan: hasOlder && last ? last.id : null,
    newerThan: hasNewer && first ? first.id : null,
  };
}

/** The kinds of subject in the log, for the filter. */
export async function auditSubjectTypes(db: DbExecutor): Promise<string[]> {
  const rows = await db
    .selectDistinct({ subjectType: auditEvent.subjectType })
    .from(auditEvent)
    .orderBy(auditEvent.subjectType);
  return rows.map((r) => r.subjectType);
}

/** The actions in the log, for the filter. */
export async function auditActions(db: DbExecutor): Promise<string[]> {
  const rows = await db
    .selectDistinct({ action: auditEvent.action })
    .from(auditEvent)
    .orderBy(auditEvent.action);
  return rows.map((r) => r.action);
}
