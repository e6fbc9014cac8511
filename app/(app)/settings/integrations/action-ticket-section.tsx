import { TicketButtons } from "./ticket-buttons";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/format-date";
import type { CurrentUser } from "@/lib/auth/principal";
import { ticketForAction } from "@/lib/integrations/queries";
import { TICKET_PROVIDER_LABELS } from "@/lib/integrations/schemas";

/**
 * The action page's ticket: its key and link with the sync state ("sync failing: 401 from GitHub"
 * with Retry), or "Create ticket" when the team (or a team above it) has a ticket system.
 */
export async function ActionTicketSection({ user, actionId, canEdit }: { user: CurrentUser; actionId: string; canEdit: boolean }) {
  const found = await ticketForAction(user, actionId);
  if (!found || (!found.ticket && !found.integration)) return null;
  const { ticket } = found;
  const provider = TICKET_PROVIDER_LABELS[ticket?.provider ?? found.integration!.provider];
  return (
    <Card>
      <CardHeader title="Ticket" />
      <CardBody>
        <div className="space-y-3 text-sm" data-testid="action-ticket">
          {ticket ? (
            <>
              <p className="flex flex-wrap items-center gap-2">
                <span className="text-slate-600">{provider}</span>
                {ticket.url ? (
                  <a href={ticket.url} rel="noopener noreferrer" target="_blank" className="font-mono font-medium text-indigo-700 hover:underline">
                    {ticket.key}
                  </a>
                ) : (
                  <span className="text-slate-600">being created…</span>
                )}
                {ticket.remoteClosed === null ? null : ticket.remoteClosed ? <Badge tone="neutral">Closed</Badge> : <Badge tone="green">Open</Badge>}
                {ticket.remoteStatus ? <span className="text-xs text-slate-600">{ticket.remoteStatus}</span> : null}
              </p>
              {ticket.syncError ? (
                <div className="rounded-md bg-red-50 px-3 py-2 text-red-900 ring-1 ring-red-200" role="status">
                  <p className="font-medium">Sync failing: {ticket.syncError}</p>
                  <p className="text-xs">
                    Since {ticket.failingSince ? <DateTime value={ticket.failingSince} /> : "—"}
                    {ticket.nextSyncAt ? (
                      <>
                        ; retried automatically <DateTime value={ticket.nextSyncAt} />
                      </>
                    ) : null}
                    . Nothing is lost meanwhile.
                  </p>
                </div>
              ) : ticket.syncedAt ? (
                <p className="text-xs text-slate-600">
                  In step since <DateTime value={ticket.syncedAt} />. Closing the ticket marks this action done; reopening it here reopens the ticket.
                </p>
              ) : null}
              {canEdit && ticket.syncError ? <TicketButtons actionId={actionId} mode="retry" /> : null}
            </>
          ) : canEdit ? (
            <>
              <p className="text-slate-600">Push this action to {provider}: the ticket links back here, and closing it marks the action done.</p>
              <TicketButtons actionId={actionId} mode="create" />
            </>
          ) : (
            <p className="text-slate-600">No ticket yet.</p>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
