import "server-only";
import { db } from "@/lib/db";
import { DAY_MS } from "@/lib/metrics/incident-sql";
import { flagWeight, metricFlags } from "@/lib/metrics/stats";
import { daysOverdue } from "@/lib/actions/escalation";
import { orgTeamTree } from "@/lib/org/queries";
import { subtreeIds } from "@/lib/org/tree";
import type { SeriesRow } from "@/lib/reviews/access";
import { agendaActions, agendaCoes, agendaMetrics, FINISHED_ACTION_STATUSES, subTeamCounts, type AgendaMetricRow, type AgendaScope } from "@/lib/reviews/agenda-reads";
import { readEdits, type AgendaEdits } from "@/lib/reviews/agenda-edits";
import type { Agenda, CarriedItem, MetricRef, SubmissionRef, SubTeamLine } from "@/lib/reviews/agenda-types";
import { composeAgenda, type WeekData } from "@/lib/reviews/compose-agenda";
import { addWeeks, formatIsoWeek, weekWindow, type IsoWeek, type WeekWindow } from "@/lib/reviews/iso-week";
import { wheelPickFor } from "@/lib/reviews/wheel";

/**
 * Fetches one week's data for a series' team and its whole subtree, and composes the agenda. A
 * fixed number of statements run in parallel whatever the size of the org (no query per item):
 * the organization's team tree (shared with the session, once per request), the series' own
 * rows in one statement, and one statement per section (agenda-reads.ts).
 */
export async function buildAgenda(series: SeriesRow, week: IsoWeek): Promise<Agenda> {
  return (await loadAgenda(series, week)).agenda;
}

/** The agenda and the organizer's stored edits it was built with (the week page's editor starts from them). */
export async function loadAgenda(series: SeriesRow, week: IsoWeek): Promise<{ agenda: Agenda; edits: AgendaEdits }> {
  const isoWeek = formatIsoWeek(week);
  const window = weekWindow(week, series);
  const teams = await orgTeamTree(series.organizationId);
  const scope: AgendaScope = { organizationId: series.organizationId, teamIds: subtreeIds(teams, series.teamId) };
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  const previousWeek = formatIsoWeek(addWeeks(week, -1));
  const [own, coes, actions, metrics, subTeams] = await Promise.all([
    db.reviewSeries.findFirst({
      where: { id: series.id, organizationId: series.organizationId },
      select: {
        organization: { select: { escalationGraceDays: true } },
        reviews: {
          where: { isoWeek: { in: [isoWeek, previousWeek] } },
          select: {
            id: true,
            isoWeek: true,
            status: true,
            version: true,
            agendaEdits: true,
            carriedOver: true,
            submissions: { select: { id: true, kind: true, title: true, body: true, author: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
          },
        },
        wheelPicks: { select: { serviceId: true, isoWeek: true } },
      },
    }),
    agendaCoes(scope, window),
    agendaActions(scope, window),
    agendaMetrics(scope),
    series.subTeamSummary ? subTeamLines(series, teams, window) : Promise.resolve([]),
  ]);
  const review = own?.reviews.find((row) => row.isoWeek === isoWeek) ?? null;
  const previous = own?.reviews.find((row) => row.isoWeek === previousWeek) ?? null;

  // The wheel's candidates: the subtree's services with an active metric.
  const wheelServices = new Map(metrics.map((metric) => [metric.serviceId, { id: metric.serviceId, name: metric.serviceName, teamId: metric.teamId }]));
  const flagged = metrics
    .map((metric) => ({ metric, flags: flagsOf(metric) }))
    .filter((entry) => entry.flags.length > 0)
    .sort((a, b) => flagWeight(b.flags) - flagWeight(a.flags) || a.metric.serviceName.localeCompare(b.metric.serviceName));
  const wheelServiceId = wheelPickFor(series.id, week, own?.wheelPicks ?? [], [...wheelServices.keys()]);
  const wheelService = wheelServiceId ? wheelServices.get(wheelServiceId) : undefined;
  const edits = readEdits(review?.agendaEdits);
  const data: WeekData = {
    series: { id: series.id, name: series.name, teamId: series.teamId, teamName: series.team.name, timeZone: series.timeZone, weekday: series.weekday, startMinute: series.startMinute, lengthMinutes: series.lengthMinutes },
    isoWeek,
    window,
    review: review ? { id: review.id, status: review.status, version: review.version } : { id: null, status: "PLANNED", version: 0 },
    teams,
    graceDays: own?.organization.escalationGraceDays ?? [],
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
      const finished = (FINISHED_ACTION_STATUSES as readonly string[]).includes(action.status);
      return {
        id: action.id,
        title: action.title,
        status: action.status,
        priority: action.priority,
        dueDate: action.dueDate,
        ownerName: action.ownerName,
        teamId: action.teamId,
        teamName: teamName.get(action.teamId) ?? "",
        daysOverdue: action.dueDate && !finished ? Math.max(0, daysOverdue(new Date(`${action.dueDate}T00:00:00Z`), window.meetingDate)) : null,
        version: action.version,
        completedAt: action.completedAt?.toISOString() ?? null,
        finished,
      };
    }),
    flaggedMetrics: flagged.map((entry) => metricRef(entry.metric, entry.flags)),
    wheel: {
      service: wheelService ? { id: wheelService.id, name: wheelService.name, teamName: teamName.get(wheelService.teamId) ?? "" } : null,
      metrics: metrics.filter((metric) => metric.serviceId === wheelServiceId).map((metric) => metricRef(metric, flagsOf(metric))),
    },
    submissions: (review?.submissions ?? []).map(
      (submission): SubmissionRef => ({ id: submission.id, kind: submission.kind, title: submission.title, body: submission.body, authorName: submission.author?.name ?? null }),
    ),
    carried: previous?.status === "PUBLISHED" ? readCarried(previous.carriedOver) : [],
    edits,
    subTeams,
  };
  return { agenda: composeAgenda(data), edits };
}

