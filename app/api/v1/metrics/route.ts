import { apiRoute } from "@/lib/api/handler";
import { pageOf, readCursor } from "@/lib/api/pagination";
import { ForbiddenError } from "@/lib/errors";
import { idCursorSchema, metricListQuerySchema, serviceMetricJson } from "@/lib/metrics/api-schemas";
import { recordMetricValues } from "@/lib/metrics/mutations";
import { metricPointBatchSchema } from "@/lib/metrics/schemas";
import { metricOverviewsPage } from "@/lib/metrics/service-queries";
import { orgTeams, viewableTeams } from "@/lib/metrics/scope";
import { teamsWith } from "@/lib/permissions";
import { subtreeIds } from "@/lib/org/tree";

// Key service metric definitions with their latest value and flags, for services of teams the
// caller may see.
export const GET = apiRoute({ query: metricListQuerySchema }, async ({ user, query }) => {
  const after = readCursor(query.cursor, idCursorSchema);
  const teams = await orgTeams(user.organizationId);
  let teamIds = viewableTeams(user, teams).map((team) => team.id);
  if (query.teamId) {
    const subtree = new Set(subtreeIds(teams, query.teamId));
    teamIds = teamIds.filter((teamId) => subtree.has(teamId));
  }
  const overviews = await metricOverviewsPage(user, teamIds, { serviceId: query.serviceId, afterId: after?.[0], take: query.limit + 1 });
  const rows = overviews.map(serviceMetricJson);
  return pageOf(rows, query.limit, (metric) => [metric.id]);
});

// Batches of up to 10,000 points; all or nothing, idempotent on service + metric + timestamp.
// metric.record is checked per point's service inside recordMetricValues.
export const POST = apiRoute(
  {
    body: metricPointBatchSchema,
    authorize: (user) => {
      const recordable = teamsWith(user, "metric.record");
      if (recordable !== "all" && recordable.length === 0) throw new ForbiddenError("Recording metric values needs the member role on the service's team.");
    },
  },
  async ({ user, body }) => recordMetricValues(user, body.points),
);
