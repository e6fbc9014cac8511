import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { actionDay, closeRate, rollUpActionFigures } from "@/lib/metrics/incident-breakdowns";
import { headlineFrom, rollupPairs, severityRows, teamRollupRows, trendWeeks, windowsEndingAt } from "@/lib/metrics/incident-queries";
import {
  actionFiguresSection,
  byCategorySection,
  bySeveritySection,
  byTeamSection,
  distributionSection,
  headlineSection,
  pilotsSection,
  recurrencesSection,
  slowestSection,
  spanSummariesSection,
  weeklyTrendSection,
  type Section,
} from "@/lib/metrics/incident-sections";
import { scopedCoes } from "@/lib/metrics/incident-sql";
import { PILOT_MEASURE } from "@/lib/metrics/pilot-queries";
import type { IncidentFilter } from "@/lib/metrics/schemas";
import type { MetricsScope } from "@/lib/metrics/scope";
import { flattenTree } from "@/lib/org/tree";

/** How much of the long lists the page draws; the CSV downloads always get everything. */
export type DashboardDetail = {
  /** Team table rows: the team and its direct sub-teams, or its whole subtree. */
  teams: "children" | "all";
  recurrences: number;
};

export const FULL_DETAIL: DashboardDetail = { teams: "all", recurrences: 50 };

/**
 * Everything the incident half of the metrics page shows, in one statement: the scope's counted
 * COEs over the widest span any part needs are read once (a MATERIALIZED CTE), and each part is a
 * JSON column computed over them (lib/metrics/incident-sections.ts). The CSV export route loads
 * the same, so downloads match the page.
 */
export async function loadIncidentDashboard(scope: MetricsScope, filter: IncidentFilter, now: Date, detail: DashboardDetail = FULL_DETAIL) {
  const windows = windowsEndingAt(now, filter.windowDays);
  const { firstWeek, lastWeek } = trendWeeks(now, filter.weeks);
  const subtreeTeams = scope.orgTeams.filter((team) => scope.teamIds.includes(team.id));
  // The team itself first, then its sub-teams in tree order (indented by depth).
  const treeRows = flattenTree(subtreeTeams.map((team) => (team.id === scope.team.id ? { ...team, parentId: null } : team))).filter(
    (row) => detail.teams === "all" || row.depth <= 1,
  );
  const listed = treeRows.map((row) => row.team.id);
  const sections = {
    headline: headlineSection(windows, filter.severity),
    pilotSpan: spanSummariesSection(windows.from, windows.to),
    severities: bySeveritySection(windows.from, windows.to),
    teams: byTeamSection(rollupPairs(scope.orgTeams, listed), windows.from, windows.to, filter.severity),
    distribution: distributionSection(windows.from, windows.to, filter.severity),
    trend: weeklyTrendSection(firstWeek, lastWeek, now, filter.severity),
    categories: byCategorySection(windows.from, windows.to, filter.severity),
    recurrences: recurrencesSection(scope, windows.from, windows.to, detail.recurrences),
    slowest: slowestSection(windows.from, windows.to, filter.severity, 10),
    actions: actionFiguresSection(scope, windows.from, actionDay(windows)),
    pilots: pilotsSection(scope),
  } satisfies Record<string, Section<unknown>>;
  const earliest = new Date(Math.min(headlineFrom(windows).getTime(), firstWeek.getTime()));
  const names = Object.keys(sections) as (keyof typeof sections)[];
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    WITH scoped AS MATERIALIZED (${scopedCoes(scope, earliest, windows.to, null)})
    SELECT ${Prisma.join(names.map((name) => Prisma.sql`${sections[name].sql} AS ${Prisma.raw(`"${name}"`)}`))}`;
  const parsed = <K extends keyof typeof sections>(name: K) => sections[name].parse(row?.[name]) as ReturnType<(typeof sections)[K]["parse"]>;

  const teamFigures = parsed("teams");
  const actions = rollUpActionFigures(scope, scope.orgTeams, parsed("actions"));
  const pilots = parsed("pilots");
  const noActions = { created: 0, closed: 0, wontDo: 0, open: 0, overdue: 0 };
  const teamActions = actions.get(scope.team.id) ?? noActions;
  const pilot = pilots.find((candidate) => candidate.teamId === scope.team.id) ?? null;
  const teamNames = new Map(scope.orgTeams.map((team) => [team.id, team.name]));
  const rollups = new Map(teamRollupRows(listed, teamFigures).map((figures) => [figures.teamId, figures]));
  const pilotTeams = new Set(pilots.map((candidate) => candidate.teamId));
  return {
    windows,
    headline: parsed("headline"),
    severities: severityRows(parsed("severities")),
    teams: treeRows.map(({ team, depth }) => {
      const teamActionFigures = actions.get(team.id) ?? noActions;
      return {
        id: team.id,
        name: team.name,
        depth,
        ...rollups.get(team.id)!,
        actions: teamActionFigures,
        closeRate: closeRate(teamActionFigures),
        pilot: pilotTeams.has(team.id),
      };
    }),
    /** How many teams the full table has (the team and its whole subtree). */
    teamCount: subtreeTeams.length,
    distribution: parsed("distribution"),
    trend: parsed("trend"),
    categories: parsed("categories"),
    recurrences: parsed("recurrences"),
    slowest: parsed("slowest").map((incident) => ({ ...incident, teamName: teamNames.get(incident.teamId) ?? "" })),
    actions: { ...teamActions, closeRate: closeRate(teamActions) },
    pilot,
    /** Where the pilot's measure stands over the window, every severity (its baseline covers every severity too). */
    pilotNow: pilot ? parsed("pilotSpan")[PILOT_MEASURE[pilot.metric]] : null,
  };
}

export type IncidentDashboard = Awaited<ReturnType<typeof loadIncidentDashboard>>;
