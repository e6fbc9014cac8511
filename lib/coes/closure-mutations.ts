import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/principal";
import { recordAudit } from "@/lib/audit/record";
import { lockForTransaction } from "@/lib/db-lock";
import { FINISHED_ACTION_STATUSES } from "@/lib/actions/labels";
import { writeRevision } from "@/lib/coes/mutations";
import { emitCoeEvent } from "@/lib/events/coe-events";
import { notifyCoeTransition } from "@/lib/coes/notify";

/**
 * A COE closes by itself when its last corrective action is done, verified or won't do, and
 * reopens (back to approved) when one of them is reopened. Runs inside the transaction of the
 * action change; the COE gets a new version and revision like any other save.
 */
export async function syncCoeClosure(tx: Prisma.TransactionClient, user: CurrentUser, coeId: string | null): Promise<"closed" | "reopened" | null> {
  if (!coeId) return null;
  // Two actions of one COE finishing at once must not both miss (or both make) the close.
  await lockForTransaction(tx, `coe-closure:${coeId}`);
  const coe = await tx.coe.findFirst({
    where: { id: coeId, organizationId: user.organizationId },
    select: {
      id: true,
      title: true,
      status: true,
      version: true,
      teamId: true,
      createdById: true,
      authors: { select: { userId: true } },
      correctiveActions: { select: { status: true } },
    },
  });
  if (!coe || coe.correctiveActions.length === 0) return null;
  const allFinished = coe.correctiveActions.every((action) => FINISHED_ACTION_STATUSES.includes(action.status));
  let change: "closed" | "reopened" | null = null;
  if (coe.status === "APPROVED" && allFinished) change = "closed";
  if (coe.status === "CLOSED" && !allFinished) change = "reopened";
  if (!change) return null;
  await tx.coe.update({
    where: { id: coe.id },
    data:
      change === "closed"
        ? { status: "CLOSED", closedAt: new Date(), version: { increment: 1 } }
        : { status: "APPROVED", closedAt: null, version: { increment: 1 } },
  });
  const summary = change === "closed" ? "Closed: every corrective action is finished" : "Reopened: a corrective action was reopened";
  await recordAudit(tx, {
    organizationId: user.organizationId,
    actorId: user.userId,
    action: change === "closed" ? "coe.closed" : "coe.reopened",
    entityType: "coe",
    entityId: coe.id,
    summary: `${summary}: COE “${coe.title}”`,
    changes: { status: { from: coe.status, to: change === "closed" ? "CLOSED" : "APPROVED" } },
  });
  const saved = await writeRevision(tx, user, coe.id, summary);
  if (change === "closed") {
    await emitCoeEvent(tx, user.organizationId, "coe.closed", saved);
    // The authors hear of it as they would of a close by hand (the one who finished the last action excepted).
    const facts = { ...coe, organizationId: user.organizationId, authorIds: coe.authors.map((author) => author.userId) };
    await notifyCoeTransition(tx, user, facts, "close", saved.version);
  }
  return change;
}
