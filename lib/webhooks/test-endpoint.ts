// A raw endpoint for all events of the retail team, added by its manager, for the webhook tests. Not a test file itself.
import type { actionWorld } from "@/lib/actions/test-fixtures";
import { createWebhookEndpoint } from "@/lib/webhooks/mutations";

export async function retailEndpoint(world: Awaited<ReturnType<typeof actionWorld>>, url: string, description = ""): Promise<string> {
  const { id } = await createWebhookEndpoint(world.users.retailManager, {
    url,
    description,
    format: "RAW",
    eventTypes: [],
    teamId: world.teams.retail.id,
    enabled: true,
  });
  return id;
}
