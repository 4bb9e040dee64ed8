import { eq } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import type { Actor } from "./actor";
import { membership, user } from "./schema";

/** Builds the Actor for a signed-in person, or null when the person is unknown or deactivated. */
export async function loadActor(db: DbExecutor, userId: string): Promise<Actor | null> {
  const [person] = await db.select().from(user).where(eq(user.id, userId));
  if (!person?.active) return null;
  const memberships = await db
    .select({ organisationId: membership.organisationId, role: membership.role })
    .from(membership)
    .where(eq(membership.userId, userId));
  return { userId: person.id, name: person.name, email: person.email, memberships };
}
