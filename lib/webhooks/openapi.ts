import { WEBHOOK_FORMATS } from "@/lib/webhooks/schemas";
import { MetricDirection } from "@/lib/generated/prisma/enums";
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { actionItemSchema } from "@/lib/actions/api-schemas";
import { coeSchema } from "@/lib/coes/api-schemas";
import { cordSchema } from "@/lib/cords/api-schemas";
import { EVENT_TYPES, SUBSCRIBABLE_EVENT_TYPES, WEEKLY_DIGEST_EVENT } from "@/lib/events/catalog";
import { authenticated, jsonResponse, problemResponses } from "@/lib/api/openapi-components";

const reviewEventDataSchema = z
  .object({
    id: z.string(),
    seriesId: z.string(),
    seriesName: z.string(),
    teamId: z.string(),
    isoWeek: z.string().meta({ example: "2026-W49" }),
    path: z.string().meta({ description: "The review's page in Andon, relative to its origin." }),
    minutes: z.unknown().optional().meta({ description: "review.minutes_published: the published minutes." }),
  })
  .meta({ id: "ReviewEventData" });

const digestList = (item: z.ZodType, what: string) =>
  z.object({ total: z.int().meta({ description: `The count of every ${what}; \`items\` holds the first 20.` }), items: z.array(item) });

const weeklyDigestDataSchema = z
  .object({
    isoWeek: z.string().meta({ example: "2026-W49" }),
    weekStart: z.iso.datetime().meta({ description: "The announced review's week (its series' time zone): new COEs are those opened in it." }),
    weekEnd: z.iso.datetime(),
    teamId: z.string().nullable().meta({ description: "The endpoint's team subtree; null: the whole organization." }),
    teamName: z.string().nullable(),
    review: z
      .object({ id: z.string(), seriesId: z.string(), seriesName: z.string(), teamId: z.string(), path: z.string() })
      .meta({ description: "The review whose announced agenda brought this digest." }),
    overdueActions: digestList(
      z.object({
        id: z.string(),
        title: z.string(),
        teamName: z.string(),
        ownerName: z.string().nullable(),
        dueDate: z.iso.date(),
        daysOverdue: z.int(),
        path: z.string(),
      }),
      "open or in-progress corrective action past its due date",
    ),
    newCoes: digestList(
      z.object({
        id: z.string(),
        title: z.string().meta({ description: "“Restricted COE” for a restricted one." }),
        severity: z.string(),
        status: z.string(),
        teamName: z.string(),
        createdAt: z.iso.datetime(),
        path: z.string(),
      }),
      "COE opened in the week",
    ),
    metricBreaches: digestList(
      z.object({
        id: z.string(),
        name: z.string(),
        unit: z.string(),
        serviceId: z.string(),
        serviceName: z.string(),
        teamName: z.string(),
        latestValue: z.number(),
        target: z.number(),
        direction: z.enum(MetricDirection),
        path: z.string(),
      }),
      "active metric whose latest value breaches its target",
    ),
  })
  .meta({ id: "WeeklyDigestData" });

const anyResource = z.record(z.string(), z.unknown()).meta({ description: "The subject in the API's JSON shape of its resource." });

function dataSchemaFor(type: string): z.ZodType {
  if (type.startsWith("coe.")) return coeSchema;
  if (type.startsWith("action.")) return actionItemSchema;
  // The gate's events carry the cord as far as the gate knows it, plus the deploy attempt.
  if (type.startsWith("cord.") && type !== "cord.deploy_blocked" && type !== "cord.override_used") return cordSchema;
  if (type === WEEKLY_DIGEST_EVENT) return weeklyDigestDataSchema;
  if (type.startsWith("review.")) return reviewEventDataSchema;
  return anyResource;
}

const signedHeaders = z.object({
  "webhook-id": z.string().meta({ description: "The message id: the same on every retry. Dedupe on it; ordering is not promised." }),
  "webhook-timestamp": z.string().meta({ description: "Seconds since the epoch when this attempt was sent; refuse ones older than 5 minutes." }),
  "webhook-signature": z.string().meta({
    description: "Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` with the endpoint's whsec_ secret (two during a rotation).",
  }),
});

/**
 * The OpenAPI 3.1 `webhooks` section: one entry per event of the catalog (lib/events/catalog.ts),
 * its body the Standard Webhooks envelope around the resource in its API shape.
 */
export function registerWebhookEvents(registry: OpenAPIRegistry): void {
  for (const [type, description] of Object.entries(EVENT_TYPES)) {
    registry.registerWebhook({
      method: "post",
      path: type,
      summary: description,
      description:
        type === WEEKLY_DIGEST_EVENT
          ? "Sent to raw (Standard Webhooks) endpoints with `weeklyDigest` on, once per ISO week, when a review agenda in the endpoint's subtree is announced. Answer 2xx within 15 s; 410 Gone disables the endpoint."
          : "Sent to raw (Standard Webhooks) endpoints subscribed to this type. Answer 2xx within 15 s; 410 Gone disables the endpoint.",
      request: {
        headers: signedHeaders,
        body: {
          content: {
            "application/json": {
              schema: z.object({
                type: z.literal(type),
                id: z
                  .string()
                  .meta({ description: "The event's id (a test event's starts with test_, a weekly digest's is weekly_digest_<isoWeek>_<endpoint id>)." }),
                timestamp: z.iso.datetime(),
                data: dataSchemaFor(type),
              }),
            },
          },
        },
      },
      responses: { 200: { description: "Any 2xx: delivered. Anything else, or no answer within 15 s, is retried." } },
    });
  }
}

