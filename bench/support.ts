// Shared by the benchmarks: prepared databases (PGlite folder or fresh PostgreSQL database, both
// set up with the full demo world), the checks every timed call's answer goes through, and small
// statistics helpers.
import { rmSync } from "node:fs";
import pg from "pg";
import { openDatabase } from "../src/db/client";
import { setupDatabase } from "../src/seed/setup-database";

export const postgresAdminUrl =
  process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface PreparedDatabase {
  label: string;
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export async function preparePglite(dir: string): Promise<PreparedDatabase> {
  rmSync(dir, { recursive: true, force: true });
  const handle = await openDatabase({ pgliteDir: dir });
  await setupDatabase(handle, { demo: true });
  await handle.close();
  return {
    label: "PGlite",
    env: { PGLITE_DIR: dir },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh database on the PostgreSQL server, or null when no server answers. */
/**
 * A fresh database on the PostgreSQL server, or null when no server answers. `keep`: an existing
 * database of that name is reused (brought to the current schema) and left in place afterwards,
 * so a benchmark can be rerun without generating its data again.
 */
export async function preparePostgres(
  name: string,
  options: { keep?: boolean } = {},
): Promise<PreparedDatabase | null> {
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  try {
    await admin.connect();
  } catch {
    console.log(`(no PostgreSQL server at ${postgresAdminUrl}: PostgreSQL variant skipped)`);
    return null;
  }
  const exists =
    (await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1;
  if (!(options.keep && exists)) {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  }
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  await setupDatabase(handle, { demo: !(options.keep && exists) });
  await handle.close();
  return {
    label: "PostgreSQL",
    env: { DATABASE_URL: url.toString() },
    dispose: async () => {
      if (options.keep) return void (await admin.end());
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A benchmark whose timed call gave a wrong answer: its figures mean nothing. */
export class WrongAnswer extends Error {
  override name = "WrongAnswer";
}

/**
 * Fails the benchmark, loudly and at once, when a timed call's answer is wrong: a broken query
 * that returns nothing, or a page that answers 500, is fast, and must not pass for a result.
 */
export function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new WrongAnswer(`wrong answer, the figures are void: ${what}`);
}

/** Reads a response's body after checking its status. */
export async function checkedText(response: Response, status: number, what: string) {
  const body = await response.text();
  check(response.status === status, `${what}: HTTP ${response.status}, want ${status}`);
  return body;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export function printTable(rows: Array<Record<string, string | number>>) {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(line(columns));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(columns.map((c) => String(row[c]))));
}
