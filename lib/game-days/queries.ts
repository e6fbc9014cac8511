import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/principal";
import { orgTeamTree } from "@/lib/org/queries";
import { flattenTree, subtreeIds, treeOptionLabel } from "@/lib/org/tree";
import { can } from "@/lib/permissions";
import { visibleCoeWhere } from "@/lib/coes/access";
import { listDimensions } from "@/lib/verification/queries";
import { templateForCoe } from "@/lib/game-days/reproduce";
import { visibleGameDaysWhere } from "@/lib/game-days/access";
import { GAME_DAY_PAGE_SIZE } from "@/lib/game-days/schemas";

const gameDayListSelect = {
  id: true,
  title: true,
  scheduledAt: true,
  durationMinutes: true,
  environment: true,
  status: true,
  team: { select: { id: true, name: true } },
  facilitator: { select: { name: true } },
  _count: { select: { experiments: true, runs: true } },
} satisfies Prisma.GameDaySelect;

/** Game days the caller may see: upcoming (soonest first) or past (latest first), optionally within a team's subtree. */
export async function listGameDays(user: CurrentUser, query: { when: "upcoming" | "past" | "all"; teamId?: string; page: number }, now = new Date()) {
  let where: Prisma.GameDayWhereInput = visibleGameDaysWhere(user);
  if (query.teamId) where = { AND: [where, { teamId: { in: subtreeIds(await orgTeamTree(user.organizationId), query.teamId) } }] };
  // A game day counts as upcoming until it is finished or cancelled, even on its own day.
  if (query.when === "upcoming") where = { AND: [where, { status: { in: ["PLANNED", "RUNNING"] } }] };
  if (query.when === "past") where = { AND: [where, { status: { in: ["FINISHED", "CANCELLED"] } }] };
  const [total, gameDays] = await Promise.all([
    db.gameDay.count({ where }),
    db.gameDay.findMany({
      where,
      select: gameDayListSelect,
      orderBy: query.when === "upcoming" ? [{ scheduledAt: "asc" }, { id: "asc" }] : [{ scheduledAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * GAME_DAY_PAGE_SIZE,
      take: GAME_DAY_PAGE_SIZE,
    }),
  ]);
  void now;
  return { gameDays, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / GAME_DAY_PAGE_SIZE)) };
}

export async function gameDayDetail(user: CurrentUser, gameDayId: string) {
  return db.gameDay.findFirst({
    where: { AND: [{ id: gameDayId }, visibleGameDaysWhere(user)] },
    select: {
      id: true,
      title: true,
      description: true,
      scheduledAt: true,
      durationMinutes: true,
      environment: true,
      status: true,
      startedAt: true,
      endedAt: true,
      version: true,
      teamId: true,
      team: { select: { name: true } },
      facilitator: { select: { id: true, name: true } },
      services: { select: { service: { select: { id: true, name: true } } } },
      participants: { select: { user: { select: { id: true, name: true } } } },
      experiments: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          description: true,
          templateKey: true,
          parameters: true,
          steadyStateHypothesis: true,
          method: true,
          rollbacks: true,
          blastRadius: true,
          abortConditions: true,
          expectedOutcome: true,
          verdict: true,
          abortReason: true,
          checkedSteps: true,
          service: { select: { id: true, name: true } },
          dimension: { select: { id: true, name: true, key: true } },
          sourceCoe: { select: { id: true, title: true } },
        },
      },
      runs: {
        orderBy: { createdAt: "desc" },
        take: 50,
        select: {
          id: true,
          experimentId: true,
          source: true,
          status: true,
          deviated: true,
          verdict: true,
          startedAt: true,
          endedAt: true,
          activities: true,
          chaosVersion: true,
          createdAt: true,
          recordedBy: { select: { name: true } },
          actionsCreated: { select: { id: true, title: true, status: true } },
          verificationRecords: { select: { id: true } },
        },
      },
    },
  });
}

/** The log, oldest first (run mode shows it as it grew). */
export async function gameDayLog(user: CurrentUser, gameDayId: string, limit = 300) {
  const rows = await db.gameDayLogEntry.findMany({
    where: { gameDayId, gameDay: visibleGameDaysWhere(user) },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, kind: true, body: true, createdAt: true, experimentId: true, author: { select: { name: true } } },
  });
  return rows.reverse().map((row) => ({ ...row, id: row.id.toString() }));
}

