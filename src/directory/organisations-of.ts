import { inArray } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import { organisation } from "./schema";

/** Names and kinds of a set of organisations (e.g. a person's memberships). */
export async function organisationsByIds(db: DbExecutor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: organisation.id, name: organisation.name, kind: organisation.kind })
    .from(organisation)
    .where(inArray(organisation.id, ids));
}
