import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/principal";
import { teamsWith } from "@/lib/permissions";
import { orgTeamTree } from "@/lib/org/queries";
import { subtreeIds } from "@/lib/org/tree";
import { visibleCoesWhere } from "@/lib/coes/access";
import { canViewFinding } from "@/lib/policies/access";
import { statusActor, visibleActionsWhere, visibleActionWhere } from "@/lib/actions/access";
import { actionConditionSql, countAndPageActionIds, inIdOrder, type ActionConditionSql } from "@/lib/actions/list-sql";
import { availableStatuses, checkWontDoDecision } from "@/lib/actions/status-rules";
import type { ActionSort } from "@/lib/actions/labels";
import type { ActionFilter } from "@/lib/actions/schemas";

const ACTIONS_PAGE_SIZE = 25;
const OPEN_STATUSES = ["OPEN", "IN_PROGRESS"] as const;

export const actionListSelect = {
  id: true,
  title: true,
  status: true,
  type: true,
  priority: true,
  dueDate: true,
  version: true,
  source: true,
  createdAt: true,
  updatedAt: true,
  completedAt: true,
  verifiedAt: true,
  wontDoRequestedAt: true,
  teamId: true,
  ownerId: true,
  owner: { select: { id: true, name: true } },
  team: { select: { id: true, name: true } },
  coe: { select: { id: true, title: true, severity: true, status: true } },
} satisfies Prisma.CorrectiveActionSelect;

