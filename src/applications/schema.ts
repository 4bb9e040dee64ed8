import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { call, callFormVersion } from "../calls/schema";
import { organisation } from "../directory/schema";
import { user } from "../identity/schema";
import { type Answers, applicationStatuses } from "./model";

export const applicationStatusEnum = pgEnum("application_status", applicationStatuses);

/**
 * An application (aanvraag) for a call, led by one school. It answers the frozen form version the
 * call had when the draft was started; answers are keyed by question id. `version` is the
 * optimistic-concurrency counter: every save increments it and a stale save is refused.
 */
export const application = pgTable(
  "application",
  {
    id: uuid().primaryKey().defaultRandom(),
    callId: uuid()
      .notNull()
      .references(() => call.id),
    formVersionId: uuid()
      .notNull()
      .references(() => callFormVersion.id),
    leadOrganisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    title: text().notNull(),
    status: applicationStatusEnum().notNull().default("draft"),
    answers: jsonb().$type<Answers>().notNull().default({}),
    createdBy: text()
      .notNull()
      .references(() => user.id),
    version: integer().notNull().default(1),
    /**
     * How many problems the eligibility check found after the last change (null: not checked
     * yet). Kept so that the programme manager's list can filter and count by it in SQL; the
     * check itself (submission/eligibility.ts) stays the one source of truth.
     */
    openProblems: integer(),
    /**
     * The director's approval (ADR 0033): the fingerprint of the dossier they approved, when and
     * by whom. It holds while the dossier's fingerprint is the same; any change makes it lapse.
     * Null: not approved (or the approval was withdrawn).
     */
    approvedFingerprint: text(),
    approvedAt: timestamp({ withTimezone: true }),
    approvedBy: text().references(() => user.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.callId), index().on(t.leadOrganisationId)],
);
