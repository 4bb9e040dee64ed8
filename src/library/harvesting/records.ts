import { and, asc, count, eq, isNotNull, max, min, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { application } from "../../applications/schema";
import type { DbExecutor } from "../../db/client";
import { organisation } from "../../directory/schema";
import type { VersionRow } from "../locked-version";
import { type PublicRelation, publicRelationsOf } from "../related-materials";
import { material, materialRelation, materialVersion } from "../schema";

// The harvestable items and their datestamps, read straight from the library's tables. An item
// is a material that has ever been published (it has a current version); a withdrawn material is
// a deleted record for good. Its datestamp is when its public record last changed: the
// publication of its current version, a later withdrawal of another version that made an older
// one current again, or the withdrawal of the whole material; and, since a record shows its
// relations both ways with the related material's title, a relation added or taken back
// (`material.relations_changed_at`, set on both ends) and any such change of a related material
// (its publication, a withdrawal: what can change its title or hide the relation). A deleted
// record keeps its withdrawal as datestamp. Timestamps are cut to whole seconds, the repository's
// granularity, so that `from` and `until` select exactly what the headers show.

/** What selects a list: the set and the inclusive date bounds (already in UTC). */
export interface ItemQuery {
  set?: string;
  from?: Date;
  until?: Date;
  /** Records whose public record changed after this moment are left to the next harvest. */
  asOf?: Date;
  /** Keyset position: only items after this (datestamp, id). */
  after?: { at: Date; id: string };
}

export interface HarvestItem {
  id: string;
  datestamp: Date;
  deleted: boolean;
  applicationId: string | null;
  organisationName: string | null;
  /** The current version (for a deleted record, the version that was withdrawn last). */
  version: VersionRow;
  /** The public relations, both ways (none for a deleted record). */
  relations: PublicRelation[];
}

const lastWithdrawal = (db: DbExecutor) =>
  db
    .select({
      materialId: materialVersion.materialId,
      at: max(materialVersion.withdrawnAt).as("at"),
    })
    .from(materialVersion)
    .groupBy(materialVersion.materialId)
    .as("last_withdrawal");

/** Set specs are `domein[:<1-8>]`, `transitie[:<1-7>]` and `project[:<application id>]`. */
export function setCondition(spec: string): SQL | null {
  if (spec === "domein") return sql`cardinality(${materialVersion.studyDomains}) > 0`;
  if (spec === "transitie") return sql`cardinality(${materialVersion.transitionAreas}) > 0`;
  if (spec === "project") return isNotNull(material.applicationId);
  const [kind, value, ...rest] = spec.split(":");
  if (rest.length > 0 || !value) return null;
  if (kind === "domein" && /^[1-8]$/.test(value))
    return sql`${value} = ANY(${materialVersion.studyDomains})`;
  if (kind === "transitie" && /^[1-7]$/.test(value))
    return sql`${value} = ANY(${materialVersion.transitionAreas})`;
  if (
    kind === "project" &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)
  )
    return eq(material.applicationId, value);
  return null;
}

// Aliases for the related material's rows inside the subquery (spelt out there too: an alias
// interpolated in raw SQL is only its name).
const related = alias(material, "related");
const relatedVersion = alias(materialVersion, "related_version");
const relatedWithdrawal = alias(materialVersion, "related_withdrawal");

/**
 * The latest change of any material related to this one, either way, that can change this one's
 * record: the related material's own datestamp (publication, a version's or its withdrawal).
 */
const relatedChange = sql`(
  select max(coalesce(${related.withdrawnAt}, greatest(${relatedVersion.publishedAt}, (
    select max(${relatedWithdrawal.withdrawnAt}) from ${materialVersion} as "related_withdrawal"
    where ${relatedWithdrawal.materialId} = ${related.id}))))
  from (
    select ${materialRelation.toMaterialId} as other from ${materialRelation}
    where ${materialRelation.fromMaterialId} = ${material.id}
    union all
    select ${materialRelation.fromMaterialId} from ${materialRelation}
    where ${materialRelation.toMaterialId} = ${material.id}
  ) as relation_end
  join ${material} as "related" on ${related.id} = relation_end.other
  join ${materialVersion} as "related_version" on ${relatedVersion.id} = ${related.currentVersionId}
)`;

function timestamp(date: Date): SQL {
  return sql`${date.toISOString()}::timestamptz`;
}

