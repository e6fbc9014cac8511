import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { databasePool } from "@/lib/db";
import { jobsStatus, type JobsState } from "@/lib/jobs/boss";

/**
 * Liveness and readiness, for load balancers and orchestrators.
 * - live: the process is up and its event loop turns. Never touches the database, so a database
 *   outage does not make an orchestrator restart every instance.
 * - ready: this instance should get traffic: the database answers within HEALTH_DB_TIMEOUT_MS,
 *   every migration in this build is applied, the job queue runs, and no shutdown has begun.
 */
const HEALTH_DB_TIMEOUT_MS = 1_500;

const globalForHealth = globalThis as unknown as { andonShuttingDown?: boolean; andonMigrationsApplied?: boolean };

interface Readiness {
  status: "ok" | "unavailable";
  database: "ok" | "unreachable" | "timeout";
  migrations: "applied" | "pending" | "unknown";
  jobs: JobsState;
  jobsError?: string;
  shuttingDown?: true;
}

async function readiness(): Promise<Readiness> {
  const shuttingDown = globalForHealth.andonShuttingDown === true;
  const database = await probeDatabase();
  const migrations = database === "ok" ? await migrationState() : "unknown";
  const jobs = jobsStatus();
  // "starting" counts as not ready only when the database is fine: then the queue should be up.
  const jobsReady = jobs.state === "running" || jobs.state === "off";
  const ok = !shuttingDown && database === "ok" && migrations === "applied" && jobsReady;
  return {
    status: ok ? "ok" : "unavailable",
    database,
    migrations,
    jobs: jobs.state,
    ...(jobs.lastError && !jobsReady ? { jobsError: jobs.lastError } : {}),
    ...(shuttingDown ? { shuttingDown: true as const } : {}),
  };
}

async function probeDatabase(): Promise<Readiness["database"]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), HEALTH_DB_TIMEOUT_MS);
  });
  const probe = databasePool()
    .query({ text: "SELECT 1", query_timeout: HEALTH_DB_TIMEOUT_MS } as pg.QueryConfig)
    .then(() => "ok" as const)
    .catch(() => "unreachable" as const);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Compares this build's migration folders with the database's bookkeeping; once applied, stays applied. */
async function migrationState(): Promise<Readiness["migrations"]> {
  if (globalForHealth.andonMigrationsApplied) return "applied";
  try {
    const entries = await readdir(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true });
    const expected = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    const { rows } = await databasePool().query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    const pending = expected.some((name) => !applied.has(name));
    if (!pending) globalForHealth.andonMigrationsApplied = true;
    return pending ? "pending" : "applied";
  } catch {
    return "unknown";
  }
}

/** The readiness answer, shared by /api/health/ready and the older /api/health. */
export async function readinessResponse(): Promise<Response> {
  const result = await readiness();
  return Response.json(result, {
    status: result.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store", ...(result.status === "ok" ? {} : { "retry-after": "5" }) },
  });
}