/** Runs whose hypothesis held, newest first, for proving a corrective action works. */
export async function heldRuns(user: CurrentUser, limit = 50) {
  return db.gameDayRun.findMany({
    where: { verdict: "HELD", gameDay: visibleGameDaysWhere(user) },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, createdAt: true, experiment: { select: { title: true } }, gameDay: { select: { id: true, title: true } } },
  });
}

/** A run as the action page shows it (the run that verified the action, or the one it came from). */
async function runSummary(user: CurrentUser, runId: string) {
  return db.gameDayRun.findFirst({
    where: { id: runId, gameDay: visibleGameDaysWhere(user) },
    select: {
      id: true,
      verdict: true,
      status: true,
      deviated: true,
      endedAt: true,
      createdAt: true,
      experiment: { select: { title: true } },
      gameDay: { select: { id: true, title: true, scheduledAt: true } },
    },
  });
}

/**
 * What the "Plan a game day" form offers: the teams the caller may run game days for and their
 * services, the dimensions, and — for "Reproduce this COE" — the COE's team, first service and the
 * template its contributing factors point to.
 */
export async function planningChoices(user: CurrentUser, coeId: string | undefined) {
  const teams = flattenTree(await orgTeamTree(user.organizationId)).filter(({ team }) => can(user, "verification.record", team.id));
  const teamIds = teams.map(({ team }) => team.id);
  const [services, dimensions, coe] = await Promise.all([
    db.service.findMany({
      where: { organizationId: user.organizationId, teamId: { in: teamIds } },
      select: { id: true, name: true, teamId: true },
      orderBy: { name: "asc" },
      take: 2000,
    }),
    listDimensions(user),
    coeId
      ? db.coe.findFirst({
          where: visibleCoeWhere(user, coeId),
          select: {
            id: true,
            title: true,
            teamId: true,
            services: { select: { serviceId: true } },
            factors: { select: { category: { select: { name: true } } } },
          },
        })
      : null,
  ]);
  return {
    teams: teams.map(({ team, depth }) => ({ id: team.id, label: treeOptionLabel(team.name, depth) })),
    services,
    dimensions: dimensions.map((dimension) => ({ id: dimension.id, key: dimension.key, name: dimension.name })),
    prefill: coe
      ? {
          coeId: coe.id,
          coeTitle: coe.title,
          teamId: teamIds.includes(coe.teamId) ? coe.teamId : "",
          serviceId: coe.services[0]?.serviceId ?? "",
          templateKey: templateForCoe(coe.factors.map((factor) => factor.category.name)),
        }
      : null,
  };
}

/** The game-day runs an action points to: the run it came from and the run that verified it. */
export async function actionGameDayRuns(user: CurrentUser, actionId: string) {
  const links = await db.correctiveAction.findFirst({
    where: { id: actionId, organizationId: user.organizationId },
    select: { gameDayRunId: true, verificationRunId: true },
  });
  if (!links) return { sourceRun: null, verificationRun: null };
  const [sourceRun, verificationRun] = await Promise.all([
    links.gameDayRunId ? runSummary(user, links.gameDayRunId) : null,
    links.verificationRunId ? runSummary(user, links.verificationRunId) : null,
  ]);
  return { sourceRun, verificationRun };
}

/**
 * The calendar feed's game days: those of some teams, or with the user as facilitator or participant,
 * within what the user may see, scheduled between two instants (cancelled ones too, so a calendar
 * drops the event it holds).
 */
export async function calendarGameDays(user: CurrentUser, teamIds: readonly string[], from: Date, to: Date) {
  return db.gameDay.findMany({
    where: {
      AND: [
        visibleGameDaysWhere(user),
        { scheduledAt: { gte: from, lte: to } },
        { OR: [{ teamId: { in: [...teamIds] } }, { facilitatorId: user.userId }, { participants: { some: { userId: user.userId } } }] },
      ],
    },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      title: true,
      environment: true,
      status: true,
      scheduledAt: true,
      durationMinutes: true,
      updatedAt: true,
      team: { select: { name: true } },
      facilitator: { select: { name: true } },
    },
  });
}
