import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/principal";
import { Prisma, type CoeSeverity, type CoeStatus, type CorrectiveActionPriority, type CorrectiveActionStatus } from "@/lib/generated/prisma/client";
import { visibleCoesSql } from "@/lib/coes/search";
import { visibleActionsSql } from "@/lib/actions/list-sql";
import { todayUtc } from "@/lib/actions/queries";
import { teamsWith } from "@/lib/permissions";
import { seriesOpenTo } from "@/lib/reviews/access";
import { comingIsoWeek, parseIsoWeek, weekWindow } from "@/lib/reviews/iso-week";
import { flaggedMetrics } from "@/lib/metrics/service-queries";
import { orgTeamTree } from "@/lib/org/queries";
import { ancestorIds, subtreeIds } from "@/lib/org/tree";

// Home: "what needs me", one read per block, each scoped with the same `where` its own list page
// uses. A block returns null when it does not apply to the caller's roles (a viewer reviews nothing),
// so the page shows only blocks that can ever hold something for them.

const DAY_MS = 24 * 60 * 60 * 1000;
/** A draft untouched this long is going stale: the incident fades from memory. */
const STALE_DRAFT_DAYS = 7;
const BLOCK_ROWS = 6;

const coeRowSelect = {
  id: true,
  title: true,
  severity: true,
  status: true,
  submittedAt: true,
  updatedAt: true,
  team: { select: { name: true } },
} as const;

/**
 * A block's first rows and how many there are in all, from one statement: `count(*) OVER ()` is
 * taken before the LIMIT. Home runs one read per block, so each pair of statements saved counts.
 */
async function rowsWithTotal<Row>(query: Prisma.Sql): Promise<{ rows: Row[]; total: number }> {
  const found = await db.$queryRaw<(Row & { total: bigint })[]>(query);
  return { rows: found.map(({ total: _total, ...row }) => row as Row), total: Number(found[0]?.total ?? 0) };
}

type CoeRow = { id: string; title: string; severity: CoeSeverity; status: CoeStatus; submittedAt: Date | null; updatedAt: Date; team: { name: string } };

/** COEs in review on teams where the caller reviews, not written by them: oldest submission first. */
export async function coesAwaitingMyReview(user: CurrentUser) {
  const reviewable = teamsWith(user, "coe.review");
  if (reviewable !== "all" && reviewable.length === 0) return null;
  const { rows, total } = await rowsWithTotal<Omit<CoeRow, "team"> & { teamName: string }>(Prisma.sql`
    SELECT c.id, c.title, c.severity::text AS severity, c.status::text AS status, c.submitted_at AS "submittedAt", c.updated_at AS "updatedAt",
           t.name AS "teamName", count(*) OVER () AS total
    FROM coes c JOIN teams t ON t.id = c.team_id
    WHERE ${visibleCoesSql(user)} AND c.status = 'IN_REVIEW'
      ${reviewable === "all" ? Prisma.empty : Prisma.sql`AND c.team_id = ANY(${reviewable}::text[])`}
      AND c.created_by_id IS DISTINCT FROM ${user.userId}
      AND NOT EXISTS (SELECT 1 FROM coe_authors a WHERE a.coe_id = c.id AND a.user_id = ${user.userId})
    ORDER BY c.submitted_at ASC NULLS LAST, c.id ASC
    LIMIT ${BLOCK_ROWS}`);
  return { rows: rows.map(({ teamName, ...coe }): CoeRow => ({ ...coe, team: { name: teamName } })), total };
}

/**
 * The caller's own drafts and COEs in review, the ones needing them first: changes requested,
 * then drafts going stale, then the rest. Null for someone who writes COEs nowhere and has none.
 */
