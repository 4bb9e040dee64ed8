import { asc, count, eq, ilike, inArray, or } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import { organisation } from "../directory/schema";
import type { Role } from "./roles";
import { membership, user } from "./schema";

// Read queries for the people administration pages (not use cases: they change nothing).

export interface PersonMembership {
  id: string;
  organisationId: string;
  organisationName: string;
  role: Role;
}

export interface PersonSummary {
  id: string;
  name: string;
  email: string;
  active: boolean;
  memberships: PersonMembership[];
}

export interface PeoplePage {
  people: PersonSummary[];
  total: number;
  page: number;
  pages: number;
}

/** A LIKE pattern that matches the text literally anywhere. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Memberships with the name of their organisation, as the people pages show them and the audit
 * log records a revoked one; the caller adds the where clause.
 */
export function selectMembershipsWithOrganisation(db: DbExecutor) {
  return db
    .select({
      id: membership.id,
      userId: membership.userId,
      organisationId: membership.organisationId,
      organisationName: organisation.name,
      role: membership.role,
    })
    .from(membership)
    .innerJoin(organisation, eq(organisation.id, membership.organisationId));
}

async function membershipsOf(db: DbExecutor, userIds: string[]) {
  const byUser = new Map<string, PersonMembership[]>();
  if (userIds.length === 0) return byUser;
  const rows = await selectMembershipsWithOrganisation(db)
    .where(inArray(membership.userId, userIds))
    .orderBy(asc(organisation.name), asc(membership.role));
  for (const { userId, ...m } of rows) byUser.set(userId, [...(byUser.get(userId) ?? []), m]);
  return byUser;
}

/** People by name or e-mail address (part of either, any case), alphabetically, one page. */
export async function listPeople(
  db: DbExecutor,
  options: { query?: string; page?: number; pageSize?: number } = {},
): Promise<PeoplePage> {
  const pageSize = options.pageSize ?? 25;
  const query = options.query?.trim() ?? "";
  const where = query
    ? or(ilike(user.name, containing(query)), ilike(user.email, containing(query)))
    : undefined;
  const [counted] = await db.select({ n: count() }).from(user).where(where);
  const total = counted?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pages);
  const rows = await db
    .select({ id: user.id, name: user.name, email: user.email, active: user.active })
    .from(user)
    .where(where)
    .orderBy(asc(user.name), asc(user.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const memberships = await membershipsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    people: rows.map((r) => ({ ...r, memberships: memberships.get(r.id) ?? [] })),
    total,
    page,
    pages,
  };
}

export interface PersonDetails extends PersonSummary {
  locale: string;
  emailVerified: boolean;
  createdAt: Date;
}

/** One person with their memberships, or null. */
export async function findPerson(db: DbExecutor, userId: string): Promise<PersonDetails | null> {
  const [person] = await db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      active: user.active,
      locale: user.locale,
      emailVerified: user.emailVerified,
      createdAt: user.createdAt,
    })
    .from(user)
    .where(eq(user.id, userId));
  if (!person) return null;
  const memberships = await membershipsOf(db, [person.id]);
  return { ...person, memberships: memberships.get(person.id) ?? [] };
}
