import "server-only";
import type PgBoss from "pg-boss";
import { logError, logInfo } from "@/lib/log";

type ScheduledJob<Result> = {
  queue: string;
  /** A cron expression in UTC; the schedule lives in the database, so one instance gets each run. */
  cron: string;
  /** What the logs call a run. */
  label: string;
  /** The run itself; modules are imported inside it, so a domain that imports the queue is no cycle. */
  run: () => Promise<Result>;
  /** Whether a finished run is worth a log line (default: always). */
  logWhen?: (result: Result) => boolean;
  /** Also run once when an instance starts (folded into one run when several start within 5 minutes). */
  atStartup?: boolean;
};

/** Registers a queue that runs on a schedule: retried twice, logged when it ends or fails. */
export async function registerScheduledJob<Result extends object>(boss: PgBoss, job: ScheduledJob<Result>): Promise<void> {
  await boss.createQueue(job.queue, { name: job.queue, policy: "standard", retryLimit: 2, expireInSeconds: 900 });
  await boss.schedule(job.queue, job.cron, {}, { tz: "UTC" });
  await boss.work(job.queue, { batchSize: 1 }, async () => {
    try {
      const result = await job.run();
      if (job.logWhen?.(result) ?? true) logInfo(job.label, { ...(result as Record<string, unknown>) });
      return result;
    } catch (error) {
      logError(`${job.label} failed`, error);
      throw error;
    }
  });
  if (job.atStartup) await boss.send(job.queue, {}, { singletonKey: "startup", singletonSeconds: 300 });
}
