import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisation } from "../../directory/schema";
import { application } from "../schema";
import type {
  DisseminationResourceType,
  LearningMethod,
  PlanLicence,
  PlanMilestone,
} from "./model";

// The plan of an application, one row per item. Items belong to their application; they change
// only through the plan's use cases, which lock the application row (lockEditableDraft).

/** An action (actie) of the plan, with its milestones (mijlpalen) in order of date. */
export const planAction = pgTable(
  "plan_action",
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => application.id, { onDelete: "cascade" }),
    title: text().notNull(),
    description: text().notNull().default(""),
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
    milestones: jsonb().$type<PlanMilestone[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.applicationId)],
);

/** A teacher involved, and their professionalisation (what, how, with whom, how many hours). */
export const planTeacher = pgTable(
  "plan_teacher",
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => application.id, { onDelete: "cascade" }),
    name: text().notNull(),
    email: text(),
    role: text().notNull().default(""),
    /** The teacher's school: one of the consortium's schools (lead or co-applicant), or none. */
    organisationId: uuid().references(() => organisation.id),
    learningGoal: text().notNull().default(""),
    learningMethod: text().$type<LearningMethod>(),
    learningWith: text().notNull().default(""),
    plannedHours: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.applicationId)],
);

/** A material the project shares (dissemination and replication plan). */
export const planDisseminationItem = pgTable(
  "plan_dissemination_item",
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => application.id, { onDelete: "cascade" }),
    title: text().notNull(),
    resourceType: text().$type<DisseminationResourceType>().notNull(),
    /** Codes of the study programme catalogue (src/directory/reference-data). */
    programmeCodes: text().array().notNull().default([]),
    licence: text().$type<PlanLicence>(),
    releaseOn: date({ mode: "string" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.applicationId)],
);
