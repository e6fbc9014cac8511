import { chatMessage, chatSummary, type ChatFormat } from "@/lib/webhooks/chat-formats";

export type WebhookFormat = "RAW" | ChatFormat;

export type OutboxEvent = { id: string; type: string; occurredAt: Date; data: unknown };

/**
 * The body an endpoint receives for an event: the Standard Webhooks envelope `{type, id, timestamp,
 * data}` for raw endpoints (data in the API's JSON shape), or a short chat message.
 */
export function messagePayload(format: WebhookFormat, event: OutboxEvent, origin: string): Record<string, unknown> {
  if (format === "RAW") return { type: event.type, id: event.id, timestamp: event.occurredAt.toISOString(), data: event.data };
  const data = event.data && typeof event.data === "object" ? (event.data as Record<string, unknown>) : {};
  return chatMessage(format, chatSummary(event.type, data, origin));
}

/** Does an endpoint want this event? Its event types (empty: all) and its team subtree (null: all). */
export function endpointWants(
  endpoint: { eventTypes: readonly string[]; teamId: string | null },
  event: { type: string; teamId: string | null },
  ancestorsOf: (teamId: string) => readonly string[],
): boolean {
  if (endpoint.eventTypes.length > 0 && !endpoint.eventTypes.includes(event.type)) return false;
  if (endpoint.teamId === null) return true;
  return event.teamId !== null && ancestorsOf(event.teamId).includes(endpoint.teamId);
}
