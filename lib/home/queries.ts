import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/principal";
import { Prisma, type CoeSeverity, type CoeStatus, type CorrectiveActionPriority, type CorrectiveActionStatus } from "@/lib/generated/prisma/client";
import { visibleCoesSql } from "@/lib/coes/access";
import { visibleActionsSql } from "@/lib/actions/access";
import { todayUtc } from "@/lib/actions/queries";
import { teamsWith } from "@/lib/permissions";
import { seriesOpenTo } from "@/lib/reviews/access";
import { comingIsoWeek, parseIsoWeek, weekWindow } from "@/lib/reviews/iso-week";
import { flaggedOnly, metricOverviewsFrom, metricOverviewsSql } from "@/lib/metrics/service-queries";
import { needsAttention } from "@/lib/metrics/stats";
import { homeCordFrom, openCordsInMyScopeSql } from "@/lib/cords/queries";
import { firstRowsWithTotalSql, jsonDate, readJsonSections, sectionTotal, type JsonRow } from "@/lib/sql-sections";
import { orgTeamTree } from "@/lib/org/queries";
import { homeFindingFrom, openFindingsSectionSql } from "@/lib/policies/home-section";
import { expiringVerificationsSectionSql, homeExpiringFrom } from "@/lib/verification/home-section";
import { ancestorIds, subtreeIds } from "@/lib/org/tree";

// Home: "what needs me", one block per kind of work, each scoped with the same rule its own list page
// uses. A block returns null when it does not apply to the caller's roles (a viewer reviews nothing),
// so the page shows only blocks that can ever hold something for them. The blocks' reads run as one
// statement per request (homeSections), each block taking its section.

const DAY_MS = 24 * 60 * 60 * 1000;
/** A draft untouched this long is going stale: the incident fades from memory. */
const STALE_DRAFT_DAYS = 7;
const BLOCK_ROWS = 6;
const FINDING_ROWS = 5;
const EXPIRING_ROWS = 8;

type CoeRow = { id: string; title: string; severity: CoeSeverity; status: CoeStatus; submittedAt: Date | null; updatedAt: Date; team: { name: string } };

type ActionRow = {
  id: string;
  title: string;
  status: CorrectiveActionStatus;
  dueDate: Date | null;
  priority: CorrectiveActionPriority;
  completedAt: Date | null;
  team: { name: string };
  owner: { name: string } | null;
};

type HomeSection = "reviewQueue" | "myCoes" | "dueActions" | "verificationQueue" | "metrics" | "cords" | "findings" | "expiring";

/** The subtree whose metrics home watches: the caller's own teams and below (an admin on no team: the roots), as far as they may read. */
function metricsScope(user: CurrentUser, teams: Awaited<ReturnType<typeof orgTeamTree>>) {
  const home = user.directTeamIds.length > 0 ? user.directTeamIds : user.isAdmin ? teams.filter((team) => !team.parentId).map((team) => team.id) : [];
  const readable = teamsWith(user, "team.view");
  const subtree = [...new Set(home.flatMap((teamId) => subtreeIds(teams, teamId)))].filter((teamId) => readable === "all" || readable.includes(teamId));
  return { subtree, scopeName: home.length === 1 ? (teams.find((team) => team.id === home[0])?.name ?? null) : null };
}

/** The teams of the caller's own subtrees (their teams and everything below), where findings and verifications concern them. */
function ownSubtreeIds(user: CurrentUser, teams: Awaited<ReturnType<typeof orgTeamTree>>): string[] {
  return [...new Set(user.directTeamIds.flatMap((teamId) => subtreeIds(teams, teamId)))];
}

/**
 * Every block's read in one statement, once per request (React's cache, keyed by the request's
 * user): a section per block that applies to the caller's roles.
 */
const homeSections = cache(async (user: CurrentUser) => {
  const teams = await orgTeamTree(user.organizationId);
  const reviewable = teamsWith(user, "coe.review");
  const verifiable = teamsWith(user, "action.verify");
  const metrics = metricsScope(user, teams);
  const cords = openCordsInMyScopeSql(user, BLOCK_ROWS);
  const sections: Partial<Record<HomeSection, Prisma.Sql>> = { myCoes: myCoesSql(user), dueActions: dueActionsSql(user) };
  if (reviewable === "all" || reviewable.length > 0) sections.reviewQueue = reviewQueueSql(user, reviewable);
  if (verifiable === "all" || verifiable.length > 0) sections.verificationQueue = verificationQueueSql(user, verifiable);
  if (metrics.subtree.length > 0) sections.metrics = metricOverviewsSql(user, metrics.subtree, { needsAttentionOnly: true });
  if (cords) sections.cords = cords;
  const ownSubtrees = ownSubtreeIds(user, teams);
  if (ownSubtrees.length > 0) {
    sections.findings = openFindingsSectionSql(user, ownSubtrees, FINDING_ROWS);
    sections.expiring = expiringVerificationsSectionSql(user, ownSubtrees, EXPIRING_ROWS, new Date());
  }
  return { rows: await readJsonSections(sections), metricsScopeName: metrics.scopeName };
});

