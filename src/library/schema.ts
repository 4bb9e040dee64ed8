import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { application } from "../applications/schema";
import { organisation } from "../directory/schema";
import { user } from "../identity/schema";
import {
  type MaterialAuthor,
  type MaterialLink,
  type Maturity,
  maturities,
  relationKinds,
  replicationStates,
  versionStates,
} from "./model";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const materialVersionStateEnum = pgEnum("material_version_state", versionStates);
export const materialMaturityEnum = pgEnum("material_maturity", maturities);
export const materialRelationKindEnum = pgEnum("material_relation_kind", relationKinds);
export const replicationStateEnum = pgEnum("replication_report_state", replicationStates);

/**
 * A learning material in the commons: the lasting identity that versions belong to, who made it
 * (a person, for an organisation), and optionally the InnoVET application that produced it.
 * Its content lives in its versions.
 */
export const material = pgTable(
  "material",
  {
    id: uuid().primaryKey().defaultRandom(),
    createdBy: text()
      .notNull()
      .references(() => user.id),
    organisationId: uuid().references(() => organisation.id),
    applicationId: uuid().references(() => application.id),
    /** The version shown by default: the latest published one (null until one is published). */
    currentVersionId: uuid().references((): AnyPgColumn => materialVersion.id),
    /** Set when the whole material was withdrawn: it stays reachable as a tombstone. */
    withdrawnAt: timestamp({ withTimezone: true }),
    withdrawalReason: text(),
    /**
     * When a relation from or to this material was last added or taken back: it changes what the
     * material's harvested record says (ADR 0015), so the record's datestamp moves with it.
     */
    relationsChangedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId), index().on(t.applicationId)],
);

/**
 * One version of a material, with its own metadata and files. A version is edited only while it
 * is with its authors (draft, changes requested); from submission on its content is fixed, and a
 * published version never changes (a trigger refuses it, migration for the library). A new version
 * is a new row: what an earlier version said stays as it was.
 */
export const materialVersion = pgTable(
  "material_version",
  {
    id: uuid().primaryKey().defaultRandom(),
    materialId: uuid()
      .notNull()
      .references((): AnyPgColumn => material.id),
    /** 1, 2, 3 … within the material. */
    number: integer().notNull(),
    state: materialVersionStateEnum().notNull().default("draft"),
    title: text().notNull(),
    description: text().notNull().default(""),
    keywords: text().array().notNull().default([]),
    language: text().notNull().default("nl"),
    licence: text().notNull(),
    authors: jsonb().$type<MaterialAuthor[]>().notNull().default([]),
    links: jsonb().$type<MaterialLink[]>().notNull().default([]),
    studyDomains: text().array().notNull().default([]),
    finalities: text().array().notNull().default([]),
    educationForms: text().array().notNull().default([]),
    grades: text().array().notNull().default([]),
    /** Codes of the study programmes catalogue. */
    programmeCodes: text().array().notNull().default([]),
    /** VKS (Vlaamse kwalificatiestructuur) levels 1 to 8. */
    qualificationLevels: integer().array().notNull().default([]),
    transitionAreas: text().array().notNull().default([]),
    changeLevels: text().array().notNull().default([]),
    resourceTypes: text().array().notNull().default([]),
    audiences: text().array().notNull().default([]),
    accessibilityFeatures: text().array().notNull().default([]),
    timeRequiredMinutes: integer(),
    maturity: materialMaturityEnum().$type<Maturity>().notNull().default("prototype"),
    maturityEvidence: text().notNull().default(""),
    /** What changed since the previous version, in the authors' words. */
    changeNote: text().notNull().default(""),
    /** Why a published version was withdrawn. */
    withdrawalReason: text(),
    createdBy: text()
      .notNull()
      .references(() => user.id),
    submittedAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    publishedBy: text().references(() => user.id),
    withdrawnAt: timestamp({ withTimezone: true }),
    /** Optimistic concurrency while the version is edited. */
    revision: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * Text found for search beyond the metadata: the text extracted from the version's files,
     * refreshed whenever a file is added or removed (weight C in the search vector, ADR 0018).
     */
    searchText: text().notNull().default(""),
    /**
     * The parts of the compounds in the title, keywords, description and search text
     * (`verbrandingsmotor`: `verbranding motor`), split with the Dutch dictionary when the
     * version is written (compound-words.ts; weight D, ADR 0026). Null until computed: rows
     * older than the column are filled at start-up.
     */
    searchParts: text(),
    /** The weighted Dutch search document (functions of migrations 0018 and 0021). */
    searchVector: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql`library_search_vector(title, keywords, description, search_text, search_parts)`,
      ),
    /**
     * Whether this is a public version: its material's current one, published, the material not
     * withdrawn. Kept by the triggers of migration 0022 (ADR 0026), so the search reads one
     * table instead of joining every match to its material.
     */
    isPublic: boolean().notNull().default(false),
    /** Title and keywords folded to lower case without accents, for trigram typo matching. */
    searchWords: text().notNull().generatedAlwaysAs(sql`library_search_words(title, keywords)`),
  },
  (t) => [
    uniqueIndex().on(t.materialId, t.number),
    index().on(t.state),
    index().on(t.publishedAt),
    index("material_version_public_newest")
      .on(t.publishedAt.desc(), t.materialId)
      .where(sql`is_public`),
    index("material_version_search_gin").using("gin", t.searchVector),
    index("material_version_words_trgm").using("gin", t.searchWords.op("gin_trgm_ops")),
  ],
);