type MetricFlags = ReturnType<typeof metricFlags>;

function flagsOf(metric: AgendaMetricRow): MetricFlags {
  return metricFlags({ latest: metric.latestValue, thisWeek: metric.thisWeek, lastWeek: metric.lastWeek, target: metric.target, thresholdPct: metric.anomalyThresholdPct, direction: metric.direction });
}

function metricRef(metric: AgendaMetricRow, flags: MetricFlags): MetricRef {
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
    flags: flags.map((flag) => (flag.kind === "breach" ? `Target ${flag.target} breached` : `${flag.changePct > 0 ? "+" : ""}${flag.changePct.toFixed(0)}% week over week`)),
  };
}

function readCarried(value: unknown): CarriedItem[] {
  return Array.isArray(value) ? (value as CarriedItem[]).filter((item) => typeof item?.key === "string" && typeof item.title === "string") : [];
}

/** One line per direct sub-team, each counting its own whole subtree. */
async function subTeamLines(series: SeriesRow, teams: readonly { id: string; parentId: string | null; name: string }[], window: WeekWindow): Promise<SubTeamLine[]> {
  const children = teams.filter((team) => team.parentId === series.teamId);
  if (children.length === 0) return [];
  const pairs = children.flatMap((child) => subtreeIds(teams, child.id).map((teamId) => [teamId, child.id] as const));
  const recentFrom = new Date(window.to.getTime() - 28 * DAY_MS);
  const previousFrom = new Date(window.to.getTime() - 56 * DAY_MS);
  const rows = await subTeamCounts(series.organizationId, pairs, window, recentFrom, previousFrom);
  const byChild = new Map(rows.map((row) => [row.childId, row]));
  return children
    .toSorted((a, b) => a.name.localeCompare(b.name))
    .map((child) => {
      const row = byChild.get(child.id);
      const recent = row?.recentTtr ?? null;
      const previous = row?.previousTtr ?? null;
      return {
        teamId: child.id,
        teamName: child.name,
        overdueActions: row?.overdue ?? 0,
        newCoes: row?.newCoes ?? 0,
        mttrHours: recent === null ? null : recent / 3600,
        previousMttrHours: previous === null ? null : previous / 3600,
        mttrChangePct: recent !== null && previous !== null && previous > 0 ? ((recent - previous) / previous) * 100 : null,
      };
    });
}