function coeRow(row: JsonRow): CoeRow {
  return {
    id: String(row.id),
    title: String(row.title),
    severity: row.severity as CoeSeverity,
    status: row.status as CoeStatus,
    submittedAt: jsonDate(row.submittedAt),
    updatedAt: jsonDate(row.updatedAt) ?? new Date(0),
    team: { name: String(row.teamName) },
  };
}

function actionRow(row: JsonRow): ActionRow {
  return {
    id: String(row.id),
    title: String(row.title),
    status: row.status as CorrectiveActionStatus,
    dueDate: jsonDate(row.dueDate),
    priority: row.priority as CorrectiveActionPriority,
    completedAt: jsonDate(row.completedAt),
    team: { name: String(row.teamName) },
    owner: row.ownerName === null || row.ownerName === undefined ? null : { name: String(row.ownerName) },
  };
}

const coeRowColumns = Prisma.sql`c.id, c.title, c.severity::text AS severity, c.status::text AS status, c.submitted_at AS "submittedAt",
  c.updated_at AS "updatedAt", t.name AS "teamName"`;

/** COEs in review on teams where the caller reviews, not written by them: oldest submission first. */
function reviewQueueSql(user: CurrentUser, reviewable: string[] | "all") {
  return firstRowsWithTotalSql({
    table: "coes",
    alias: "c",
    where: Prisma.sql`${visibleCoesSql(user)} AND c.status = 'IN_REVIEW'
      ${reviewable === "all" ? Prisma.empty : Prisma.sql`AND c.team_id = ANY(${reviewable}::text[])`}
      AND c.created_by_id IS DISTINCT FROM ${user.userId}
      AND NOT EXISTS (SELECT 1 FROM coe_authors a WHERE a.coe_id = c.id AND a.user_id = ${user.userId})`,
    orderBy: Prisma.sql`c.submitted_at ASC NULLS LAST, c.id ASC`,
    limit: BLOCK_ROWS,
    columns: coeRowColumns,
    joins: Prisma.sql`JOIN teams t ON t.id = c.team_id`,
  });
}

/** COEs in review on teams where the caller reviews, not written by them: oldest submission first. */
export async function coesAwaitingMyReview(user: CurrentUser) {
  const rows = (await homeSections(user)).rows.reviewQueue;
  if (!rows) return null;
  return { rows: rows.map(coeRow), total: sectionTotal(rows) };
}

/** The caller's drafts and COEs in review (as creator or author), with the latest review decision. */
function myCoesSql(user: CurrentUser) {
  return Prisma.sql`
    SELECT ${coeRowColumns},
      (SELECT r.decision::text FROM coe_reviews r WHERE r.coe_id = c.id ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS "lastDecision"
    FROM coes c JOIN teams t ON t.id = c.team_id
    WHERE c.organization_id = ${user.organizationId} AND c.status IN ('DRAFT', 'IN_REVIEW')
      -- From the caller's own COEs, not a walk over the organization's: one index per way of being an author.
      AND c.id IN (SELECT m.id FROM coes m WHERE m.created_by_id = ${user.userId} UNION SELECT a.coe_id FROM coe_authors a WHERE a.user_id = ${user.userId})
    ORDER BY c.updated_at ASC, c.id ASC
    LIMIT 50`;
}

/**
 * The caller's own drafts and COEs in review, the ones needing them first: changes requested,
 * then drafts going stale, then the rest. Null for someone who writes COEs nowhere and has none.
 */
export async function myOpenCoes(user: CurrentUser, now = new Date()) {
  const writable = teamsWith(user, "coe.write");
  const rows = (await homeSections(user)).rows.myCoes ?? [];
  if (rows.length === 0 && writable !== "all" && writable.length === 0) return null;
  const staleBefore = now.getTime() - STALE_DRAFT_DAYS * DAY_MS;
  const ranked = rows.map((row) => {
    const coe = coeRow(row);
    const changesRequested = coe.status === "DRAFT" && row.lastDecision === "CHANGES_REQUESTED";
    const staleDays = coe.status === "DRAFT" && coe.updatedAt.getTime() < staleBefore ? Math.floor((now.getTime() - coe.updatedAt.getTime()) / DAY_MS) : 0;
    return { ...coe, changesRequested, staleDays };
  });
  const weight = (coe: (typeof ranked)[number]) => (coe.changesRequested ? 0 : coe.staleDays > 0 ? 1 : coe.status === "DRAFT" ? 2 : 3);
  ranked.sort((a, b) => weight(a) - weight(b) || a.updatedAt.getTime() - b.updatedAt.getTime());
  return { rows: ranked.slice(0, BLOCK_ROWS), total: ranked.length, needsMe: ranked.filter((coe) => weight(coe) < 2).length };
}

