import "server-only";
import type { DbClient } from "@/lib/db";

/**
 * Called by the outbox fan-out (lib/webhooks/delivery.ts) for action.status_changed events, in its
 * transaction: those actions' tickets are due now. The sync job compares and sends only what differs.
 */
export async function markTicketsDue(tx: DbClient, actionIds: readonly string[]): Promise<void> {
  if (actionIds.length === 0) return;
  await tx.externalTicket.updateMany({ where: { actionId: { in: [...actionIds] } }, data: { nextSyncAt: new Date() } });
}
