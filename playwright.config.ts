import { defineConfig, devices } from "@playwright/test";

import { E2E_SERVER_ENV } from "./e2e/server-env";

/**
 * Journeys in Debian's Chromium (Playwright's browser download is unreachable here) against
 * `next start` on port 3100. `npm test` builds the app and provides a fresh, seeded database.
 */
// npm test passes E2E_PORT when it runs on another port than 3100.
const PORT = Number(process.env.E2E_PORT) || 3100;
const BASE_URL = `http://localhost:${PORT}`;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

// The fixtures create and delete users directly in DATABASE_URL: never let that be a shared server.
assertLocalDatabase(process.env.DATABASE_URL);

export default defineConfig({
  testDir: "e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // json: read by scripts/test-runner/counts.ts for the closing "N passed, N failed" line (path from PLAYWRIGHT_JSON_OUTPUT_FILE).
  reporter: [
    ["list"],
    ["html", { outputFolder: "playwright-report", open: "never" }],
    ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? ".data/test-reports/playwright.json" }],
  ],
  use: {
    baseURL: BASE_URL,
    trace: "on-first-retry",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH || "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx next start -p ${PORT}`,
    url: BASE_URL,
    // Always our own server: a stray one on 3100 would run another build against another database.
    reuseExistingServer: false,
    timeout: 120_000,
    // Playwright passes process.env (DATABASE_URL, NEXTAUTH_SECRET, NEXTAUTH_URL from npm test) through.
    env: { PORT: String(PORT), ...E2E_SERVER_ENV },
    stdout: "ignore",
    stderr: "pipe",
  },
});

function assertLocalDatabase(databaseUrl: string | undefined): void {
  if (!databaseUrl) {
    throw new Error(
      "Playwright needs DATABASE_URL pointing at a local, disposable database. Run the journeys with `npm test -- --only e2e`, which creates one.",
    );
  }
  let host: string;
  try {
    const url = new URL(databaseUrl);
    // An empty host means a Unix socket (?host=/var/run/postgresql), which is local by definition.
    host = url.hostname || (url.searchParams.get("host")?.startsWith("/") ? "localhost" : "");
  } catch {
    throw new Error("DATABASE_URL is not a valid URL; Playwright refuses to run.");
  }
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(
      `Refusing to run end-to-end tests against DATABASE_URL on "${host}": the tests create and delete data. ` +
        "Use a database on localhost, 127.0.0.1 or ::1.",
    );
  }
}
