import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { deliverDueMessages } from "@/lib/webhooks/delivery";
import { sendTestEvent } from "@/lib/webhooks/mutations";

// Queues a webhook.test message and makes its first attempt at once (claimed like any other); the log has it.
export const POST = apiRoute({ params: z.object({ id: z.string().max(64) }) }, async ({ user, params }) => {
  const sent = await sendTestEvent(user, params.id);
  await deliverDueMessages({ messageId: sent.messageId });
  return Response.json(sent, { status: 202 });
});
