import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { daysOverdue } from "@/lib/actions/escalation";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/principal";
import { visibleActionWhere } from "@/lib/actions/access";
import { actionListSelect, todayUtc } from "@/lib/actions/queries";

export const actionItemSelect = {
  ...actionListSelect,
  description: true,
  evidence: true,
  verificationMethod: true,
  verificationNote: true,
  wontDoReason: true,
  cordId: true,
} satisfies Prisma.CorrectiveActionSelect;
type ActionItemRow = Prisma.CorrectiveActionGetPayload<{ select: typeof actionItemSelect }>;

/** The API shape of an action (lib/actions/api-schemas.ts `actionItemSchema`). */
export function actionItemJson(row: ActionItemRow, now = new Date()) {
  const open = row.status === "OPEN" || row.status === "IN_PROGRESS";
  const overdue = open && row.dueDate ? daysOverdue(row.dueDate, todayUtc(now)) : 0;
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    description: row.description,
    status: row.status,
    type: row.type,
    priority: row.priority,
    source: row.source,
    dueDate: row.dueDate ? row.dueDate.toISOString().slice(0, 10) : null,
    daysOverdue: overdue > 0 ? overdue : null,
    teamId: row.team.id,
    teamName: row.team.name,
    ownerId: row.owner?.id ?? null,
    ownerName: row.owner?.name ?? null,
    coe: row.coe ? { id: row.coe.id, title: row.coe.title, severity: row.coe.severity } : null,
    cordId: row.cordId,
    evidence: row.evidence,
    verificationMethod: row.verificationMethod,
    verificationNote: row.verificationNote,
    wontDoReason: row.wontDoReason,
    wontDoRequested: row.wontDoRequestedAt !== null,
    completedAt: row.completedAt?.toISOString() ?? null,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** One action in the API's shape, or null when the reader may not see it (or it does not exist). */
export async function actionItemFor(user: CurrentUser, id: string) {
  const row = await db.correctiveAction.findFirst({ where: visibleActionWhere(user, id), select: actionItemSelect });
  return row ? actionItemJson(row) : null;
}
