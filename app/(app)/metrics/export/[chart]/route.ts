import { sessionRoute } from "@/lib/api/session-route";
import { NotFoundError } from "@/lib/errors";
import { CHARTS, chartTable, type ChartName } from "@/lib/metrics/chart-tables";
import { csvDownload } from "@/lib/csv";
import { loadIncidentDashboard } from "@/lib/metrics/dashboard";
import { incidentFilter, metricsViewSchema } from "@/lib/metrics/schemas";
import { resolveMetricsScope } from "@/lib/metrics/scope";

/**
 * The CSV behind one chart or table of the metrics page, for the same view (team, severity,
 * window, weeks). Session-authenticated and scoped like the page: route handlers do not run
 * through layouts, so it checks for itself.
 */
export const GET = sessionRoute<{ chart: string }>(async ({ request, user, params }) => {
  const { chart } = params;
  if (!(CHARTS as readonly string[]).includes(chart)) throw new NotFoundError("That chart");
  const view = metricsViewSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const scope = await resolveMetricsScope(user, view.team);
  if (!scope || (view.team && scope.team.id !== view.team)) throw new NotFoundError("That team");
  const now = new Date();
  const dashboard = await loadIncidentDashboard(scope, incidentFilter(view), now);
  const table = chartTable(chart as ChartName, dashboard);
  const severity = view.severity === "all" ? "all" : view.severity.toLowerCase();
  return csvDownload(`${scope.team.name.toLowerCase()}-${chart}-${severity}-${view.window}d-${now.toISOString().slice(0, 10)}.csv`, table.columns, table.rows);
});
