import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, teamsWith } from "@/lib/permissions";
import { orgTeamTree } from "@/lib/org/queries";
import { ancestorIds, flattenTree, subtreeIds, type TeamNode } from "@/lib/org/tree";
import { visibleActionsWhereWithin } from "@/lib/actions/access";
import { escalationOf, graceForLevel, normalizeGraceDays } from "@/lib/actions/escalation";
import { actionListSelect, actionRowsInOrder, todayUtc } from "@/lib/actions/queries";

const DAY_MS = 24 * 60 * 60 * 1000;

export type FollowUpHealth = {
  open: number;
  overdue: number;
  /** Median age of open actions, in days; null without open actions. */
  medianAgeDays: number | null;
  /** Finished in the window ÷ actions open at any time in the window; null when none were. */
  closeRate30: number | null;
  closeRate90: number | null;
};

/** A moment as the UTC wall-clock text `timestamp without time zone` columns hold. */
function utcTimestamp(moment: Date): string {
  return moment.toISOString().replace("T", " ").replace("Z", "");
}

/**
 * Follow-up health of a set of teams, aggregated in SQL (one query whatever the number of actions).
 * It reads only columns of the (organization, team, status, due date, created, completed, updated)
 * index, and compares them with UTC timestamps computed here: a timestamptz bound would convert
 * every row's timestamp in the session time zone, which cost more than the scan itself.
 */
export async function followUpHealth(organizationId: string, teamIds: string[], now = new Date()): Promise<FollowUpHealth> {
  const at = utcTimestamp(now);
  const since30 = utcTimestamp(new Date(now.getTime() - 30 * DAY_MS));
  const since90 = utcTimestamp(new Date(now.getTime() - 90 * DAY_MS));
  const today = todayUtc(now).toISOString().slice(0, 10);
  const [row] = await db.$queryRaw<
    { open: number; overdue: number; median_age_days: number | null; closed30: number; active30: number; closed90: number; active90: number }[]
  >`
    SELECT
      count(*) FILTER (WHERE open)::int AS open,
      count(*) FILTER (WHERE open AND due_date < ${today}::date)::int AS overdue,
      -- Ages fall as creation times rise, so the median age is now minus the median creation time.
      ((date_part('epoch', ${at}::timestamp) - percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', created_at)) FILTER (WHERE open)) / 86400)::float8 AS median_age_days,
      count(*) FILTER (WHERE NOT open AND finished_at >= ${since30}::timestamp)::int AS closed30,
      count(*) FILTER (WHERE created_at <= ${at}::timestamp AND (open OR finished_at >= ${since30}::timestamp))::int AS active30,
      count(*) FILTER (WHERE NOT open AND finished_at >= ${since90}::timestamp)::int AS closed90,
      count(*) FILTER (WHERE created_at <= ${at}::timestamp AND (open OR finished_at >= ${since90}::timestamp))::int AS active90
    FROM (
      -- Finished: done, verified or won't do, at completion (or the last change when none was recorded).
      SELECT status NOT IN ('DONE', 'VERIFIED', 'WONT_DO') AS open, due_date, created_at, COALESCE(completed_at, updated_at) AS finished_at
      FROM corrective_actions
      WHERE organization_id = ${organizationId} AND team_id = ANY(${teamIds}::text[])
    ) scoped`;
  const rate = (closed: number, active: number) => (active > 0 ? closed / active : null);
  return {
    open: row?.open ?? 0,
    overdue: row?.overdue ?? 0,
    medianAgeDays: row?.median_age_days ?? null,
    closeRate30: rate(row?.closed30 ?? 0, row?.active30 ?? 0),
    closeRate90: rate(row?.closed90 ?? 0, row?.active90 ?? 0),
  };
}

/** The teams whose escalation view the user may open: teams they manage directly (admins: the top-level teams). */
export async function escalationTeams(user: CurrentUser) {
  // The request's cached tree (the session loaded it), by name.
  const teams = (await orgTeamTree(user.organizationId)).map(({ id, name, parentId }) => ({ id, name, parentId }));
  const allowed = teamsWith(user, "team.escalations");
  const direct = user.directTeamIds.filter((teamId) => can(user, "team.escalations", teamId));
  const roots = direct.length > 0 ? direct : user.isAdmin ? teams.filter((team) => team.parentId === null).map((team) => team.id) : [];
  // Any team inside the user's reach can be opened, the roots are offered first.
  const reachable = allowed === "all" ? teams : teams.filter((team) => allowed.includes(team.id));
  return { teams, roots, reachable };
}

