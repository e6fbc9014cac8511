import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { ticketIntegrationJson } from "@/lib/integrations/api-json";
import { deleteTicketIntegration, updateTicketIntegration } from "@/lib/integrations/mutations";
import { getTicketIntegration } from "@/lib/integrations/queries";
import { ticketIntegrationInputSchema } from "@/lib/integrations/schemas";

const params = z.object({ id: z.string().max(64) });

async function read(user: Parameters<typeof getTicketIntegration>[0], id: string) {
  const integration = await getTicketIntegration(user, id);
  if (!integration) throw new NotFoundError("The ticket integration");
  return ticketIntegrationJson(integration);
}

export const GET = apiRoute({ params }, async ({ user, params }) => read(user, params.id));

/** The whole integration with the version it was read at; an empty token or webhookSecret keeps the stored one. */
export const PUT = apiRoute(
  { params, body: z.intersection(z.object({ version: z.int().min(1) }), ticketIntegrationInputSchema) },
  async ({ user, params, body }) => {
    await updateTicketIntegration(user, { ...body, integrationId: params.id });
    return read(user, params.id);
  },
);

export const DELETE = apiRoute({ params }, async ({ user, params }) => {
  await deleteTicketIntegration(user, params.id);
  return new Response(null, { status: 204 });
});
