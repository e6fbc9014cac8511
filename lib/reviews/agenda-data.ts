import "server-only";
import { flagWeight, metricFlags } from "@/lib/metrics/stats";
import { formatChange, formatValue } from "@/lib/metrics/format";
import { daysOverdue } from "@/lib/actions/escalation";
import { orgTeamTree } from "@/lib/org/queries";
import { subtreeIds } from "@/lib/org/tree";
import type { SeriesRow } from "@/lib/reviews/access";
import { FINISHED_ACTION_STATUSES } from "@/lib/actions/labels";
import { readAgendaRows, type AgendaMetricRow, type SubTeamCounts } from "@/lib/reviews/agenda-reads";
import { readEdits, type AgendaEdits } from "@/lib/reviews/agenda-edits";
import { loadSourceBlocks } from "@/lib/reviews/agenda-sources";
import type { Agenda, CarriedItem, MetricRef, SubTeamLine } from "@/lib/reviews/agenda-types";
import { composeAgenda, type WeekData } from "@/lib/reviews/compose-agenda";
import { addWeeks, formatIsoWeek, weekWindow, type IsoWeek } from "@/lib/reviews/iso-week";
import { wheelPickFor } from "@/lib/reviews/wheel";

/**
 * Fetches one week's data for a series' team and its whole subtree, and composes the agenda. Two
 * reads whatever the size of the org: the organization's team tree (shared with the session, once
 * per request) and one statement for the rest, policy findings included (agenda-reads.ts); beside it, one read per provider
 * of another domain (agenda-sources.ts).
 */
export async function buildAgenda(series: SeriesRow, week: IsoWeek): Promise<Agenda> {
  return (await loadAgenda(series, week)).agenda;
}

/** The agenda and the organizer's stored edits it was built with (the week page's editor starts from them). */
export async function loadAgenda(series: SeriesRow, week: IsoWeek): Promise<{ agenda: Agenda; edits: AgendaEdits }> {
  const isoWeek = formatIsoWeek(week);
  const window = weekWindow(week, series);
  const teams = await orgTeamTree(series.organizationId);
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  const previousWeek = formatIsoWeek(addWeeks(week, -1));
  const children = series.subTeamSummary ? teams.filter((team) => team.parentId === series.teamId).toSorted((a, b) => a.name.localeCompare(b.name)) : [];
  const teamIds = subtreeIds(teams, series.teamId);
  const [rows, sources] = await Promise.all([
    readAgendaRows({
      seriesId: series.id,
      isoWeeks: [isoWeek, previousWeek],
      scope: { organizationId: series.organizationId, teamIds },
      window,
      subTeamPairs: children.flatMap((child) => subtreeIds(teams, child.id).map((teamId) => [teamId, child.id] as const)),
    }),
    loadSourceBlocks({ organizationId: series.organizationId, teamIds, window, timeZone: series.timeZone }),
  ]);
  const review = rows.reviews.find((row) => row.isoWeek === isoWeek) ?? null;
  const previous = rows.reviews.find((row) => row.isoWeek === previousWeek) ?? null;

  // The wheel's candidates: the subtree's services with an active metric.
  const wheelServices = new Map(rows.metrics.map((metric) => [metric.serviceId, { id: metric.serviceId, name: metric.serviceName, teamId: metric.teamId }]));
  const flagged = rows.metrics
    .map((metric) => ({ metric, flags: flagsOf(metric) }))
    .filter((entry) => entry.flags.length > 0)
    .sort((a, b) => flagWeight(b.flags) - flagWeight(a.flags) || a.metric.serviceName.localeCompare(b.metric.serviceName));
  const wheelServiceId = wheelPickFor(series.id, week, rows.wheelPicks, [...wheelServices.keys()]);
  const wheelService = wheelServiceId ? wheelServices.get(wheelServiceId) : undefined;
  const edits = readEdits(review?.agendaEdits);
  const data: WeekData = {
    series: {
      id: series.id,
      name: series.name,
      teamId: series.teamId,
      teamName: series.team.name,
      timeZone: series.timeZone,
      weekday: series.weekday,
      startMinute: series.startMinute,
      lengthMinutes: series.lengthMinutes,
    },
    isoWeek,
    window,
    review: review ? { id: review.id, status: review.status, version: review.version } : { id: null, status: "PLANNED", version: 0 },
    teams,
    graceDays: rows.graceDays ?? [],
    coes: rows.coes.map((coe) => ({
      id: coe.id,
      title: coe.title,
      severity: coe.severity,
      status: coe.status,
      teamId: coe.teamId,
      teamName: teamName.get(coe.teamId) ?? "",
      approvedAt: coe.approvedAt,
      submittedAt: coe.submittedAt,
      createdAt: coe.createdAt,
      lessonsLearned: coe.lessonsLearned,
    })),
    actions: rows.actions.map((action) => {
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
        completedAt: action.completedAt,
        finished,
      };
    }),
    flaggedMetrics: flagged.map((entry) => metricRef(entry.metric, entry.flags)),
    wheel: {
      service: wheelService ? { id: wheelService.id, name: wheelService.name, teamName: teamName.get(wheelService.teamId) ?? "" } : null,
      metrics: rows.metrics.filter((metric) => metric.serviceId === wheelServiceId).map((metric) => metricRef(metric, flagsOf(metric))),
    },
    submissions: review?.submissions ?? [],
    carried: previous?.status === "PUBLISHED" ? readCarried(previous.carriedOver) : [],
    edits,
    subTeams: subTeamLines(children, rows.subTeams),
    sources,
    findings: rows.findings,
  };
  return { agenda: composeAgenda(data), edits };
}

type MetricFlags = ReturnType<typeof metricFlags>;

function flagsOf(metric: AgendaMetricRow): MetricFlags {
  return metricFlags({
    latest: metric.latestValue,
    thisWeek: metric.thisWeek,
    lastWeek: metric.lastWeek,
    target: metric.target,
    thresholdPct: metric.anomalyThresholdPct,
    direction: metric.direction,
  });
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
    flags: flags.map((flag) =>
      flag.kind === "breach" ? `Target ${formatValue(flag.target, metric.unit)} breached` : `${formatChange(flag.changePct)} week over week`,
    ),
  };
}

function readCarried(value: unknown): CarriedItem[] {
  return Array.isArray(value) ? (value as CarriedItem[]).filter((item) => typeof item?.key === "string" && typeof item.title === "string") : [];
}

/** One line per direct sub-team (by name), each counting its own whole subtree. */
function subTeamLines(children: readonly { id: string; name: string }[], counts: readonly SubTeamCounts[]): SubTeamLine[] {
  const byChild = new Map(counts.map((row) => [row.childId, row]));
  return children.map((child) => {
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
