import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { externalTicketJson } from "@/lib/integrations/api-json";
import { requestTicket } from "@/lib/integrations/mutations";
import { ticketForAction } from "@/lib/integrations/queries";
import { runTicketSyncPass } from "@/lib/integrations/sync";

const params = z.object({ id: z.string().max(64) });

async function read(user: Parameters<typeof ticketForAction>[0], actionId: string) {
  const found = await ticketForAction(user, actionId);
  if (!found) throw new NotFoundError("The corrective action");
  if (!found.ticket) throw new NotFoundError("The action's ticket");
  return externalTicketJson(found.ticket);
}

export const GET = apiRoute({ params }, async ({ user, params }) => read(user, params.id));

/** Creates the action's ticket now (or answers the existing one); a failure is in `syncError` and retried. */
export const POST = apiRoute({ params }, async ({ user, params }) => {
  const { ticketId } = await requestTicket(user, params.id);
  await runTicketSyncPass({ ticketId });
  return Response.json(await read(user, params.id), { status: 201 });
});
