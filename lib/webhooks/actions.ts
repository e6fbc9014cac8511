"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  redeliverMessage,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhookEndpoint,
} from "@/lib/webhooks/mutations";
import { deliverDueMessages } from "@/lib/webhooks/delivery";
import { webhookEndpointInputSchema, webhookEndpointRefSchema, webhookEndpointUpdateSchema, webhookMessageRefSchema } from "@/lib/webhooks/schemas";

// The role checks (admin for organization-wide endpoints, webhook.manage on the team) are in the mutations.

export const createWebhookEndpointAction = authedAction("createWebhookEndpoint", webhookEndpointInputSchema, async (input, user) => {
  const created = await createWebhookEndpoint(user, input);
  revalidatePath("/settings/webhooks");
  return created;
});

export const updateWebhookEndpointAction = authedAction("updateWebhookEndpoint", webhookEndpointUpdateSchema, async (input, user) => {
  const saved = await updateWebhookEndpoint(user, input);
  revalidatePath(`/settings/webhooks/${saved.id}`);
  return saved;
});

export const deleteWebhookEndpointAction = authedAction("deleteWebhookEndpoint", webhookEndpointRefSchema, async (input, user) => {
  await deleteWebhookEndpoint(user, input.endpointId);
  revalidatePath("/settings/webhooks");
  return null;
});

export const rotateWebhookSecretAction = authedAction("rotateWebhookSecret", webhookEndpointRefSchema, async (input, user) => {
  return rotateWebhookSecret(user, input.endpointId);
});

export const sendTestEventAction = authedAction("sendWebhookTestEvent", webhookEndpointRefSchema, async (input, user) => {
  const sent = await sendTestEvent(user, input.endpointId);
  // The first attempt right away (claimed like any other, so a worker never sends it twice): the log shows it on reload.
  await deliverDueMessages({ messageId: sent.messageId });
  revalidatePath(`/settings/webhooks/${input.endpointId}`);
  return sent;
});

export const redeliverMessageAction = authedAction("redeliverWebhookMessage", webhookMessageRefSchema, async (input, user) => {
  const { endpointId } = await redeliverMessage(user, input.messageId);
  await deliverDueMessages({ messageId: input.messageId });
  revalidatePath(`/settings/webhooks/${endpointId}`);
  return null;
});
