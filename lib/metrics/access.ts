import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { teamsWith, type Principal } from "@/lib/permissions";

// Who reads which key service metrics: readers of the service's owning team (roles spread down the
// tree) and admins — the same readers as the team's COEs and actions. The service itself is
// readable by the whole organization (lib/org/queries.ts); its metrics and their values are not.
// Incident metrics are scoped differently: by a team subtree the caller reads (lib/metrics/scope.ts).

/** The metric definitions the caller may read, as the `where` every metric query starts from. */
export function visibleMetricsWhere(user: Principal): Prisma.ServiceMetricWhereInput {
  const readable = teamsWith(user, "team.view");
  return { organizationId: user.organizationId, ...(readable === "all" ? {} : { service: { teamId: { in: readable } } }) };
}

/**
 * visibleMetricsWhere as SQL over `service_metrics m` joined to its service as `services s`, for the
 * overview statement. The two must say the same thing: lib/metrics/access.test.ts compares them.
 */
export function visibleMetricsSql(user: Principal): Prisma.Sql {
  const readable = teamsWith(user, "team.view");
  return readable === "all"
    ? Prisma.sql`m.organization_id = ${user.organizationId}`
    : Prisma.sql`(m.organization_id = ${user.organizationId} AND s.team_id = ANY(${readable}::text[]))`;
}
