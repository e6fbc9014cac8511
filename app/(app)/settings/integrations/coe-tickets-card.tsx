import { CoeTicketsButton } from "./ticket-buttons";
import { Card, CardBody } from "@/components/ui/card";
import type { CurrentUser } from "@/lib/auth/principal";
import { coeActionsWithoutTicket } from "@/lib/integrations/queries";

/** On a COE page: its open actions' tickets, and "Create tickets for all actions" while some have none. */
export async function CoeTicketsCard({ user, coeId }: { user: CurrentUser; coeId: string }) {
  const counts = await coeActionsWithoutTicket(user, coeId);
  if (!counts || counts.withoutTicket + counts.withTicket === 0) return null;
  return (
    <Card>
      <CardBody className="space-y-2 text-sm">
        <h2 className="text-sm font-semibold text-slate-900">Tickets</h2>
        <p className="text-slate-700">
          {counts.withTicket} of {counts.withTicket + counts.withoutTicket} open corrective action{counts.withTicket + counts.withoutTicket === 1 ? "" : "s"}{" "}
          {counts.withTicket === 1 ? "has" : "have"} a ticket.
        </p>
        {counts.withoutTicket > 0 ? <CoeTicketsButton coeId={coeId} /> : null}
      </CardBody>
    </Card>
  );
}
