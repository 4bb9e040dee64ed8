import {
  bigint,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { application } from "../schema";
import { budgetCategories } from "./model";

export const budgetCategoryEnum = pgEnum("budget_category", budgetCategories);

/**
 * One line of an application's budget. Teacher release time keeps its hours and hourly cost (the
 * amount is their product, stored so that totals are a plain sum); other lines have an amount.
 */
export const budgetLine = pgTable(
  "application_budget_line",
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => application.id),
    category: budgetCategoryEnum().notNull(),
    description: text().notNull(),
    hours: numeric({ precision: 8, scale: 2, mode: "number" }),
    hourlyCostCents: integer(),
    amountCents: bigint({ mode: "number" }).notNull(),
    /** Lines keep the order they were added in. */
    position: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.applicationId)],
);
