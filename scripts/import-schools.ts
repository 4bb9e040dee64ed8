// `npm run import:schools -- <bestand.json> [--accept-valid-rows]`: imports a school-register file
// (format: src/directory/import/README.md) into the database the platform uses (DATABASE_URL, or
// PGlite in PGLITE_DIR), as the system. Prints the report in Dutch.
//
// Exit codes: 0 imported or nothing to change; 1 rows were rejected and nothing was imported;
// 2 wrong arguments or an unreadable file; 3 the import failed (e.g. the database is not set up,
// or its PGlite folder is in use by another process).
import { readFileSync } from "node:fs";
import { openDatabase } from "../src/db/client";
import { DatabaseFolderInUseError } from "../src/db/pglite-folder-lock";
import { formatImportReport } from "../src/directory/import/format-report";
import { importSchoolRegister } from "../src/directory/import/import-school-register";
import { config } from "../src/platform/config";

const usage =
  "Gebruik: npm run import:schools -- <bestand.json> [--accept-valid-rows]\n" +
  "  --accept-valid-rows  lees de geldige rijen in, ook als er rijen geweigerd worden\n" +
  "Het formaat staat in src/directory/import/README.md.";

const args = process.argv.slice(2);
const acceptValidRows = args.includes("--accept-valid-rows");
const unknownOptions = args.filter((a) => a.startsWith("-") && a !== "--accept-valid-rows");
const files = args.filter((a) => !a.startsWith("-"));
if (unknownOptions.length > 0 || files.length !== 1) {
  if (unknownOptions.length > 0) console.error(`Onbekende optie: ${unknownOptions.join(", ")}`);
  console.error(usage);
  process.exit(2);
}
const file = files[0] as string;

let register: unknown;
try {
  register = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === "ENOENT"
      ? `Het bestand ${file} bestaat niet.`
      : error instanceof SyntaxError
        ? `Het bestand ${file} is geen geldige JSON: ${error.message}`
        : `Het bestand ${file} kan niet gelezen worden: ${(error as Error).message}`,
  );
  process.exit(2);
}

const c = config();
const handle = await openDatabase({
  databaseUrl: c.DATABASE_URL,
  pgliteDir: c.PGLITE_DIR,
}).catch((error: unknown) => {
  if (error instanceof DatabaseFolderInUseError) {
    console.error(`Er is niets ingelezen. ${error.message}`);
    process.exit(3);
  }
  throw error;
});
let exitCode = 0;
try {
  const started = performance.now();
  const result = await importSchoolRegister(
    { db: handle.db, system: true },
    { register, acceptValidRows },
  );
  if (!result.ok) {
    console.error(`De import werd geweigerd (${result.reason}).`);
    exitCode = 3;
  } else {
    console.log(formatImportReport(result.value));
    console.log(`\nDuur: ${Math.round(performance.now() - started)} ms.`);
    if (result.value.outcome === "rejected") exitCode = 1;
  }
} catch (error) {
  console.error(
    `De import is mislukt en er is niets ingelezen: ${(error as Error).message}\n` +
      "Is de databank klaar? Voer eerst `npm run setup` uit.",
  );
  exitCode = 3;
} finally {
  await handle.close();
}
process.exit(exitCode);
