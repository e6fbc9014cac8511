import "server-only";
import { db } from "@/lib/db";
import { lockForTransaction } from "@/lib/db-lock";
import { daysOverdue, escalationLevel } from "@/lib/actions/escalation";
import { notifyCoeDue } from "@/lib/cords/mutations";
import { ancestorIds } from "@/lib/org/tree";

const DAY_MS = 24 * 60 * 60 * 1000;
/** A cord this long resolved without a COE has long reached the top of the tree; stop scanning it. */
const LOOKBACK_DAYS = 365;

/**
 * "COE due" reminders: a customer-facing cord needs a COE past draft. It is due from the day the
 * line ran again (resolvedAt), and climbs the org tree like an overdue corrective action, by the
 * organization's grace days (lib/actions/escalation.ts): level 0 tells the owning team (as resolving
 * did), each further level the managers of the next team up, each level once (notifyCoeDue's
 * dedupe key). One transaction per organization under an advisory lock, so two instances or two
 * queued runs never notify twice; a run that comes late sends every level reached so far.
 */
export async function sendCoeDueReminders(now = new Date()): Promise<{ cords: number; notified: number }> {
  const due = await db.cord.findMany({
    where: {
      severity: "CUSTOMER_DEFECT",
      resolvedAt: { not: null, lte: now, gte: new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS) },
      OR: [{ coeId: null }, { coe: { status: "DRAFT" } }],
    },
    select: { id: true, organizationId: true, resolvedAt: true, service: { select: { name: true, teamId: true } } },
    orderBy: { resolvedAt: "asc" },
    take: 5000,
  });
  const byOrganization = new Map<string, typeof due>();
  for (const cord of due) byOrganization.set(cord.organizationId, [...(byOrganization.get(cord.organizationId) ?? []), cord]);
  let notified = 0;
  for (const [organizationId, cords] of byOrganization) {
    notified += await db.$transaction(
      async (tx) => {
        await lockForTransaction(tx, `cord-coe-due:${organizationId}`);
        const [organization, teams] = await Promise.all([
          tx.organization.findUnique({ where: { id: organizationId }, select: { escalationGraceDays: true } }),
          tx.team.findMany({ where: { organizationId }, select: { id: true, parentId: true } }),
        ]);
        let count = 0;
        for (const cord of cords) {
          const level = escalationLevel(daysOverdue(cord.resolvedAt!, now), organization?.escalationGraceDays ?? []);
          if (level === null) continue;
          const chain = ancestorIds(teams, cord.service.teamId);
          for (let reached = 0; reached <= Math.min(level, chain.length - 1); reached++) {
            count += await notifyCoeDue(tx, { id: cord.id, organizationId, serviceName: cord.service.name }, reached, chain);
          }
        }
        return count;
      },
      { timeout: 60_000 },
    );
  }
  return { cords: due.length, notified };
}
