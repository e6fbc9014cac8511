import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { MEASURES, num, scopedCoes, utc, type CoeScope, type Measure } from "@/lib/metrics/incident-sql";
import { recurrencePairsSql } from "@/lib/learnings/recurrence";
import { DURATION_EDGES_SEC, type Summary } from "@/lib/metrics/stats";
import type { CoeSeverity, PilotMetric } from "@/lib/generated/prisma/enums";

// Each part of the incident dashboard as one SQL expression over a CTE named `scoped` (the rows of
// `scopedCoes`), returning JSON, with its parser. A section filters `scoped` to its own time span
// and severity itself, so one MATERIALIZED `scoped` over the widest span serves every section
// in a single statement (lib/metrics/dashboard.ts), and each query function of
// incident-queries.ts runs its one section alone. `scoped` carries no titles, so that it reads
// the covering index of coes alone; the few listed rows join coes for theirs. Durations are in
// seconds; instants come back as epoch milliseconds, since JSON has no timestamp.

export type Section<T> = { sql: Prisma.Sql; parse: (value: unknown) => T };

type Json = Record<string, unknown>;

/** Runs one section over the scope's COEs started in [from, to). */
export async function runSection<T>(scope: CoeScope, from: Date, to: Date, section: Section<T>): Promise<T> {
  const [row] = await db.$queryRaw<{ result: unknown }[]>`
    WITH scoped AS (${scopedCoes(scope, from, to, null)})
    SELECT ${section.sql} AS result`;
  return section.parse(row?.result);
}

function inSpan(from: Date, to: Date, alias = ""): Prisma.Sql {
  const column = Prisma.raw(`${alias}started_at`);
  return Prisma.sql`${column} >= ${utc(from)} AND ${column} < ${utc(to)}`;
}

function ofSeverity(severity: CoeSeverity | null, alias = ""): Prisma.Sql {
  return severity === null ? Prisma.sql`TRUE` : Prisma.sql`${Prisma.raw(`${alias}severity`)} = ${severity}::text`;
}

/** count, median, p90 and mean of one measure as a JSON object, optionally filtered. */
function summaryJson(measure: Measure, filter: Prisma.Sql = Prisma.sql`TRUE`, alias = ""): Prisma.Sql {
  const m = Prisma.raw(`${alias}${measure}`);
  return Prisma.sql`json_build_object(
    'count', count(${m}) FILTER (WHERE ${filter}),
    'median', percentile_cont(0.5) WITHIN GROUP (ORDER BY ${m}) FILTER (WHERE ${filter}),
    'p90', percentile_cont(0.9) WITHIN GROUP (ORDER BY ${m}) FILTER (WHERE ${filter}),
    'mean', avg(${m}) FILTER (WHERE ${filter}))`;
}

function summaryOf(value: unknown): Summary {
  const json = (value ?? {}) as Json;
  return { count: num(json.count) ?? 0, median: num(json.median), p90: num(json.p90), mean: num(json.mean) };
}

