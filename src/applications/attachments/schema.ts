import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "../../identity/schema";
import { application } from "../schema";
import type { AttachmentKind } from "./model";

/**
 * An attachment of an application. The file is in the file store under `storageKey` (a random
 * id, never the uploaded name). An attachment removed from a draft after it was part of a
 * submission keeps its row (`removedAt`) and its file, because the submitted snapshot refers to
 * it by SHA-256; one never submitted is deleted with its file.
 */
export const applicationAttachment = pgTable(
  "application_attachment",
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => application.id, { onDelete: "cascade" }),
    kind: text().$type<AttachmentKind>().notNull(),
    description: text().notNull().default(""),
    fileName: text().notNull(),
    mediaType: text().notNull(),
    sizeBytes: bigint({ mode: "number" }).notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    uploadedBy: text()
      .notNull()
      .references(() => user.id),
    uploadedAt: timestamp({ withTimezone: true }).notNull(),
    removedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.applicationId), index().on(t.sha256)],
);
