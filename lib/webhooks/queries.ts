import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/principal";
import type { Prisma } from "@/lib/generated/prisma/client";
import { manageableEndpointsWhere, manageableEndpointWhere } from "@/lib/webhooks/access";
import type { deliveryLogFilterSchema } from "@/lib/webhooks/schemas";
import type { z } from "zod";

const DELIVERY_LOG_PAGE_SIZE = 25;

const endpointSelect = {
  id: true,
  url: true,
  description: true,
  format: true,
  eventTypes: true,
  teamId: true,
  team: { select: { name: true } },
  enabled: true,
  weeklyDigest: true,
  disabledReason: true,
  failingSince: true,
  previousSecretExpiresAt: true,
  version: true,
  createdAt: true,
} satisfies Prisma.WebhookEndpointSelect;
export type EndpointRow = Prisma.WebhookEndpointGetPayload<{ select: typeof endpointSelect }>;

/** The endpoints the caller manages, newest first (an organization has a handful). */
export async function listWebhookEndpoints(user: CurrentUser): Promise<EndpointRow[]> {
  return db.webhookEndpoint.findMany({
    where: manageableEndpointsWhere(user),
    select: endpointSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
  });
}

export async function getWebhookEndpoint(user: CurrentUser, endpointId: string): Promise<EndpointRow | null> {
  return db.webhookEndpoint.findFirst({ where: manageableEndpointWhere(user, endpointId), select: endpointSelect });
}

/** One page of an endpoint's delivery log with every attempt of each message. */
export async function listDeliveries(user: CurrentUser, endpointId: string, filter: z.output<typeof deliveryLogFilterSchema>) {
  const where: Prisma.WebhookMessageWhereInput = {
    endpointId,
    endpoint: manageableEndpointsWhere(user),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.eventType ? { eventType: filter.eventType } : {}),
  };
  const [total, messages] = await Promise.all([
    db.webhookMessage.count({ where }),
    db.webhookMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * DELIVERY_LOG_PAGE_SIZE,
      take: DELIVERY_LOG_PAGE_SIZE,
      select: {
        id: true,
        eventType: true,
        status: true,
        attemptCount: true,
        nextAttemptAt: true,
        createdAt: true,
        attempts: {
          orderBy: { number: "desc" },
          take: 10,
          select: {
            id: true,
            number: true,
            startedAt: true,
            durationMs: true,
            requestHeaders: true,
            requestBody: true,
            responseStatus: true,
            responseBody: true,
            error: true,
            succeeded: true,
          },
        },
      },
    }),
  ]);
  return { total, messages, pageCount: Math.max(1, Math.ceil(total / DELIVERY_LOG_PAGE_SIZE)) };
}

/** The event types this endpoint has messages of, for the log's filter. */
export async function deliveredEventTypes(user: CurrentUser, endpointId: string): Promise<string[]> {
  const rows = await db.webhookMessage.findMany({
    where: { endpointId, endpoint: manageableEndpointsWhere(user) },
    distinct: ["eventType"],
    select: { eventType: true },
    take: 100,
  });
  return rows.map((row) => row.eventType).sort();
}
