import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** What a form posted, by field name: one value or several. */
export type ParkedValues = Record<string, string | string[]>;

/**
 * A form posted after its session expired, kept for a short while so that nothing typed is lost:
 * it belongs to one browser (the SHA-256 of a random token in an HttpOnly cookie) and one page,
 * and is handed back, once, to the page after the person has signed in again.
 */
export const parkedForm = pgTable(
  "parked_form",
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull(),
    /** A keyed hash of the client address, for the per-address quota (none on older rows). */
    addressHash: text(),
    path: text().notNull(),
    values: jsonb().$type<ParkedValues>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex().on(t.tokenHash, t.path),
    index().on(t.expiresAt),
    index().on(t.addressHash),
  ],
);
