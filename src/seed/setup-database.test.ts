import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { count, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrlFor } from "../../test/support/global-setup";
import { type DatabaseHandle, openDatabase } from "../db/client";
import { migrateDatabase, migrationsFolder, setupLockKey, withSetupLock } from "../db/migrate";
import { organisation } from "../directory/schema";
import { setupDatabase } from "./setup-database";

// Several app processes (or `npm run setup` next to a starting server) on one fresh PostgreSQL
// database: setup and migrations take an advisory lock, so they run one after the other and leave
// one consistent database. Each setup gets its own pool, as a separate process would; the lock
// lives in the database, so separate pools race exactly as separate processes do. PostgreSQL
// only: PGlite's folder is opened by one process at a time (pglite-folder-lock.test.ts).
const databaseUrl = process.env.DATABASE_URL;
const run = promisify(execFile);

describe.skipIf(!databaseUrl)("setup with many processes on one PostgreSQL database", () => {
  const name = `innovet_setup_${randomBytes(6).toString("hex")}`;
  let admin: pg.Client;
  let url: string;
  const handles: DatabaseHandle[] = [];
  const open = async () => {
    const handle = await openDatabase({ databaseUrl: url });
    handles.push(handle);
    return handle;
  };

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    url = databaseUrlFor(databaseUrl as string, name);
  });
  afterAll(async () => {
    for (const handle of handles) await handle.close();
    await admin?.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin?.end();
  });

  it("lets four concurrent setups and two server warm-ups all succeed, seeding the demo world once", async () => {
    const setups = await Promise.all(
      Array.from({ length: 4 }, async () => setupDatabase(await open(), { demo: true })),
    );
    // The server's warm-up migrates under the same lock; started alongside, it waits its turn.
    await Promise.all([migrateDatabase(await open()), migrateDatabase(await open())]);

    expect(setups.filter((s) => s.demo?.seeded)).toHaveLength(1);
    const seeded = setups.find((s) => s.demo?.seeded)?.demo;
    const db = (handles[0] as DatabaseHandle).db;
    const [organisations] = await db.select({ n: count() }).from(organisation);
    expect(organisations?.n).toBe(seeded?.organisations);
    // Every migration recorded exactly once.
    const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8"));
    const applied = await db.execute(
      sql`select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash`,
    );
    expect(applied.rows).toHaveLength(journal.entries.length);
    expect(applied.rows.every((r) => r.n === 1)).toBe(true);
    // Four setups in turn, the first seeding the whole demo world: more than the default 30 s.
  }, 180_000);

  it("lets three `npm run setup` processes started together all succeed on a fresh database", async () => {
    await admin.query(`CREATE DATABASE "${name}_cli"`);
    try {
      const { DATABASE_URL: _url, BASE_URL: _base, ...env } = process.env;
      // Without the demo world (its 150 demo materials take minutes on a loaded machine): what
      // races here is the migrations, which without the lock fail on a duplicate type.
      const cli = databaseUrlFor(url, `${name}_cli`);
      const outputs = await Promise.all(
        Array.from({ length: 3 }, () =>
          run(resolve("node_modules/.bin/tsx"), ["scripts/setup.ts"], {
            env: { ...env, DATABASE_URL: cli, SEED_DEMO: "false" },
            timeout: 180_000,
          }).then((r) => r.stdout),
        ),
      );
      expect(outputs.every((o) => o.includes("Database ready (PostgreSQL server)"))).toBe(true);
      const check = new pg.Client({ connectionString: cli });
      await check.connect();
      try {
        const { rows } = await check.query(
          "select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash",
        );
        expect(rows.length).toBeGreaterThan(20);
        expect(rows.every((r) => r.n === 1)).toBe(true);
      } finally {
        await check.end();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}_cli" WITH (FORCE)`);
    }
    // Separate processes each compile the project and set up in turn: more than the default 30 s.
  }, 240_000);

  it("makes a second setup wait while one holds the lock", async () => {
    const holder = await open();
    const waiter = await open();
    const order: string[] = [];
    let release: () => void = () => {};
    const held = withSetupLock(holder, async () => {
      order.push("first starts");
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      order.push("first ends");
    });
    await expect.poll(() => order).toEqual(["first starts"]);
    const waiting = withSetupLock(waiter, async () => void order.push("second runs"));
    // The waiting session shows up in pg_locks as an ungranted advisory lock on our key.
    await expect
      .poll(async () => {
        const { rows } = await admin.query(
          `select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
           where l.locktype = 'advisory' and not l.granted and d.datname = $1
             and ((l.classid::bigint << 32) | l.objid::bigint) = $2`,
          [name, setupLockKey],
        );
        return rows[0].n;
      })
      .toBe(1);
    expect(order).toEqual(["first starts"]);
    release();
    await Promise.all([held, waiting]);
    expect(order).toEqual(["first starts", "first ends", "second runs"]);
  });
});
