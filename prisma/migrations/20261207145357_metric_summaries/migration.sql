-- AlterTable
ALTER TABLE "service_metrics" ADD COLUMN     "last_week_mean" DOUBLE PRECISION,
ADD COLUMN     "latest_at" TIMESTAMP(3),
ADD COLUMN     "latest_value" DOUBLE PRECISION,
ADD COLUMN     "this_week_mean" DOUBLE PRECISION;

-- Fill the figures of every existing metric from its values (lib/metrics/summary-mutations.ts keeps them from now on).
UPDATE "service_metrics" m
SET "latest_at" = f.latest_at, "latest_value" = f.latest_value, "this_week_mean" = f.this_week_mean, "last_week_mean" = f.last_week_mean
FROM (
  SELECT s.id, latest.recorded_at AS latest_at, recent.latest_value, recent.this_week_mean, recent.last_week_mean
  FROM "service_metrics" s
  JOIN LATERAL (SELECT max(v.recorded_at) AS recorded_at FROM "metric_values" v WHERE v.metric_id = s.id) latest ON latest.recorded_at IS NOT NULL
  JOIN LATERAL (
    SELECT max(v.value) FILTER (WHERE v.recorded_at = latest.recorded_at) AS latest_value,
      avg(v.value::numeric) FILTER (WHERE v.recorded_at > latest.recorded_at - interval '7 days')::float8 AS this_week_mean,
      avg(v.value::numeric) FILTER (WHERE v.recorded_at <= latest.recorded_at - interval '7 days')::float8 AS last_week_mean
    FROM "metric_values" v
    WHERE v.metric_id = s.id AND v.recorded_at > latest.recorded_at - interval '14 days' AND v.recorded_at <= latest.recorded_at
  ) recent ON TRUE
) f
WHERE m.id = f.id;
