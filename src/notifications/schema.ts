import {
  boolean,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "../identity/schema";

/**
 * A person's explicit choice for one kind of notification (src/notifications/model.ts). No row
 * means the kind's default. The kind is text, checked by the application, so a new kind needs
 * no migration.
 */
export const notificationPreference = pgTable(
  "notification_preference",
  {
    userId: text()
      .notNull()
      .references(() => user.id),
    kind: text().notNull(),
    email: boolean().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * Every notification e-mail handed to the mailer, one row per (notification key, recipient). The
 * row is inserted in the transaction that sends the mail, before sending: a retry of the same
 * notification (a job run again after a crash) finds the row and sends nothing (ADR 0011).
 */
export const sentNotification = pgTable(
  "sent_notification",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** What is notified, e.g. the job key "deadline-reminder:<applicationId>:7d". */
    notificationKey: text().notNull(),
    recipientUserId: text()
      .notNull()
      .references(() => user.id),
    kind: text().notNull(),
    email: text().notNull(),
    subject: text().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.notificationKey, t.recipientUserId), index().on(t.recipientUserId)],
);