export async function myOpenCoes(user: CurrentUser, now = new Date()) {
  const writable = teamsWith(user, "coe.write");
  const rows = await db.coe.findMany({
    where: {
      organizationId: user.organizationId,
      status: { in: ["DRAFT", "IN_REVIEW"] },
      OR: [{ createdById: user.userId }, { authors: { some: { userId: user.userId } } }],
    },
    select: { ...coeRowSelect, reviews: { select: { decision: true }, orderBy: { createdAt: "desc" }, take: 1 } },
    orderBy: { updatedAt: "asc" },
    take: 50,
  });
  if (rows.length === 0 && writable !== "all" && writable.length === 0) return null;
  const staleBefore = now.getTime() - STALE_DRAFT_DAYS * DAY_MS;
  const ranked = rows.map(({ reviews, ...coe }) => {
    const changesRequested = coe.status === "DRAFT" && reviews[0]?.decision === "CHANGES_REQUESTED";
    const staleDays = coe.status === "DRAFT" && coe.updatedAt.getTime() < staleBefore ? Math.floor((now.getTime() - coe.updatedAt.getTime()) / DAY_MS) : 0;
    return { ...coe, changesRequested, staleDays };
  });
  const weight = (coe: (typeof ranked)[number]) => (coe.changesRequested ? 0 : coe.staleDays > 0 ? 1 : coe.status === "DRAFT" ? 2 : 3);
  ranked.sort((a, b) => weight(a) - weight(b) || a.updatedAt.getTime() - b.updatedAt.getTime());
  return { rows: ranked.slice(0, BLOCK_ROWS), total: ranked.length, needsMe: ranked.filter((coe) => weight(coe) < 2).length };
}

type ActionRowSql = {
  id: string;
  title: string;
  status: CorrectiveActionStatus;
  dueDate: Date | null;
  priority: CorrectiveActionPriority;
  completedAt: Date | null;
  teamName: string;
  ownerName: string | null;
};

const actionRowColumns = Prisma.sql`ca.id, ca.title, ca.status::text AS status, ca.due_date AS "dueDate", ca.priority::text AS priority,
  ca.completed_at AS "completedAt", t.name AS "teamName", u.name AS "ownerName", count(*) OVER () AS total`;
const actionRowJoins = Prisma.sql`JOIN teams t ON t.id = ca.team_id LEFT JOIN users u ON u.id = ca.owner_id`;

function actionRow({ teamName, ownerName, ...action }: ActionRowSql) {
  return { ...action, team: { name: teamName }, owner: ownerName === null ? null : { name: ownerName } };
}

/**
 * The caller's open actions that are overdue or due within a week, soonest first, and how many
 * open actions they own: one statement over their open actions by due date, whose first rows are
 * the ones due soonest.
 */
export async function myDueActions(user: CurrentUser, now = new Date()) {
  const today = todayUtc(now);
  const weekAhead = new Date(today.getTime() + 7 * DAY_MS);
  const { rows: soonest, total: ownedOpen } = await rowsWithTotal<ActionRowSql>(Prisma.sql`
    SELECT ${actionRowColumns}
    FROM corrective_actions ca ${actionRowJoins}
    WHERE ${visibleActionsSql(user)} AND ca.owner_id = ${user.userId} AND ca.status IN ('OPEN', 'IN_PROGRESS')
    ORDER BY ca.due_date ASC NULLS LAST, ca.id ASC
    LIMIT ${BLOCK_ROWS}`);
  const rows = soonest.filter((action) => action.dueDate !== null && action.dueDate <= weekAhead).map(actionRow);
  const overdue = rows.filter((action) => action.dueDate && action.dueDate < today).length;
  if (rows.length === 0 && ownedOpen === 0 && teamsWith(user, "action.update") !== "all" && (teamsWith(user, "action.update") as string[]).length === 0)
    return null;
  return { rows: rows.map((action) => ({ ...action, overdue: Boolean(action.dueDate && action.dueDate < today) })), overdue, ownedOpen };
}

