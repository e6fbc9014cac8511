// A database that goes away and comes back, on a PostgreSQL of the test's own (embedded, on a free
// loopback port; never the shared server): while it is down, failures are recognised as
// "unavailable" (503, not 500) and come quickly; once it is back, the next requests succeed on the
// pool's old connections' replacements; and a job queue that booted during the outage starts.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { databaseUrlFor } from "@/scripts/db/database-url";
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from "@/scripts/db/embedded";
import { applyMigrations, ensureDatabase } from "@/scripts/db/migrations";
import { isDatabaseUnavailable } from "@/lib/ops/database-unavailable";
import { databaseOutagePage } from "@/lib/ops/outage-page";

let dataDir: string;
let server: EmbeddedPostgresServer;
const start = () =>
  startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: 44_100 + Math.floor(Math.random() * 800), log: () => undefined, relaxedDurability: true });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "andon-outage-"));
  server = await start();
  const url = databaseUrlFor(server.url, "andon");
  await ensureDatabase(url);
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  process.env.DATABASE_CONNECT_TIMEOUT_SECONDS = "2";
}, 60_000);

afterAll(async () => {
  const { stopJobs } = await import("@/lib/jobs/boss");
  await stopJobs(1_000);
  const { db } = await import("@/lib/db");
  await db.$disconnect().catch(() => undefined);
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe("a database outage", () => {
  it("answers 'unavailable' quickly while down, serves again after the restart, and starts a queue that booted during it", async () => {
    const { db } = await import("@/lib/db");
    // Warm several pooled connections, so the restart leaves dead ones behind.
    await Promise.all(Array.from({ length: 5 }, () => db.$queryRaw`SELECT pg_sleep(0.05)::text AS slept`));
    await server.stop();

    const { startJobs, jobsStatus } = await import("@/lib/jobs/boss");
    void startJobs(); // boots while the database is down: must keep retrying

    const started = Date.now();
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => db.organization.count()));
    expect(Date.now() - started).toBeLessThan(10_000);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe("rejected");
      expect(isDatabaseUnavailable((outcome as PromiseRejectedResult).reason), String((outcome as PromiseRejectedResult).reason)).toBe(true);
    }
    expect(jobsStatus().state).toBe("starting");
    // A page request now gets 503 + Retry-After before rendering starts.
    const page = await databaseOutagePage();
    expect(page?.status).toBe(503);
    expect(page?.headers.get("retry-after")).toBe("5");
    expect(await page?.text()).toContain("The database is unavailable");

    server = await start();
    // No failure after the restart: every request of the first wave succeeds.
    const after = await Promise.allSettled(Array.from({ length: 10 }, () => db.organization.count()));
    expect(after.filter((outcome) => outcome.status === "rejected")).toEqual([]);
    expect(await databaseOutagePage()).toBeNull();

    const deadline = Date.now() + 20_000;
    while (jobsStatus().state !== "running" && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(jobsStatus().state).toBe("running");
  }, 60_000);
});
