import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { authenticated, jsonResponse, problemResponses } from "@/lib/api/openapi-components";
import {
  cordDetailSchema,
  cordIdParamsSchema,
  cordListQuerySchema,
  cordNoteBodySchema,
  cordPageSchema,
  cordSchema,
  gateAllowedSchema,
  gateBlockedSchema,
  gateQuerySchema,
  overrideBodySchema,
  overrideSchema,
  pullCordBodySchema,
  pullResultSchema,
  resolveCordBodySchema,
  serviceIdParamsSchema,
} from "@/lib/cords/api-schemas";
import { z } from "zod";
import { registerFreezeWindowPaths } from "@/lib/freeze-windows/openapi";

const json = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema } } });

export function registerCordPaths(registry: OpenAPIRegistry): void {
  registerFreezeWindowPaths(registry);
  registry.registerPath({
    method: "get",
    path: "/api/v1/deploy-gate",
    operationId: "askDeployGate",
    tags: ["Andon cord"],
    summary: "Ask whether a service may be deployed now",
    description:
      'What CI/CD calls before deploying: evaluated at the moment of the call. `200 {"allowed": true}`, or `423 Locked` (problem+json) while an Andon cord is ' +
      "open on the service or a freeze window covers it, saying who pulled it, when, why and the link they gave (or which window, until when). Every blocked call is recorded on " +
      "the cord's timeline with the `X-Andon-Deploy-Ref` header (a commit sha or pipeline URL). An unused break-glass override lets exactly one blocked call " +
      "through. Any token of the organization may ask. `HEAD` answers the same status without a body and changes nothing: it records no attempt and " +
      "uses no override (so it answers 423 while an override waits for the deploy's `GET`). At most three SQL statements per call.",
    security: authenticated,
    request: {
      query: gateQuerySchema,
      headers: z.object({
        "X-Andon-Deploy-Ref": z.string().max(500).optional().meta({ description: "What is being deployed: a commit sha or pipeline URL." }),
      }),
    },
    responses: {
      200: jsonResponse("The deploy may go ahead.", gateAllowedSchema),
      423: { description: "The line is stopped.", content: { "application/problem+json": { schema: gateBlockedSchema } } },
      ...problemResponses(400, 401, 404),
    },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/services/{id}/cord",
    operationId: "pullCord",
    tags: ["Andon cord"],
    summary: "Pull the Andon cord on a service",
    description:
      "Anyone in the organization may stop the line (any valid token). The owning team is notified and deploys are blocked until it resolves the cord. " +
      "On a service already stopped the pull becomes a +1 on the open cord (200, `plusOne: true`).",
    security: authenticated,
    request: { params: serviceIdParamsSchema, body: json(pullCordBodySchema) },
    responses: {
      201: jsonResponse("The line is stopped: the new cord.", pullResultSchema),
      200: jsonResponse("The service was already stopped: a +1 on its cord.", pullResultSchema),
      ...problemResponses(400, 401, 404, 415),
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/services/{id}/cord",
    operationId: "getServiceCord",
    tags: ["Andon cord"],
    summary: "The open cord on a service",
    security: authenticated,
    request: { params: serviceIdParamsSchema },
    responses: { 200: jsonResponse("The open cord, or null while the line runs.", z.object({ cord: cordSchema.nullable() })), ...problemResponses(401, 404) },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/cords",
    operationId: "listCords",
    tags: ["Andon cord"],
    summary: "List cords",
    description: "Cords of the organization, newest first. Filters: `serviceId`, `teamId` (with sub-teams), `status` (open, resolved), `since`.",
    security: authenticated,
    request: { query: cordListQuerySchema },
    responses: { 200: jsonResponse("A page of cords.", cordPageSchema), ...problemResponses(400, 401) },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/cords/{id}",
    operationId: "getCord",
    tags: ["Andon cord"],
    summary: "Read a cord with its timeline",
    security: authenticated,
    request: { params: cordIdParamsSchema },
    responses: { 200: jsonResponse("The cord.", cordDetailSchema), ...problemResponses(401, 404) },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/cords/{id}/notes",
    operationId: "addCordNote",
    tags: ["Andon cord"],
    summary: "Add a note to a cord's timeline",
    description: "The owning team (member or above): “rolling back”, “page corrected”.",
    security: authenticated,
    request: { params: cordIdParamsSchema, body: json(cordNoteBodySchema) },
    responses: { 201: jsonResponse("The cord.", cordSchema), ...problemResponses(400, 401, 403, 404, 415) },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/cords/{id}/resolve",
    operationId: "resolveCord",
    tags: ["Andon cord"],
    summary: "Resolve a cord",
    description: "The owning team (member or above), with a resolution note. The line runs again. Resolving a resolved cord is a 409.",
    security: authenticated,
    request: { params: cordIdParamsSchema, body: json(resolveCordBodySchema) },
    responses: { 200: jsonResponse("The resolved cord.", cordSchema), ...problemResponses(400, 401, 403, 404, 409, 415) },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/cords/{id}/overrides",
    operationId: "grantCordOverride",
    tags: ["Andon cord"],
    summary: "Let one deploy through during a stop (break glass)",
    description:
      "A manager of the owning subtree, with a justification. The next blocked gate call passes and uses it; unused, it expires after one hour. One waits at a time: while it does, another grant is a 409 (`current` is the waiting one). Audited.",
    security: authenticated,
    request: { params: cordIdParamsSchema, body: json(overrideBodySchema) },
    responses: { 201: jsonResponse("The override.", overrideSchema), ...problemResponses(400, 401, 403, 404, 409, 415) },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/cords/{id}/coe",
    operationId: "startCoeFromCord",
    tags: ["Andon cord"],
    summary: "Start the COE for a cord",
    description:
      "A draft COE prefilled from the cord (service, team, severity, started/detected = pulled, mitigated = resolved, the cord's timeline), linked both ways. " +
      "Answers the COE already started (200) when there is one.",
    security: authenticated,
    request: { params: cordIdParamsSchema },
    responses: {
      201: jsonResponse("The new draft COE.", z.object({ coeId: z.string(), created: z.boolean() })),
      200: jsonResponse("The COE started earlier.", z.object({ coeId: z.string(), created: z.boolean() })),
      ...problemResponses(401, 403, 404),
    },
  });
}
