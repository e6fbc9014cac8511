import "server-only";
import { DAY_MS, type CoeScope, type Measure } from "@/lib/metrics/incident-sql";
import {
  byTeamSection,
  bySeveritySection,
  distributionSection,
  headlineSection,
  runSection,
  slowestSection,
  spanSummariesSection,
  weeklyTrendSection,
  type IncidentRow,
  type MeasureSummaries,
  type TrendWeek,
} from "@/lib/metrics/incident-sections";
import type { Summary } from "@/lib/metrics/stats";
import { SEVERITIES } from "@/lib/coes/questions";
import { type CoeSeverity } from "@/lib/generated/prisma/enums";
import { subtreeIds, type TeamNode } from "@/lib/org/tree";

// Incident metrics from COE timestamps, aggregated in PostgreSQL (percentile_cont is the same
// linear-interpolation percentile as lib/metrics/stats.ts). Each function is one query, running
// one section of lib/metrics/incident-sections.ts; the metrics page runs them all in one
// statement (lib/metrics/dashboard.ts).

export type { IncidentRow, MeasureSummaries, TrendWeek };

export type Windows = { from: Date; to: Date; previousFrom: Date; yearBeforeFrom: Date };

export function windowsEndingAt(now: Date, windowDays: number): Windows {
  const from = new Date(now.getTime() - windowDays * DAY_MS);
  return { from, to: now, previousFrom: new Date(from.getTime() - windowDays * DAY_MS), yearBeforeFrom: new Date(from.getTime() - 365 * DAY_MS) };
}

/** The earliest start any headline period counts. */
export function headlineFrom(windows: Windows): Date {
  return windows.yearBeforeFrom < windows.previousFrom ? windows.yearBeforeFrom : windows.previousFrom;
}

/**
 * TTD/TTM/TTR over the window, the window before it, and the year before the window (the
 * baseline of a team that is not a pilot), in one pass over the scope's COEs.
 */
export async function headlineSummaries(scope: CoeScope, windows: Windows, severity: CoeSeverity | null) {
  return runSection(scope, headlineFrom(windows), windows.to, headlineSection(windows, severity));
}

/** One summary of one measure over a span: what a pilot captures as its baseline. */
export async function measureSummary(scope: CoeScope, measure: Measure, from: Date, to: Date): Promise<Summary> {
  return (await runSection(scope, from, to, spanSummariesSection(from, to)))[measure];
}

export type SeverityRow = { severity: CoeSeverity; incidents: number } & Record<Measure, Summary>;

/** Every severity, in order, with zero figures where the window has no incidents. */
export function severityRows(figures: readonly { severity: string; incidents: number; ttd: Summary; ttm: Summary; ttr: Summary }[]): SeverityRow[] {
  return SEVERITIES.map((severity) => {
    const row = figures.find((candidate) => candidate.severity === severity);
    return { severity, incidents: row?.incidents ?? 0, ttd: row?.ttd ?? emptySummary(), ttm: row?.ttm ?? emptySummary(), ttr: row?.ttr ?? emptySummary() };
  });
}

function emptySummary(): Summary {
  return { count: 0, median: null, p90: null, mean: null };
}

export async function bySeverity(scope: CoeScope, windows: Windows): Promise<SeverityRow[]> {
  return severityRows(await runSection(scope, windows.from, windows.to, bySeveritySection(windows.from, windows.to)));
}

export type TeamRollupRow = { teamId: string; incidents: number; ttr: Summary; ttd: Summary };

/**
 * The (team, member) pairs for a roll-up: a pair for every team in the subtree of every listed
 * team. Percentiles do not add up, so each team's figure is computed over its subtree's incidents.
 */
export function rollupPairs(teams: readonly TeamNode[], listed: readonly string[]): { roots: string[]; members: string[] } {
  const roots: string[] = [];
  const members: string[] = [];
  for (const teamId of listed) {
    for (const memberId of subtreeIds(teams, teamId)) {
      roots.push(teamId);
      members.push(memberId);
    }
  }
  return { roots, members };
}

/** The listed teams in order, with zero figures for a team without incidents. */
export function teamRollupRows(listed: readonly string[], figures: ReadonlyMap<string, TeamRollupRow>): TeamRollupRow[] {
  return listed.map((teamId) => figures.get(teamId) ?? { teamId, incidents: 0, ttr: emptySummary(), ttd: emptySummary() });
}

/** TTR and TTD per team, each over its whole subtree. */
export async function byTeamRolledUp(
  scope: CoeScope,
  teams: readonly TeamNode[],
  listed: readonly string[],
  windows: Windows,
  severity: CoeSeverity | null,
): Promise<TeamRollupRow[]> {
  if (listed.length === 0) return [];
  const figures = await runSection(scope, windows.from, windows.to, byTeamSection(rollupPairs(teams, listed), windows.from, windows.to, severity));
  return teamRollupRows(listed, figures);
}

/** How many incidents took how long to resolve, in the buckets of DURATION_EDGES_SEC. */
export async function ttrDistribution(scope: CoeScope, windows: Windows, severity: CoeSeverity | null): Promise<number[]> {
  return runSection(scope, windows.from, windows.to, distributionSection(windows.from, windows.to, severity));
}

/** The Mondays (UTC) of the first and the current week of a trend over `weeks` weeks. */
export function trendWeeks(now: Date, weeks: number): { firstWeek: Date; lastWeek: Date } {
  const lastWeek = startOfUtcWeek(now);
  return { firstWeek: new Date(lastWeek.getTime() - (weeks - 1) * 7 * DAY_MS), lastWeek };
}

/** Weekly incidents and TTR/TTD by the week the incident started (weeks start on Monday, UTC). */
export async function weeklyTrend(scope: CoeScope, now: Date, weeks: number, severity: CoeSeverity | null): Promise<TrendWeek[]> {
  const { firstWeek, lastWeek } = trendWeeks(now, weeks);
  return runSection(scope, firstWeek, now, weeklyTrendSection(firstWeek, lastWeek, now, severity));
}

function startOfUtcWeek(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/** Each counted COE of the window with its own three durations, longest to resolve first. */
export async function slowestIncidents(scope: CoeScope, windows: Windows, severity: CoeSeverity | null, limit = 10): Promise<IncidentRow[]> {
  return runSection(scope, windows.from, windows.to, slowestSection(windows.from, windows.to, severity, limit));
}
