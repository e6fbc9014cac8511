import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { problemResponses, registerSharedComponents, sharedSchemas } from "@/lib/api/openapi-components";
import { registerActionPaths } from "@/lib/actions/openapi";
import { registerAuditPaths } from "@/lib/audit/openapi";
import { registerCoePaths } from "@/lib/coes/openapi";
import { registerCordPaths } from "@/lib/cords/openapi";
import { registerLearningPaths } from "@/lib/learnings/openapi";
import { registerMetricPaths } from "@/lib/metrics/openapi";
import { registerOrgPaths } from "@/lib/org/openapi";
import { registerPolicyPaths } from "@/lib/policies/openapi";
import { registerReviewPaths } from "@/lib/reviews/openapi";
import { registerUserPaths } from "@/lib/users/openapi";
import { registerWebhookEndpointPaths, registerWebhookEvents } from "@/lib/webhooks/openapi";
import { registerTicketSyncPaths } from "@/lib/integrations/openapi";
import { registerVerificationPaths } from "@/lib/game-days/openapi";
import { registerVerificationDimensionPaths } from "@/lib/verification/openapi";

/**
 * The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas the handlers parse
 * with. Each domain registers its own paths in lib/<domain>/openapi.ts: a new domain adds that file
 * and one entry here.
 */
const DOMAIN_PATHS: ReadonlyArray<(registry: OpenAPIRegistry) => void> = [
  registerUserPaths,
  registerOrgPaths,
  registerAuditPaths,
  registerCoePaths,
  registerMetricPaths,
  registerActionPaths,
  registerReviewPaths,
  registerCordPaths,
  registerLearningPaths,
  registerPolicyPaths,
  registerVerificationPaths,
  registerVerificationDimensionPaths,
  registerWebhookEvents,
  registerWebhookEndpointPaths,
  registerTicketSyncPaths,
];

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

export function buildOpenApiDocument(): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registerSharedComponents(registry);
  for (const registerPaths of DOMAIN_PATHS) registerPaths(registry);
  const document = new OpenApiGeneratorV31([
    // As definition objects: a bare zod 4 schema has a `type` property, which the generator misreads.
    ...sharedSchemas.map((schema) => ({ type: "schema" as const, schema })),
    ...registry.definitions,
  ]).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Andon API",
      version: "1",
      description:
        "Machine access to Andon. Authenticate with a personal API token (`Authorization: Bearer andon_…`). " +
        "Errors are `application/problem+json` (RFC 9457). Lists are cursor-paginated: pass `nextCursor` back as `cursor`.",
    },
    servers: [{ url: "/" }],
  });
  // Any operation can meet a database outage (lib/api/handler.ts answers it), so every one says so.
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item as Record<string, { responses?: Record<string, unknown> }>)) {
      if (operation.responses) Object.assign(operation.responses, problemResponses(503));
    }
  }
  return document;
}

let cached: OpenApiDocument | undefined;

/** The document never changes while the process runs, so it is built once. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument();
  return cached;
}
