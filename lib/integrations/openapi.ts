import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { authenticated, jsonResponse, problemResponses } from "@/lib/api/openapi-components";
import { MAPPABLE_STATUSES, TICKET_PROVIDERS } from "@/lib/integrations/schemas";

const integrationSchema = z
  .object({
    id: z.string(),
    teamId: z.string(),
    teamName: z.string(),
    provider: z.enum(TICKET_PROVIDERS),
    baseUrl: z.string().meta({ description: "GitHub: the API root (https://api.github.com); Jira: the site (https://acme.atlassian.net)." }),
    repository: z.string().nullable().meta({ description: "GitHub: owner/name." }),
    jiraEmail: z.string().nullable(),
    projectKey: z.string().nullable(),
    issueType: z.string().nullable(),
    statusMapping: z.record(z.string(), z.enum(MAPPABLE_STATUSES)).meta({ description: "Jira status name → Andon status." }),
    enabled: z.boolean(),
    ticketCount: z.int(),
    version: z.int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "TicketIntegration" });

const common = {
  teamId: z.string(),
  enabled: z.boolean().optional(),
  token: z.string().meta({ description: "Write-only. GitHub: a token with Issues read/write; Jira: an API token. On PUT, empty keeps the stored one." }),
  webhookSecret: z.string().optional().meta({ description: "Write-only. The inbound webhook secret; empty on POST: generated and answered once." }),
};
const integrationBody = z
  .discriminatedUnion("provider", [
    z.object({ provider: z.literal("GITHUB"), ...common, baseUrl: z.string().optional(), repository: z.string() }),
    z.object({
      provider: z.literal("JIRA"),
      ...common,
      baseUrl: z.string(),
      jiraEmail: z.string(),
      projectKey: z.string(),
      issueType: z.string().optional(),
      statusMapping: z.record(z.string(), z.enum(MAPPABLE_STATUSES)).optional(),
    }),
  ])
  .meta({ id: "TicketIntegrationInput" });

const ticketSchema = z
  .object({
    provider: z.enum(TICKET_PROVIDERS),
    issueName: z.string().nullable().meta({ description: "owner/repo#12 or OPS-12; null until created.", example: "acme/operations#12" }),
    issuePermalink: z.string().nullable(),
    state: z.enum(["PENDING", "OPEN", "CLOSED"]).meta({ description: "The ticket's last known state; PENDING before it exists." }),
    remoteStatus: z.string().nullable().meta({ description: "Jira: the status name last seen." }),
    syncError: z.string().nullable().meta({ description: "Why the last sync failed, e.g. `401 from GitHub: Bad credentials`; it is retried." }),
    failingSince: z.iso.datetime().nullable(),
    nextSyncAt: z.iso.datetime().nullable(),
    syncedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ExternalTicket" });

const idParams = z.object({ id: z.string() });
const TAG = ["Ticket sync"];

/** /api/v1/ticket-integrations and an action's ticket (/api/v1/action-items/{id}/ticket). */
export function registerTicketSyncPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/ticket-integrations",
    operationId: "listTicketIntegrations",
    tags: TAG,
    summary: "List the ticket integrations of the teams the caller manages",
    security: authenticated,
    responses: {
      200: jsonResponse("The integrations (never their token or secret).", z.object({ data: z.array(integrationSchema) })),
      ...problemResponses(401),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/ticket-integrations",
    operationId: "createTicketIntegration",
    tags: TAG,
    summary: "Connect a team to GitHub Issues or Jira",
    description: "A manager of the team (or an admin); one per team, inherited by the teams below it. The answer carries the inbound webhook secret, once.",
    security: authenticated,
    request: { body: { required: true, content: { "application/json": { schema: integrationBody } } } },
    responses: {
      201: jsonResponse("The integration and its inbound webhook secret.", integrationSchema.extend({ webhookSecret: z.string() })),
      ...problemResponses(400, 401, 403, 404, 415),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/ticket-integrations/{id}",
    operationId: "getTicketIntegration",
    tags: TAG,
    summary: "Read a ticket integration",
    security: authenticated,
    request: { params: idParams },
    responses: { 200: jsonResponse("The integration.", integrationSchema), ...problemResponses(401, 404) },
  });
  registry.registerPath({
    method: "put",
    path: "/api/v1/ticket-integrations/{id}",
    operationId: "replaceTicketIntegration",
    tags: TAG,
    summary: "Change a ticket integration",
    description: "Every field and the `version` you read (409 when newer). An empty `token` or `webhookSecret` keeps the stored one.",
    security: authenticated,
    request: {
      params: idParams,
      body: { required: true, content: { "application/json": { schema: z.intersection(z.object({ version: z.int() }), integrationBody) } } },
    },
    responses: { 200: jsonResponse("The integration.", integrationSchema), ...problemResponses(400, 401, 403, 404, 409, 415) },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/ticket-integrations/{id}",
    operationId: "deleteTicketIntegration",
    tags: TAG,
    summary: "Disconnect a ticket system (its tickets stay there; Andon forgets the links)",
    security: authenticated,
    request: { params: idParams },
    responses: { 204: { description: "Removed." }, ...problemResponses(401, 404) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/action-items/{id}/ticket",
    operationId: "getActionItemTicket",
    tags: TAG,
    summary: "The action's ticket and its sync state",
    security: authenticated,
    request: { params: idParams },
    responses: { 200: jsonResponse("The ticket.", ticketSchema), ...problemResponses(401, 404) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/action-items/{id}/ticket",
    operationId: "createActionItemTicket",
    tags: TAG,
    summary: "Create the action's ticket in its team's ticket system",
    description: "The owner or a member of the owning team. Created at once when the ticket system answers; otherwise `syncError` says why and it is retried.",
    security: authenticated,
    request: { params: idParams },
    responses: { 201: jsonResponse("The ticket.", ticketSchema), ...problemResponses(400, 401, 403, 404) },
  });
}
