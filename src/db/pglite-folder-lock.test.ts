import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "./client";
import { DatabaseFolderInUseError, lockPgliteFolder } from "./pglite-folder-lock";

// One PGlite folder, one process: a second process (setup, the school import) is refused with a
// message naming the folder and the holder; the lock goes at close, and a lock left by a process
// that is gone is taken over. The second processes are real ones, spawned as an operator would.

const run = promisify(execFile);
const tsx = resolve("node_modules/.bin/tsx");
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "innovet-folder-lock-"));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** The environment of an operator's shell: PGlite in `folder`, none of Vitest's own variables. */
function childEnv(folder: string): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, BASE_URL: _base, ...env } = process.env;
  return { ...env, PGLITE_DIR: folder, SEED_DEMO: "false" };
}

/** Runs a project script in a new process on the given PGlite folder; never throws. */
async function script(
  folder: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, args, {
      env: childEnv(folder),
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** The pid of a process that has ended (so no live process has it, for now). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((r) => child.on("exit", r));
  return child.pid as number;
}

describe("a PGlite folder held by this process", () => {
  let folder: string;
  let holder: DatabaseHandle;
  beforeAll(async () => {
    folder = join(root, "held");
    holder = await openDatabase({ pgliteDir: folder });
    await holder.db.execute(sql`create table marker (note text)`);
    await holder.db.execute(sql`insert into marker values ('the holder wrote this')`);
  });
  afterAll(async () => {
    await holder?.close();
  });

  it("refuses `npm run setup` in a second process, naming the folder and the holder", async () => {
    const result = await script(folder, ["scripts/setup.ts"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`De databankmap ${resolve(folder)} is al in gebruik`);
    expect(result.stderr).toContain(`door proces ${process.pid}`);
    // The message alone: no stack trace.
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toContain("Database ready");
  });

  it("refuses the school import in a second process with exit code 3", async () => {
    const register = join(root, "register.json");
    writeFileSync(register, JSON.stringify({ schools: [] }));
    const result = await script(folder, ["scripts/import-schools.ts", register]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      `${resolve(folder)} is al in gebruik door proces ${process.pid}`,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("refuses a second opener in the same process too", async () => {
    await expect(openDatabase({ pgliteDir: folder })).rejects.toThrow(DatabaseFolderInUseError);
  });

  it("left the holder's data as it was", async () => {
    const { rows } = await holder.db.execute(sql`select note from marker`);
    expect(rows).toEqual([{ note: "the holder wrote this" }]);
  });
});

describe("releasing and taking over", () => {
  it("releases the lock at close, so the next process opens the folder", async () => {
    const folder = join(root, "released");
    const first = await openDatabase({ pgliteDir: folder });
    await first.db.execute(sql`create table marker (note text)`);
    await first.db.execute(sql`insert into marker values ('kept')`);
    await first.close();
    expect(existsSync(`${resolve(folder)}.lock`)).toBe(false);
    const result = await script(folder, ["scripts/setup.ts"]);
    expect(result.stderr).not.toContain("in gebruik");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Database ready");
    // The second process saw the first one's writes: one folder, one copy of the data.
    const again = await openDatabase({ pgliteDir: folder });
    try {
      const { rows } = await again.db.execute(sql`select note from marker`);
      expect(rows).toEqual([{ note: "kept" }]);
    } finally {
      await again.close();
    }
    // A fresh folder is initialised and migrated by a second process: ~10 s alone, more on a busy
    // machine, so this test gets more than the default 30 s.
  }, 120_000);

  it("takes over a lock whose process is gone", async () => {
    const folder = join(root, "stale");
    const pid = await deadPid();
    writeFileSync(`${resolve(folder)}.lock`, JSON.stringify({ pid, started: null }));
    const handle = await openDatabase({ pgliteDir: folder });
    try {
      const lock = JSON.parse(readFileSync(`${resolve(folder)}.lock`, "utf8"));
      expect(lock.pid).toBe(process.pid);
    } finally {
      await handle.close();
    }
  });

  it("takes over a lock whose pid now belongs to another process started later", async () => {
    const folder = join(root, "reused-pid");
    // This process's own pid with another start time: an earlier process that had the same pid.
    writeFileSync(`${resolve(folder)}.lock`, JSON.stringify({ pid: process.pid, started: "1" }));
    const release = await lockPgliteFolder(folder);
    release();
    expect(existsSync(`${resolve(folder)}.lock`)).toBe(false);
  });

  it("lets exactly one of several processes starting together have the folder", async () => {
    const folder = join(root, "together");
    writeFileSync(`${resolve(folder)}.lock`, JSON.stringify({ pid: await deadPid() }));
    // Each child takes the lock, says so, holds it for a few seconds (longer than the others take to start), then exits.
    const child = `(async () => {
      const { lockPgliteFolder } = await import(${JSON.stringify(resolve("src/db/pglite-folder-lock.ts"))});
      try { await lockPgliteFolder(${JSON.stringify(folder)}); console.log("locked");
        await new Promise((r) => setTimeout(r, 8000)); }
      catch (e) { console.log(e.name); }
    })();`;
    const outputs = await Promise.all(
      Array.from({ length: 4 }, () =>
        run(tsx, ["--eval", child], { timeout: 60_000 }).then((r) => r.stdout.trim()),
      ),
    );
    expect(outputs.filter((o) => o === "locked")).toHaveLength(1);
    expect(outputs.filter((o) => o === "DatabaseFolderInUseError")).toHaveLength(3);
  });
});
