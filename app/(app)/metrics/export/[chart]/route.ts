import { getCurrentUser } from "@/lib/auth/session";
import { CHARTS, chartTable, type ChartName } from "@/lib/metrics/chart-tables";
import { toCsv } from "@/lib/metrics/csv";
import { loadIncidentDashboard } from "@/lib/metrics/dashboard";
import { incidentFilter, metricsViewSchema } from "@/lib/metrics/schemas";
import { resolveMetricsScope } from "@/lib/metrics/scope";

/**
 * The CSV behind one chart or table of the metrics page, for the same view (team, severity,
 * window, weeks). Session-authenticated and scoped like the page: route handlers do not run
 * through layouts, so it checks for itself.
 */
export async function GET(request: Request, { params }: { params: Promise<{ chart: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in to download metrics.", { status: 401 });
  const { chart } = await params;
  if (!(CHARTS as readonly string[]).includes(chart)) return new Response("There is no such chart.", { status: 404 });
  const url = new URL(request.url);
  const view = metricsViewSchema.parse(Object.fromEntries(url.searchParams));
  const scope = await resolveMetricsScope(user, view.team);
  if (!scope || (view.team && scope.team.id !== view.team)) return new Response("That team was not found, or you cannot see it.", { status: 404 });
  const now = new Date();
  const dashboard = await loadIncidentDashboard(scope, incidentFilter(view), now);
  const table = chartTable(chart as ChartName, dashboard);
  const slug = scope.team.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  const fileName = `${slug || "team"}-${chart}-${view.severity === "all" ? "all" : view.severity.toLowerCase()}-${view.window}d-${now.toISOString().slice(0, 10)}.csv`;
  return new Response(toCsv(table.columns, table.rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}