const ORDER: Record<ActionSort, Prisma.CorrectiveActionOrderByWithRelationInput[]> = {
  due: [{ dueDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  dueDesc: [{ dueDate: { sort: "desc", nulls: "last" } }, { id: "asc" }],
  priority: [{ priority: "asc" }, { dueDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  created: [{ createdAt: "desc" }, { id: "asc" }],
  updated: [{ updatedAt: "desc" }, { id: "asc" }],
  title: [{ title: "asc" }, { id: "asc" }],
};

/** Today as a UTC calendar day, the unit due dates are stored in. */
export function todayUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** The organization's tree, read once per request (the session loads it too) however many filters need it. */
const orgTree = orgTeamTree;

/** The user's own teams and everything below them: the "Team actions" view. */
export async function myTeamScope(user: CurrentUser): Promise<string[] | "all"> {
  if (user.directTeamIds.length === 0) return teamsWith(user, "team.view");
  const teams = await orgTree(user.organizationId);
  return [...new Set(user.directTeamIds.flatMap((teamId) => subtreeIds(teams, teamId)))];
}

/** The filters as a `where`, always inside what the caller may see. */
async function actionFilterWhere(user: CurrentUser, filter: Omit<ActionFilter, "page" | "sort">, now = new Date()): Promise<Prisma.CorrectiveActionWhereInput> {
  const and: Prisma.CorrectiveActionWhereInput[] = [visibleActionsWhere(user)];
  if (filter.view === "mine") and.push({ ownerId: user.userId });
  if (filter.view === "team") {
    const scope = await myTeamScope(user);
    if (scope !== "all") and.push({ teamId: { in: scope } });
  }
  if (filter.status.length > 0) and.push({ status: { in: filter.status } });
  if (filter.type.length > 0) and.push({ type: { in: filter.type } });
  if (filter.priority.length > 0) and.push({ priority: { in: filter.priority } });
  if (filter.severity.length > 0) and.push({ coe: { severity: { in: filter.severity } } });
  if (filter.ownerId) and.push({ ownerId: filter.ownerId });
  if (filter.teamId) {
    // A team filter includes its sub-teams, as every report rolls up the tree.
    const teams = await orgTree(user.organizationId);
    and.push({ teamId: { in: subtreeIds(teams, filter.teamId) } });
  }
  if (filter.coeId) and.push({ coeId: filter.coeId });
  if (filter.dueFrom) and.push({ dueDate: { gte: new Date(`${filter.dueFrom}T00:00:00Z`) } });
  if (filter.dueTo) and.push({ dueDate: { lte: new Date(`${filter.dueTo}T00:00:00Z`) } });
  if (filter.overdue) and.push({ status: { in: [...OPEN_STATUSES] }, dueDate: { lt: todayUtc(now) } });
  return { AND: and };
}

/** The filters as SQL over `ca` (lib/actions/list-sql.ts), inside what the caller may see; team filters cover sub-teams. */
export async function actionFilterSql(user: CurrentUser, filter: Omit<ActionFilter, "page" | "sort">, now = new Date()): Promise<ActionConditionSql> {
  let teamIn: string[] | undefined;
  if (filter.view === "team") {
    const scope = await myTeamScope(user);
    if (scope !== "all") teamIn = scope;
  }
  if (filter.teamId) {
    const subtree = subtreeIds(await orgTree(user.organizationId), filter.teamId);
    teamIn = teamIn ? subtree.filter((teamId) => teamIn!.includes(teamId)) : subtree;
  }
  return actionConditionSql(user, {
    ...filter,
    ownerIs: filter.view === "mine" ? user.userId : undefined,
    teamIn,
    today: todayUtc(now).toISOString().slice(0, 10),
  });
}

/** Loads the given (already visible) actions with `select`, in the order of `ids`. */
export async function actionRowsInOrder<S extends Prisma.CorrectiveActionSelect & { id: true }>(
  organizationId: string,
  ids: string[],
  select: S,
): Promise<Prisma.CorrectiveActionGetPayload<{ select: S }>[]> {
  if (ids.length === 0) return [];
  const rows = await db.correctiveAction.findMany({ where: { organizationId, id: { in: ids } }, select });
  // Prisma cannot infer the payload of a select that is itself a type parameter; `S` includes id.
  return inIdOrder(ids, rows as unknown as (Prisma.CorrectiveActionGetPayload<{ select: S }> & { id: string })[]);
}

export async function listActions(user: CurrentUser, filter: ActionFilter, pageSize = ACTIONS_PAGE_SIZE) {
  const condition = await actionFilterSql(user, filter);
  // The count and the page's ids run on the action indexes; with relation joins, one query that
  // sorts and pages would build the owner, team and COE of every match before keeping 25.
  const { total, ids } = await countAndPageActionIds(condition, filter.sort, (filter.page - 1) * pageSize, pageSize);
  const rows = await actionRowsInOrder(user.organizationId, ids, actionListSelect);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / pageSize)), page: filter.page };
}

/** Every row of the filter, for the CSV export (capped: an export is a report, not a backup). */
export async function exportActions(user: CurrentUser, filter: ActionFilter, limit = 10_000) {
  const where = await actionFilterWhere(user, filter);
  return db.correctiveAction.findMany({
    where,
    select: { ...actionListSelect, description: true, evidence: true, verificationMethod: true, verificationNote: true, wontDoReason: true },
    orderBy: ORDER[filter.sort],
    take: limit,
  });
}

export async function getActionForView(user: CurrentUser, actionId: string) {
  const action = await db.correctiveAction.findFirst({
    where: visibleActionWhere(user, actionId),
    select: {
      ...actionListSelect,
      description: true,
      evidence: true,
      verificationMethod: true,
      verificationNote: true,
      wontDoReason: true,
      completedById: true,
      completedBy: { select: { name: true } },
      verifiedBy: { select: { name: true } },
      wontDoRequestedBy: { select: { name: true } },
      wontDoApprovedBy: { select: { name: true } },
      createdBy: { select: { name: true } },
      events: {
        select: { id: true, kind: true, fromValue: true, toValue: true, reason: true, createdAt: true, actor: { select: { name: true } } },
        orderBy: { createdAt: "desc" },
        take: 200,
      },
      comments: { select: { id: true, body: true, createdAt: true, author: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      links: { select: { id: true, url: true, label: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      // Everyone in the organization may read a cord (lib/cords/queries.ts), so its link needs no further check.
      cord: { select: { id: true, pulledAt: true, service: { select: { name: true } } } },
      // The policy finding this action was created from; shown only to those who may read the finding.
      policyFinding: { select: { id: true, teamId: true, status: true, rule: { select: { name: true } }, service: { select: { name: true } } } },
    },
  });
  if (!action) return null;
  const actor = statusActor(user, action);
  const facts = { status: action.status, completedById: action.completedById, wontDoPending: action.wontDoRequestedAt !== null };
  return {
    action,
    finding: action.policyFinding && canViewFinding(user, action.policyFinding) ? action.policyFinding : null,
    nextStatuses: availableStatuses(facts, actor),
    canDecideWontDo: checkWontDoDecision(facts, actor).ok,
    canEdit: actor.isOwner || actor.canUpdate,
  };
}

/** Teams the caller may see actions of, for the team filter, by name (from the request's cached tree). */
export async function visibleTeams(user: CurrentUser) {
  const readable = teamsWith(user, "team.view");
  const teams = await orgTeamTree(user.organizationId);
  const shown = readable === "all" ? teams : teams.filter((team) => readable.includes(team.id));
  return shown.map(({ id, name, parentId }) => ({ id, name, parentId }));
}

/** The title of the source COE a filter names, for its picker; undefined when the caller may not read it. */
export async function sourceCoeTitle(user: CurrentUser, coeId: string | undefined): Promise<string | undefined> {
  if (!coeId) return undefined;
  const coe = await db.coe.findFirst({ where: { AND: [visibleCoesWhere(user), { id: coeId }] }, select: { title: true } });
  return coe?.title;
}

/** Whether the caller owns an action that still needs them (open, in progress, or done and awaiting proof): "My actions" opens first. */
export async function ownsUnfinishedActions(user: CurrentUser): Promise<boolean> {
  const owned = await db.correctiveAction.findFirst({
    where: { organizationId: user.organizationId, ownerId: user.userId, status: { in: [...OPEN_STATUSES, "DONE"] } },
    select: { id: true },
  });
  return owned !== null;
}
