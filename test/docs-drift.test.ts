import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Docs that say what is (issue 13, item 10): the architecture map and the decision records may
// only name files, folders and migrations that exist. A rename that forgets the docs fails here,
// in the before-stop check and in CI, instead of leaving a map that points nowhere.
//
// What is checked:
// - every backticked path that starts at one of the repository's top folders (`src/x/y.ts`,
//   `drizzle/0012_replication_reports.sql`, `e2e/`), in every ADR and in the map;
// - in the map, every backticked bare file name (`search-materials.ts`, `support/auth.ts`) in a
//   folder's row: it must exist somewhere under that row's folder (or at the repository's root);
// - every migration named by its number ("migration 0011", "migrations 0015 and 0016"): a file
//   `drizzle/<number>_*.sql` must exist.
// Placeholders (`src/<area>/policy.ts`, globs) and addresses (`/oai`) are not paths.

const root = join(import.meta.dirname, "..");
const topFolders = [
  "src/",
  "app/",
  "drizzle/",
  "test/",
  "e2e/",
  "bench/",
  "scripts/",
  "server/",
  "docs/",
  "public/",
  "tools/",
  ".ci/",
];
const fileLike = /^[\w.-]+(\/[\w.-]+)*(\/|\.(ts|tsx|js|json|sql|md|css|xsd|txt))$/;

const decisionsDir = join(root, "docs/decisions");
const documents = [
  "docs/architecture.md",
  ...readdirSync(decisionsDir)
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/decisions/${name}`),
];

function backticked(text: string): string[] {
  return [...text.matchAll(/`([^`\n]+)`/g)].map((m) => (m[1] as string).replace(/[.,;:]+$/, ""));
}

const isPlaceholder = (path: string) => /[<>*{}$ ]/.test(path);

/** The paths that should exist and do not, of one document. */
function missingRootedPaths(text: string): string[] {
  return backticked(text)
    .filter((path) => topFolders.some((folder) => path.startsWith(folder)))
    .filter((path) => !isPlaceholder(path))
    .map((path) => path.replace(/:\d+$/, ""))
    .filter((path) => !existsSync(join(root, path)));
}

function filesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === "node_modules" || name.startsWith("data")) continue;
      const full = join(dir, name);
      const isDir = statSync(full).isDirectory();
      out.push(isDir ? `${full}/` : full);
      if (isDir) walk(full);
    }
  };
  walk(join(root, folder));
  return out;
}

/** Bare names in the map's rows that exist nowhere under the row's folder. */
function missingNamesInMapRows(text: string): string[] {
  const missing: string[] = [];
  for (const line of text.split("\n")) {
    const row = line.match(/^\| `([^`]+\/)` \|(.*)\|\s*$/);
    if (!row) continue;
    const folder = row[1] as string;
    if (!existsSync(join(root, folder))) {
      missing.push(folder);
      continue;
    }
    const names = backticked(row[2] as string).filter(
      (name) =>
        fileLike.test(name) &&
        !isPlaceholder(name) &&
        !topFolders.some((top) => name.startsWith(top)),
    );
    if (names.length === 0) continue;
    const files = filesUnder(folder);
    for (const name of names)
      if (!files.some((file) => file.endsWith(`/${name}`)) && !existsSync(join(root, name)))
        missing.push(`${folder} … ${name}`);
  }
  return missing;
}

const migrationFiles = readdirSync(join(root, "drizzle")).filter((name) => name.endsWith(".sql"));

/** Migrations named by number ("migration 0011", "migrations 0015 and 0016") that do not exist. */
function missingMigrations(text: string): string[] {
  const numbers = [...text.matchAll(/migrations? ((?:\d{4}(?:, | and | or |–|-)?)+)/g)].flatMap(
    (m) => (m[1] as string).match(/\d{4}/g) ?? [],
  );
  return numbers.filter((n) => !migrationFiles.some((file) => file.startsWith(`${n}_`)));
}

describe("the docs name only what exists", () => {
  it.each(documents)("%s", (document) => {
    const text = readFileSync(join(root, document), "utf8");
    const missing = [
      ...missingRootedPaths(text),
      ...(document === "docs/architecture.md" ? missingNamesInMapRows(text) : []),
      ...missingMigrations(text).map((n) => `migration ${n}`),
    ];
    expect(missing, `${document} names what does not exist`).toEqual([]);
  });

  it("catches a path, a name in a row and a migration that do not exist", () => {
    expect(missingRootedPaths("see `src/library/search-materials.ts` and `src/gone.ts`")).toEqual([
      "src/gone.ts",
    ]);
    expect(
      missingRootedPaths(
        "`src/<area>/policy.ts`, `drizzle/0011_material_version_content_fixed.sql`",
      ),
    ).toEqual([]);
    expect(
      missingNamesInMapRows(
        "| `src/library/` | the search (`search-materials.ts`), the ghost (`ghost.ts`) |\n| `src/nowhere/` | x |",
      ),
    ).toEqual(["src/library/ … ghost.ts", "src/nowhere/"]);
    expect(missingMigrations("a trigger (migration 0011); migrations 0016 and 9998")).toEqual([
      "9998",
    ]);
  });
});
