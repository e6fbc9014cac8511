import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { DAY_MS, num, utc } from "@/lib/metrics/incident-sql";
import { flagWeight, metricFlags, type Direction, type MetricFlag } from "@/lib/metrics/stats";
import type { Principal } from "@/lib/permissions";
import { visibleMetricsSql, visibleMetricsWhere } from "@/lib/metrics/access";
import { teamRecordServicesWhere } from "@/lib/services/access";

// Key service metrics: definitions with their latest figures and flags, and short series for the
// small charts. Every query takes the reader and applies lib/metrics/access.ts; the teams callers
// pass narrow that further (a metrics view's subtree).

export type MetricOverview = {
  id: string;
  name: string;
  unit: string;
  description: string;
  direction: Direction;
  target: number | null;
  cadence: "DAILY" | "WEEKLY";
  anomalyThresholdPct: number | null;
  serviceId: string;
  serviceName: string;
  teamId: string;
  latestValue: number | null;
  latestAt: Date | null;
  thisWeek: number | null;
  lastWeek: number | null;
  flags: MetricFlag[];
};

/**
 * Every active metric of the services the teams own, with the latest value and the means of the
 * seven days up to it and the seven days before (for a weekly metric: its last two values).
 */
export async function metricOverviews(user: Principal, teamIds: readonly string[], filter: OverviewFilter = {}): Promise<MetricOverview[]> {
  // The figures are kept on the metric (lib/metrics/summary-mutations.ts): one row per metric. One JSON
  // array, not a row per metric: a top-level team has hundreds of metrics, and decoding rows value
  // by value costs the server far more than one JSON.parse.
  const [row] = await db.$queryRaw<{ metrics: unknown }[]>(metricOverviewsSql(user, teamIds, filter));
  return metricOverviewsFrom(row?.metrics);
}

type OverviewFilter = { serviceId?: string; needsAttentionOnly?: boolean };

/** One metric as the JSON object metricOverviewsFrom reads, over `service_metrics m JOIN services s`. */
const overviewJsonSql = Prisma.sql`json_build_object(
  'id', m.id, 'name', m.name, 'unit', m.unit, 'description', m.description, 'direction', m.direction, 'target', m.target,
  'cadence', m.cadence, 'anomaly_threshold_pct', m.anomaly_threshold_pct, 'service_id', s.id, 'service_name', s.name, 'team_id', s.team_id,
  'latest_value', m.latest_value, 'latest_ms', (EXTRACT(EPOCH FROM m.latest_at) * 1000)::float8,
  'this_week', m.this_week_mean, 'last_week', m.last_week_mean)`;

/** The active metrics of the teams' services that the reader may see, as `service_metrics m JOIN services s`. */
function overviewRowsSql(user: Principal, teamIds: readonly string[], filter: OverviewFilter): Prisma.Sql {
  return Prisma.sql`service_metrics m
    JOIN services s ON s.id = m.service_id
    WHERE ${visibleMetricsSql(user)} AND s.organization_id = ${user.organizationId}
      AND s.team_id = ANY(${[...teamIds]}::text[])
      AND m.archived_at IS NULL
      AND (${filter.serviceId ?? null}::text IS NULL OR s.id = ${filter.serviceId ?? null}::text)
      ${filter.needsAttentionOnly ? Prisma.sql`AND ${needsAttentionSql}` : Prisma.empty}`;
}

/** The overview's statement: one row whose `metrics` column is the JSON array metricOverviewsFrom reads. */
export function metricOverviewsSql(user: Principal, teamIds: readonly string[], filter: OverviewFilter = {}): Prisma.Sql {
  return Prisma.sql`SELECT coalesce(json_agg(${overviewJsonSql} ORDER BY s.name, m.name), '[]'::json) AS metrics
    FROM ${overviewRowsSql(user, teamIds, filter)}`;
}

