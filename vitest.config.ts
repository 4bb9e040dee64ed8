import { defineConfig } from "vitest/config";

// Unit and integration tests run on real databases: embedded PGlite by default, the PostgreSQL
// server when DATABASE_URL is set. The global setup migrates and seeds template databases once;
// every test file then starts from its own copy (test/support/database.ts).
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // PGlite copies are ~60 MB in memory each; two workers fit the machine comfortably.
    maxWorkers: 2,
  },
});