function selection(db: DbExecutor, query: ItemQuery) {
  const withdrawals = lastWithdrawal(db);
  const exact = sql<Date>`coalesce(${material.withdrawnAt}, greatest(${materialVersion.publishedAt}, ${withdrawals.at}, ${material.relationsChangedAt}, ${relatedChange}))`;
  const datestamp = sql<Date>`date_trunc('second', ${exact})`;
  const conditions: Array<SQL | undefined> = [isNotNull(material.currentVersionId)];
  if (query.set !== undefined) conditions.push(setCondition(query.set) ?? sql`false`);
  if (query.from) conditions.push(sql`${datestamp} >= ${timestamp(query.from)}`);
  if (query.until) conditions.push(sql`${datestamp} <= ${timestamp(query.until)}`);
  if (query.asOf) conditions.push(sql`${exact} <= ${timestamp(query.asOf)}`);
  if (query.after)
    conditions.push(
      sql`(${datestamp}, ${material.id}) > (${timestamp(query.after.at)}, ${query.after.id}::uuid)`,
    );
  return { withdrawals, datestamp, where: and(...conditions) };
}

function selectItems(db: DbExecutor, query: ItemQuery, only?: SQL) {
  const { withdrawals, datestamp, where } = selection(db, query);
  return db
    .select({
      id: material.id,
      datestamp: datestamp.mapWith((v: string | Date) => new Date(v)),
      withdrawnAt: material.withdrawnAt,
      applicationId: material.applicationId,
      organisationName: organisation.name,
      version: materialVersion,
    })
    .from(material)
    .innerJoin(materialVersion, eq(materialVersion.id, material.currentVersionId))
    .leftJoin(withdrawals, eq(withdrawals.materialId, material.id))
    .leftJoin(organisation, eq(organisation.id, material.organisationId))
    .where(and(where, only))
    .orderBy(asc(datestamp), asc(material.id));
}

type ItemRow = Awaited<ReturnType<typeof selectItems>>[number];

/** The items of rows, with the public relations of those that are not deleted. */
async function toItems(db: DbExecutor, rows: ItemRow[]): Promise<HarvestItem[]> {
  const relations = await publicRelationsOf(
    db,
    rows.filter((r) => r.withdrawnAt === null).map((r) => r.id),
  );
  return rows.map((row) => toItem(row, relations.get(row.id) ?? []));
}

function toItem(row: ItemRow, relations: PublicRelation[]): HarvestItem {
  return {
    id: row.id,
    datestamp: row.datestamp,
    deleted: row.withdrawnAt !== null,
    applicationId: row.applicationId,
    organisationName: row.organisationName,
    version: row.version,
    relations: row.withdrawnAt === null ? relations : [],
  };
}

/** One page of items in (datestamp, id) order. */
export async function listItems(
  db: DbExecutor,
  query: ItemQuery,
  limit: number,
): Promise<HarvestItem[]> {
  return toItems(db, await selectItems(db, query).limit(limit));
}

/** How many items a query selects (without its keyset position): the completeListSize. */
export async function countItems(db: DbExecutor, query: ItemQuery): Promise<number> {
  const { withdrawals, where } = selection(db, { ...query, after: undefined });
  const [row] = await db
    .select({ n: count() })
    .from(material)
    .innerJoin(materialVersion, eq(materialVersion.id, material.currentVersionId))
    .leftJoin(withdrawals, eq(withdrawals.materialId, material.id))
    .where(where);
  return row?.n ?? 0;
}

/** One item by its material id, or null when it was never published. */
export async function getItem(db: DbExecutor, materialId: string): Promise<HarvestItem | null> {
  const [item] = await toItems(db, await selectItems(db, {}, eq(material.id, materialId)));
  return item ?? null;
}

/** The first publication ever: a lower bound of every datestamp (they only move later). */
export async function earliestDatestamp(db: DbExecutor): Promise<Date | null> {
  const [row] = await db
    .select({ at: min(materialVersion.publishedAt) })
    .from(materialVersion)
    .where(isNotNull(materialVersion.publishedAt));
  if (!row?.at) return null;
  const at = new Date(row.at);
  at.setUTCMilliseconds(0);
  return at;
}

/** The projects that produced harvestable materials, with their titles, for ListSets. */
export async function producingProjects(
  db: DbExecutor,
): Promise<Array<{ id: string; title: string }>> {
  return db
    .selectDistinct({ id: application.id, title: application.title })
    .from(material)
    .innerJoin(application, eq(application.id, material.applicationId))
    .where(isNotNull(material.currentVersionId))
    .orderBy(asc(application.id));
}
