import { and, count, eq, ne } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import { organisation, site } from "./schema";

/** The headline figures of the network for the home page. */
export async function networkFigures(db: DbExecutor) {
  const [[schools], [sites], [partners]] = await Promise.all([
    db.select({ n: count() }).from(organisation).where(eq(organisation.kind, "school")),
    db.select({ n: count() }).from(site),
    db
      .select({ n: count() })
      .from(organisation)
      .where(and(ne(organisation.kind, "school"), ne(organisation.kind, "department"))),
  ]);
  return { schools: schools?.n ?? 0, sites: sites?.n ?? 0, partners: partners?.n ?? 0 };
}
