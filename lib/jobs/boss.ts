import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logError, logInfo } from "@/lib/log";
import { REMINDER_QUEUE, registerReminderJob } from "@/lib/jobs/reminders";

/**
 * The job queue: pg-boss on the same PostgreSQL (its own `pgboss` schema, created and migrated by
 * pg-boss itself), so there is no extra service to run. Started once per process from
 * instrumentation.ts; safe with several instances, which coordinate through the database.
 */
const globalForJobs = globalThis as unknown as { andonJobs?: Promise<PgBoss | null> };

export function startJobs(): Promise<PgBoss | null> {
  globalForJobs.andonJobs ??= start().catch((error: unknown) => {
    // The app still serves without reminders; the log says why.
    logError("the job queue did not start; reminders and notifications are paused", error);
    return null;
  });
  return globalForJobs.andonJobs;
}

async function start(): Promise<PgBoss | null> {
  const config = env();
  if (config.ANDON_JOBS === "off") return null;
  const boss = new PgBoss({ connectionString: config.DATABASE_URL, schema: "pgboss", max: 3, application_name: "andon-jobs" });
  boss.on("error", (error) => logError("job queue error", error));
  await boss.start();
  await registerReminderJob(boss, config.REMINDER_INTERVAL_MINUTES);
  logInfo("job queue started", { queue: "action-reminders", everyMinutes: config.REMINDER_INTERVAL_MINUTES });
  const stop = () => void boss.stop({ graceful: true, timeout: 10_000 }).catch(() => undefined);
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return boss;
}

/**
 * Asks for a reminder run soon (after an assignment, say), so the bell does not wait for the next
 * scheduled tick. A no-op where the queue is not running (tests, ANDON_JOBS=off); repeated requests
 * within 30 seconds fold into one job.
 */
export async function requestReminderRun(): Promise<void> {
  const boss = await globalForJobs.andonJobs;
  if (!boss) return;
  await boss.send(REMINDER_QUEUE, {}, { singletonKey: "soon", singletonSeconds: 30 }).catch((error: unknown) => logError("could not queue a reminder run", error));
}
