import { daysOverdue, escalationOf } from "@/lib/actions/escalation";
import { ancestorIds, type TeamNode } from "@/lib/org/tree";

/**
 * Which notifications should exist for a set of open actions today. Pure, so the rules can be
 * tested without a database; the job inserts the result with the unique key (user, action, kind,
 * dedupeKey), which is what makes a second run or a restart a no-op.
 */
export type NotificationKind = "ASSIGNED" | "DUE_SOON" | "OVERDUE" | "ESCALATED" | "WONT_DO_REQUESTED";
export type PlannedNotification = { userId: string; actionId: string; kind: NotificationKind; dedupeKey: string; title: string };

export type PlanAction = {
  id: string;
  title: string;
  teamId: string;
  ownerId: string | null;
  dueDate: Date | null;
  createdAt: Date;
  assignedAt: Date | null;
  /** A pending won't-do request, which the owning team's managers decide. */
  wontDoRequestedAt?: Date | null;
  /** False when the owner may not see the action (a restricted COE's action owned outside its team): no owner notices then. */
  ownerMaySee?: boolean;
};

export const DUE_SOON_DAYS = 3;
/** Assignments older than this are not announced (the job started later, or the data was imported). */
export const ASSIGNMENT_WINDOW_DAYS = 7;

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The managers of the nearest team at or above `teamId` that has any. */
function managersFor(teams: readonly TeamNode[], teamId: string, managersByTeam: ReadonlyMap<string, readonly string[]>): string[] {
  for (const id of ancestorIds(teams, teamId)) {
    const managers = managersByTeam.get(id);
    if (managers && managers.length > 0) return [...managers];
  }
  return [];
}

export function planNotifications(input: {
  actions: readonly PlanAction[];
  teams: readonly TeamNode[];
  graceDays: readonly number[];
  managersByTeam: ReadonlyMap<string, readonly string[]>;
  now: Date;
}): PlannedNotification[] {
  const planned: PlannedNotification[] = [];
  for (const candidate of input.actions) {
    const action = candidate.ownerMaySee === false ? { ...candidate, ownerId: null } : candidate;
    const assigned = action.assignedAt ?? action.createdAt;
    if (action.ownerId && input.now.getTime() - assigned.getTime() <= ASSIGNMENT_WINDOW_DAYS * 86_400_000) {
      planned.push({ userId: action.ownerId, actionId: action.id, kind: "ASSIGNED", dedupeKey: assigned.toISOString(), title: `You own “${action.title}”` });
    }
    if (action.wontDoRequestedAt) {
      for (const managerId of managersFor(input.teams, action.teamId, input.managersByTeam)) {
        planned.push({ userId: managerId, actionId: action.id, kind: "WONT_DO_REQUESTED", dedupeKey: action.wontDoRequestedAt.toISOString(), title: `Won't do requested on “${action.title}”: approve or reject` });
      }
    }
    if (!action.dueDate) continue;
    const overdue = daysOverdue(action.dueDate, input.now);
    if (action.ownerId && overdue <= 0 && overdue >= -DUE_SOON_DAYS) {
      planned.push({ userId: action.ownerId, actionId: action.id, kind: "DUE_SOON", dedupeKey: day(action.dueDate), title: `“${action.title}” is due ${overdue === 0 ? "today" : `in ${-overdue} day${overdue === -1 ? "" : "s"}`}` });
    }
    if (action.ownerId && overdue > 0) {
      planned.push({ userId: action.ownerId, actionId: action.id, kind: "OVERDUE", dedupeKey: day(action.dueDate), title: `“${action.title}” is overdue (due ${day(action.dueDate)})` });
    }
    const escalation = escalationOf(input.teams, { teamId: action.teamId, dueDate: action.dueDate, finished: false }, input.graceDays, input.now);
    if (escalation) {
      for (const managerId of managersFor(input.teams, escalation.escalatedToTeamId, input.managersByTeam)) {
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
