import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, teamsWith, type Principal } from "@/lib/permissions";
import type { StatusActor } from "@/lib/actions/status-rules";

/**
 * Who may see which corrective action, as the `where` every action query starts from (STYLE.md
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

export function statusActor(user: CurrentUser, action: { teamId: string; ownerId: string | null }): StatusActor {
  return {
    userId: user.userId,
    isOwner: action.ownerId === user.userId,
    canUpdate: can(user, "action.update", action.teamId),
    canVerify: can(user, "action.verify", action.teamId),
    canApproveWontDo: can(user, "action.approveWontDo", action.teamId),
  };
}
