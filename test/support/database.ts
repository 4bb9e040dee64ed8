import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client";
import type { Actor } from "../../src/identity/actor";
import { loadActor } from "../../src/identity/load-actor";
import { user } from "../../src/identity/schema";
import { databaseUrlFor } from "./global-setup";
import type { TemplateName } from "./templates";

/**
 * A fresh database for one test file, copied from a template built by the global setup:
 * "reference" holds the schema and reference data, "demo" also the whole demo world.
 * On PostgreSQL it is a new database (CREATE DATABASE … TEMPLATE), dropped on close.
 */
export async function openTestDatabase(template: TemplateName = "demo"): Promise<DatabaseHandle> {
  const templates = inject("templates");
  const source = templates.byName[template];
  if (templates.kind === "pglite") {
    const dump = new Blob([readFileSync(source)]);
    return openDatabase({ pgliteDir: "memory://", loadDataDir: dump });
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("PostgreSQL templates without DATABASE_URL");
  const name = `innovet_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`);
  const handle = await openDatabase({ databaseUrl: databaseUrlFor(databaseUrl, name) });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The Actor of a seeded person, by e-mail address (see demoAccounts). */
export async function actorByEmail(handle: DatabaseHandle, email: string): Promise<Actor> {
  const [person] = await handle.db.select({ id: user.id }).from(user).where(eq(user.email, email));
  if (!person) throw new Error(`No person ${email}`);
  const actor = await loadActor(handle.db, person.id);
  if (!actor) throw new Error(`Person ${email} is not active`);
  return actor;
}

/** The demo world of a test file or describe block: its database and the people who act in it. */
export interface DemoWorld {
  handle: DatabaseHandle;
  /** The platform administrator. */
  admin: Actor;
  /** A school coordinator, a member of one demo school. */
  coordinator: Actor;
}

/**
 * Opens a fresh copy of the demo world before the tests of the enclosing file or describe block
 * and closes it after them. The fields are filled in by beforeAll, so read them inside tests and
 * hooks, never while the tests are being collected.
 */
export function setUpDemoWorld(): DemoWorld {
  const world = {} as DemoWorld;
  beforeAll(async () => {
    world.handle = await openTestDatabase("demo");
    world.admin = await actorByEmail(world.handle, "admin@demo.innovet.test");
    world.coordinator = await actorByEmail(world.handle, "coordinator@demo.innovet.test");
  });
  afterAll(async () => {
    await world.handle?.close();
  });
  return world;
}