/** A moderation step of a version: who moved it from which state to which, with a note. */
export const moderationEvent = pgTable(
  "material_moderation_event",
  {
    id: uuid().primaryKey().defaultRandom(),
    versionId: uuid()
      .notNull()
      .references(() => materialVersion.id),
    fromState: materialVersionStateEnum().notNull(),
    toState: materialVersionStateEnum().notNull(),
    note: text().notNull().default(""),
    actorId: text()
      .notNull()
      .references(() => user.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.versionId)],
);

/** A relation of a material to another: is part of, is based on, references. */
export const materialRelation = pgTable(
  "material_relation",
  {
    fromMaterialId: uuid()
      .notNull()
      .references(() => material.id),
    kind: materialRelationKindEnum().notNull(),
    toMaterialId: uuid()
      .notNull()
      .references(() => material.id),
  },
  // The index serves the other direction: what relates to a material (LOM's inverse kinds).
  (t) => [
    primaryKey({ columns: [t.fromMaterialId, t.kind, t.toMaterialId] }),
    index().on(t.toMaterialId),
  ],
);

/**
 * Views and downloads per material and day: counted without storing who (no personal data, no
 * address, no cookie), as the issue asks.
 */
export const materialUsageDay = pgTable(
  "material_usage_day",
  {
    materialId: uuid()
      .notNull()
      .references(() => material.id),
    day: date({ mode: "string" }).notNull(),
    views: bigint({ mode: "number" }).notNull().default(0),
    downloads: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.materialId, t.day] })],
);

/**
 * A file of a version (a document, slides, video, image, archive), stored through the file store
 * under `storageKey`; checked by its content when uploaded. The text inside (PDF, DOCX, PPTX,
 * ODT) is kept for search. A new version gets its own rows, pointing to the same stored bytes.
 */
export const materialFile = pgTable(
  "material_file",
  {
    id: uuid().primaryKey().defaultRandom(),
    versionId: uuid()
      .notNull()
      .references(() => materialVersion.id),
    name: text().notNull(),
    contentType: text().notNull(),
    size: bigint({ mode: "number" }).notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    extractedText: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.versionId)],
);

/**
 * A school's report that it used a material: where, with how many pupils and teachers, what it
 * adapted and how it went, with optional evidence. Moderated before it shows on the material's
 * page; a published report from another school makes the material "replicated elsewhere".
 */
export const replicationReport = pgTable(
  "replication_report",
  {
    id: uuid().primaryKey().defaultRandom(),
    materialId: uuid()
      .notNull()
      .references(() => material.id),
    /** The version the school used, when it says so. */
    versionId: uuid().references(() => materialVersion.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    programmeCode: text(),
    pupils: integer().notNull(),
    teachers: integer().notNull(),
    adaptations: text().notNull().default(""),
    experience: text().notNull(),
    evidenceUrl: text(),
    state: replicationStateEnum().notNull().default("submitted"),
    moderationNote: text().notNull().default(""),
    createdBy: text()
      .notNull()
      .references(() => user.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    moderatedBy: text().references(() => user.id),
    moderatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.materialId, t.state)],
);

/**
 * How many public current versions hold each facet value (`total`/`""`: how many there are): the
 * counts of the commons' front page, the search without words or filters, kept by statement
 * triggers on material and material_version (migration 0022, ADR 0026) instead of counting
 * every public version at every visit.
 */
export const libraryFacetCount = pgTable(
  "library_facet_count",
  {
    facet: text().notNull(),
    value: text().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.facet, t.value] })],
);
