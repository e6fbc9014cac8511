import { handleGithubWebhook } from "@/lib/integrations/inbound";
import { inboundWebhookRoute } from "@/lib/integrations/inbound-route";

// GitHub's issues webhook for a ticket integration (Settings → Ticket sync shows the URL and secret).
export const POST = inboundWebhookRoute(handleGithubWebhook);
