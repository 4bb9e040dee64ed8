import { sql } from "drizzle-orm";
import { services } from "../../lib/services.server";

/** Liveness and database check for load balancers and the start-up benchmark. */
export async function loader() {
  const { database } = await services();
  await database.db.execute(sql`select 1`);
  return Response.json({ status: "ok", database: database.kind });
}