/** Done actions on teams where the caller verifies, waiting for proof that they worked. */
export async function actionsAwaitingMyVerification(user: CurrentUser) {
  const verifiable = teamsWith(user, "action.verify");
  if (verifiable !== "all" && verifiable.length === 0) return null;
  const { rows, total } = await rowsWithTotal<ActionRowSql>(Prisma.sql`
    SELECT ${actionRowColumns}
    FROM corrective_actions ca ${actionRowJoins}
    WHERE ${visibleActionsSql(user, verifiable === "all" ? undefined : verifiable)} AND ca.status = 'DONE'
      ${verifiable === "all" ? Prisma.empty : Prisma.sql`AND ca.team_id = ANY(${verifiable}::text[])`}
    ORDER BY ca.completed_at ASC NULLS LAST, ca.id ASC
    LIMIT ${BLOCK_ROWS}`);
  return { rows: rows.map(actionRow), total };
}

/** How many series home shows. */
const NEXT_REVIEWS = 4;

/**
 * The weekly reviews of the caller's teams (and the parents they submit to): each series' coming
 * meeting, its state and how many items the caller submitted to it.
 */
export async function myNextReviews(user: CurrentUser, now = new Date()) {
  // Home shows the reviews of the caller's own teams and the teams above them (where their items go);
  // an admin on no team, or someone whose teams hold none, sees those of the teams they can read.
  const teams = await orgTeamTree(user.organizationId);
  const upward = [...new Set(user.directTeamIds.flatMap((teamId) => ancestorIds(teams, teamId)))];
  const own = upward.length > 0 ? await seriesOpenTo(user, { teamIds: upward, take: NEXT_REVIEWS }) : [];
  const series = own.length > 0 ? own : await seriesOpenTo(user, { take: NEXT_REVIEWS });
  if (series.length === 0) return { rows: [] };
  const weeks = series.map((entry) => ({ entry, isoWeek: comingIsoWeek(now, entry) }));
  const reviews = await db.weeklyReview.findMany({
    where: { organizationId: user.organizationId, OR: weeks.map(({ entry, isoWeek }) => ({ seriesId: entry.id, isoWeek })) },
    select: { seriesId: true, isoWeek: true, status: true, _count: { select: { submissions: { where: { authorId: user.userId } } } } },
  });
  return {
    rows: weeks.map(({ entry, isoWeek }) => {
      const review = reviews.find((row) => row.seriesId === entry.id && row.isoWeek === isoWeek);
      const week = parseIsoWeek(isoWeek)!;
      return {
        seriesId: entry.id,
        name: entry.name,
        teamName: entry.team.name,
        isoWeek,
        startsAt: weekWindow(week, entry).meetingStartsAt,
        timeZone: entry.timeZone,
        status: review?.status ?? "PLANNED",
        mySubmissions: review?._count.submissions ?? 0,
      };
    }),
  };
}

/** Key service metrics breached or moving the wrong way in the caller's subtree (their own teams and below). */
export async function breachedMetricsInMySubtree(user: CurrentUser) {
  const teams = await orgTeamTree(user.organizationId);
  const home = user.directTeamIds.length > 0 ? user.directTeamIds : user.isAdmin ? teams.filter((team) => !team.parentId).map((team) => team.id) : [];
  const readable = teamsWith(user, "team.view");
  const subtree = [...new Set(home.flatMap((teamId) => subtreeIds(teams, teamId)))].filter((teamId) => readable === "all" || readable.includes(teamId));
  if (subtree.length === 0) return null;
  const flagged = await flaggedMetrics(user.organizationId, subtree);
  const breached = flagged.filter((metric) => metric.flags.some((flag) => flag.kind === "breach" || (flag.kind === "anomaly" && flag.worse)));
  return {
    rows: breached.slice(0, BLOCK_ROWS),
    total: breached.length,
    scopeName: home.length === 1 ? (teams.find((team) => team.id === home[0])?.name ?? null) : null,
  };
}
