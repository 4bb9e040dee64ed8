import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Append-only record of every state change: who, what, when, before and after. A trigger
 * (migration 0001) refuses UPDATE and DELETE, so not even a bug in the app can rewrite history.
 */
export const auditEvent = pgTable(
  "audit_event",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** better-auth user id; null for the system (seed, importer, scheduled jobs). */
    actorId: text(),
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [index().on(t.subjectType, t.subjectId), index().on(t.at)],
);