function rows(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

function epochMs(column: string): Prisma.Sql {
  return Prisma.sql`(EXTRACT(EPOCH FROM ${Prisma.raw(column)}) * 1000)::float8`;
}

export type MeasureSummaries = { incidents: number } & Record<Measure, Summary>;

function measureSummariesJson(filter: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`json_build_object('incidents', count(*) FILTER (WHERE ${filter}), ${Prisma.join(MEASURES.map((measure) => Prisma.sql`${Prisma.raw(`'${measure}'`)}, ${summaryJson(measure, filter)}`))})`;
}

function measureSummariesOf(value: unknown): MeasureSummaries {
  const json = (value ?? {}) as Json;
  return { incidents: num(json.incidents) ?? 0, ttd: summaryOf(json.ttd), ttm: summaryOf(json.ttm), ttr: summaryOf(json.ttr) };
}

export type HeadlineSpans = { from: Date; to: Date; previousFrom: Date; yearBeforeFrom: Date };

/** TTD/TTM/TTR over the window, the window before it, and the year before the window. */
export function headlineSection(
  spans: HeadlineSpans,
  severity: CoeSeverity | null,
): Section<{ current: MeasureSummaries; previous: MeasureSummaries; yearBefore: MeasureSummaries }> {
  const earliest = spans.yearBeforeFrom < spans.previousFrom ? spans.yearBeforeFrom : spans.previousFrom;
  const current = Prisma.sql`started_at >= ${utc(spans.from)}`;
  const previous = Prisma.sql`started_at >= ${utc(spans.previousFrom)} AND started_at < ${utc(spans.from)}`;
  const yearBefore = Prisma.sql`started_at < ${utc(spans.from)}`;
  return {
    sql: Prisma.sql`(SELECT json_build_object(
        'current', ${measureSummariesJson(current)},
        'previous', ${measureSummariesJson(previous)},
        'year_before', ${measureSummariesJson(yearBefore)})
      FROM scoped WHERE ${inSpan(earliest, spans.to)} AND ${ofSeverity(severity)})`,
    parse: (value) => {
      const json = (value ?? {}) as Json;
      return { current: measureSummariesOf(json.current), previous: measureSummariesOf(json.previous), yearBefore: measureSummariesOf(json.year_before) };
    },
  };
}

/** TTD/TTM/TTR over a span, every severity: a pilot's baseline, and where a pilot stands now. */
export function spanSummariesSection(from: Date, to: Date): Section<MeasureSummaries> {
  return { sql: Prisma.sql`(SELECT ${measureSummariesJson(Prisma.sql`TRUE`)} FROM scoped WHERE ${inSpan(from, to)})`, parse: measureSummariesOf };
}

export type SeverityFigures = { severity: string; incidents: number } & Record<Measure, Summary>;

/** The window's incidents per severity (whatever the severity switch says). */
export function bySeveritySection(from: Date, to: Date): Section<SeverityFigures[]> {
  return {
    sql: Prisma.sql`(SELECT coalesce(json_agg(json_build_object('severity', severity, 'figures', figures)), '[]'::json)
      FROM (SELECT severity, ${measureSummariesJson(Prisma.sql`TRUE`)} AS figures FROM scoped WHERE ${inSpan(from, to)} GROUP BY severity) per_severity)`,
    parse: (value) => rows(value).map((row) => ({ severity: String(row.severity), ...measureSummariesOf(row.figures) })),
  };
}

export type TeamFigures = { teamId: string; incidents: number; ttr: Summary; ttd: Summary };

/**
 * TTR and TTD per listed team over its whole subtree: `pairs` holds a (team, member) pair for every
 * team in the subtree of every listed team. Teams without incidents are missing from the result.
 */
export function byTeamSection(
  pairs: { roots: string[]; members: string[] },
  from: Date,
  to: Date,
  severity: CoeSeverity | null,
): Section<Map<string, TeamFigures>> {
  return {
    sql: Prisma.sql`(SELECT coalesce(json_agg(json_build_object('team_id', root_id, 'incidents', incidents, 'ttr', ttr, 'ttd', ttd)), '[]'::json)
      FROM (
        SELECT pair.root_id, count(s.id) AS incidents, ${summaryJson("ttr", Prisma.sql`TRUE`, "s.")} AS ttr, ${summaryJson("ttd", Prisma.sql`TRUE`, "s.")} AS ttd
        FROM unnest(${pairs.roots}::text[], ${pairs.members}::text[]) AS pair(root_id, member_id)
        JOIN scoped s ON s.team_id = pair.member_id AND ${inSpan(from, to, "s.")} AND ${ofSeverity(severity, "s.")}
        GROUP BY pair.root_id
      ) per_team)`,
    parse: (value) =>
      new Map(
        rows(value).map((row) => {
          const teamId = String(row.team_id);
          return [teamId, { teamId, incidents: num(row.incidents) ?? 0, ttr: summaryOf(row.ttr), ttd: summaryOf(row.ttd) }];
        }),
      ),
  };
}

/** How many incidents took how long to resolve, in the buckets of DURATION_EDGES_SEC. */
export function distributionSection(from: Date, to: Date, severity: CoeSeverity | null): Section<number[]> {
  return {
    sql: Prisma.sql`(SELECT coalesce(json_agg(json_build_object('bucket', bucket, 'incidents', incidents)), '[]'::json)
      FROM (
        SELECT width_bucket(ttr, ${[...DURATION_EDGES_SEC]}::float8[]) AS bucket, count(*) AS incidents
        FROM scoped WHERE ${inSpan(from, to)} AND ${ofSeverity(severity)} AND ttr IS NOT NULL
        GROUP BY 1
      ) buckets)`,
    parse: (value) => {
      const counts = new Array<number>(DURATION_EDGES_SEC.length + 1).fill(0);
      for (const row of rows(value)) counts[Number(row.bucket)] = Number(row.incidents);
      return counts;
    },
  };
}

export type TrendWeek = { weekStart: string; incidents: number; ttrMedian: number | null; ttrP90: number | null; ttdMedian: number | null };

/** Incidents and TTR/TTD per week, from the week starting `firstWeek` to the one starting `lastWeek`, counting starts before `to`. */
export function weeklyTrendSection(firstWeek: Date, lastWeek: Date, to: Date, severity: CoeSeverity | null): Section<TrendWeek[]> {
  return {
    sql: Prisma.sql`(SELECT json_agg(json_build_object('week_start', to_char(start, 'YYYY-MM-DD'), 'incidents', incidents, 'ttr_median', ttr_median, 'ttr_p90', ttr_p90, 'ttd_median', ttd_median) ORDER BY start)
      FROM (
        SELECT week.start, count(s.id) AS incidents,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY s.ttr) AS ttr_median,
          percentile_cont(0.9) WITHIN GROUP (ORDER BY s.ttr) AS ttr_p90,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY s.ttd) AS ttd_median
        FROM generate_series(${utc(firstWeek)}, ${utc(lastWeek)}, interval '1 week') AS week(start)
        LEFT JOIN scoped s ON date_trunc('week', s.started_at) = week.start AND ${inSpan(firstWeek, to, "s.")} AND ${ofSeverity(severity, "s.")}
        GROUP BY week.start
      ) weeks)`,
    parse: (value) =>
      rows(value).map((row) => ({
        weekStart: String(row.week_start),
        incidents: num(row.incidents) ?? 0,
        ttrMedian: num(row.ttr_median),
        ttrP90: num(row.ttr_p90),
        ttdMedian: num(row.ttd_median),
      })),
  };
}

export type CategoryRow = { categoryId: string; name: string; incidents: number; ttrMedian: number | null; ttrTotal: number };

/** Incidents per contributing-factor category (a COE counts once per category), most frequent first. */
export function byCategorySection(from: Date, to: Date, severity: CoeSeverity | null): Section<CategoryRow[]> {
  return {
    sql: Prisma.sql`(WITH counted AS (SELECT id, ttr FROM scoped WHERE ${inSpan(from, to)} AND ${ofSeverity(severity)}),
      tagged AS (SELECT DISTINCT cf.coe_id, cf.category_id FROM contributing_factors cf WHERE cf.coe_id IN (SELECT id FROM counted))
      SELECT coalesce(json_agg(json_build_object('category_id', id, 'name', name, 'incidents', incidents, 'ttr_median', ttr_median, 'ttr_total', ttr_total)
        ORDER BY incidents DESC, ttr_total DESC, name), '[]'::json)
      FROM (
        SELECT fc.id, fc.name, count(*) AS incidents,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY counted.ttr) AS ttr_median,
          coalesce(sum(counted.ttr), 0)::float8 AS ttr_total
        FROM tagged
        JOIN counted ON counted.id = tagged.coe_id
        JOIN factor_categories fc ON fc.id = tagged.category_id
        GROUP BY fc.id, fc.name
      ) per_category)`,
    parse: (value) =>
      rows(value).map((row) => ({
        categoryId: String(row.category_id),
        name: String(row.name),
        incidents: num(row.incidents) ?? 0,
        ttrMedian: num(row.ttr_median),
        ttrTotal: num(row.ttr_total) ?? 0,
      })),
  };
}

export type RecurrenceRow = {
  coeId: string;
  title: string;
  startedAt: Date;
  earlierCoeId: string;
  earlierTitle: string;
  earlierApprovedAt: Date;
  serviceName: string;
  categoryName: string;
  /** From the earlier COE's approval to this incident's start. */
  daysApart: number;
};

/**
 * Recurrences: a COE started in [from, to) that recurs an earlier COE of the scope by the rule the
 * COE page uses (lib/learnings/recurrence.ts: same service and factor category, approved within
 * the 180 days before), paired per service and category with the most recently approved such COE.
 * Newest first. The earlier COE may be the scope's or, as on the COE page, any approved COE of the
 * organization that is not restricted (what every reader may open); it is read from `coes` by
 * approval time, not from `scoped`, whose span is by start.
 * The span's COEs are walked newest first, each paired on its own (a lateral join), so PostgreSQL
 * stops once it has the newest `limit` rows instead of pairing every COE of the span (a root team's
 * quarter: 475 COEs, ~9,400 service-sharing candidates).
 */
export function recurrencesSection(scope: CoeScope, from: Date, to: Date, limit: number): Section<RecurrenceRow[]> {
  const pairs = recurrencePairsSql(
    Prisma.sql`SELECT subject.id`,
    Prisma.sql`(c.team_id = ANY(${[...scope.teamIds]}::text[]) OR (c.status IN ('APPROVED', 'CLOSED') AND NOT c.restricted))`,
  );
  return {
    sql: Prisma.sql`(WITH recurring AS (
        SELECT subject.id, subject.started_at, l.earlier_id, l.earlier_approved_at, svc.name AS service_name, fc.name AS category_name
        FROM (SELECT s.id, s.started_at FROM scoped s WHERE ${inSpan(from, to, "s.")} ORDER BY s.started_at DESC) subject
        CROSS JOIN LATERAL (
          SELECT DISTINCT ON (p.service_id, p.category_id) p.*
          FROM (${pairs}) p
          ORDER BY p.service_id, p.category_id, p.earlier_approved_at DESC, p.earlier_id DESC
        ) l
        JOIN services svc ON svc.id = l.service_id
        JOIN factor_categories fc ON fc.id = l.category_id
        ORDER BY subject.started_at DESC, svc.name, fc.name, subject.id
        LIMIT ${limit}
      )
      SELECT coalesce(json_agg(json_build_object(
          'coe_id', r.id, 'title', coe.title, 'started_ms', ${epochMs("r.started_at")},
          'earlier_id', r.earlier_id, 'earlier_title', earlier.title, 'earlier_approved_ms', ${epochMs("r.earlier_approved_at")},
          'service_name', r.service_name, 'category_name', r.category_name,
          'days_apart', EXTRACT(EPOCH FROM r.started_at - r.earlier_approved_at)::float8 / 86400)
        ORDER BY r.started_at DESC, r.service_name, r.category_name, r.id), '[]'::json)
      FROM recurring r
      JOIN coes coe ON coe.id = r.id
      JOIN coes earlier ON earlier.id = r.earlier_id)`,
    parse: (value) =>
      rows(value).map((row) => ({
        coeId: String(row.coe_id),
        title: String(row.title),
        startedAt: new Date(Number(row.started_ms)),
        earlierCoeId: String(row.earlier_id),
        earlierTitle: String(row.earlier_title),
        earlierApprovedAt: new Date(Number(row.earlier_approved_ms)),
        serviceName: String(row.service_name),
        categoryName: String(row.category_name),
        daysApart: num(row.days_apart) ?? 0,
      })),
  };
}

export type IncidentRow = {
  coeId: string;
  title: string;
  teamId: string;
  severity: CoeSeverity;
  startedAt: Date;
  ttd: number | null;
  ttm: number | null;
  ttr: number | null;
};

/** The span's incidents with their own three durations, longest to resolve first (unresolved first of all). */
export function slowestSection(from: Date, to: Date, severity: CoeSeverity | null, limit: number): Section<IncidentRow[]> {
  return {
    sql: Prisma.sql`(SELECT coalesce(json_agg(json_build_object('id', slowest.id, 'title', c.title, 'team_id', slowest.team_id, 'severity', slowest.severity,
          'started_ms', ${epochMs("slowest.started_at")}, 'ttd', slowest.ttd, 'ttm', slowest.ttm, 'ttr', slowest.ttr)
        ORDER BY slowest.ttr DESC NULLS FIRST, slowest.started_at DESC, slowest.id), '[]'::json)
      FROM (
        SELECT id, team_id, severity, started_at, ttd, ttm, ttr FROM scoped
        WHERE ${inSpan(from, to)} AND ${ofSeverity(severity)}
        ORDER BY ttr DESC NULLS FIRST, started_at DESC, id
        LIMIT ${limit}
      ) slowest
      JOIN coes c ON c.id = slowest.id)`,
    parse: (value) =>
      rows(value).map((row) => ({
        coeId: String(row.id),
        title: String(row.title),
        teamId: String(row.team_id),
        severity: String(row.severity) as CoeSeverity,
        startedAt: new Date(Number(row.started_ms)),
        ttd: num(row.ttd),
        ttm: num(row.ttm),
        ttr: num(row.ttr),
      })),
  };
}

const ACTION_KEYS = ["created", "closed", "wontDo", "open", "overdue"] as const;
export type ActionFigures = Record<(typeof ACTION_KEYS)[number], number>;
export { ACTION_KEYS };

/**
 * Each team's own corrective actions (not rolled up): created since `from` and how many of those
 * are done (done or verified) or won't do, and what is open or overdue on `today` whenever it was
 * created. Reads corrective_actions, not `scoped`.
 */
export function actionFiguresSection(scope: CoeScope, from: Date, today: string): Section<Map<string, ActionFigures>> {
  // Two index range scans instead of one pass over every action of the subtree: the actions
  // created in the window ((organization, team, created_at, status)) and the open ones
  // ((organization, team, status, due_date)). Enum comparisons, not ::text casts, which cost a
  // catalog lookup per row.
  const teams = Prisma.sql`a.organization_id = ${scope.organizationId} AND a.team_id = ANY(${[...scope.teamIds]}::text[])`;
  return {
    sql: Prisma.sql`(SELECT coalesce(json_agg(json_build_object('team_id', team_id, 'created', created, 'closed', closed, 'wont_do', wont_do, 'open', open, 'overdue', overdue)), '[]'::json)
      FROM (
        SELECT team_id, sum(created) AS created, sum(closed) AS closed, sum(wont_do) AS wont_do, sum(open) AS open, sum(overdue) AS overdue
        FROM (
          SELECT a.team_id, count(*) AS created,
            count(*) FILTER (WHERE a.status IN ('DONE', 'VERIFIED')) AS closed,
            count(*) FILTER (WHERE a.status = 'WONT_DO') AS wont_do,
            0 AS open, 0 AS overdue
          FROM corrective_actions a
          WHERE ${teams} AND a.created_at >= ${utc(from)}
          GROUP BY a.team_id
          UNION ALL
          SELECT a.team_id, 0, 0, 0, count(*), count(*) FILTER (WHERE a.due_date < ${today}::date)
          FROM corrective_actions a
          WHERE ${teams} AND a.status IN ('OPEN', 'IN_PROGRESS')
          GROUP BY a.team_id
        ) parts
        GROUP BY team_id
      ) per_team)`,
    parse: (value) =>
      new Map(
        rows(value).map((row) => [
          String(row.team_id),
          {
            created: num(row.created) ?? 0,
            closed: num(row.closed) ?? 0,
            wontDo: num(row.wont_do) ?? 0,
            open: num(row.open) ?? 0,
            overdue: num(row.overdue) ?? 0,
          },
        ]),
      ),
  };
}

export type PilotRow = {
  teamId: string;
  metric: PilotMetric;
  baselineMedianSec: number | null;
  baselineCount: number;
  startedAt: Date;
  startedBy: { name: string } | null;
};

/** The improvement pilots of the scope's teams. Reads improvement_pilots, not `scoped`. */
export function pilotsSection(scope: CoeScope): Section<PilotRow[]> {
  return {
    sql: Prisma.sql`(SELECT coalesce(json_agg(json_build_object('team_id', p.team_id, 'metric', p.metric, 'baseline_median_sec', p.baseline_median_sec,
          'baseline_count', p.baseline_count, 'started_ms', ${epochMs("p.started_at")}, 'started_by', u.name)), '[]'::json)
      FROM improvement_pilots p LEFT JOIN users u ON u.id = p.started_by_id
      WHERE p.organization_id = ${scope.organizationId} AND p.team_id = ANY(${[...scope.teamIds]}::text[]))`,
    parse: (value) =>
      rows(value).map((row) => ({
        teamId: String(row.team_id),
        metric: String(row.metric) as PilotMetric,
        baselineMedianSec: num(row.baseline_median_sec),
        baselineCount: num(row.baseline_count) ?? 0,
        startedAt: new Date(Number(row.started_ms)),
        startedBy: row.started_by === null || row.started_by === undefined ? null : { name: String(row.started_by) },
      })),
  };
}
