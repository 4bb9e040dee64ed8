import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const jobStatuses = ["pending", "running", "done", "failed", "cancelled"] as const;
export type JobStatus = (typeof jobStatuses)[number];
export const jobStatusEnum = pgEnum("job_status", jobStatuses);

/**
 * Durable scheduled work (ADR 0011), shared by every app process: a job is claimed with
 * FOR UPDATE SKIP LOCKED, so one process runs it, and its unique key makes scheduling idempotent.
 * A job left `running` by a crashed process is claimed again once `locked_until` has passed.
 */
export const scheduledJob = pgTable(
  "scheduled_job",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Which handler runs it, e.g. "deadlineReminder". */
    kind: text().notNull(),
    /** Unique: scheduling the same key again does nothing. */
    key: text().notNull().unique(),
    payload: jsonb().notNull(),
    runAt: timestamp({ withTimezone: true }).notNull(),
    status: jobStatusEnum().notNull().default("pending"),
    /** Runs started so far (a claim counts as an attempt). */
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(5),
    lastError: text(),
    /** While running: until when the claiming process holds it. */
    lockedUntil: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.status, t.runAt)],
);
