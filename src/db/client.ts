import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { lockPgliteFolder } from "./pglite-folder-lock";
import * as schema from "./schema";

// One driver path for both engines (docs/decisions/0002): drizzle-orm/node-postgres over a pg.Pool
// that talks either to a PostgreSQL server (DATABASE_URL) or, in-process, to embedded PGlite
// through PGlite's node-postgres adapter (a pool of exactly one connection, so transactions
// serialise the way PGlite needs).

export type Database = NodePgDatabase<typeof schema>;
/** A transaction handle; use cases receive this, never the pool. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DbExecutor = Database | Transaction;

export interface DatabaseHandle {
  kind: "pglite" | "postgres";
  db: Database;
  pool: pg.Pool;
  /** The embedded engine, when kind is pglite (for dumps in tests). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  pgliteDir?: string;
  /** A PGlite data dump to start from (tests: a migrated template). */
  loadDataDir?: Blob | File;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server closes (a restart, a dropped test database) must not crash
    // the process: the pool replaces it on the next query.
    pool.on("error", (error) => console.warn(`Database connection closed: ${error.message}`));
    const db = drizzle({ client: pool, schema, casing: "snake_case" });
    return { kind: "postgres", db, pool, close: () => pool.end() };
  }
  const dir = options.pgliteDir ?? "memory://";
  const inMemory = dir.startsWith("memory://");
  if (!inMemory) mkdirSync(dirname(resolve(dir)), { recursive: true });
  // A folder is one process's: a second opener is refused before it reads a byte of it.
  const unlock = inMemory ? () => {} : await lockPgliteFolder(dir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(inMemory ? undefined : dir, {
      extensions: { pg_trgm },
      loadDataDir: options.loadDataDir,
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const pgConfig = createPgConfig(pglite);
  // drizzle passes a type-parser object as `types` in every query config; node-postgres ignores
  // it when serialising a Parse message, but PGlite's adapter expects an array of parameter type
  // oids and fails ("types?.forEach is not a function"), which leaves the query hanging. Only
  // arrays are passed on.
  const parse = pgConfig.connection.parse.bind(pgConfig.connection);
  pgConfig.connection.parse = (query: { types?: unknown }) =>
    parse(Array.isArray(query.types) ? query : { ...query, types: undefined });
  const pool = new pg.Pool(pgConfig as unknown as pg.PoolConfig);
  const db = drizzle({ client: pool, schema, casing: "snake_case" });
  return {
    kind: "pglite",
    db,
    pool,
    pglite,
    close: async () => {
      try {
        await pool.end();
        await pglite.close();
      } finally {
        unlock();
      }
    },
  };
}
