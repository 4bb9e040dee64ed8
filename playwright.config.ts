import { defineConfig, devices } from "@playwright/test";
import { e2eDataDir, e2eMailCaptureDir, e2ePort as port } from "./e2e/server-env";

// Browser journeys in Debian's Chromium (/usr/bin/chromium, installed by .ci/run) against the
// production build served by server.ts on its own port and its own PGlite folder, freshly set up
// with the demo world. X-Forwarded-For is trusted here so that each test can act from its own
// address and the per-address limits on failed sign-ins (ADR 0022) stay as strict as in production.

export default defineConfig({
  testDir: "e2e",
  // Journeys cross many pages with axe on each, two workers on a 2-core machine: a minute was
  // too tight for the longer ones (form editor, plan and attachments) while the other worker
  // uploaded or built. A test that really hangs still fails, later.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: "list",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "nl-BE",
    timezoneId: "Europe/Brussels",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      testIgnore: [/no-js/, /reflow\.spec\.ts$/],
    },
    // Every page pattern at 320 CSS px, once per role (WCAG 1.4.10, ADR 0032).
    {
      name: "reflow-320",
      use: { ...devices["Desktop Chrome"], viewport: { width: 320, height: 640 } },
      testMatch: /reflow\.spec\.ts$/,
    },
    {
      name: "chromium-no-js",
      use: { ...devices["Desktop Chrome"], javaScriptEnabled: false },
      testMatch: /no-js/,
    },
  ],
  webServer: {
    command: `rm -rf ${e2eDataDir} && tsx scripts/setup.ts && node server.ts`,
    url: `http://127.0.0.1:${port}/gezondheid`,
    // Setup seeds the demo world through the use cases and the demo commons (150 materials with
    // files): under a minute alone, but several minutes on a machine busy with the other suites.
    timeout: 600_000,
    // E2E_REUSE_SERVER=1 runs against a server already started with the same env (debugging one
    // spec without a fresh set-up); CI always starts its own.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      BASE_URL: `http://127.0.0.1:${port}`,
      PGLITE_DIR: `${e2eDataDir}/pglite`,
      MAIL_CAPTURE_DIR: e2eMailCaptureDir,
      FILE_STORE_DIR: `${e2eDataDir}/files`,
      TRUST_PROXY: "true",
      NODE_ENV: "test",
      // Scheduled jobs run every second, so mailed links (partner invitations) arrive in the
      // captured inbox while a journey waits for them.
      JOB_POLL_INTERVAL_MS: "1000",
    },
  },
});
