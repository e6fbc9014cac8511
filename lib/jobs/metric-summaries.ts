import "server-only";
import type PgBoss from "pg-boss";
import { METRIC_SUMMARY_QUEUE } from "@/lib/jobs/queue-names";
import { logError, logInfo } from "@/lib/log";

/**
 * The metrics' kept overview figures, repaired at every start and hourly (lib/metrics/mutations.ts,
 * repairMetricSummaries): values written by an instance of an earlier version during a rolling
 * upgrade did not refresh them. Writes only the figures that differ, so a pass with nothing to
 * repair reads and writes no more than two index probes per metric.
 */
export async function registerMetricSummaryJob(boss: PgBoss): Promise<void> {
  await boss.createQueue(METRIC_SUMMARY_QUEUE, { name: METRIC_SUMMARY_QUEUE, policy: "standard", retryLimit: 2, expireInSeconds: 900 });
  await boss.schedule(METRIC_SUMMARY_QUEUE, "37 * * * *", {}, { tz: "UTC" });
  await boss.work(METRIC_SUMMARY_QUEUE, { batchSize: 1 }, async () => {
    try {
      const { repairMetricSummaries } = await import("@/lib/metrics/mutations");
      const result = await repairMetricSummaries();
      if (result.repaired > 0) logInfo("metric figures repaired", result);
      return result;
    } catch (error) {
      logError("metric figure repair failed", error);
      throw error;
    }
  });
  await boss.send(METRIC_SUMMARY_QUEUE, {}, { singletonKey: "startup", singletonSeconds: 300 });
}
