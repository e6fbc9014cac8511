import "server-only";
import type PgBoss from "pg-boss";
import { METRIC_SUMMARY_QUEUE } from "@/lib/jobs/queue-names";
import { registerScheduledJob } from "@/lib/jobs/scheduled";

/**
 * The metrics' kept overview figures, repaired at every start and hourly (lib/metrics/mutations.ts,
 * repairMetricSummaries): values written by an instance of an earlier version during a rolling
 * upgrade did not refresh them. Writes only the figures that differ, so a pass with nothing to
 * repair reads and writes no more than two index probes per metric.
 */
export async function registerMetricSummaryJob(boss: PgBoss): Promise<void> {
  await registerScheduledJob(boss, {
    queue: METRIC_SUMMARY_QUEUE,
    cron: "37 * * * *",
    label: "metric figure repair",
    run: async () => (await import("@/lib/metrics/mutations")).repairMetricSummaries(),
    logWhen: (result) => result.repaired > 0,
    atStartup: true,
  });
}
