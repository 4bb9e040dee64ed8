// Which folder may import which (docs/architecture.md, "Which area imports which"; ADR 0030).
// `npm run lint` runs this after Biome, so `.ci/run`'s lint step fails on any violation.
//
// The core's areas, from the bottom up: an area imports the foundation and the areas below it,
// never one above it. Tests (`*.test.ts`) compose areas and may import any of them, but no test
// in `src/` imports the web layer either.

/** The foundation every area builds on: configuration, use cases, policy helpers, jobs, files,
 * money and time, mail, the database client, the messages and the audit log. */
const foundation = ["platform", "db", "i18n", "audit"];

/** The areas, lowest first. */
const areas = ["directory", "identity", "notifications", "calls", "applications", "library"];

const test = "\\.test\\.tsx?$";
const under = (folders) => `^src/(${folders.join("|")})/`;

/** Anything may import the actor (who is asking) and the roles: they import nothing. */
const actor = "^src/identity/(actor|roles)\\.ts$";

module.exports = {
  forbidden: [
    {
      name: "core-imports-web",
      comment: "The core (src/) has no React and no HTTP: it never imports app/ or server/.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(app|server)/" },
    },
    {
      name: "foundation-imports-area",
      comment:
        "The foundation imports no area, except the actor, the areas' tables (schema.ts) and their message catalogues (messages.nl.ts, messages.en.ts): the schema index lists the tables, the audit log names the people in it, and the joined catalogue (src/i18n/catalogue.*.ts) is every area's messages together.",
      severity: "error",
      from: { path: under(foundation), pathNot: test },
      to: {
        path: under([...areas, "seed"]),
        pathNot: [actor, "/schema\\.ts$", "/messages\\.(nl|en)\\.ts$"],
      },
    },
    ...areas.map((area, i) => ({
      name: `${area}-imports-above`,
      comment: `${area} imports the foundation and ${areas.slice(0, i).join(", ") || "no other area"}; never ${[...areas.slice(i + 1), "seed"].join(", ")}.`,
      severity: "error",
      from: { path: `^src/${area}/`, pathNot: test },
      to: { path: under([...areas.slice(i + 1), "seed"]), pathNot: actor },
    })),
    {
      name: "no-circular",
      comment:
        "No import cycle between modules. Type-only imports are erased when compiled (verbatimModuleSyntax) and load nothing, so a cycle through them alone is not one.",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|build|\\.react-router)/" },
    // TypeScript 7 has no compiler API for dependency-cruiser to read with; swc parses the
    // sources (and reports type-only imports as such).
    parser: "swc",
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
  },
};
