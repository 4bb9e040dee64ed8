import {
  type AnyPgColumn,
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "../identity/schema";
import type { FormDefinition } from "./form-definition";
import { callStatuses, type Envelope, type EnvelopeDimension } from "./model";

export const callStatusEnum = pgEnum("call_status", callStatuses);

/**
 * A call for proposals (oproep). A draft may be incomplete; publication checks it is complete and
 * freezes its application form in call_form_version. Amounts are euro cents; instants timestamptz.
 */
export const call = pgTable(
  "call",
  {
    id: uuid().primaryKey().defaultRandom(),
    status: callStatusEnum().notNull().default("draft"),
    title: text().notNull(),
    summary: text().notNull().default(""),
    body: text().notNull().default(""),
    /** e.g. {"2026-2027","2027-2028"} for a two-year trajectory. */
    schoolYears: text().array().notNull().default([]),
    maxDurationMonths: integer(),
    /** Transition areas (transitiegebieden) of Visie 2050. */
    themes: text().array().notNull().default([]),
    changeLevels: text().array().notNull().default([]),
    educationForms: text().array().notNull().default([]),
    finalities: text().array().notNull().default([]),
    studyDomains: text().array().notNull().default([]),
    minLabourMarketPartners: integer().notNull().default(1),
    minEducationPartners: integer().notNull().default(1),
    totalBudgetCents: bigint({ mode: "number" }),
    maxPerProjectCents: bigint({ mode: "number" }),
    minCoFinancingPercent: integer(),
    /**
     * The director of the lead school approves an application before it can be submitted
     * (ADR 0033): the approval is of the draft as it is and lapses when it changes.
     */
    directorApprovalRequired: boolean().notNull().default(false),
    envelopeDimension: text().$type<EnvelopeDimension>(),
    envelopes: jsonb().$type<Envelope[]>().notNull().default([]),
    opensAt: timestamp({ withTimezone: true }),
    closesAt: timestamp({ withTimezone: true }),
    decisionAt: timestamp({ withTimezone: true }),
    /** The form being written while the call is a draft. */
    formDraft: jsonb().$type<FormDefinition>().notNull(),
    /** The frozen form, set at publication. */
    formVersionId: uuid().references((): AnyPgColumn => callFormVersion.id),
    publishedAt: timestamp({ withTimezone: true }),
    publishedBy: text().references(() => user.id),
    /** Optimistic concurrency: every change increments it; a stale form is refused. */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.status), index().on(t.closesAt)],
);

/** An application form as it was published: immutable (a trigger refuses UPDATE and DELETE). */
export const callFormVersion = pgTable(
  "call_form_version",
  {
    id: uuid().primaryKey().defaultRandom(),
    callId: uuid()
      .notNull()
      .references((): AnyPgColumn => call.id),
    definition: jsonb().$type<FormDefinition>().notNull(),
    /** SHA-256 of the canonical JSON of the definition. */
    contentHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.callId, t.contentHash)],
);
