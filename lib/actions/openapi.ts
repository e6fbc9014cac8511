import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { authenticated, jsonResponse, problemResponses } from "@/lib/api/openapi-components";
import { actionItemIdParamsSchema, actionItemListQuerySchema, actionItemPageSchema, actionItemPatchSchema, actionItemSchema } from "@/lib/actions/api-schemas";
import { createActionSchema } from "@/lib/actions/schemas";

export function registerActionPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/action-items",
    operationId: "listActionItems",
    tags: ["Corrective actions"],
    summary: "List corrective actions",
    description:
      "Corrective actions the caller may see (actions of teams they read, and their own), newest first, with the filters of the Actions page: " +
      "`view` (mine, team, all), `status`, `type`, `priority`, `severity` (of the source COE; repeat a parameter for several values), `ownerId`, " +
      "`teamId` (includes sub-teams), `coeId`, `dueFrom`/`dueTo` (YYYY-MM-DD) and `overdue=true`.",
    security: authenticated,
    request: { query: actionItemListQuerySchema },
    responses: { 200: jsonResponse("A page of corrective actions.", actionItemPageSchema), ...problemResponses(400, 401) },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/action-items",
    operationId: "createActionItem",
    tags: ["Corrective actions"],
    summary: "Create a corrective action",
    description:
      "Needs action rights on the team. `teamId` defaults to the source COE's team, else to the owner's team when the owner is on exactly one. " +
      "Recorded in the action's history and the audit log; a closed COE reopens when it gets a new action.",
    security: authenticated,
    request: { body: { required: true, content: { "application/json": { schema: createActionSchema.meta({ id: "ActionItemCreate" }) } } } },
    responses: { 201: jsonResponse("The new action.", actionItemSchema), ...problemResponses(400, 401, 403, 404, 415) },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/action-items/{id}",
    operationId: "getActionItem",
    tags: ["Corrective actions"],
    summary: "Read a corrective action",
    security: authenticated,
    request: { params: actionItemIdParamsSchema },
    responses: { 200: jsonResponse("The action.", actionItemSchema), ...problemResponses(401, 404) },
  });

  registry.registerPath({
    method: "patch",
    path: "/api/v1/action-items/{id}",
    operationId: "updateActionItem",
    tags: ["Corrective actions"],
    summary: "Update a corrective action",
    description:
      "Send `version` (as read) and the fields to change. A due-date change needs `dueDateReason`. `status` moves the action: DONE needs `evidence`, " +
      "VERIFIED needs `verificationMethod` and `verificationNote` (and someone other than who marked it done), WONT_DO needs `wontDoReason` " +
      "(without the manager's right it becomes a request). A stale `version` is refused with 409 and `current` holds the action as it is now.",
    security: authenticated,
    request: { params: actionItemIdParamsSchema, body: { required: true, content: { "application/json": { schema: actionItemPatchSchema } } } },
    responses: { 200: jsonResponse("The action after the change.", actionItemSchema), ...problemResponses(400, 401, 403, 404, 409, 415) },
  });
}
