import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
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

/**
 * visibleActionsWhere as SQL over `corrective_actions ca`, for the action lists' paging and home's
 * one statement. The Prisma `where` joins `coes` for the restricted-COE rule on every candidate
 * row; here that rule is one hashed set of the hidden COEs (restricted ones outside the caller's
 * teams, usually none), so counts and pages run on the action indexes alone. With `teamIn` (a query
 * already limited to those teams) it is visibleActionsWhereWithin. The two spellings must say the
 * same thing: lib/actions/access.test.ts compares them.
 */
export function visibleActionsSql(user: Principal, teamIn?: readonly string[]): Prisma.Sql {
  const parts = visibleActionSqlParts(user, teamIn);
  return parts.length === 1
    ? parts[0]!
    : Prisma.sql`(${Prisma.join(
        parts.map((part) => Prisma.sql`(${part})`),
        " OR ",
      )})`;
}

/**
 * visibleActionsSql as disjoint parts whose union is the whole: the caller's readable teams, and
 * the caller's own actions elsewhere unless a hidden COE holds them. A count adds one count per
 * part, each from an index, where the OR of both would read the table.
 */
export function visibleActionSqlParts(user: Principal, teamIn?: readonly string[]): Prisma.Sql[] {
  const readable = teamsWith(user, "team.view");
  const teamIds = readable === "all" ? [] : readable;
  // Inside teams the caller reads anyway, the owner part adds nothing: dropping it lets the
  // count run on an index alone (the "Team actions" view and the team filter, usually).
  const readableSet = new Set(teamIds);
  if (user.isAdmin || teamIn?.every((teamId) => readableSet.has(teamId))) return [Prisma.sql`ca.organization_id = ${user.organizationId}`];
  return [
    Prisma.sql`ca.organization_id = ${user.organizationId} AND ca.team_id = ANY(${teamIds}::text[])`,
    Prisma.sql`ca.organization_id = ${user.organizationId} AND ca.owner_id = ${user.userId} AND NOT (ca.team_id = ANY(${teamIds}::text[])) AND (ca.coe_id IS NULL OR ca.coe_id NOT IN (
      SELECT c.id FROM coes c WHERE c.organization_id = ${user.organizationId} AND c.restricted AND NOT (c.team_id = ANY(${teamIds}::text[]))
    ))`,
  ];
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
