import "server-only";
import { actionFiguresByTeam, byCategory, closeRate, recurrences } from "@/lib/metrics/incident-breakdowns";
import { bySeverity, byTeamRolledUp, headlineSummaries, slowestIncidents, ttrDistribution, weeklyTrend, windowsEndingAt } from "@/lib/metrics/incident-queries";
import { pilotsOf } from "@/lib/metrics/pilot-queries";
import type { IncidentFilter } from "@/lib/metrics/schemas";
import type { MetricsScope } from "@/lib/metrics/scope";
import { flattenTree } from "@/lib/org/tree";

/**
 * Everything the incident half of the metrics page shows, loaded in parallel: each piece is one
 * aggregate query over the scope. The CSV export route loads the same, so downloads match the page.
 */
export async function loadIncidentDashboard(scope: MetricsScope, filter: IncidentFilter, now: Date) {
  const windows = windowsEndingAt(now, filter.windowDays);
  const subtreeTeams = scope.orgTeams.filter((team) => scope.teamIds.includes(team.id));
  // The team itself first, then its sub-teams in tree order (indented by depth).
  const treeRows = flattenTree(subtreeTeams.map((team) => (team.id === scope.team.id ? { ...team, parentId: null } : team)));
  const [headline, severities, teamRows, distribution, trend, categories, recurrenceRows, actions, pilots, slowest] = await Promise.all([
    headlineSummaries(scope, windows, filter.severity),
    bySeverity(scope, windows),
    byTeamRolledUp(scope, scope.orgTeams, treeRows.map((row) => row.team.id), windows, filter.severity),
    ttrDistribution(scope, windows, filter.severity),
    weeklyTrend(scope, now, filter.weeks, filter.severity),
    byCategory(scope, windows, filter.severity),
    recurrences(scope, windows),
    actionFiguresByTeam(scope, scope.orgTeams, windows),
    pilotsOf(scope.organizationId, scope.teamIds),
    slowestIncidents(scope, windows, filter.severity),
  ]);
  const teamActions = actions.get(scope.team.id) ?? { created: 0, closed: 0, wontDo: 0, open: 0, overdue: 0 };
  return {
    windows,
    headline,
    severities,
    teams: treeRows.map(({ team, depth }) => {
      const figures = teamRows.find((row) => row.teamId === team.id)!;
      const teamActionFigures = actions.get(team.id) ?? { created: 0, closed: 0, wontDo: 0, open: 0, overdue: 0 };
      return { id: team.id, name: team.name, depth, ...figures, actions: teamActionFigures, closeRate: closeRate(teamActionFigures), pilot: pilots.some((pilot) => pilot.teamId === team.id) };
    }),
    distribution,
    trend,
    categories,
    recurrences: recurrenceRows,
    slowest: slowest.map((row) => ({ ...row, teamName: scope.orgTeams.find((team) => team.id === row.teamId)?.name ?? "" })),
    actions: { ...teamActions, closeRate: closeRate(teamActions) },
    pilot: pilots.find((pilot) => pilot.teamId === scope.team.id) ?? null,
  };
}

export type IncidentDashboard = Awaited<ReturnType<typeof loadIncidentDashboard>>;