const endpointSchema = z
  .object({
    id: z.string(),
    url: z.url(),
    description: z.string(),
    format: z.enum(WEBHOOK_FORMATS).meta({ description: "RAW: signed Standard Webhooks JSON; the chat formats are sent unsigned." }),
    eventTypes: z.array(z.string()).meta({ description: "Event types sent (see `webhooks`); empty: every type, including ones added later." }),
    teamId: z.string().nullable().meta({ description: "Only events of this team's subtree; null: the whole organization (admins only)." }),
    teamName: z.string().nullable(),
    enabled: z.boolean(),
    weeklyDigest: z.boolean().meta({ description: "Also sends the subtree's weekly digest (`review.weekly_digest`), whatever `eventTypes` says." }),
    disabledReason: z.string().nullable().meta({ description: "Why Andon disabled it (410 Gone, failing for 5 days)." }),
    failingSince: z.iso.datetime().nullable(),
    previousSecretExpiresAt: z.iso.datetime().nullable().meta({ description: "Until then the secret from before the last rotation signs too." }),
    version: z.int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "WebhookEndpoint" });
const endpointBody = z
  .object({
    url: z.url(),
    description: z.string().optional(),
    format: z.enum(WEBHOOK_FORMATS).optional(),
    eventTypes: z
      .array(z.enum(SUBSCRIBABLE_EVENT_TYPES as string[] as [string, ...string[]]))
      .optional()
      .meta({ description: "Empty or omitted: every type. The weekly digest is not chosen here but with `weeklyDigest`." }),
    teamId: z.string().optional().meta({ description: "Omit for the whole organization (admins only)." }),
    enabled: z.boolean().optional(),
    weeklyDigest: z.boolean().optional().meta({
      description:
        "Once per ISO week, when a review agenda of a team in the endpoint's subtree is announced: the subtree's overdue corrective actions, new COEs and metric breaches. Default false.",
    }),
  })
  .meta({ id: "WebhookEndpointInput" });
const endpointParams = z.object({ id: z.string() });
const TAG = ["Webhooks"];

/** /api/v1/webhook-endpoints: the same operations as Settings → Webhooks, for admins and managers. */
export function registerWebhookEndpointPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/webhook-endpoints",
    operationId: "listWebhookEndpoints",
    tags: TAG,
    summary: "List the webhook endpoints the caller manages",
    security: authenticated,
    responses: { 200: jsonResponse("The endpoints (never their secrets).", z.object({ data: z.array(endpointSchema) })), ...problemResponses(401) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/webhook-endpoints",
    operationId: "createWebhookEndpoint",
    tags: TAG,
    summary: "Add a webhook endpoint",
    description: "Admins for the whole organization, managers for their team's subtree. The answer carries the `whsec_` signing secret, once.",
    security: authenticated,
    request: { body: { required: true, content: { "application/json": { schema: endpointBody } } } },
    responses: {
      201: jsonResponse("The endpoint and its signing secret.", endpointSchema.extend({ secret: z.string().meta({ example: "whsec_…" }) })),
      ...problemResponses(400, 401, 403, 404, 415),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/webhook-endpoints/{id}",
    operationId: "getWebhookEndpoint",
    tags: TAG,
    summary: "Read a webhook endpoint",
    security: authenticated,
    request: { params: endpointParams },
    responses: { 200: jsonResponse("The endpoint.", endpointSchema), ...problemResponses(401, 404) },
  });
  registry.registerPath({
    method: "put",
    path: "/api/v1/webhook-endpoints/{id}",
    operationId: "replaceWebhookEndpoint",
    tags: TAG,
    summary: "Change a webhook endpoint",
    description: "Send every field and the `version` you read; a newer version answers 409. Enabling clears Andon's reason for disabling it.",
    security: authenticated,
    request: { params: endpointParams, body: { required: true, content: { "application/json": { schema: endpointBody.extend({ version: z.int() }) } } } },
    responses: { 200: jsonResponse("The endpoint.", endpointSchema), ...problemResponses(400, 401, 403, 404, 409, 415) },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/webhook-endpoints/{id}",
    operationId: "deleteWebhookEndpoint",
    tags: TAG,
    summary: "Remove a webhook endpoint and its delivery log",
    security: authenticated,
    request: { params: endpointParams },
    responses: { 204: { description: "Removed." }, ...problemResponses(401, 404) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/webhook-endpoints/{id}/rotate-secret",
    operationId: "rotateWebhookSecret",
    tags: TAG,
    summary: "Rotate the signing secret",
    description: "The new secret is in this answer only; messages are signed with the old one too for 24 hours.",
    security: authenticated,
    request: { params: endpointParams },
    responses: { 200: jsonResponse("The new secret.", z.object({ secret: z.string() })), ...problemResponses(401, 404) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/webhook-endpoints/{id}/test",
    operationId: "sendWebhookTestEvent",
    tags: TAG,
    summary: "Send a webhook.test event now",
    description:
      "A disabled endpoint (by an admin, after 5 days of failures, or a 410 Gone) receives nothing: the answer is a 409 saying why; enable it first.",
    security: authenticated,
    request: { params: endpointParams },
    responses: {
      202: jsonResponse("Queued and attempted once; its attempt is in the delivery log.", z.object({ messageId: z.string() })),
      ...problemResponses(401, 404, 409),
    },
  });
}
