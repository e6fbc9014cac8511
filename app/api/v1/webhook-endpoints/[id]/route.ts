import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { webhookEndpointJson } from "@/lib/webhooks/api-json";
import { deleteWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/mutations";
import { getWebhookEndpoint } from "@/lib/webhooks/queries";
import { webhookEndpointInputSchema } from "@/lib/webhooks/schemas";

const params = z.object({ id: z.string().max(64) });

async function read(user: Parameters<typeof getWebhookEndpoint>[0], id: string) {
  const endpoint = await getWebhookEndpoint(user, id);
  if (!endpoint) throw new NotFoundError("The webhook endpoint");
  return webhookEndpointJson(endpoint);
}

export const GET = apiRoute({ params }, async ({ user, params }) => read(user, params.id));

/** The whole endpoint with the version it was read at (a stale version is a 409). */
export const PUT = apiRoute({ params, body: webhookEndpointInputSchema.extend({ version: z.int().min(1) }) }, async ({ user, params, body }) => {
  await updateWebhookEndpoint(user, { ...body, endpointId: params.id });
  return read(user, params.id);
});

export const DELETE = apiRoute({ params }, async ({ user, params }) => {
  await deleteWebhookEndpoint(user, params.id);
  return new Response(null, { status: 204 });
});
