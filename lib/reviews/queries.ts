import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/principal";
import type { TeamRole } from "@/lib/generated/prisma/client";
import { teamsWith } from "@/lib/permissions";
import { orgTeamTree } from "@/lib/org/queries";
import { ancestorIds, subtreeIds } from "@/lib/org/tree";
import { visibleSeriesWhere, type SeriesRow } from "@/lib/reviews/access";

/** Reads for the review pages, always scoped to series the caller may see. */
export async function listSeries(user: CurrentUser) {
  return db.reviewSeries.findMany({
    where: visibleSeriesWhere(user),
    select: {
      id: true,
      name: true,
      weekday: true,
      startMinute: true,
      timeZone: true,
      lengthMinutes: true,
      team: { select: { id: true, name: true } },
      reviews: { where: { status: "PUBLISHED" }, select: { isoWeek: true, publishedAt: true }, orderBy: { isoWeek: "desc" }, take: 1 },
    },
    orderBy: [{ team: { name: "asc" } }, { name: "asc" }],
  });
}

export type SeriesAbove = {
  /** The caller's own team, reviewed in a meeting higher up the tree. */
  team: { id: string; name: string };
  series: { id: string; name: string; weekday: number; startMinute: number; timeZone: string; lengthMinutes: number; team: { id: string; name: string } };
  /** The rule the submission itself checks (requireSeriesForSubmission, through submittableSeries). */
  canSubmit: boolean;
  /** The caller's role on their own team: a viewer's is read-only. */
  role: TeamRole | null;
};

/**
 * Where the caller's own teams are reviewed when they have no series of their own: the nearest
 * series up the tree from each team the caller belongs to (a sub-team brings its successes and
 * failings to its parent's meeting). Only the series' name, team and schedule, which the org tree
 * already tells everyone: its agenda and minutes still take team.view on the series' team
 * (findSeries), so the page links to them only for those who may open them.
 */
export async function seriesAboveMyTeams(user: CurrentUser, submittable: readonly { id: string }[]): Promise<SeriesAbove[]> {
  const teams = await orgTeamTree(user.organizationId);
  const chains = user.directTeamIds.map((teamId) => ancestorIds(teams, teamId)).filter((chain) => chain.length > 1);
  if (chains.length === 0) return [];
  const series = await db.reviewSeries.findMany({
    where: { organizationId: user.organizationId, teamId: { in: [...new Set(chains.flatMap((chain) => chain.slice(1)))] } },
    select: { id: true, name: true, weekday: true, startMinute: true, timeZone: true, lengthMinutes: true, team: { select: { id: true, name: true } } },
    orderBy: { name: "asc" },
  });
  const names = new Map(teams.map((team) => [team.id, team.name]));
  const submits = new Set(submittable.map((entry) => entry.id));
  return chains.flatMap(([teamId, ...above]) => {
    const nearest = above.find((ancestorId) => series.some((entry) => entry.team.id === ancestorId));
    return series
      .filter((entry) => entry.team.id === nearest)
      .map((entry) => ({
        team: { id: teamId!, name: names.get(teamId!) ?? "Your team" },
        series: entry,
        canSubmit: submits.has(entry.id),
        role: user.teamRoles.get(teamId!) ?? null,
      }));
  });
}

/** Teams the caller may set up a review for. */
export async function teamsToOrganize(user: CurrentUser) {
  const allowed = teamsWith(user, "review.run");
  return db.team.findMany({
    where: { organizationId: user.organizationId, ...(allowed === "all" ? {} : { id: { in: allowed } }) },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

export async function seriesHistory(series: SeriesRow) {
  return db.weeklyReview.findMany({
    where: { seriesId: series.id, organizationId: series.organizationId },
    select: {
      id: true,
      isoWeek: true,
      status: true,
      startedAt: true,
      publishedAt: true,
      _count: { select: { decisions: true, correctiveActions: true, attendance: true } },
    },
    orderBy: { isoWeek: "desc" },
    take: 104,
  });
}

/** What the meeting view needs besides the agenda: the live state, the notes and what was recorded. */
export async function meetingState(series: SeriesRow, isoWeek: string) {
  return db.weeklyReview.findUnique({
    where: { seriesId_isoWeek: { seriesId: series.id, isoWeek } },
    select: {
      id: true,
      status: true,
      version: true,
      currentItemKey: true,
      currentItemStartedAt: true,
      reachedItemKeys: true,
      startedAt: true,
      publishedAt: true,
      minutes: true,
      notes: { select: { itemKey: true, body: true } },
      decisions: { select: { id: true, itemKey: true, text: true, author: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      attendance: { select: { userId: true } },
      correctiveActions: { select: { id: true, title: true, dueDate: true, owner: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
}

/** People who may attend and own actions: members of the series' team, its subtree and its ancestors' managers. */
export async function reviewPeople(series: SeriesRow) {
  const teams = await db.team.findMany({ where: { organizationId: series.organizationId }, select: { id: true, parentId: true } });
  const teamIds = subtreeIds(teams, series.teamId);
  return db.user.findMany({
    where: { organizationId: series.organizationId, deactivatedAt: null, memberships: { some: { teamId: { in: teamIds } } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 300,
  });
}

export async function subtreeTeams(series: SeriesRow) {
  const teams = await db.team.findMany({ where: { organizationId: series.organizationId }, select: { id: true, parentId: true, name: true } });
  const ids = new Set(subtreeIds(teams, series.teamId));
  return teams.filter((team) => ids.has(team.id)).sort((a, b) => a.name.localeCompare(b.name));
}