// The flags of lib/metrics/stats.ts (metricFlags) in SQL over the figures kept on `m`, so a caller
// that shows only some metrics (home, the metrics page's first cards) does not turn every metric of
// a large subtree into JSON. service-queries.test.ts proves they pick and order as the flags do.
/** The latest value is on the wrong side of the target. */
const breachSql = Prisma.sql`(m.target IS NOT NULL AND m.latest_value IS NOT NULL
  AND CASE WHEN m.direction = 'UP' THEN m.latest_value < m.target ELSE m.latest_value > m.target END)`;
/**
 * The week-over-week move beyond the threshold in float8, the operations of weekOverWeek
 * (lib/metrics/stats.ts) in its order, so the same doubles give the same answer. Only for figures
 * where no step can overflow or underflow: PostgreSQL stops the statement where JavaScript gets
 * Infinity or 0 (within these bounds the ratio stays between 2^-53 and 2e298).
 */
const floatMoveSafeSql = Prisma.sql`abs(m.last_week_mean) BETWEEN 1e-8::float8 AND 1e290::float8 AND abs(m.this_week_mean) <= 1e290::float8`;
const floatMoveBeyondSql = Prisma.sql`abs(((m.this_week_mean - m.last_week_mean) / abs(m.last_week_mean)) * 100) > m.anomaly_threshold_pct`;
/** The same in numeric, for figures outside those bounds: ten times slower, so not for every row. */
const numericMoveBeyondSql = Prisma.sql`abs((m.this_week_mean::numeric - m.last_week_mean::numeric) / abs(m.last_week_mean::numeric)) * 100 > m.anomaly_threshold_pct::numeric`;
/** This week moved from last week by more than the threshold, either way. */
const beyondThresholdSql = Prisma.sql`(m.anomaly_threshold_pct IS NOT NULL AND m.this_week_mean IS NOT NULL AND m.last_week_mean IS NOT NULL
  AND m.last_week_mean <> 0
  AND CASE WHEN ${floatMoveSafeSql} THEN ${floatMoveBeyondSql} ELSE ${numericMoveBeyondSql} END)`;
/** ...and the bad way. */
const regressionSql = Prisma.sql`(${beyondThresholdSql}
  AND CASE WHEN m.direction = 'UP' THEN m.this_week_mean < m.last_week_mean ELSE m.this_week_mean > m.last_week_mean END)`;
/** needsAttention: a breach or a regression. */
const needsAttentionSql = Prisma.sql`(${breachSql} OR ${regressionSql})`;
/** flagWeight: a breach 4, a regression 2, any flag 1. */
const flagWeightSql = Prisma.sql`((CASE WHEN ${breachSql} THEN 4 ELSE 0 END) + (CASE WHEN ${regressionSql} THEN 2 ELSE 0 END)
  + (CASE WHEN ${breachSql} OR ${beyondThresholdSql} THEN 1 ELSE 0 END))`;

/** Metric overviews with their flags from the statement's JSON array. */
export function metricOverviewsFrom(json: unknown): MetricOverview[] {
  const rows = Array.isArray(json) ? (json as Record<string, unknown>[]) : [];
  return rows.map((row) => {
    const direction = row.direction === "UP" ? "UP" : "DOWN";
    const overview = {
      id: String(row.id),
      name: String(row.name),
      unit: String(row.unit),
      description: String(row.description),
      direction,
      target: num(row.target),
      cadence: row.cadence === "WEEKLY" ? "WEEKLY" : "DAILY",
      anomalyThresholdPct: num(row.anomaly_threshold_pct),
      serviceId: String(row.service_id),
      serviceName: String(row.service_name),
      teamId: String(row.team_id),
      latestValue: num(row.latest_value),
      latestAt: row.latest_ms === null || row.latest_ms === undefined ? null : new Date(Number(row.latest_ms)),
      thisWeek: num(row.this_week),
      lastWeek: num(row.last_week),
    } satisfies Omit<MetricOverview, "flags">;
    return {
      ...overview,
      flags: metricFlags({
        latest: overview.latestValue,
        thisWeek: overview.thisWeek,
        lastWeek: overview.lastWeek,
        target: overview.target,
        thresholdPct: overview.anomalyThresholdPct,
        direction,
      }),
    };
  });
}

