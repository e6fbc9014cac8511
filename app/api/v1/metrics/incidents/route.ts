import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { incidentQuerySchema, measuresJson } from "@/lib/metrics/api-schemas";
import { COUNTED_STATUSES } from "@/lib/metrics/incident-sql";
import { bySeverity, headlineSummaries, weeklyTrend, windowsEndingAt } from "@/lib/metrics/incident-queries";
import { resolveMetricsScope } from "@/lib/metrics/scope";

// Incident metrics of a team and its sub-teams: the same figures as the metrics page.
export const GET = apiRoute({ query: incidentQuerySchema }, async ({ user, query }) => {
  const scope = await resolveMetricsScope(user, query.teamId);
  if (!scope || (query.teamId && scope.team.id !== query.teamId)) throw new NotFoundError("The team");
  const now = new Date();
  const days = Number(query.window);
  const windows = windowsEndingAt(now, days);
  const severity = query.severity ?? null;
  const [headline, severities, trend] = await Promise.all([
    headlineSummaries(scope, windows, severity),
    bySeverity(scope, windows),
    weeklyTrend(scope, now, Number(query.weeks), severity),
  ]);
  return {
    team: { id: scope.team.id, name: scope.team.name },
    window: { from: windows.from.toISOString(), to: windows.to.toISOString(), days },
    countedStatuses: [...COUNTED_STATUSES],
    current: measuresJson(headline.current),
    previous: measuresJson(headline.previous),
    yearBefore: measuresJson(headline.yearBefore),
    bySeverity: severities.map((row) => ({ severity: row.severity, ...measuresJson(row) })),
    weeklyTrend: trend,
  };
});