const actionRowColumns = Prisma.sql`ca.id, ca.title, ca.status::text AS status, ca.due_date AS "dueDate", ca.priority::text AS priority,
  ca.completed_at AS "completedAt", t.name AS "teamName", u.name AS "ownerName"`;
const actionRowJoins = Prisma.sql`JOIN teams t ON t.id = ca.team_id LEFT JOIN users u ON u.id = ca.owner_id`;

/** The caller's open actions by due date (the first rows are the ones due soonest), with how many they own open. */
function dueActionsSql(user: CurrentUser) {
  return firstRowsWithTotalSql({
    table: "corrective_actions",
    alias: "ca",
    where: Prisma.sql`${visibleActionsSql(user)} AND ca.owner_id = ${user.userId} AND ca.status IN ('OPEN', 'IN_PROGRESS')`,
    orderBy: Prisma.sql`ca.due_date ASC NULLS LAST, ca.id ASC`,
    limit: BLOCK_ROWS,
    columns: actionRowColumns,
    joins: actionRowJoins,
  });
}

/** The caller's open actions that are overdue or due within a week, soonest first, and how many open actions they own. */
export async function myDueActions(user: CurrentUser, now = new Date()) {
  const today = todayUtc(now);
  const weekAhead = new Date(today.getTime() + 7 * DAY_MS);
  const soonest = (await homeSections(user)).rows.dueActions ?? [];
  const ownedOpen = sectionTotal(soonest);
  const rows = soonest.map(actionRow).filter((action) => action.dueDate !== null && action.dueDate <= weekAhead);
  const overdue = rows.filter((action) => action.dueDate && action.dueDate < today).length;
  const updatable = teamsWith(user, "action.update");
  if (rows.length === 0 && ownedOpen === 0 && updatable !== "all" && updatable.length === 0) return null;
  return { rows: rows.map((action) => ({ ...action, overdue: Boolean(action.dueDate && action.dueDate < today) })), overdue, ownedOpen };
}

/** Done actions on teams where the caller verifies, oldest completion first. */
function verificationQueueSql(user: CurrentUser, verifiable: string[] | "all") {
  return firstRowsWithTotalSql({
    table: "corrective_actions",
    alias: "ca",
    where: Prisma.sql`${visibleActionsSql(user, verifiable === "all" ? undefined : verifiable)} AND ca.status = 'DONE'
      ${verifiable === "all" ? Prisma.empty : Prisma.sql`AND ca.team_id = ANY(${verifiable}::text[])`}`,
    orderBy: Prisma.sql`ca.completed_at ASC NULLS LAST, ca.id ASC`,
    limit: BLOCK_ROWS,
    columns: actionRowColumns,
    joins: actionRowJoins,
  });
}

/** Done actions on teams where the caller verifies, waiting for proof that they worked. */
export async function actionsAwaitingMyVerification(user: CurrentUser) {
  const rows = (await homeSections(user)).rows.verificationQueue;
  if (!rows) return null;
  return { rows: rows.map(actionRow), total: sectionTotal(rows) };
}

/** Open cords on the services of the caller's teams and everything below them (lib/cords/queries.ts). */
export async function openCordsForHome(user: CurrentUser) {
  const rows = (await homeSections(user)).rows.cords ?? [];
  return { rows: rows.map(homeCordFrom), total: sectionTotal(rows) };
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
  const { rows, metricsScopeName } = await homeSections(user);
  if (!rows.metrics) return null;
  const breached = flaggedOnly(metricOverviewsFrom(rows.metrics[0]?.metrics)).filter((metric) => needsAttention(metric.flags));
  return { rows: breached.slice(0, BLOCK_ROWS), total: breached.length, scopeName: metricsScopeName };
}

/** The most severe open policy findings of the caller's own subtrees. Null for someone on no team. */
export async function openFindingsForHome(user: CurrentUser) {
  const rows = (await homeSections(user)).rows.findings;
  if (!rows) return null;
  return { rows: rows.map(homeFindingFrom), total: sectionTotal(rows) };
}

/** Verifications of the caller's own subtrees that expire soon: the next drills to plan. Null for someone on no team. */
export async function expiringVerificationsForHome(user: CurrentUser) {
  const rows = (await homeSections(user)).rows.expiring;
  if (!rows) return null;
  return { rows: rows.map(homeExpiringFrom), total: sectionTotal(rows) };
}
