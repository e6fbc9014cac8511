"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import {
  createTicketIntegration,
  deleteTicketIntegration,
  requestTicket,
  requestTicketsForCoe,
  retryTicketSync,
  updateTicketIntegration,
} from "@/lib/integrations/mutations";
import { runTicketSyncPass } from "@/lib/integrations/sync";
import { requestTicketSync } from "@/lib/jobs/tickets";
import {
  actionRefSchema,
  coeRefSchema,
  ticketIntegrationInputSchema,
  ticketIntegrationRefSchema,
  ticketIntegrationUpdateSchema,
} from "@/lib/integrations/schemas";

// The role checks (a manager of the team for integrations; the owner or action.update for tickets) are in the mutations.

export const createTicketIntegrationAction = authedAction("createTicketIntegration", ticketIntegrationInputSchema, async (input, user) => {
  const created = await createTicketIntegration(user, input);
  revalidatePath("/settings/integrations");
  return created;
});

export const updateTicketIntegrationAction = authedAction("updateTicketIntegration", ticketIntegrationUpdateSchema, async (input, user) => {
  const saved = await updateTicketIntegration(user, input);
  revalidatePath(`/settings/integrations/${saved.id}`);
  return saved;
});

export const deleteTicketIntegrationAction = authedAction("deleteTicketIntegration", ticketIntegrationRefSchema, async (input, user) => {
  await deleteTicketIntegration(user, input.integrationId);
  revalidatePath("/settings/integrations");
  return null;
});

/** Creates the ticket now (claimed like the job's, so never twice); a failure stays on the action with Retry. */
export const createTicketAction = authedAction("createTicket", actionRefSchema, async (input, user) => {
  const { ticketId } = await requestTicket(user, input.actionId);
  await runTicketSyncPass({ ticketId });
  revalidatePath(`/actions/${input.actionId}`);
  return { ticketId };
});

export const retryTicketSyncAction = authedAction("retryTicketSync", actionRefSchema, async (input, user) => {
  const { ticketId } = await retryTicketSync(user, input.actionId);
  await runTicketSyncPass({ ticketId });
  revalidatePath(`/actions/${input.actionId}`);
  return null;
});

/** The job creates them within seconds (several tickets: not held up by this request). */
export const createTicketsForCoeAction = authedAction("createTicketsForCoe", coeRefSchema, async (input, user) => {
  const result = await requestTicketsForCoe(user, input.coeId);
  await requestTicketSync();
  revalidatePath(`/coes/${input.coeId}`);
  return { created: result.ticketIds.length, withoutIntegration: result.withoutIntegration };
});
