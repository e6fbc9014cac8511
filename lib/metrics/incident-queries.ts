import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { DAY_MS, MEASURES, num, scopedCoes, summaryColumns, summaryFrom, utc, type CoeScope, type Measure } from "@/lib/metrics/incident-sql";
import { DURATION_EDGES_SEC, type Summary } from "@/lib/metrics/stats";
import { SEVERITIES, type Severity } from "@/lib/metrics/schemas";
import { subtreeIds, type TeamNode } from "@/lib/org/tree";

// Incident metrics from COE timestamps, aggregated in PostgreSQL (percentile_cont is the same
// linear-interpolation percentile as lib/metrics/stats.ts). Each function is one query.

export type MeasureSummaries = { incidents: number } & Record<Measure, Summary>;

export type Windows = { from: Date; to: Date; previousFrom: Date; yearBeforeFrom: Date };

export function windowsEndingAt(now: Date, windowDays: number): Windows {
  const from = new Date(now.getTime() - windowDays * DAY_MS);
  return { from, to: now, previousFrom: new Date(from.getTime() - windowDays * DAY_MS), yearBeforeFrom: new Date(from.getTime() - 365 * DAY_MS) };
}

/**
 * TTD/TTM/TTR over the window, the window before it, and the year before the window (the
 * baseline of a team that is not a pilot), in one pass over the scope's COEs.
 */
export async function headlineSummaries(scope: CoeScope, windows: Windows, severity: Severity | null) {
  const periods = {
    current: Prisma.sql`started_at >= ${utc(windows.from)}`,
    previous: Prisma.sql`started_at >= ${utc(windows.previousFrom)} AND started_at < ${utc(windows.from)}`,
    year_before: Prisma.sql`started_at < ${utc(windows.from)}`,
  };
  // Aliases are unquoted identifiers, which PostgreSQL folds to lower case: keep them snake_case.
  const columns = Object.entries(periods).flatMap(([period, filter]) => [
    Prisma.sql`count(*) FILTER (WHERE ${filter})::int AS ${Prisma.raw(`${period}_incidents`)}`,
    ...MEASURES.map((measure) => summaryColumns(measure, `${period}_${measure}`, filter)),
  ]);
  const earliest = windows.yearBeforeFrom < windows.previousFrom ? windows.yearBeforeFrom : windows.previousFrom;
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${Prisma.join(columns)} FROM (${scopedCoes(scope, earliest, windows.to, severity)}) scoped`;
  const summaries = (period: string): MeasureSummaries => ({
    incidents: num(row?.[`${period}_incidents`]) ?? 0,
    ttd: summaryFrom(row, `${period}_ttd`),
    ttm: summaryFrom(row, `${period}_ttm`),
    ttr: summaryFrom(row, `${period}_ttr`),
  });
  return { current: summaries("current"), previous: summaries("previous"), yearBefore: summaries("year_before") };
}

/** One summary of one measure over a span: what a pilot captures as its baseline. */
export async function measureSummary(scope: CoeScope, measure: Measure, from: Date, to: Date): Promise<Summary> {
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${summaryColumns(measure, "m")} FROM (${scopedCoes(scope, from, to, null)}) scoped`;
  return summaryFrom(row, "m");
}

export type SeverityRow = { severity: Severity; incidents: number } & Record<Measure, Summary>;

