import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

// The import rules (.dependency-cruiser.cjs, docs/architecture.md "Which area imports which")
// run as part of `npm run lint`. Here they run on the real tree (no violation) and on a small
// tree written to break each rule once, with the same command and configuration as the lint.

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "..");
const depcruise = join(root, "node_modules", ".bin", "depcruise");
const config = join(root, ".dependency-cruiser.cjs");

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

async function cruise(cwd: string): Promise<Violation[]> {
  // Exit code 1 means "violations found"; the JSON report is written either way.
  const { stdout } = await run(
    depcruise,
    ["src", "app", "--config", config, "--output-type", "json"],
    { cwd, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stdout?: string; code?: number }) => {
    if (error.code === 1 && error.stdout) return { stdout: error.stdout };
    throw error;
  });
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

describe("the import rules", () => {
  it("hold for the repository", async () => {
    expect(await cruise(root)).toEqual([]);
  }, 120_000);

  it("fail on each kind of violation, and only on those (a cycle is reported once)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "innovet-import-rules-"));
    scratch.push(dir);
    const files: Record<string, string> = {
      "tsconfig.json": JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true } }),
      "app/page.ts": 'import { rule } from "../src/calls/model.ts";\nexport const page = rule;\n',
      // An area imports one above it.
      "src/calls/model.ts":
        'import { draft } from "../applications/model.ts";\nexport const rule = draft;\n',
      "src/applications/model.ts":
        'import { rule } from "../calls/rules.ts";\nexport const draft = rule;\n',
      "src/calls/rules.ts": "export const rule = 1;\n",
      // The core imports the web layer.
      "src/directory/search.ts":
        'import { page } from "../../app/page.ts";\nexport const s = page;\n',
      // The foundation imports an area (not its actor or its tables).
      "src/platform/helper.ts":
        'import { rule } from "../calls/rules.ts";\nimport type { Actor } from "../identity/actor.ts";\nimport { table } from "../identity/schema.ts";\nexport const h = (a: Actor) => [a, rule, table];\n',
      "src/identity/actor.ts": "export interface Actor { userId: string }\n",
      "src/identity/schema.ts": "export const table = 1;\n",
      // A cycle within one area; and one through a type-only import, which loads nothing.
      "src/library/a.ts": 'import { b } from "./b.ts";\nexport const a = () => b;\n',
      "src/library/b.ts": 'import { a } from "./a.ts";\nexport const b = () => a;\n',
      "src/library/c.ts": 'import type { D } from "./d.ts";\nexport type C = { d?: D };\n',
      "src/library/d.ts": 'import { c } from "./e.ts";\nexport type D = { c: typeof c };\n',
      "src/library/e.ts": 'import type { C } from "./c.ts";\nexport const c: C = {};\n',
      // A test composes areas: allowed.
      "src/directory/search.test.ts":
        'import { draft } from "../applications/model.ts";\nexport const t = draft;\n',
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const found = (await cruise(dir)).map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
    expect(found).toEqual(
      [
        "calls-imports-above: src/calls/model.ts -> src/applications/model.ts",
        "core-imports-web: src/directory/search.ts -> app/page.ts",
        "foundation-imports-area: src/platform/helper.ts -> src/calls/rules.ts",
        "no-circular: src/library/a.ts -> src/library/b.ts",
      ].sort(),
    );
  }, 120_000);
});
