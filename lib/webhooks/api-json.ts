import type { EndpointRow } from "@/lib/webhooks/queries";

/** A webhook endpoint as /api/v1/webhook-endpoints answers it: never its signing secret. */
export function webhookEndpointJson(endpoint: EndpointRow) {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    format: endpoint.format,
    eventTypes: endpoint.eventTypes,
    teamId: endpoint.teamId,
    teamName: endpoint.team?.name ?? null,
    enabled: endpoint.enabled,
    weeklyDigest: endpoint.weeklyDigest,
    disabledReason: endpoint.disabledReason,
    failingSince: endpoint.failingSince?.toISOString() ?? null,
    previousSecretExpiresAt: endpoint.previousSecretExpiresAt?.toISOString() ?? null,
    version: endpoint.version,
    createdAt: endpoint.createdAt.toISOString(),
  };
}
