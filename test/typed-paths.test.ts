import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parseAst } from "rolldown/parseAst";
import { describe, expect, it } from "vitest";
import routes from "../app/routes";

// Internal links are made with React Router's typed `href()` from the route table (ADR 0029), so
// a renamed route breaks the type check, not a link. This test fails on a new hand-written one:
// a template literal whose text continues a path with a segment of the route table
// (`/aanvragen/${id}`, `${base}/budget`), in the web layer, the core's mails and the journeys.

const root = join(import.meta.dirname, "..");

/** Every route's path, from app/routes.ts itself. */
function paths(entries: Array<{ path?: string; index?: boolean; children?: unknown[] }>): string[] {
  return entries.flatMap((entry) => [
    ...(entry.path !== undefined ? [entry.path] : entry.index ? [""] : []),
    ...paths((entry.children ?? []) as typeof entries),
  ]);
}
const routePaths = paths(routes as Parameters<typeof paths>[0]);
const staticSegments = new Set(
  routePaths.flatMap((p) => p.split("/")).filter((s) => s !== "" && !/^[:*]/.test(s)),
);

/**
 * The texts of a source file's template literals, each piece as the path it may begin: the head
 * (`/aanvragen/` in `/aanvragen/${id}`) and what follows each expression (`/budget` in
 * `${base}/budget`), read by a real parser (oxc, through Vite's rolldown).
 */
function templatePieces(file: string, source: string): string[] {
  const pieces: string[] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    const n = node as { type?: string; quasis?: Array<{ value: { cooked: string | null } }> };
    if (n.type === "TemplateLiteral")
      for (const quasi of n.quasis ?? []) pieces.push(quasi.value.cooked ?? "");
    for (const value of Object.values(node))
      if (Array.isArray(value)) value.forEach(visit);
      else if (typeof value === "object") visit(value);
  };
  visit(parseAst(source, { lang: file.endsWith(".tsx") ? "tsx" : "ts" }, file));
  return pieces;
}

/**
 * The internal paths a JSX element's link or form is given as a plain string (`<Link to="/oproepen">`,
 * `<a href="/bibliotheek">`, `<form action="/taal">`): a route renamed would leave them dangling just the same.
 */
function linkLiterals(file: string, source: string): string[] {
  if (!file.endsWith(".tsx")) return [];
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    const n = node as {
      type?: string;
      name?: { name?: string };
      value?: { type?: string; value?: unknown };
    };
    if (
      n.type === "JSXAttribute" &&
      ["to", "href", "action"].includes(n.name?.name ?? "") &&
      n.value?.type === "Literal" &&
      typeof n.value.value === "string" &&
      n.value.value.startsWith("/")
    )
      found.push(n.value.value);
    for (const value of Object.values(node))
      if (Array.isArray(value)) value.forEach(visit);
      else if (typeof value === "object") visit(value);
  };
  visit(parseAst(source, { lang: "tsx" }, file));
  return found;
}

/**
 * A path written by hand: a piece of template text that starts a path (`/aanvragen/${`) or goes
 * on after an expression (`${base}/budget`) with a segment of the route table.
 */
function handWritten(piece: string): string | undefined {
  const path = /^\/[A-Za-z0-9._~/-]*/.exec(piece)?.[0];
  if (path?.split("/").some((segment) => staticSegments.has(segment))) return piece;
  return undefined;
}

/** Files whose paths are not links: the route table itself, and patterns that match paths. */
const notLinks = [
  join("app", "routes.ts"),
  // the pages that may park a form, as patterns of their paths
  join("src", "platform", "parked-forms", "parking-pages.ts"),
  // the journeys' hostile addresses, sent raw on purpose (href() would escape them)
  join("e2e", "security.spec.ts"),
  // a harvest's baseURL as the XML states it, and the e2e server's data folders: no links
  join("e2e", "harvesting.spec.ts"),
  join("e2e", "server-env.ts"),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe("typed paths", () => {
  it("finds the route table's segments", () => {
    expect(staticSegments).toContain("aanvragen");
    expect(staticSegments).toContain("bijlagen");
    const pieces = templatePieces(
      "x.ts",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of templates
      "const a = `/aanvragen/${id}`; const b = `${base}/budget#top`; const c = `${n} / 2 x`;",
    );
    expect(pieces.map(handWritten)).toEqual([
      "/aanvragen/",
      undefined,
      undefined,
      "/budget#top",
      undefined,
      undefined,
    ]);
  });

  it.each(["app", "src", "e2e"])("has no hand-written internal URL template in %s/", (dir) => {
    const offenders = sourceFiles(join(root, dir))
      .filter((file) => !notLinks.some((path) => file.endsWith(path)))
      .flatMap((file) =>
        templatePieces(file, readFileSync(file, "utf8"))
          .map(handWritten)
          .filter((piece) => piece !== undefined)
          .map((piece) => `${relative(root, file)}: ${piece}`),
      );
    expect(offenders).toEqual([]);
  });

  it("finds a link's plain path in JSX", () => {
    expect(
      linkLiterals(
        "x.tsx",
        'const a = <Link to="/oproepen">x</Link>; const b = <a href="#top" />;',
      ),
    ).toEqual(["/oproepen"]);
  });

  it("gives no link in app/ a plain internal path", () => {
    const offenders = sourceFiles(join(root, "app")).flatMap((file) =>
      linkLiterals(file, readFileSync(file, "utf8")).map(
        (path) => `${relative(root, file)}: ${path}`,
      ),
    );
    expect(offenders).toEqual([]);
  });
});
