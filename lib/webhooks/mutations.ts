import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/principal";
import { ConflictError, ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canManageEndpointScope, manageableEndpointWhere } from "@/lib/webhooks/access";
import { publicBaseUrl } from "@/lib/webhooks/delivery";
import { messagePayload } from "@/lib/webhooks/payload";
import { generateWebhookSecret } from "@/lib/webhooks/signing";
import { encryptSecret } from "@/lib/security/secret-box";
import { env } from "@/lib/env";
import { webhookEndpointInputSchema, webhookEndpointUpdateSchema } from "@/lib/webhooks/schemas";
import type { z } from "zod";

/**
 * The one write path for webhook endpoints and their messages (the delivery job writes attempts in
 * lib/webhooks/delivery.ts). Every change checks the caller manages the endpoint's scope and is audited.
 */
// The weekly digest may be left out by callers inside Andon (off when created, unchanged when updated).
type EndpointInput = Omit<z.output<typeof webhookEndpointInputSchema>, "weeklyDigest"> & { weeklyDigest?: boolean };
type EndpointUpdate = Omit<z.output<typeof webhookEndpointUpdateSchema>, "weeklyDigest"> & { weeklyDigest?: boolean };

/** How long the secret from before a rotation still signs (Standard Webhooks: receivers swap keys meanwhile). */
const ROTATION_OVERLAP_MS = 24 * 3_600_000;

/** Signing secrets are stored encrypted (lib/security/secret-box.ts); production needs the key for that. */
function storableSecret(secret: string): string {
  const config = env();
  if (config.NODE_ENV === "production" && !config.ANDON_ENCRYPTION_KEY)
    throw new UserError("Set ANDON_ENCRYPTION_KEY on the server first: Andon stores signing secrets encrypted with it (see the README).");
  return encryptSecret(secret);
}

async function assertScope(user: CurrentUser, teamId: string | null): Promise<void> {
  if (teamId !== null) {
    const team = await db.team.findFirst({ where: { id: teamId, organizationId: user.organizationId }, select: { id: true } });
    if (!team) throw new NotFoundError("The team");
  }
  if (!canManageEndpointScope(user, teamId))
    throw new ForbiddenError(
      teamId === null ? "Only admins create endpoints for the whole organization; choose your team." : "You do not manage webhooks for that team.",
    );
}

async function loadManageable(tx: Prisma.TransactionClient, user: CurrentUser, endpointId: string) {
  const endpoint = await tx.webhookEndpoint.findFirst({
    where: manageableEndpointWhere(user, endpointId),
    select: { id: true, url: true, teamId: true, version: true, format: true, description: true, enabled: true, disabledReason: true },
  });
  if (!endpoint) throw new NotFoundError("The webhook endpoint");
  return endpoint;
}

/**
 * Nothing is sent to a disabled endpoint (the delivery job skips it), so a test or a redelivery would
 * only sit in the log as pending: the caller is told why instead (409).
 */
function assertEnabled(endpoint: { enabled: boolean; disabledReason: string | null }, what: string): void {
  if (endpoint.enabled) return;
  throw new ConflictError(
    `This endpoint is disabled${endpoint.disabledReason ? ` (${endpoint.disabledReason.replace(/\.$/, "")})` : ""}: nothing was sent. Enable it, then ${what}.`,
  );
}

/** Creates an endpoint; the answer carries the signing secret, shown to the user once. */
export async function createWebhookEndpoint(user: CurrentUser, input: EndpointInput): Promise<{ id: string; secret: string }> {
  await assertScope(user, input.teamId);
  const secret = generateWebhookSecret();
  return db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { ...input, organizationId: user.organizationId, createdById: user.userId, secret: storableSecret(secret) },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "webhook_endpoint.created",
      entityType: "webhook_endpoint",
      entityId: created.id,
      summary: `Added webhook endpoint ${input.url}`,
    });
    return { id: created.id, secret };
  });
}

