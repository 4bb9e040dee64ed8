import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/client";
import { setupDatabase } from "../../src/seed/setup-database";
import { type TemplateLocations, type TemplateName, templateNames } from "./templates";

// Builds each template once per test run: migrated, with reference data, and (for "demo") the
// full demo world. Test files copy a template instead of migrating and seeding themselves.

async function buildPglite(dir: string): Promise<TemplateLocations> {
  const byName = {} as Record<TemplateName, string>;
  for (const name of templateNames) {
    const handle = await openDatabase({ pgliteDir: "memory://" });
    await setupDatabase(handle, { demo: name === "demo" });
    const dump = await handle.pglite?.dumpDataDir("gzip");
    if (!dump) throw new Error("PGlite dump failed");
    const file = join(dir, `${name}.tar.gz`);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await handle.close();
    byName[name] = file;
  }
  return { kind: "pglite", byName };
}

export function databaseUrlFor(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function buildPostgres(
  databaseUrl: string,
  runId: string,
): Promise<{
  locations: TemplateLocations;
  drop: () => Promise<void>;
}> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const byName = {} as Record<TemplateName, string>;
  for (const name of templateNames) {
    const database = `innovet_tpl_${runId}_${name}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    const handle = await openDatabase({ databaseUrl: databaseUrlFor(databaseUrl, database) });
    await setupDatabase(handle, { demo: name === "demo" });
    await handle.close();
    byName[name] = database;
  }
  return {
    locations: { kind: "postgres", byName },
    drop: async () => {
      // Test databases copied from a template are dropped by their own test file.
      for (const database of Object.values(byName))
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export default async function globalSetup(project: TestProject) {
  const runId = randomBytes(4).toString("hex");
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const { locations, drop } = await buildPostgres(databaseUrl, runId);
    project.provide("templates", locations);
    return drop;
  }
  const dir = join(tmpdir(), `innovet-test-${runId}`);
  mkdirSync(dir, { recursive: true });
  project.provide("templates", await buildPglite(dir));
  return () => rmSync(dir, { recursive: true, force: true });
}
