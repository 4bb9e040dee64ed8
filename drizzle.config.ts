import { defineConfig } from "drizzle-kit";

// drizzle-kit is used to GENERATE migrations only; they are applied by src/db/migrate.ts at
// start-up (drizzle-kit's own migrate cannot load PGlite extensions: docs/decisions/0002).
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./drizzle",
  casing: "snake_case",
});
