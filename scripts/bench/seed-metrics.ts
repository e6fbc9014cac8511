import type pg from "pg";
import { REFRESH_METRIC_SUMMARIES_SQL } from "../../lib/metrics/summary-mutations";
import { bulkInsert, col } from "./bulk-insert";
import type { Scale } from "./scale";
import { BENCH_ORG_ID, randomGenerator, type BenchOrg } from "./seed-org";

const METRICS = [
  { name: "Availability", unit: "%", direction: "UP", target: 99.9, base: 99.95, spread: 0.08 },
  { name: "p99 latency", unit: "ms", direction: "DOWN", target: 300, base: 240, spread: 60 },
  { name: "Error rate", unit: "%", direction: "DOWN", target: 0.5, base: 0.3, spread: 0.2 },
] as const;
const WEEK = 7 * 86_400_000;

/** Weekly values for the last `metricWeeks` weeks, a few per service drifting past their target. */
export async function seedMetrics(client: pg.PoolClient | pg.Client, scale: Scale, org: BenchOrg, now = new Date()): Promise<void> {
  const random = randomGenerator(11);
  const definitions: unknown[][] = [];
  const values: unknown[][] = [];
  org.serviceIds.forEach((serviceId, serviceIndex) => {
    METRICS.slice(0, scale.metricsPerService).forEach((metric, metricIndex) => {
      const metricId = `bmet_${serviceIndex}_${metricIndex}`;
      definitions.push([metricId, BENCH_ORG_ID, serviceId, metric.name, metric.unit, metric.direction, metric.target, "WEEKLY", 20, now, now]);
      for (let week = scale.metricWeeks; week >= 1; week--) {
        const recordedAt = new Date(now.getTime() - week * WEEK);
        values.push([BENCH_ORG_ID, serviceId, metricId, recordedAt, metric.base + (random() - 0.5) * 2 * metric.spread]);
      }
    });
  });
  await bulkInsert(
    client,
    "service_metrics",
    [
      col.text("id"),
      col.text("organization_id"),
      col.text("service_id"),
      col.text("name"),
      col.text("unit"),
      col.enumArray("direction", "MetricDirection"),
      col.float8("target"),
      col.enumArray("cadence", "MetricCadence"),
      col.float8("anomaly_threshold_pct"),
      col.timestamp("created_at"),
      col.timestamp("updated_at"),
    ],
    definitions,
  );
  await bulkInsert(
    client,
    "metric_values",
    [col.text("organization_id"), col.text("service_id"), col.text("metric_id"), col.timestamp("recorded_at"), col.float8("value")],
    values,
  );
  await client.query(REFRESH_METRIC_SUMMARIES_SQL, [definitions.map((definition) => definition[0])]);
}
