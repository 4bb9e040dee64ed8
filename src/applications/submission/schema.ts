import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { user } from "../../identity/schema";
import { application } from "../schema";
import type { SubmissionSnapshot } from "./dossier";

/**
 * A submission of an application: the immutable snapshot of exactly what was submitted and its
 * SHA-256 fingerprint. A trigger refuses UPDATE and DELETE (migration 0008). A withdrawn and
 * reopened application that is submitted again gets the next sequence number; earlier
 * submissions stay as they were. `requestKey` comes from the submit form: a second click of the
 * same form finds the first submission instead of making another (idempotent submission).
 */
export const applicationSubmission = pgTable(
  "application_submission",
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => application.id),
    sequence: integer().notNull(),
    requestKey: uuid().notNull(),
    submittedAt: timestamp({ withTimezone: true }).notNull(),
    submittedBy: text()
      .notNull()
      .references(() => user.id),
    snapshot: jsonb().$type<SubmissionSnapshot>().notNull(),
    /** SHA-256 (hex) of the canonical JSON of the snapshot. */
    fingerprint: text().notNull(),
  },
  (t) => [
    unique().on(t.applicationId, t.sequence),
    unique().on(t.applicationId, t.requestKey),
    index().on(t.submittedAt),
  ],
);

/**
 * The stored PDF of a submission (ADR 0024): rendered once by the submissionReceipt job after the
 * submission committed, kept in the file store under `fileKey`, served as it is by every download.
 * At most one per submission; written once, never changed (like the snapshot it prints).
 */
export const submissionReceipt = pgTable("submission_receipt", {
  submissionId: uuid()
    .primaryKey()
    .references(() => applicationSubmission.id),
  /** The file store's key (random, ADR 0016). */
  fileKey: text().notNull(),
  byteSize: integer().notNull(),
  /** SHA-256 (hex) of the PDF's bytes, to check the stored file against. */
  sha256: text().notNull(),
  /** The language it was rendered in: the submitter's. */
  locale: text().notNull(),
  renderedAt: timestamp({ withTimezone: true }).notNull(),
});