export type SeriesPoint = { day: string; value: number };

/** Daily means of each metric over the last `days` days, for the small charts (summed as numeric: no float8 overflow). */
export async function dailySeries(user: Principal, metricIds: readonly string[], now: Date, days = 90): Promise<Map<string, SeriesPoint[]>> {
  const series = new Map<string, SeriesPoint[]>(metricIds.map((metricId) => [metricId, []]));
  if (metricIds.length === 0) return series;
  const since = new Date(now.getTime() - days * DAY_MS);
  const rows = await db.$queryRaw<{ metric_id: string; day: string; value: number }[]>`
    SELECT v.metric_id, to_char(date_trunc('day', v.recorded_at), 'YYYY-MM-DD') AS day, avg(v.value::numeric)::float8 AS value
    FROM metric_values v
    WHERE v.metric_id = ANY(${[...metricIds]}::text[]) AND v.recorded_at >= ${utc(since)}
      AND v.metric_id IN (SELECT m.id FROM service_metrics m JOIN services s ON s.id = m.service_id WHERE ${visibleMetricsSql(user)} AND m.id = ANY(${[...metricIds]}::text[]))
    GROUP BY v.metric_id, 2
    ORDER BY v.metric_id, 2`;
  for (const row of rows) series.get(row.metric_id)?.push({ day: row.day, value: Number(row.value) });
  return series;
}

