import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { COUNTED_STATUSES, DAY_MS, num, utc } from "@/lib/metrics/incident-sql";
import { metricOverviews, type MetricOverview } from "@/lib/metrics/service-queries";
import { flagWeight } from "@/lib/metrics/stats";
import { daysOverdue } from "@/lib/actions/escalation";
import { subtreeIds } from "@/lib/org/tree";
import type { SeriesRow } from "@/lib/reviews/access";
import { readEdits } from "@/lib/reviews/agenda-edits";
import type { Agenda, CarriedItem, MetricRef, SubmissionRef, SubTeamLine } from "@/lib/reviews/agenda-types";
import { composeAgenda, type WeekData } from "@/lib/reviews/compose-agenda";
import { addWeeks, formatIsoWeek, weekWindow, type IsoWeek, type WeekWindow } from "@/lib/reviews/iso-week";
import { wheelPickFor } from "@/lib/reviews/wheel";

/**
 * Fetches one week's data for a series' team and its whole subtree, and composes the agenda. A
 * fixed number of queries run in parallel whatever the size of the org (no query per item);
 * counts and medians are aggregated in SQL.
 */
const FINISHED = ["DONE", "VERIFIED", "WONT_DO"] as const;
const ACTION_LIMIT = 300;
const COE_LIMIT = 200;

export async function buildAgenda(series: SeriesRow, week: IsoWeek): Promise<Agenda> {
  const isoWeek = formatIsoWeek(week);
  const window = weekWindow(week, series);
  const [teams, org] = await Promise.all([
    db.team.findMany({ where: { organizationId: series.organizationId }, select: { id: true, parentId: true, name: true } }),
    db.organization.findUnique({ where: { id: series.organizationId }, select: { escalationGraceDays: true } }),
  ]);
  const teamIds = subtreeIds(teams, series.teamId);
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  const previousWeek = formatIsoWeek(addWeeks(week, -1));
  const [review, previous, coes, actions, metrics, wheelHistory, wheelServices, subTeams] = await Promise.all([
    db.weeklyReview.findUnique({
      where: { seriesId_isoWeek: { seriesId: series.id, isoWeek } },
      select: { id: true, status: true, version: true, agendaEdits: true, submissions: { select: { id: true, kind: true, title: true, body: true, author: { select: { name: true } } }, orderBy: { createdAt: "asc" } } },
    }),
    db.weeklyReview.findUnique({ where: { seriesId_isoWeek: { seriesId: series.id, isoWeek: previousWeek } }, select: { status: true, carriedOver: true } }),
    db.coe.findMany({
      where: {
        organizationId: series.organizationId,
        teamId: { in: teamIds },
        OR: [
          { createdAt: { gte: window.from, lt: window.to } },
          { approvedAt: { gte: window.from, lt: window.to } },
          { status: "IN_REVIEW", submittedAt: { lt: window.to } },
        ],
      },
      select: { id: true, title: true, severity: true, status: true, teamId: true, approvedAt: true, submittedAt: true, createdAt: true, lessonsLearned: true },
      orderBy: { createdAt: "desc" },
      take: COE_LIMIT,
    }),
    db.correctiveAction.findMany({
      where: {
        organizationId: series.organizationId,
        teamId: { in: teamIds },
        OR: [{ status: { notIn: [...FINISHED] }, dueDate: { lt: window.to } }, { completedAt: { gte: window.from, lt: window.to } }],
      },
      select: { id: true, title: true, status: true, priority: true, dueDate: true, teamId: true, completedAt: true, version: true, owner: { select: { name: true } } },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: ACTION_LIMIT,
    }),
    metricOverviews(series.organizationId, teamIds),
    db.reviewWheelPick.findMany({ where: { seriesId: series.id }, select: { serviceId: true, isoWeek: true } }),
    db.service.findMany({
      where: { organizationId: series.organizationId, teamId: { in: teamIds }, metrics: { some: { archivedAt: null } } },
      select: { id: true, name: true, teamId: true },
    }),
    series.subTeamSummary ? subTeamLines(series, teams, window) : Promise.resolve([]),
  ]);

  const flagged = metrics.filter((metric) => metric.flags.length > 0).sort((a, b) => flagWeight(b.flags) - flagWeight(a.flags) || a.serviceName.localeCompare(b.serviceName));
  const wheelServiceId = wheelPickFor(series.id, week, wheelHistory, wheelServices.map((service) => service.id));
  const wheelService = wheelServices.find((service) => service.id === wheelServiceId);
  const data: WeekData = {
    series: { id: series.id, name: series.name, teamId: series.teamId, teamName: series.team.name, timeZone: series.timeZone, weekday: series.weekday, startMinute: series.startMinute, lengthMinutes: series.lengthMinutes },
    isoWeek,
    window,
    review: review ? { id: review.id, status: review.status, version: review.version } : { id: null, status: "PLANNED", version: 0 },
    teams,
    graceDays: org?.escalationGraceDays ?? [],
    coes: coes.map((coe) => ({
      id: coe.id,
      title: coe.title,
      severity: coe.severity,
      status: coe.status,
      teamId: coe.teamId,
      teamName: teamName.get(coe.teamId) ?? "",
      approvedAt: coe.approvedAt?.toISOString() ?? null,
      submittedAt: coe.submittedAt?.toISOString() ?? null,
      createdAt: coe.createdAt.toISOString(),
      lessonsLearned: coe.lessonsLearned,
    })),
    actions: actions.map((action) => {
      const finished = (FINISHED as readonly string[]).includes(action.status);
      return {
        id: action.id,
        title: action.title,
        status: action.status,
        priority: action.priority,
        dueDate: action.dueDate ? action.dueDate.toISOString().slice(0, 10) : null,
        ownerName: action.owner?.name ?? null,
        teamId: action.teamId,
        teamName: teamName.get(action.teamId) ?? "",
        daysOverdue: action.dueDate && !finished ? Math.max(0, daysOverdue(action.dueDate, window.meetingDate)) : null,
        version: action.version,
        completedAt: action.completedAt?.toISOString() ?? null,
        finished,
      };
    }),
    flaggedMetrics: flagged.map(metricRef),
    wheel: {
      service: wheelService ? { id: wheelService.id, name: wheelService.name, teamName: teamName.get(wheelService.teamId) ?? "" } : null,
      metrics: metrics.filter((metric) => metric.serviceId === wheelServiceId).map(metricRef),
    },
    submissions: (review?.submissions ?? []).map(
      (submission): SubmissionRef => ({ id: submission.id, kind: submission.kind, title: submission.title, body: submission.body, authorName: submission.author?.name ?? null }),
    ),
    carried: previous?.status === "PUBLISHED" ? readCarried(previous.carriedOver) : [],
    edits: readEdits(review?.agendaEdits),
    subTeams,
  };
  return composeAgenda(data);
}

