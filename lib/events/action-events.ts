import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/db";
import { emitEvents } from "@/lib/events/mutations";
import { actionItemJson, actionItemSelect } from "@/lib/actions/api-json";

type ActionEventType = "action.created" | "action.assigned" | "action.status_changed" | "action.verified" | "action.deleted";

/**
 * Action events with the action as GET /api/v1/action-items/{id} answers it, read inside the change's
 * transaction after the write (one extra indexed read per change); action.deleted before the delete.
 */
export async function emitActionEvents(tx: DbClient, organizationId: string, actionId: string, types: ActionEventType[]): Promise<void> {
  if (types.length === 0) return;
  const row = await tx.correctiveAction.findFirst({ where: { id: actionId, organizationId }, select: actionItemSelect });
  if (!row) return;
  const data = actionItemJson(row) as unknown as Prisma.InputJsonValue;
  await emitEvents(
    tx,
    types.map((type) => ({ organizationId, type, teamId: row.teamId, data })),
  );
}