/** How many escalated actions the view lists (the most overdue first); the counts cover all of them. */
export const ESCALATION_LIST_LIMIT = 100;

/**
 * The escalation view of one team: overdue actions whose escalation has reached it (owning team
 * at level 0, then up the tree with the organization's grace periods), and overdue counts per
 * sub-team, each rolled up over its own subtree. Selection and counts run in SQL: an action of a
 * team `d` levels below has reached this team once it is more than graceForLevel(d) days overdue.
 */
export async function escalationView(user: CurrentUser, teamId: string, now = new Date()) {
  if (!can(user, "team.escalations", teamId)) return null;
  const [organization, teams] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: user.organizationId }, select: { escalationGraceDays: true } }),
    orgTeamTree(user.organizationId),
  ]);
  const grace = normalizeGraceDays(organization.escalationGraceDays);
  const today = todayUtc(now);
  const subtree = subtreeIds(teams, teamId);
  const teamsByDepth = new Map<number, string[]>();
  for (const id of subtree) {
    const depth = ancestorIds(teams, id).indexOf(teamId);
    teamsByDepth.set(depth, [...(teamsByDepth.get(depth) ?? []), id]);
  }
  const open = { status: { in: ["OPEN", "IN_PROGRESS"] as ("OPEN" | "IN_PROGRESS")[] } };
  const reached: Prisma.CorrectiveActionWhereInput = {
    OR: [...teamsByDepth].map(([depth, ids]) => ({ teamId: { in: ids }, dueDate: { lt: new Date(today.getTime() - graceForLevel(depth, grace) * DAY_MS) } })),
  };
  // Every query below stays inside the subtree, which an escalation reader usually reads whole.
  const visible = visibleActionsWhereWithin(user, subtree);
  const escalatedWhere = { AND: [visible, open, reached] };
  // Ids first, then the rows of those: with relation joins, a select with owner, team and COE
  // would build them for every match before keeping the first hundred.
  const [rowIds, escalatedCount, overdueByTeam, pendingIds] = await Promise.all([
    db.correctiveAction.findMany({ where: escalatedWhere, select: { id: true }, orderBy: [{ dueDate: "asc" }, { id: "asc" }], take: ESCALATION_LIST_LIMIT }),
    db.correctiveAction.count({ where: escalatedWhere }),
    db.correctiveAction.groupBy({
      by: ["teamId"],
      where: { AND: [visible, open, { teamId: { in: subtree }, dueDate: { lt: today } }] },
      _count: { _all: true },
    }),
    db.correctiveAction.findMany({
      where: { AND: [visible, open, { teamId: { in: subtree }, wontDoRequestedAt: { not: null } }] },
      select: { id: true },
      orderBy: [{ wontDoRequestedAt: "asc" }, { id: "asc" }],
      take: 200,
    }),
  ]);
  // Both lists' rows in one load (an action can be in both).
  const loaded = await actionRowsInOrder(user.organizationId, [...new Set([...rowIds, ...pendingIds].map((row) => row.id))], {
    ...actionListSelect,
    wontDoReason: true,
  });
  const byId = new Map(loaded.map((row) => [row.id, row]));
  const rows = rowIds.map((row) => byId.get(row.id)).filter((row) => row !== undefined);
  const pendingWontDo = pendingIds.map((row) => byId.get(row.id)).filter((row) => row !== undefined);
  const escalated = rows.map((action) => ({
    action,
    escalation: escalationOf(teams, { teamId: action.teamId, dueDate: action.dueDate, finished: false }, grace, now)!,
  }));
  const own = new Map(overdueByTeam.map((row) => [row.teamId, row._count._all]));
  return {
    grace,
    escalated,
    escalatedCount,
    pendingWontDo,
    subTeams: rollUp(teams, teamId, own),
    teamsById: new Map(teams.map((team) => [team.id, team.name])),
  };
}

function rollUp(teams: readonly (TeamNode & { name: string })[], rootId: string, own: ReadonlyMap<string, number>) {
  const inSubtree = new Set(subtreeIds(teams, rootId));
  // Depth-first with the root at depth 0, so sub-teams sit under their parent.
  return flattenTree(teams.filter((team) => inSubtree.has(team.id)).map((team) => (team.id === rootId ? { ...team, parentId: null } : team))).map(
    ({ team, depth }) => ({
      teamId: team.id,
      name: team.name,
      depth,
      own: own.get(team.id) ?? 0,
      total: subtreeIds(teams, team.id).reduce((sum, member) => sum + (own.get(member) ?? 0), 0),
    }),
  );
}
