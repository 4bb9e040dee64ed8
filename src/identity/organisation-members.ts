import { asc, eq } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import { directoryPolicy } from "../directory/policy";
import type { Actor } from "./actor";
import type { Role } from "./roles";
import { membership, user } from "./schema";

// The people of an organisation with their roles there, for its directory page: only for those
// the directory's policy lets see them (null for everyone else).

export interface OrganisationMember {
  userId: string;
  name: string;
  email: string;
  active: boolean;
  roles: Role[];
}

export async function readOrganisationMembers(
  db: DbExecutor,
  organisationId: string,
  actor: Actor | null,
): Promise<OrganisationMember[] | null> {
  if (!directoryPolicy.viewOrganisationMembers(actor, { organisationId })) return null;
  const rows = await db
    .select({
      userId: user.id,
      name: user.name,
      email: user.email,
      active: user.active,
      role: membership.role,
    })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(eq(membership.organisationId, organisationId))
    .orderBy(asc(user.name), asc(membership.role));
  const byPerson = new Map<string, OrganisationMember>();
  for (const m of rows) {
    const person = byPerson.get(m.userId) ?? {
      userId: m.userId,
      name: m.name,
      email: m.email,
      active: m.active,
      roles: [],
    };
    person.roles.push(m.role);
    byPerson.set(m.userId, person);
  }
  return [...byPerson.values()];
}