export async function bySeverity(scope: CoeScope, windows: Windows): Promise<SeverityRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT severity, count(*)::int AS incidents, ${Prisma.join(MEASURES.map((measure) => summaryColumns(measure, measure)))}
    FROM (${scopedCoes(scope, windows.from, windows.to, null)}) scoped
    GROUP BY severity`;
  return SEVERITIES.map((severity) => {
    const row = rows.find((candidate) => candidate.severity === severity);
    return { severity, incidents: num(row?.incidents) ?? 0, ttd: summaryFrom(row, "ttd"), ttm: summaryFrom(row, "ttm"), ttr: summaryFrom(row, "ttr") };
  });
}

export type TeamRollupRow = { teamId: string; incidents: number; ttr: Summary; ttd: Summary };

/**
 * TTR and TTD per team, each over its whole subtree. Percentiles do not add up, so each team's
 * figure is computed over its subtree's incidents: the query joins a (team, member) pair for every
 * team in the subtree of every listed team.
 */
export async function byTeamRolledUp(scope: CoeScope, teams: readonly TeamNode[], listed: readonly string[], windows: Windows, severity: Severity | null): Promise<TeamRollupRow[]> {
  const roots: string[] = [];
  const members: string[] = [];
  for (const teamId of listed) {
    for (const memberId of subtreeIds(teams, teamId)) {
      roots.push(teamId);
      members.push(memberId);
    }
  }
  if (roots.length === 0) return [];
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT pair.root_id, count(scoped.id)::int AS incidents, ${summaryColumns("ttr", "ttr")}, ${summaryColumns("ttd", "ttd")}
    FROM unnest(${roots}::text[], ${members}::text[]) AS pair(root_id, member_id)
    LEFT JOIN (${scopedCoes(scope, windows.from, windows.to, severity)}) scoped ON scoped.team_id = pair.member_id
    GROUP BY pair.root_id`;
  return listed.map((teamId) => {
    const row = rows.find((candidate) => candidate.root_id === teamId);
    return { teamId, incidents: num(row?.incidents) ?? 0, ttr: summaryFrom(row, "ttr"), ttd: summaryFrom(row, "ttd") };
  });
}

/** How many incidents took how long to resolve, in the buckets of DURATION_EDGES_SEC. */
export async function ttrDistribution(scope: CoeScope, windows: Windows, severity: Severity | null): Promise<number[]> {
  const rows = await db.$queryRaw<{ bucket: number; incidents: number }[]>`
    SELECT width_bucket(ttr, ${[...DURATION_EDGES_SEC]}::float8[]) AS bucket, count(*)::int AS incidents
    FROM (${scopedCoes(scope, windows.from, windows.to, severity)}) scoped
    WHERE ttr IS NOT NULL
    GROUP BY 1`;
  const counts = new Array<number>(DURATION_EDGES_SEC.length + 1).fill(0);
  for (const row of rows) counts[Number(row.bucket)] = Number(row.incidents);
  return counts;
}

export type TrendWeek = { weekStart: string; incidents: number; ttrMedian: number | null; ttrP90: number | null; ttdMedian: number | null };

/** Weekly incidents and TTR/TTD by the week the incident started (weeks start on Monday, UTC). */
export async function weeklyTrend(scope: CoeScope, now: Date, weeks: number, severity: Severity | null): Promise<TrendWeek[]> {
  const thisWeek = startOfUtcWeek(now);
  const from = new Date(thisWeek.getTime() - (weeks - 1) * 7 * DAY_MS);
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT to_char(week.start, 'YYYY-MM-DD') AS week_start, count(scoped.id)::int AS incidents,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY scoped.ttr) AS ttr_median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY scoped.ttr) AS ttr_p90,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY scoped.ttd) AS ttd_median
    FROM generate_series(${utc(from)}, ${utc(thisWeek)}, interval '1 week') AS week(start)
    LEFT JOIN (${scopedCoes(scope, from, now, severity)}) scoped ON date_trunc('week', scoped.started_at) = week.start
    GROUP BY week.start
    ORDER BY week.start`;
  return rows.map((row) => ({
    weekStart: String(row.week_start),
    incidents: num(row.incidents) ?? 0,
    ttrMedian: num(row.ttr_median),
    ttrP90: num(row.ttr_p90),
    ttdMedian: num(row.ttd_median),
  }));
}

export function startOfUtcWeek(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

export type IncidentRow = { coeId: string; title: string; teamId: string; severity: Severity; startedAt: Date; ttd: number | null; ttm: number | null; ttr: number | null };

/** Each counted COE of the window with its own three durations, longest to resolve first. */
export async function slowestIncidents(scope: CoeScope, windows: Windows, severity: Severity | null, limit = 10): Promise<IncidentRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT id, title, team_id, severity, started_at, ttd, ttm, ttr
    FROM (${scopedCoes(scope, windows.from, windows.to, severity)}) scoped
    ORDER BY ttr DESC NULLS FIRST, started_at DESC, id
    LIMIT ${limit}`;
  return rows.map((row) => ({
    coeId: String(row.id),
    title: String(row.title),
    teamId: String(row.team_id),
    severity: String(row.severity) as Severity,
    startedAt: row.started_at instanceof Date ? row.started_at : new Date(String(row.started_at)),
    ttd: num(row.ttd),
    ttm: num(row.ttm),
    ttr: num(row.ttr),
  }));
}
