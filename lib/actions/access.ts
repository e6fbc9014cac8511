import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/principal";
import { ACTION_OWNER_ROLES, can, canOwnActions, teamsWith, type Principal } from "@/lib/permissions";
import type { StatusActor } from "@/lib/actions/status-rules";

/**
 * Who may see which corrective action, as the `where` every action query starts from (CONTRIBUTING.md
 * rule 4): readers of the owning team (roles spread down the tree), the owner, and admins. An
 * action of a restricted COE stays inside that COE's team even for an owner elsewhere.
 */
export function visibleActionsWhere(user: Principal): Prisma.CorrectiveActionWhereInput {
  if (user.isAdmin) return { organizationId: user.organizationId };
  const readable = teamsWith(user, "team.view");
  const teamIds = readable === "all" ? [] : readable;
  return {
    organizationId: user.organizationId,
    OR: [{ teamId: { in: teamIds } }, { ownerId: user.userId, OR: [{ coeId: null }, { coe: { restricted: false } }, { coe: { teamId: { in: teamIds } } }] }],
  };
}

/**
 * visibleActionsWhere for a query already limited to `teamIds`: when the caller reads all of them
 * the owner branch adds nothing, and dropping it spares the database a join to `coes` per row.
 */
export function visibleActionsWhereWithin(user: Principal, teamIds: readonly string[]): Prisma.CorrectiveActionWhereInput {
  const readable = teamsWith(user, "team.view");
  if (readable === "all" || teamIds.every((teamId) => readable.includes(teamId))) return { organizationId: user.organizationId };
  return visibleActionsWhere(user);
}

/** One visible action by id: the id alone is never enough. */
export function visibleActionWhere(user: Principal, actionId: string): Prisma.CorrectiveActionWhereInput {
  return { AND: [{ id: actionId }, visibleActionsWhere(user)] };
}

/** People who may be made the owner of an action (lib/permissions.ts canOwnActions), as a `where` on users. */
export function actionOwnerWhere(organizationId: string): Prisma.UserWhereInput {
  return { organizationId, deactivatedAt: null, OR: [{ isAdmin: true }, { memberships: { some: { role: { in: [...ACTION_OWNER_ROLES] } } } }] };
}

/**
 * The caller's rights on one action. Ownership counts only for people who may own actions: a viewer
 * left as the owner of an old action reads it like any other viewer (README, Roles).
 */
export function statusActor(user: CurrentUser, action: { teamId: string; ownerId: string | null }): StatusActor {
  return {
    userId: user.userId,
    isOwner: action.ownerId === user.userId && canOwnActions(user),
    canUpdate: can(user, "action.update", action.teamId),
    canVerify: can(user, "action.verify", action.teamId),
    canApproveWontDo: can(user, "action.approveWontDo", action.teamId),
  };
}

/** Whether the caller may change the action at all (its status, owner, due date, links). */
export function canChangeAction(user: CurrentUser, action: { teamId: string; ownerId: string | null }): boolean {
  const actor = statusActor(user, action);
  return actor.isOwner || actor.canUpdate;
}