function metricRef(metric: MetricOverview): MetricRef {
  return {
    id: metric.id,
    name: metric.name,
    unit: metric.unit,
    serviceId: metric.serviceId,
    serviceName: metric.serviceName,
    latestValue: metric.latestValue,
    target: metric.target,
    direction: metric.direction,
    thisWeek: metric.thisWeek,
    lastWeek: metric.lastWeek,
    flags: metric.flags.map((flag) => (flag.kind === "breach" ? `Target ${flag.target} breached` : `${flag.changePct > 0 ? "+" : ""}${flag.changePct.toFixed(0)}% week over week`)),
  };
}

function readCarried(value: unknown): CarriedItem[] {
  return Array.isArray(value) ? (value as CarriedItem[]).filter((item) => typeof item?.key === "string" && typeof item.title === "string") : [];
}

/** One line per direct sub-team, each counting its own whole subtree: three aggregates in one statement. */
async function subTeamLines(series: SeriesRow, teams: readonly { id: string; parentId: string | null; name: string }[], window: WeekWindow): Promise<SubTeamLine[]> {
  const children = teams.filter((team) => team.parentId === series.teamId);
  if (children.length === 0) return [];
  const pairs = children.flatMap((child) => subtreeIds(teams, child.id).map((teamId) => [teamId, child.id] as const));
  const recentFrom = new Date(window.to.getTime() - 28 * DAY_MS);
  const previousFrom = new Date(window.to.getTime() - 56 * DAY_MS);
  const rows = await db.$queryRaw<{ child_id: string; overdue: number; new_coes: number; recent: unknown; previous: unknown }[]>`
    WITH map AS (SELECT * FROM unnest(${pairs.map((pair) => pair[0])}::text[], ${pairs.map((pair) => pair[1])}::text[]) AS m(team_id, child_id)),
    overdue AS (
      SELECT m.child_id, count(*)::int AS n FROM corrective_actions a JOIN map m ON m.team_id = a.team_id
      WHERE a.organization_id = ${series.organizationId} AND a.status IN ('OPEN', 'IN_PROGRESS') AND a.due_date < ${window.meetingDate.toISOString().slice(0, 10)}::date
      GROUP BY 1),
    fresh AS (
      SELECT m.child_id, count(*)::int AS n FROM coes c JOIN map m ON m.team_id = c.team_id
      WHERE c.organization_id = ${series.organizationId} AND c.created_at >= ${utc(window.from)} AND c.created_at < ${utc(window.to)}
      GROUP BY 1),
    ttr AS (
      SELECT m.child_id,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM c.resolved_at - c.started_at)) FILTER (WHERE c.started_at >= ${utc(recentFrom)}) AS recent,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM c.resolved_at - c.started_at)) FILTER (WHERE c.started_at < ${utc(recentFrom)}) AS previous
      FROM coes c JOIN map m ON m.team_id = c.team_id
      WHERE c.organization_id = ${series.organizationId} AND c.status::text IN (${Prisma.join([...COUNTED_STATUSES])})
        AND c.resolved_at >= c.started_at AND c.started_at >= ${utc(previousFrom)} AND c.started_at < ${utc(window.to)}
      GROUP BY 1)
    SELECT k.child_id, coalesce(o.n, 0) AS overdue, coalesce(f.n, 0) AS new_coes, t.recent, t.previous
    FROM (SELECT DISTINCT child_id FROM map) k
    LEFT JOIN overdue o ON o.child_id = k.child_id LEFT JOIN fresh f ON f.child_id = k.child_id LEFT JOIN ttr t ON t.child_id = k.child_id`;
  const byChild = new Map(rows.map((row) => [row.child_id, row]));
  return children
    .toSorted((a, b) => a.name.localeCompare(b.name))
    .map((child) => {
      const row = byChild.get(child.id);
      const recent = num(row?.recent);
      const previous = num(row?.previous);
      return {
        teamId: child.id,
        teamName: child.name,
        overdueActions: Number(row?.overdue ?? 0),
        newCoes: Number(row?.new_coes ?? 0),
        mttrHours: recent === null ? null : recent / 3600,
        previousMttrHours: previous === null ? null : previous / 3600,
        mttrChangePct: recent !== null && previous !== null && previous > 0 ? ((recent - previous) / previous) * 100 : null,
      };
    });
}
