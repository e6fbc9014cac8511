import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logError, logInfo, logWarn } from "@/lib/log";
import { REMINDER_QUEUE, registerReminderJob } from "@/lib/jobs/reminders";
import { registerPolicyJob } from "@/lib/jobs/policies";
import { registerWebhookJob } from "@/lib/jobs/webhooks";
import { registerLearningsDigestJob } from "@/lib/jobs/learnings";
import { registerTicketSyncJob } from "@/lib/jobs/tickets";
import { registerCordCoeDueJob } from "@/lib/jobs/cord-coe-due";
import { registerVerificationReminderJob } from "@/lib/jobs/verification";
import { registerMetricSummaryJob } from "@/lib/jobs/metric-summaries";

/**
 * The job queue: pg-boss on the same PostgreSQL (its own `pgboss` schema, created and migrated by
 * pg-boss itself), so there is no extra service to run. Started once per process from
 * instrumentation.ts; safe with several instances, which coordinate through the database.
 *
 * When the database is down at boot, starting is retried with backoff until it works, and the
 * health check reports the queue as "starting" meanwhile. The server entry (scripts/server) stops
 * the queue during graceful shutdown through `stopJobs`, found on globalThis.
 */

/** Every queue's registration, in one place: one line per feature. */
async function registerJobs(boss: PgBoss): Promise<void> {
  const config = env();
  await registerReminderJob(boss, config.REMINDER_INTERVAL_MINUTES);
  await registerPolicyJob(boss);
  await registerWebhookJob(boss);
  await registerLearningsDigestJob(boss);
  await registerTicketSyncJob(boss);
  await registerCordCoeDueJob(boss);
  await registerVerificationReminderJob(boss);
  await registerMetricSummaryJob(boss);
}

export type JobsState = "off" | "starting" | "running" | "stopping" | "stopped";

interface JobsRuntime {
  state: JobsState;
  boss: PgBoss | null;
  started: Promise<PgBoss | null>;
  lastError?: string;
  failedJobs: number;
  stopRequested: boolean;
}

const globalForJobs = globalThis as unknown as { andonJobs?: JobsRuntime; andonStopJobs?: (timeoutMs: number) => Promise<void> };

const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000];

export function startJobs(): Promise<PgBoss | null> {
  if (!globalForJobs.andonJobs) {
    const runtime: JobsRuntime = { state: "starting", boss: null, started: Promise.resolve(null), failedJobs: 0, stopRequested: false };
    globalForJobs.andonJobs = runtime;
    globalForJobs.andonStopJobs = stopJobs;
    runtime.started = startWithRetry(runtime);
  }
  return globalForJobs.andonJobs.started;
}

async function startWithRetry(runtime: JobsRuntime): Promise<PgBoss | null> {
  const config = env();
  if (config.ANDON_JOBS === "off") {
    runtime.state = "off";
    return null;
  }
  for (let attempt = 0; !runtime.stopRequested; attempt++) {
    const boss = new PgBoss({ connectionString: config.DATABASE_URL, schema: "pgboss", max: 3, application_name: "andon-jobs" });
    boss.on("error", (error) => logError("job queue error", error));
    try {
      await boss.start();
      await registerJobs(boss);
      runtime.boss = boss;
      runtime.state = "running";
      runtime.lastError = undefined;
      logInfo("job queue started", { attempt: attempt + 1, reminderEveryMinutes: config.REMINDER_INTERVAL_MINUTES });
      return boss;
    } catch (error) {
      runtime.lastError = error instanceof Error ? error.message : String(error);
      await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
      const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
      // The app still serves; reminders and notifications wait until the queue runs.
      logWarn("the job queue could not start; retrying", { attempt: attempt + 1, retryInMs: delay, error: runtime.lastError });
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
    }
  }
  return null;
}

/** Stops taking jobs and waits (up to `timeoutMs`) for running ones; used by graceful shutdown. */
export async function stopJobs(timeoutMs = 10_000): Promise<void> {
  const runtime = globalForJobs.andonJobs;
  if (!runtime) return;
  runtime.stopRequested = true;
  const boss = runtime.boss;
  if (!boss || runtime.state !== "running") return;
  runtime.state = "stopping";
  await boss.stop({ graceful: true, timeout: timeoutMs, wait: true }).catch((error: unknown) => logError("could not stop the job queue cleanly", error));
  runtime.state = "stopped";
}

/** For the health check and /api/metrics: what the queue is doing, and the last start error. */
export function jobsStatus(): { state: JobsState; lastError?: string } {
  const runtime = globalForJobs.andonJobs;
  if (!runtime) return { state: env().ANDON_JOBS === "off" ? "off" : "starting" };
  return { state: runtime.state, ...(runtime.lastError ? { lastError: runtime.lastError } : {}) };
}

/** The running queue, or null (not started, off, or stopped). */
export function runningJobs(): PgBoss | null {
  const runtime = globalForJobs.andonJobs;
  return runtime?.state === "running" ? runtime.boss : null;
}

/**
 * Asks for a reminder run soon (after an assignment, say), so the bell does not wait for the next
 * scheduled tick. A no-op where the queue is not running (tests, ANDON_JOBS=off); repeated requests
 * within 30 seconds fold into one job.
 */
export async function requestReminderRun(): Promise<void> {
  const boss = runningJobs();
  if (!boss) return;
  await boss
    .send(REMINDER_QUEUE, {}, { singletonKey: "soon", singletonSeconds: 30 })
    .catch((error: unknown) => logError("could not queue a reminder run", error));
}
