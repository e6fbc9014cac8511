import type pg from "pg";
import { bulkInsert } from "./bulk-insert";
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
      { name: "id", type: "text" },
      { name: "organization_id", type: "text" },
      { name: "service_id", type: "text" },
      { name: "name", type: "text" },
      { name: "unit", type: "text" },
      { name: "direction", type: '"MetricDirection"' },
      { name: "target", type: "float8" },
      { name: "cadence", type: '"MetricCadence"' },
      { name: "anomaly_threshold_pct", type: "float8" },
      { name: "created_at", type: "timestamp" },
      { name: "updated_at", type: "timestamp" },
    ],
    definitions,
  );
  await bulkInsert(
    client,
    "metric_values",
    [
      { name: "organization_id", type: "text" },
      { name: "service_id", type: "text" },
      { name: "metric_id", type: "text" },
      { name: "recorded_at", type: "timestamp" },
      { name: "value", type: "float8" },
    ],
    values,
  );
}