/** The latest values of one service's metrics, newest first, for the table on the service page. */
export async function recentValues(user: Principal, serviceId: string, limit = 50) {
  return db.metricValue.findMany({
    where: { organizationId: user.organizationId, serviceId, metric: { AND: [visibleMetricsWhere(user), { archivedAt: null }] } },
    select: {
      id: true,
      recordedAt: true,
      value: true,
      metric: { select: { id: true, name: true, unit: true, target: true, direction: true } },
      recordedBy: { select: { name: true } },
    },
    orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

export type MetricCards = {
  /** The first metrics in the overview's order: flagged first (flagWeight), then by service and name. */
  cards: MetricOverview[];
  /** How many metrics the teams' services have, and how many of them carry a flag. */
  total: number;
  flagged: number;
  /** The services the teams own, by name, each saying whether it has a metric. */
  services: { id: string; name: string; hasMetrics: boolean }[];
};

/**
 * The metrics page's one read: the first `cards` metrics of the teams' services in the overview's
 * order, the counts, and the services. Only the cards drawn become JSON (a root team has hundreds
 * of metrics).
 */
export async function metricCards(user: Principal, teamIds: readonly string[], cards: number): Promise<MetricCards> {
  const [row] = await db.$queryRaw<{ total: number; flagged: number; cards: unknown; services: unknown }[]>`
    WITH listed AS MATERIALIZED (
      SELECT m.id, m.service_id, s.name AS service_name, m.name, ${flagWeightSql} AS weight FROM ${overviewRowsSql(user, teamIds, {})}
    ),
    drawn AS (SELECT id, weight, service_name, name FROM listed ORDER BY weight DESC, service_name, name, id LIMIT ${cards})
    SELECT (SELECT count(*)::int FROM listed) AS total,
      (SELECT count(*)::int FROM listed WHERE weight > 0) AS flagged,
      (SELECT coalesce(json_agg(${overviewJsonSql} ORDER BY d.weight DESC, d.service_name, d.name, d.id), '[]'::json)
       FROM drawn d JOIN service_metrics m ON m.id = d.id JOIN services s ON s.id = m.service_id) AS cards,
      (SELECT coalesce(json_agg(json_build_object('id', s.id, 'name', s.name, 'hasMetrics', w.service_id IS NOT NULL) ORDER BY s.name), '[]'::json)
       FROM services s LEFT JOIN (SELECT DISTINCT service_id FROM listed) w ON w.service_id = s.id
       WHERE s.organization_id = ${user.organizationId} AND s.team_id = ANY(${[...teamIds]}::text[])) AS services`;
  return {
    cards: metricOverviewsFrom(row?.cards),
    total: row?.total ?? 0,
    flagged: row?.flagged ?? 0,
    services: Array.isArray(row?.services) ? (row.services as MetricCards["services"]) : [],
  };
}

/** A service whose metrics the user may read, with its owning team; null for any other. */
export async function findServiceForMetrics(user: Principal, serviceId: string) {
  return db.service.findFirst({
    where: { AND: [{ id: serviceId }, teamRecordServicesWhere(user)] },
    select: { id: true, name: true, description: true, teamId: true, team: { select: { name: true } } },
  });
}

/**
 * The metrics to look at first in a weekly review: breached targets and week-over-week moves
 * beyond the threshold, regressions before improvements.
 */
export async function flaggedMetrics(user: Principal, teamIds: readonly string[]): Promise<MetricOverview[]> {
  return flaggedOnly(await metricOverviews(user, teamIds));
}

/** The flagged metrics among overviews, the most pressing first (flaggedMetrics). */
export function flaggedOnly(metrics: readonly MetricOverview[]): MetricOverview[] {
  return metrics
    .filter((metric) => metric.flags.length > 0)
    .sort((a, b) => flagWeight(b.flags) - flagWeight(a.flags) || a.serviceName.localeCompare(b.serviceName));
}

/**
 * The API's page of metric overviews, by id after a cursor: the page's rows and their figures in one
 * statement (the overview JSON is built for the page's rows only).
 */
export async function metricOverviewsPage(
  user: Principal,
  teamIds: readonly string[],
  filter: { serviceId?: string; afterId?: string; take: number },
): Promise<MetricOverview[]> {
  const [row] = await db.$queryRaw<{ metrics: unknown }[]>`
    SELECT coalesce(json_agg(page.metric ORDER BY page.id), '[]'::json) AS metrics
    FROM (
      SELECT m.id, ${overviewJsonSql} AS metric
      FROM ${overviewRowsSql(user, teamIds, { serviceId: filter.serviceId })}
        AND (${filter.afterId ?? null}::text IS NULL OR m.id > ${filter.afterId ?? null}::text)
      ORDER BY m.id
      LIMIT ${filter.take}
    ) page`;
  return metricOverviewsFrom(row?.metrics);
}

/** A metric the caller may read, with the team that owns its service; null for any other. */
export async function findReadableMetric(user: Principal, metricId: string) {
  return db.serviceMetric.findFirst({
    where: { AND: [{ id: metricId }, visibleMetricsWhere(user)] },
    select: { id: true, service: { select: { teamId: true } } },
  });
}

/** One metric's values in time order, keyset-paginated on (recordedAt, id); `take` rows. */
export async function metricValuesPage(
  user: Principal,
  metricId: string,
  filter: { from?: string; to?: string; after: readonly [string, string] | null; take: number },
) {
  const where: Prisma.MetricValueWhereInput[] = [{ metricId, organizationId: user.organizationId, metric: visibleMetricsWhere(user) }];
  if (filter.from) where.push({ recordedAt: { gte: new Date(filter.from) } });
  if (filter.to) where.push({ recordedAt: { lt: new Date(filter.to) } });
  if (filter.after) {
    const at = new Date(filter.after[0]);
    where.push({ OR: [{ recordedAt: { gt: at } }, { recordedAt: at, id: { gt: BigInt(filter.after[1]) } }] });
  }
  return db.metricValue.findMany({
    where: { AND: where },
    select: { id: true, recordedAt: true, value: true },
    orderBy: [{ recordedAt: "asc" }, { id: "asc" }],
    take: filter.take,
  });
}

/** Every value of a service's live metrics, by metric name then time (the CSV download). */
export async function serviceMetricValuesForExport(user: Principal, serviceId: string) {
  return db.metricValue.findMany({
    where: { organizationId: user.organizationId, serviceId, metric: { AND: [visibleMetricsWhere(user), { archivedAt: null }] } },
    select: { recordedAt: true, value: true, metric: { select: { name: true } } },
    orderBy: [{ metric: { name: "asc" } }, { recordedAt: "asc" }],
  });
}
