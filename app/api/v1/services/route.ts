import { apiRoute } from "@/lib/api/handler";
import { pageOf, readCursor } from "@/lib/api/pagination";
import { ValidationError } from "@/lib/errors";
import { idCursorSchema, serviceListQuerySchema, type ServiceJson } from "@/lib/org/api-schemas";
import { orgTeamTree, servicesPage } from "@/lib/org/queries";
import { subtreeIds } from "@/lib/org/tree";

// Services are part of the org tree, readable by everyone in the organization.
export const GET = apiRoute({ query: serviceListQuerySchema }, async ({ user, query }) => {
  const after = readCursor(query.cursor, idCursorSchema);
  const teamIds = query.teamId ? await teamFilter(user.organizationId, query.teamId, query.includeSubteams === "true") : undefined;
  const rows: ServiceJson[] = await servicesPage(user, { teamIds, afterId: after?.[0], take: query.limit + 1 });
  return pageOf(rows, query.limit, (service) => [service.id]);
});

async function teamFilter(organizationId: string, teamId: string, includeSubteams: boolean): Promise<string[]> {
  const teams = await orgTeamTree(organizationId);
  if (!teams.some((team) => team.id === teamId)) {
    throw new ValidationError("There is no such team.", { teamId: ["No team with this id in your organization."] });
  }
  return includeSubteams ? subtreeIds(teams, teamId) : [teamId];
}
