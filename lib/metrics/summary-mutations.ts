// The figures every metric overview shows, kept on the metric itself (service_metrics.latest_at,
// latest_value, this_week_mean, last_week_mean) so that pages listing hundreds of metrics (home,
// the MTTR page, the weekly agenda, the metrics API) read one row per metric instead of probing
// its values twice. They depend on the metric's values alone: the latest instant, the value at it
// (one per instant: the unique key), and the means of the seven days up to it and the seven days
// before (for a weekly metric: its last two values). The means are summed as numeric: a float8 sum
// of very large values would stop the write with an overflow. No `server-only` and no client: the
// seeds and the bench run the same statement through their own connections.

/**
 * Recomputes the figures of the metrics whose ids are the statement's only parameter (`$1`, a
 * text array), writing only the rows whose figures changed. Two index probes per metric on
 * metric_values (metric_id, recorded_at, value).
 */
export const REFRESH_METRIC_SUMMARIES_SQL = `
  UPDATE service_metrics m
  SET latest_at = f.latest_at, latest_value = f.latest_value, this_week_mean = f.this_week_mean, last_week_mean = f.last_week_mean
  FROM (
    SELECT s.id, latest.recorded_at AS latest_at, recent.latest_value, recent.this_week_mean, recent.last_week_mean
    FROM service_metrics s
    LEFT JOIN LATERAL (SELECT max(v.recorded_at) AS recorded_at FROM metric_values v WHERE v.metric_id = s.id) latest ON TRUE
    LEFT JOIN LATERAL (
      SELECT max(v.value) FILTER (WHERE v.recorded_at = latest.recorded_at) AS latest_value,
        avg(v.value::numeric) FILTER (WHERE v.recorded_at > latest.recorded_at - interval '7 days')::float8 AS this_week_mean,
        avg(v.value::numeric) FILTER (WHERE v.recorded_at <= latest.recorded_at - interval '7 days')::float8 AS last_week_mean
      FROM metric_values v
      WHERE v.metric_id = s.id AND v.recorded_at > latest.recorded_at - interval '14 days' AND v.recorded_at <= latest.recorded_at
    ) recent ON TRUE
    WHERE s.id = ANY($1::text[])
  ) f
  WHERE m.id = f.id
    AND (m.latest_at, m.latest_value, m.this_week_mean, m.last_week_mean)
      IS DISTINCT FROM (f.latest_at, f.latest_value, f.this_week_mean, f.last_week_mean)`;
