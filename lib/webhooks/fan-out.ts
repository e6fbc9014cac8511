import { chatMessage, type ChatFormat } from "@/lib/webhooks/chat-formats";
import { endpointWants, messagePayload, type OutboxEvent, type WebhookFormat } from "@/lib/webhooks/payload";

/**
 * Which messages one batch of the outbox makes (lib/webhooks/delivery.ts fans out, this decides).
 * Raw endpoints get one message per event. Chat channels get the reminder job's events — due soon,
 * overdue, escalated, which it writes for many actions at once — as one message per team and batch
 * ("⚠️ 3 corrective actions overdue in Payments: …"), not one per action.
 */
export type FanOutEvent = OutboxEvent & { organizationId: string; teamId: string | null };
export type FanOutEndpoint = { id: string; organizationId: string; teamId: string | null; eventTypes: readonly string[]; format: WebhookFormat };
export type FanOutMessage = { endpointId: string; eventId: string; eventType: string; payload: Record<string, unknown> };

const BATCHED: Record<string, { icon: string; state: string; overdueFilter: boolean }> = {
  "action.due_soon": { icon: "⏰", state: "due within three days", overdueFilter: false },
  "action.overdue": { icon: "⚠️", state: "overdue", overdueFilter: true },
  "action.escalated": { icon: "⚠️", state: "overdue and escalated", overdueFilter: true },
};
/** Titles named in a batched message; the link opens the team's whole list. */
const NAMED_TITLES = 3;

export function fanOutMessages(
  events: readonly FanOutEvent[],
  endpoints: readonly FanOutEndpoint[],
  ancestorsOf: (teamId: string) => readonly string[],
  origin: string,
): FanOutMessage[] {
  const messages: FanOutMessage[] = [];
  // A batch's first event names its message: its id is the message's event id (one per endpoint).
  const batches = new Map<string, { endpoint: FanOutEndpoint; events: FanOutEvent[] }>();
  for (const event of events) {
    for (const endpoint of endpoints) {
      if (endpoint.organizationId !== event.organizationId) continue;
      if (!endpointWants(endpoint, { type: event.type, teamId: event.teamId }, ancestorsOf)) continue;
      if (endpoint.format !== "RAW" && event.teamId !== null && Object.hasOwn(BATCHED, event.type)) {
        const key = `${endpoint.id}\n${event.type}\n${event.teamId}`;
        const batch = batches.get(key) ?? { endpoint, events: [] };
        batch.events.push(event);
        batches.set(key, batch);
        continue;
      }
      messages.push({ endpointId: endpoint.id, eventId: event.id, eventType: event.type, payload: messagePayload(endpoint.format, event, origin) });
    }
  }
  for (const { endpoint, events: batched } of batches.values()) {
    const first = batched[0]!;
    messages.push({
      endpointId: endpoint.id,
      eventId: first.id,
      eventType: first.type,
      payload:
        batched.length === 1
          ? messagePayload(endpoint.format, first, origin)
          : batchedChatMessage(endpoint.format as ChatFormat, first.type, first.teamId!, batched, origin),
    });
  }
  return messages;
}

function batchedChatMessage(format: ChatFormat, type: string, teamId: string, events: readonly FanOutEvent[], origin: string): Record<string, unknown> {
  const kind = BATCHED[type]!;
  const subjects = events.map((event) => (event.data && typeof event.data === "object" ? (event.data as Record<string, unknown>) : {}));
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const teamName = text(subjects[0]!.teamName) || "a team";
  const named = subjects
    .slice(0, NAMED_TITLES)
    .map((subject) => `“${text(subject.title)}”`)
    .join(", ");
  const more = subjects.length > NAMED_TITLES ? ` and ${subjects.length - NAMED_TITLES} more` : "";
  const url = `${origin}/actions?view=team&teamId=${encodeURIComponent(teamId)}${kind.overdueFilter ? "&overdue=true" : ""}`;
  return chatMessage(format, { line: `${kind.icon} ${subjects.length} corrective actions ${kind.state} in ${teamName}: ${named}${more}`, url });
}
