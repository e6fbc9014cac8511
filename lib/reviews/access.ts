import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/principal";
import { NotFoundError } from "@/lib/errors";
import { can, teamsWith } from "@/lib/permissions";
import { orgTeamTree } from "@/lib/org/queries";
import { ancestorIds } from "@/lib/org/tree";

/**
 * Who may see and run which review series. Readers of the series' team (roles spread down the
 * tree) see it and submit items; the team's managers (review.run) and the series' named
 * organizers run it. A series is never loaded by bare id: the organization and the caller's
 * readable teams are in every `where`.
 */
const seriesSelect = {
  id: true,
  organizationId: true,
  teamId: true,
  name: true,
  weekday: true,
  startMinute: true,
  timeZone: true,
  lengthMinutes: true,
  subTeamSummary: true,
  team: { select: { name: true } },
  organizers: { select: { userId: true, user: { select: { name: true } } } },
} as const;

export type SeriesRow = {
  id: string;
  organizationId: string;
  teamId: string;
  name: string;
  weekday: number;
  startMinute: number;
  timeZone: string;
  lengthMinutes: number;
  subTeamSummary: boolean;
  team: { name: string };
  organizers: { userId: string; user: { name: string } }[];
};

export function visibleSeriesWhere(user: CurrentUser) {
  const readable = teamsWith(user, "team.view");
  return readable === "all" ? { organizationId: user.organizationId } : { organizationId: user.organizationId, teamId: { in: readable } };
}

export async function findSeries(user: CurrentUser, seriesId: string): Promise<SeriesRow | null> {
  return db.reviewSeries.findFirst({ where: { id: seriesId, ...visibleSeriesWhere(user) }, select: seriesSelect });
}

export async function requireSeries(user: CurrentUser, seriesId: string): Promise<SeriesRow> {
  const series = await findSeries(user, seriesId);
  if (!series) throw new NotFoundError("The review series");
  return series;
}

/** Managers of the team and the series' organizers run the meeting and edit its agenda. */
export function canRunSeries(user: CurrentUser, series: Pick<SeriesRow, "teamId" | "organizers">): boolean {
  return can(user, "review.run", series.teamId) || series.organizers.some((organizer) => organizer.userId === user.userId);
}

/**
 * Teams whose reviews the caller may submit items to: every team they write on, and every team
 * above it, because a sub-team's members bring their successes and failings to their parent's
 * review even when they may not read the parent's whole agenda.
 */
async function submittableTeamIds(user: CurrentUser): Promise<"all" | Set<string>> {
  const writable = teamsWith(user, "coe.write");
  if (writable === "all") return "all";
  const teams = await orgTeamTree(user.organizationId);
  return new Set(writable.flatMap((teamId) => ancestorIds(teams, teamId)));
}

async function submittableSeriesWhere(user: CurrentUser) {
  const teamIds = await submittableTeamIds(user);
  return { organizationId: user.organizationId, ...(teamIds === "all" ? {} : { teamId: { in: [...teamIds] } }) };
}

export async function submittableSeries(user: CurrentUser): Promise<SeriesRow[]> {
  return db.reviewSeries.findMany({ where: await submittableSeriesWhere(user), select: seriesSelect, orderBy: { name: "asc" } });
}

/** The series the caller reads or submits to, optionally only those of some teams, by name. */
export async function seriesOpenTo(user: CurrentUser, { teamIds, take }: { teamIds?: string[]; take: number }): Promise<SeriesRow[]> {
  const open = { OR: [visibleSeriesWhere(user), await submittableSeriesWhere(user)] };
  return db.reviewSeries.findMany({
    where: teamIds ? { AND: [open, { teamId: { in: teamIds } }] } : open,
    select: seriesSelect,
    orderBy: { name: "asc" },
    take,
  });
}

/** The series a submission goes to: readable, or one the caller may submit to from below. */
export async function requireSeriesForSubmission(user: CurrentUser, seriesId: string): Promise<SeriesRow> {
  const series = await db.reviewSeries.findFirst({ where: { id: seriesId, organizationId: user.organizationId }, select: seriesSelect });
  const teamIds = await submittableTeamIds(user);
  if (!series || !(teamIds === "all" || teamIds.has(series.teamId) || canRunSeries(user, series))) throw new NotFoundError("The review series");
  return series;
}

/** Whether the week page offers the submission form (the server checks again on submit). */
export function canSubmitTo(user: CurrentUser, series: Pick<SeriesRow, "teamId" | "organizers">): boolean {
  return can(user, "coe.write", series.teamId) || canRunSeries(user, series);
}
