import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { webhookEndpointJson } from "@/lib/webhooks/api-json";
import { createWebhookEndpoint } from "@/lib/webhooks/mutations";
import { getWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/queries";
import { webhookEndpointInputSchema } from "@/lib/webhooks/schemas";

// The endpoints the caller manages (admins: all; managers: their subtree's). The mutations check the scope.
export const GET = apiRoute({}, async ({ user }) => ({ data: (await listWebhookEndpoints(user)).map(webhookEndpointJson) }));

export const POST = apiRoute({ body: webhookEndpointInputSchema }, async ({ user, body }) => {
  const { id, secret } = await createWebhookEndpoint(user, body);
  const endpoint = await getWebhookEndpoint(user, id);
  if (!endpoint) throw new NotFoundError("The webhook endpoint");
  return Response.json({ ...webhookEndpointJson(endpoint), secret }, { status: 201 });
});
