import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { authenticated, jsonResponse, problemResponses } from "@/lib/api/openapi-components";
import { serviceListQuerySchema, servicePageSchema, teamListQuerySchema, teamPageSchema, teamSchema } from "@/lib/org/api-schemas";
import { teamCreateSchema } from "@/lib/org/schemas";

export function registerOrgPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/teams",
    operationId: "listTeams",
    tags: ["Org tree"],
    summary: "List teams",
    description: "The organization's teams, ordered by id. Everyone in the organization may read the org tree.",
    security: authenticated,
    request: { query: teamListQuerySchema },
    responses: { 200: jsonResponse("A page of teams.", teamPageSchema), ...problemResponses(400, 401) },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/teams",
    operationId: "createTeam",
    tags: ["Org tree"],
    summary: "Create a team (admins only)",
    description: "Creates a team, top-level or under `parentId`. Recorded in the audit log. Team names are unique within the organization.",
    security: authenticated,
    request: { body: { required: true, content: { "application/json": { schema: teamCreateSchema.meta({ id: "TeamCreate" }) } } } },
    responses: { 201: jsonResponse("The new team.", teamSchema), ...problemResponses(400, 401, 403, 404, 415) },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/services",
    operationId: "listServices",
    tags: ["Org tree"],
    summary: "List services",
    description: "The organization's services, ordered by id; filter by owning team, optionally with its whole subtree.",
    security: authenticated,
    request: { query: serviceListQuerySchema },
    responses: { 200: jsonResponse("A page of services.", servicePageSchema), ...problemResponses(400, 401) },
  });
}
