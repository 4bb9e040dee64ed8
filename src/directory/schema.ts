import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisationKinds, umbrellaOrganisations } from "./model";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** Provinces and the Brussels-Capital Region (reference data, loaded from src/directory/reference-data). */
export const province = pgTable("province", {
  code: text().primaryKey(),
  nis: text().notNull().unique(),
  nameNl: text().notNull(),
  nameEn: text().notNull(),
  nuts: text().notNull(),
  rtcRegion: text().notNull(),
});

/**
 * Municipalities (gemeenten) with a validity period: the 1 January 2025 mergers end a municipality
 * (valid_to) and name its successor, so an address in an old municipality resolves to the new one.
 */
export const municipality = pgTable(
  "municipality",
  {
    nis: text().primaryKey(),
    nameNl: text().notNull(),
    nameFr: text(),
    provinceCode: text()
      .notNull()
      .references(() => province.code),
    arrondissementNis: text(),
    population: integer().notNull(),
    latitude: doublePrecision().notNull(),
    longitude: doublePrecision().notNull(),
    validFrom: date().notNull(),
    validTo: date(),
    successorNis: text(),
  },
  (t) => [index().on(t.provinceCode)],
);

/** Studierichtingen, keyed by (code, graad): the same code can exist in two graden. */
export const studyProgramme = pgTable(
  "study_programme",
  {
    code: text().notNull(),
    stage: text().notNull(),
    name: text().notNull(),
    finality: text(),
    domain: text(),
    educationForms: text().array().notNull(),
    dual: boolean().notNull().default(false),
    seventhYear: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.code, t.stage] }), index().on(t.domain), index().on(t.finality)],
);

export const organisationKindEnum = pgEnum("organisation_kind", organisationKinds);
export const umbrellaEnum = pgEnum("umbrella_organisation", umbrellaOrganisations);

/** Every organisation in the network: schools, partners of every type, and the Department. */
export const organisation = pgTable(
  "organisation",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: organisationKindEnum().notNull(),
    name: text().notNull(),
    /** instellingsnummer, schools only. */
    institutionNumber: text().unique(),
    /** KBO/CBE ondernemingsnummer, 10 digits, modulo-97 checked. */
    enterpriseNumber: text().unique(),
    umbrella: umbrellaEnum(),
    /** RTCs only: the RTC region the centre serves. */
    rtcRegion: text(),
    street: text(),
    postalCode: text(),
    municipalityNis: text().references(() => municipality.nis),
    website: text(),
    email: text(),
    phone: text(),
    description: text(),
    /** Optimistic concurrency: every update increments it; a stale form is refused. */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    searchText: tsvector().generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(institution_number, '') || ' ' || coalesce(enterprise_number, ''))`,
    ),
  },
  (t) => [
    index().on(t.kind),
    index().on(t.municipalityNis),
    index("organisation_search_gin").using("gin", t.searchText),
    index("organisation_name_trgm").using("gin", t.name.op("gin_trgm_ops")),
    check(
      "school_has_institution_number",
      sql`${t.kind} <> 'school' OR ${t.institutionNumber} IS NOT NULL`,
    ),
  ],
);

/** A school's vestigingsplaats: instellingsnummer + vestigingsnummer. */
export const site = pgTable(
  "site",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    siteNumber: integer().notNull(),
    name: text().notNull(),
    street: text(),
    postalCode: text(),
    municipalityNis: text()
      .notNull()
      .references(() => municipality.nis),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organisationId, t.siteNumber), index().on(t.municipalityNis)],
);

/** The study programmes a site offers. */
export const siteProgramme = pgTable(
  "site_programme",
  {
    siteId: uuid()
      .notNull()
      .references(() => site.id, { onDelete: "cascade" }),
    programmeCode: text().notNull(),
    programmeStage: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.programmeCode, t.programmeStage] }),
    index().on(t.programmeCode, t.programmeStage),
  ],
);
