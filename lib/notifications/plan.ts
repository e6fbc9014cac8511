import { daysOverdue, escalationAlong } from "@/lib/actions/escalation";
import { ancestorIndex, type AncestorIndex, type TeamNode } from "@/lib/org/tree";

/**
 * Which notifications should exist for a set of open actions today. Pure, so the rules can be
 * tested without a database; the job inserts the result with the unique key (user, action, kind,
 * dedupeKey), which is what makes a second run or a restart a no-op.
 */
type NotificationKind = "ASSIGNED" | "DUE_SOON" | "OVERDUE" | "ESCALATED" | "WONT_DO_REQUESTED";
export type PlannedNotification = { userId: string; actionId: string; kind: NotificationKind; dedupeKey: string; title: string };

export type PlanAction = {
  id: string;
  title: string;
  teamId: string;
  ownerId: string | null;
  dueDate: Date | null;
  createdAt: Date;
  assignedAt: Date | null;
  /** Who created the action: an owner who created their own action is not told "You own …". */
  createdById?: string | null;
  /** A pending won't-do request, which the owning team's managers decide. */
  wontDoRequestedAt?: Date | null;
  /** False when the owner may not see the action (a restricted COE's action owned outside its team): no owner notices then. */
  ownerMaySee?: boolean;
};

const DUE_SOON_DAYS = 3;
/** Assignments older than this are not announced (the job started later, or the data was imported). */
const ASSIGNMENT_WINDOW_DAYS = 7;

const day = (date: Date) => date.toISOString().slice(0, 10);

/** For each team, the managers of the nearest team at or above it that has any. */
export function nearestManagers(ancestors: AncestorIndex, managersByTeam: ReadonlyMap<string, readonly string[]>): Map<string, readonly string[]> {
  const nearest = new Map<string, readonly string[]>();
  for (const [teamId, chain] of ancestors) {
    const holder = chain.find((id) => (managersByTeam.get(id)?.length ?? 0) > 0);
    nearest.set(teamId, holder ? managersByTeam.get(holder)! : []);
  }
  return nearest;
}

export function planNotifications(input: {
  actions: readonly PlanAction[];
  teams: readonly TeamNode[];
  graceDays: readonly number[];
  managersByTeam: ReadonlyMap<string, readonly string[]>;
  now: Date;
  /** `ancestorIndex(teams)`, when the caller plans several batches over one tree. */
  ancestors?: AncestorIndex;
}): PlannedNotification[] {
  const ancestors = input.ancestors ?? ancestorIndex(input.teams);
  const managers = nearestManagers(ancestors, input.managersByTeam);
  const managersFor = (teamId: string) => managers.get(teamId) ?? [];
  const planned: PlannedNotification[] = [];
  for (const candidate of input.actions) {
    const action = candidate.ownerMaySee === false ? { ...candidate, ownerId: null } : candidate;
    const assigned = action.assignedAt ?? action.createdAt;
    const selfAssigned = action.assignedAt === null && action.createdById === action.ownerId;
    if (action.ownerId && !selfAssigned && input.now.getTime() - assigned.getTime() <= ASSIGNMENT_WINDOW_DAYS * 86_400_000) {
      planned.push({ userId: action.ownerId, actionId: action.id, kind: "ASSIGNED", dedupeKey: assigned.toISOString(), title: `You own “${action.title}”` });
    }
    if (action.wontDoRequestedAt) {
      for (const managerId of managersFor(action.teamId)) {
        planned.push({
          userId: managerId,
          actionId: action.id,
          kind: "WONT_DO_REQUESTED",
          dedupeKey: action.wontDoRequestedAt.toISOString(),
          title: `Won't do requested on “${action.title}”: approve or reject`,
        });
      }
    }
    if (!action.dueDate) continue;
    const overdue = daysOverdue(action.dueDate, input.now);
    if (action.ownerId && overdue <= 0 && overdue >= -DUE_SOON_DAYS) {
      planned.push({
        userId: action.ownerId,
        actionId: action.id,
        kind: "DUE_SOON",
        dedupeKey: day(action.dueDate),
        title: `“${action.title}” is due ${overdue === 0 ? "today" : `in ${-overdue} day${overdue === -1 ? "" : "s"}`}`,
      });
    }
    if (action.ownerId && overdue > 0) {
      planned.push({
        userId: action.ownerId,
        actionId: action.id,
        kind: "OVERDUE",
        dedupeKey: day(action.dueDate),
        title: `“${action.title}” is overdue (due ${day(action.dueDate)})`,
      });
    }
    const escalation = escalationAlong(
      ancestors.get(action.teamId) ?? [],
      { teamId: action.teamId, dueDate: action.dueDate, finished: false },
      input.graceDays,
      input.now,
    );
    if (escalation) {
      for (const managerId of managersFor(escalation.escalatedToTeamId)) {
        if (managerId === candidate.ownerId) continue;
        planned.push({
          userId: managerId,
          actionId: action.id,
          kind: "ESCALATED",
          dedupeKey: `${day(action.dueDate)}#${escalation.level}`,
          title: `Escalated${escalation.level > 0 ? ` ${escalation.level} level${escalation.level === 1 ? "" : "s"} up` : ""}: “${action.title}” is ${escalation.daysOverdue} day${escalation.daysOverdue === 1 ? "" : "s"} overdue`,
        });
      }
    }
  }
  return planned;
}
