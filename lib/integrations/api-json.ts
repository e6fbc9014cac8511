import type { IntegrationRow } from "@/lib/integrations/queries";

/** A ticket integration as /api/v1/ticket-integrations answers it: never its token or webhook secret. */
export function ticketIntegrationJson(integration: IntegrationRow) {
  return {
    id: integration.id,
    teamId: integration.teamId,
    teamName: integration.team.name,
    provider: integration.provider,
    baseUrl: integration.baseUrl,
    repository: integration.repository,
    jiraEmail: integration.jiraEmail,
    projectKey: integration.projectKey,
    issueType: integration.issueType,
    statusMapping: integration.statusMapping as Record<string, string>,
    enabled: integration.enabled,
    ticketCount: integration._count.tickets,
    version: integration.version,
    createdAt: integration.createdAt.toISOString(),
    updatedAt: integration.updatedAt.toISOString(),
  };
}

type TicketRow = {
  provider: "GITHUB" | "JIRA";
  key: string | null;
  url: string | null;
  remoteClosed: boolean | null;
  remoteStatus: string | null;
  syncError: string | null;
  failingSince: Date | null;
  nextSyncAt: Date | null;
  syncedAt: Date | null;
};

/** An action's external issue reference (incident.io's shape: provider, issue name, permalink) and its sync state. */
export function externalTicketJson(ticket: TicketRow) {
  return {
    provider: ticket.provider,
    issueName: ticket.key,
    issuePermalink: ticket.url,
    state: ticket.remoteClosed === null ? "PENDING" : ticket.remoteClosed ? "CLOSED" : "OPEN",
    remoteStatus: ticket.remoteStatus,
    syncError: ticket.syncError,
    failingSince: ticket.failingSince?.toISOString() ?? null,
    nextSyncAt: ticket.nextSyncAt?.toISOString() ?? null,
    syncedAt: ticket.syncedAt?.toISOString() ?? null,
  };
}
