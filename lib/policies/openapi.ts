import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { authenticated, jsonResponse, problemResponses } from "@/lib/api/openapi-components";
import {
  acknowledgmentRequestBodySchema,
  acknowledgmentSchema,
  complianceQuerySchema,
  complianceSchema,
  catalogImportDocSchema,
  catalogPlanSchema,
  dryRunDocSchema,
  dryRunResultSchema,
  factListQuerySchema,
  factListSchema,
  factPushDocSchema,
  factPushResultSchema,
  findingListQuerySchema,
  findingPageSchema,
  idParamsSchema,
  ruleDeleteQuerySchema,
  ruleListSchema,
  rulePatchDocSchema,
  ruleSchema,
  ruleWriteDocSchema,
} from "@/lib/policies/api-schemas";

const TAG = ["Policies"];

function body(schema: Parameters<typeof jsonResponse>[1]) {
  return { required: true, content: { "application/json": { schema } } };
}

export function registerPolicyPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/facts",
    operationId: "listFacts",
    tags: TAG,
    summary: "List a service's facts",
    description: "The latest value of every fact about the service (`?service=<id>`), with its source and when it was observed and last changed.",
    security: authenticated,
    request: { query: factListQuerySchema },
    responses: { 200: jsonResponse("The service's facts.", factListSchema), ...problemResponses(400, 401, 404) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/services/{id}/facts",
    operationId: "getServiceFacts",
    tags: TAG,
    summary: "Read a service's facts",
    security: authenticated,
    request: { params: idParamsSchema },
    responses: { 200: jsonResponse("The service's facts.", factListSchema), ...problemResponses(401, 404) },
  });
  registry.registerPath({
    method: "put",
    path: "/api/v1/services/{id}/facts",
    operationId: "pushServiceFacts",
    tags: TAG,
    summary: "Push facts about a service",
    description:
      "Up to 1,000 facts per request; idempotent (the same values again change nothing but `observedAt`; a fact's history keeps every change). " +
      "Needs a member role on the service's owning team. Services whose facts changed are evaluated against the enforced rules right after.",
    security: authenticated,
    request: { params: idParamsSchema, body: body(factPushDocSchema) },
    responses: { 200: jsonResponse("What was accepted.", factPushResultSchema), ...problemResponses(400, 401, 403, 404, 415) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/rules",
    operationId: "listRules",
    tags: TAG,
    summary: "List policy rules",
    security: authenticated,
    responses: { 200: jsonResponse("Every rule of the organization.", ruleListSchema), ...problemResponses(401) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/rules",
    operationId: "createRule",
    tags: TAG,
    summary: "Create a policy rule",
    description:
      "Members of a team propose draft rules owned by it (`ownerTeamId`, default `scopeTeamId`); managers also create enforced rules for a team they manage (`scopeTeamId`), admins for the whole organization. A bad condition is a 400 naming the bad part.",
    security: authenticated,
    request: { body: body(ruleWriteDocSchema) },
    responses: { 201: jsonResponse("The new rule.", ruleSchema), ...problemResponses(400, 401, 403, 404, 415) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/rules/{id}",
    operationId: "getRule",
    tags: TAG,
    summary: "Read a policy rule",
    security: authenticated,
    request: { params: idParamsSchema },
    responses: { 200: jsonResponse("The rule.", ruleSchema), ...problemResponses(401, 404) },
  });
  registry.registerPath({
    method: "patch",
    path: "/api/v1/rules/{id}",
    operationId: "updateRule",
    tags: TAG,
    summary: "Edit, enforce or disable a policy rule",
    description:
      "Send `version` as read and the fields to change; `status` enforces, disables or drafts the rule (managers of the scope; admins for the whole organization). Members of the owning team edit the rule while it is a draft. A stale version is a 409.",
    security: authenticated,
    request: { params: idParamsSchema, body: body(rulePatchDocSchema) },
    responses: { 200: jsonResponse("The rule after the change.", ruleSchema), ...problemResponses(400, 401, 403, 404, 409, 415) },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/rules/{id}",
    operationId: "deleteRule",
    tags: TAG,
    summary: "Delete a policy rule and its findings",
    description:
      "Who may edit the rule may delete it: managers of its scope, admins for an organization-wide rule, the owning team while it is a draft. " +
      "Its findings are deleted with it (open, acknowledged and resolved, with their history and acknowledgments), so they leave every list and " +
      "this week's compliance; corrective actions created from them stay. To stop checking but keep the findings' history, disable the rule " +
      "instead (PATCH `status: DISABLED` resolves its open findings). The audit log and the `rule.deleted` event keep the rule as it was.",
    security: authenticated,
    request: { params: idParamsSchema, query: ruleDeleteQuerySchema },
    responses: { 204: { description: "Deleted, with its findings." }, ...problemResponses(400, 401, 403, 404, 409) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/rules/dry-run",
    operationId: "dryRunRule",
    tags: TAG,
    summary: "Dry-run conditions",
    description: "Which services would fail these conditions now, across the organization (or the scope's subtree). Writes nothing.",
    security: authenticated,
    request: { body: body(dryRunDocSchema) },
    responses: { 200: jsonResponse("The services that would fail.", dryRunResultSchema), ...problemResponses(400, 401, 415) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/findings",
    operationId: "listFindings",
    tags: TAG,
    summary: "List findings",
    description: "Findings of the teams the caller reads, newest first; open and acknowledged unless `status` says otherwise. `team` includes its subtree.",
    security: authenticated,
    request: { query: findingListQuerySchema },
    responses: { 200: jsonResponse("A page of findings.", findingPageSchema), ...problemResponses(400, 401) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/findings/{id}/acknowledgment",
    operationId: "requestAcknowledgment",
    tags: TAG,
    summary: "Ask for an acknowledgment (waiver)",
    description:
      "A member of the owning team asks; a manager of the team or above decides. Category accepted risk, mitigated elsewhere or false positive; " +
      "an expiry at most 180 days ahead. An acknowledged finding counts as acknowledged, never as passing; expiry reopens it.",
    security: authenticated,
    request: { params: idParamsSchema, body: body(acknowledgmentRequestBodySchema) },
    responses: { 201: jsonResponse("The request, waiting for a manager.", acknowledgmentSchema), ...problemResponses(400, 401, 403, 404, 415) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/compliance",
    operationId: "getCompliance",
    tags: TAG,
    summary: "Compliance of a team's subtree",
    description: "Applicable (rule, service) pairs passing, failing by severity and acknowledged, rolled up the org tree, with a 12-week trend.",
    security: authenticated,
    request: { query: complianceQuerySchema },
    responses: { 200: jsonResponse("The team's compliance.", complianceSchema), ...problemResponses(400, 401, 404) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/services-catalog",
    operationId: "importServiceCatalog",
    tags: TAG,
    summary: "Import a Backstage catalog",
    description:
      "Admins only. Group entities become teams (`spec.parent`), Component entities services (`spec.owner`), upserted by name; a component's `spec.lifecycle`, `spec.type` and `metadata.annotations` become `catalog.*` facts. Other kinds are listed in `skipped`. A bad document is a 400 naming it (`documents.<n>.spec.owner`) and nothing is written. `dryRun` defaults to true.",
    security: authenticated,
    request: { body: body(catalogImportDocSchema) },
    responses: { 200: jsonResponse("The plan, applied or not.", catalogPlanSchema), ...problemResponses(400, 401, 403, 415) },
  });
}
