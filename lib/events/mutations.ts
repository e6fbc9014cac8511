import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/db";
import type { EventType } from "@/lib/events/catalog";

export interface DomainEventInput {
  organizationId: string;
  type: EventType;
  /** The team the subject belongs to (endpoints may filter by team subtree). */
  teamId: string | null;
  /** The subject in the API's own JSON shape, so consumers reuse the OpenAPI types. */
  data: Prisma.InputJsonValue;
}

/**
 * Writes a domain event to the outbox. Call it with the transaction of the change it describes:
 * a rolled-back change then emits nothing and a committed one is never lost. Delivery (webhooks,
 * chat) reads the outbox later, so emitting costs one INSERT on the write path.
 */
export async function emitEvent(client: DbClient, event: DomainEventInput): Promise<void> {
  await client.domainEvent.create({ data: event, select: { id: true } });
}

/**
 * Writes many domain events in one statement, for changes made in bulk (the policy evaluator opens
 * and resolves thousands of findings in one pass). Same transaction rule as emitEvent.
 */
export async function emitEvents(client: DbClient, events: DomainEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await client.domainEvent.createMany({ data: events });
}
