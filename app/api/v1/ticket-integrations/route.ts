import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { ticketIntegrationJson } from "@/lib/integrations/api-json";
import { createTicketIntegration } from "@/lib/integrations/mutations";
import { getTicketIntegration, listTicketIntegrations } from "@/lib/integrations/queries";
import { ticketIntegrationInputSchema } from "@/lib/integrations/schemas";

// Integrations of the teams the caller manages; tokens are write-only, the webhook secret is answered once.
export const GET = apiRoute({}, async ({ user }) => ({ data: (await listTicketIntegrations(user)).map(ticketIntegrationJson) }));

export const POST = apiRoute({ body: ticketIntegrationInputSchema }, async ({ user, body }) => {
  const { id, webhookSecret } = await createTicketIntegration(user, body);
  const integration = await getTicketIntegration(user, id);
  if (!integration) throw new NotFoundError("The ticket integration");
  return Response.json({ ...ticketIntegrationJson(integration), webhookSecret }, { status: 201 });
});
