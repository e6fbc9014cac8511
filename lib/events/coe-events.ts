import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/db";
import { emitEvent } from "@/lib/events/mutations";
import { coeJson } from "@/lib/coes/api-schemas";
import type { CoeSnapshot } from "@/lib/coes/snapshot";

type CoeEventType = "coe.created" | "coe.submitted" | "coe.changes_requested" | "coe.approved" | "coe.closed";

/** A COE event with the COE as GET /api/v1/coes/{id} answers it (the revision just written holds it). */
export async function emitCoeEvent(
  tx: DbClient,
  organizationId: string,
  type: CoeEventType,
  saved: { id: string; version: number; updatedAt: string; snapshot: CoeSnapshot },
): Promise<void> {
  await emitEvent(tx, { organizationId, type, teamId: saved.snapshot.teamId, data: coeJson(saved) as unknown as Prisma.InputJsonValue });
}

/** The COE event a lifecycle transition describes (withdrawing is not published). */
export function coeTransitionEvent(transition: string): CoeEventType | null {
  switch (transition) {
    case "submit":
      return "coe.submitted";
    case "requestChanges":
      return "coe.changes_requested";
    case "approve":
      return "coe.approved";
    case "close":
      return "coe.closed";
    default:
      return null;
  }
}