export async function updateWebhookEndpoint(user: CurrentUser, input: EndpointUpdate): Promise<{ id: string; version: number }> {
  const { endpointId, version, ...fields } = input;
  await assertScope(user, fields.teamId);
  return db.$transaction(async (tx) => {
    const endpoint = await loadManageable(tx, user, endpointId);
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: endpoint.id, version },
      // Enabling again by hand clears why Andon disabled it and starts the failure clock afresh.
      data: { ...fields, version: { increment: 1 }, ...(fields.enabled ? { disabledReason: null, failingSince: null } : {}) },
    });
    if (count !== 1) throw new ConflictError("Someone else changed this endpoint after you loaded it. Reload to see their change, then try again.");
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "webhook_endpoint.updated",
      entityType: "webhook_endpoint",
      entityId: endpoint.id,
      summary: `Updated webhook endpoint ${fields.url}${fields.enabled ? "" : " (disabled)"}`,
    });
    return { id: endpoint.id, version: version + 1 };
  });
}

export async function deleteWebhookEndpoint(user: CurrentUser, endpointId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const endpoint = await loadManageable(tx, user, endpointId);
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "webhook_endpoint.deleted",
      entityType: "webhook_endpoint",
      entityId: endpoint.id,
      summary: `Removed webhook endpoint ${endpoint.url}`,
    });
  });
}

/** A new secret; the old one keeps signing (beside the new) for 24 hours. */
export async function rotateWebhookSecret(user: CurrentUser, endpointId: string): Promise<{ secret: string }> {
  const secret = generateWebhookSecret();
  await db.$transaction(async (tx) => {
    const endpoint = await loadManageable(tx, user, endpointId);
    const current = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id }, select: { secret: true } });
    await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: {
        secret: storableSecret(secret),
        previousSecret: current.secret,
        previousSecretExpiresAt: new Date(Date.now() + ROTATION_OVERLAP_MS),
        version: { increment: 1 },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "webhook_endpoint.secret_rotated",
      entityType: "webhook_endpoint",
      entityId: endpoint.id,
      summary: `Rotated the signing secret of ${endpoint.url} (the old one signs too for 24 h)`,
    });
  });
  return { secret };
}

/** Queues a `webhook.test` message for the endpoint, delivered like any other. */
export async function sendTestEvent(user: CurrentUser, endpointId: string): Promise<{ messageId: string }> {
  return db.$transaction(async (tx) => {
    const endpoint = await loadManageable(tx, user, endpointId);
    assertEnabled(endpoint, "send the test event again");
    const event = {
      id: `test_${Date.now().toString(36)}`,
      type: "webhook.test",
      occurredAt: new Date(),
      data: { endpointId: endpoint.id, message: "A test event from Andon: this endpoint receives events.", sentBy: user.name },
    };
    const message = await tx.webhookMessage.create({
      data: { endpointId: endpoint.id, eventType: event.type, payload: messagePayload(endpoint.format, event, publicBaseUrl()) as Prisma.InputJsonValue },
      select: { id: true },
    });
    return { messageId: message.id };
  });
}

/** Sends a message again (delivered, retrying or exhausted): the same webhook-id, a new attempt. */
export async function redeliverMessage(user: CurrentUser, messageId: string): Promise<{ endpointId: string }> {
  return db.$transaction(async (tx) => {
    const message = await tx.webhookMessage.findFirst({ where: { id: messageId }, select: { id: true, endpointId: true } });
    if (!message) throw new NotFoundError("The message");
    const endpoint = await loadManageable(tx, user, message.endpointId);
    assertEnabled(endpoint, "redeliver the message");
    await tx.webhookMessage.update({
      where: { id: message.id },
      data: { status: "PENDING", nextAttemptAt: new Date(), lockedUntil: null },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "webhook_message.redelivered",
      entityType: "webhook_endpoint",
      entityId: endpoint.id,
      summary: `Redelivered message ${message.id} to ${endpoint.url}`,
    });
    return { endpointId: endpoint.id };
  });
}
