import { handleJiraWebhook } from "@/lib/integrations/inbound";
import { inboundWebhookRoute } from "@/lib/integrations/inbound-route";

// Jira's issue-updated webhook for a ticket integration (Settings → Ticket sync shows the URL and secret).
export const POST = inboundWebhookRoute(handleJiraWebhook);
