import "server-only";
import { db } from "@/lib/db";
import { ancestorIds } from "@/lib/org/tree";
import { planNotifications } from "@/lib/notifications/plan";
import { sendPendingEmails } from "@/lib/notifications/email";
import { logError } from "@/lib/log";

/**
 * The reminder job's work: for every organization, plan the notifications its open actions call
 * for and insert them. `skipDuplicates` against the unique (user, action, kind, dedupeKey) key
 * makes it idempotent: running it twice, or again after a restart, creates nothing new.
 */
export async function produceNotifications(now = new Date()): Promise<{ created: number; emailed: number }> {
  const organizations = await db.organization.findMany({ select: { id: true, escalationGraceDays: true } });
  let created = 0;
  for (const organization of organizations) {
    const [teams, memberships, admins, rows] = await Promise.all([
      db.team.findMany({ where: { organizationId: organization.id }, select: { id: true, parentId: true } }),
      db.membership.findMany({ where: { team: { organizationId: organization.id }, user: { deactivatedAt: null } }, select: { teamId: true, userId: true, role: true } }),
      db.user.findMany({ where: { organizationId: organization.id, isAdmin: true }, select: { id: true } }),
      db.correctiveAction.findMany({
        where: { organizationId: organization.id, status: { in: ["OPEN", "IN_PROGRESS"] }, OR: [{ ownerId: { not: null } }, { dueDate: { not: null } }, { wontDoRequestedAt: { not: null } }] },
        select: { id: true, title: true, teamId: true, ownerId: true, dueDate: true, createdAt: true, assignedAt: true, wontDoRequestedAt: true, coe: { select: { teamId: true, restricted: true } } },
      }),
    ]);
    const managersByTeam = new Map<string, string[]>();
    const teamsOf = new Map<string, Set<string>>();
    for (const { teamId, userId, role } of memberships) {
      if (role === "MANAGER") managersByTeam.set(teamId, [...(managersByTeam.get(teamId) ?? []), userId]);
      teamsOf.set(userId, (teamsOf.get(userId) ?? new Set()).add(teamId));
    }
    const adminIds = new Set(admins.map((admin) => admin.id));
    // The rule of lib/actions/access.ts: readers of the action's team see it; other owners do, unless its COE is restricted to a team they are not in.
    const reads = (userId: string, teamId: string) => ancestorIds(teams, teamId).some((id) => teamsOf.get(userId)?.has(id));
    const actions = rows.map(({ coe, ...action }) => ({
      ...action,
      ownerMaySee: !action.ownerId || adminIds.has(action.ownerId) || reads(action.ownerId, action.teamId) || !coe?.restricted || reads(action.ownerId, coe.teamId),
    }));
    const planned = planNotifications({ actions, teams, graceDays: organization.escalationGraceDays, managersByTeam, now });
    if (planned.length === 0) continue;
    const result = await db.notification.createMany({ data: planned.map((entry) => ({ ...entry, organizationId: organization.id })), skipDuplicates: true });
    created += result.count;
  }
  let emailed = 0;
  try {
    emailed = await sendPendingEmails(now);
  } catch (error) {
    // In-app notifications are already saved; email is retried on the next run.
    logError("sending notification emails failed", error);
  }
  return { created, emailed };
}
