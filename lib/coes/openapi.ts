import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { authenticated, jsonResponse, problemResponses } from "@/lib/api/openapi-components";
import { coeIdParamsSchema, coeListQuerySchema, coePageSchema, coePatchDocsSchema, coeSchema } from "@/lib/coes/api-schemas";
import { createCoeSchema } from "@/lib/coes/schemas";

export function registerCoePaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/coes",
    operationId: "listCoes",
    tags: ["COEs"],
    summary: "List COEs",
    description:
      "COEs the caller may read, most recently updated first: drafts and COEs in review of teams the caller belongs to (or authored), " +
      "and approved or closed COEs across the organization unless restricted.",
    security: authenticated,
    request: { query: coeListQuerySchema },
    responses: { 200: jsonResponse("A page of COEs.", coePageSchema), ...problemResponses(400, 401) },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/coes",
    operationId: "createCoe",
    tags: ["COEs"],
    summary: "Start a COE",
    description: "Creates a draft COE for a team on which the caller writes COEs; the caller becomes its author. Recorded as revision 1 and in the audit log.",
    security: authenticated,
    request: { body: { required: true, content: { "application/json": { schema: createCoeSchema.meta({ id: "CoeCreate" }) } } } },
    responses: { 201: jsonResponse("The new draft.", coeSchema), ...problemResponses(400, 401, 403, 404, 415) },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/coes/{id}",
    operationId: "getCoe",
    tags: ["COEs"],
    summary: "Read a COE",
    description: "The whole document: header, six answers (Markdown), timeline, contributing factors, links and corrective actions.",
    security: authenticated,
    request: { params: coeIdParamsSchema },
    responses: { 200: jsonResponse("The COE.", coeSchema), ...problemResponses(401, 404) },
  });

  registry.registerPath({
    method: "patch",
    path: "/api/v1/coes/{id}",
    operationId: "updateCoe",
    tags: ["COEs"],
    summary: "Edit a COE",
    description:
      "Send `version` (as read) and the fields to change; the rest keep their values. Lists (timeline, factors, links, actions) are replaced " +
      "as a whole. A stale `version` is refused with 409 and `current` holds the COE as it is now. Every edit creates a revision. " +
      "Actions are created, changed and removed with the rules of /api/v1/action-items (action rights on the team, an active owner, " +
      "`dueDateReason` on an action whose saved due date moves); actions in progress or finished are left as they are.",
    security: authenticated,
    request: { params: coeIdParamsSchema, body: { required: true, content: { "application/json": { schema: coePatchDocsSchema } } } },
    responses: { 200: jsonResponse("The COE after the edit.", coeSchema), ...problemResponses(400, 401, 403, 404, 409, 415) },
  });
}
