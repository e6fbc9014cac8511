import { daysOverdue, escalationLevel } from "@/lib/actions/escalation";
import { ancestorIds } from "@/lib/org/tree";
import { findingsBlock, NO_FINDINGS, type AgendaFindings } from "@/lib/policies/agenda-source";
import type { TeamNode } from "@/lib/org/tree";
import { applyEdits, type AgendaEdits } from "@/lib/reviews/agenda-edits";
import type {
  ActionRef,
  Agenda,
  AgendaDetail,
  AgendaSection,
  BuiltItem,
  CarriedItem,
  CoeRef,
  LessonRef,
  MetricRef,
  SourceBlock,
  SubmissionRef,
  SubTeamLine,
} from "@/lib/reviews/agenda-types";
import { localTimeLabel, type WeekWindow } from "@/lib/reviews/iso-week";
import { planSlots } from "@/lib/reviews/slotting";

/**
 * Turns a week's data into the agenda, in the typical order of the meeting. Pure: the queries in
 * agenda-data.ts fetch, this decides, so the shape of the meeting is tested without a database.
 */
export type WeekData = {
  series: Agenda["series"];
  isoWeek: string;
  window: WeekWindow;
  review: Agenda["review"];
  teams: readonly TeamNode[];
  graceDays: readonly number[];
  coes: (CoeRef & { teamId: string; lessonsLearned: string })[];
  actions: (ActionRef & { teamId: string; completedAt: string | null; finished: boolean })[];
  flaggedMetrics: MetricRef[];
  wheel: { service: { id: string; name: string; teamName: string } | null; metrics: MetricRef[] };
  submissions: SubmissionRef[];
  carried: CarriedItem[];
  edits: AgendaEdits;
  subTeams: SubTeamLine[];
  /** What the providers of other domains contribute, by the section whose item shows it. */
  sources?: Partial<Record<AgendaSection, SourceBlock[]>>;
  /** The subtree's open policy findings and ending waivers, shown with the key service metrics. */
  findings?: AgendaFindings;
};

/**
 * COEs are reviewed inside the "Review COEs" item: one slot per COES_PER_SLOT COEs, up to
 * MAX_COE_SLOTS. COEs beyond what the item's slots hold are deferred to next week, the least severe
 * first; when the meeting is short the item shrinks (down to one slot) before a typical item is dropped.
 */
export const COES_PER_SLOT = 3;
export const MAX_COE_SLOTS = 3;
/** The five items every weekly review has, by key, in their typical order. */
export const TYPICAL_ITEM_KEYS = ["successes", "actions", "coes", "metrics", "best-practices"] as const;
const SEVERITY_RANK: Record<string, number> = { SEV1: 0, SEV2: 1, SEV3: 2, SEV4: 3 };
const inWindow = (value: string | null, window: WeekWindow) => value !== null && value >= window.from.toISOString() && value < window.to.toISOString();
const day = (date: Date) => date.toISOString().slice(0, 10);

export function builtItems(data: WeekData): BuiltItem[] {
  const { window } = data;
  const meetingDay = day(window.meetingDate);
  const weekEndDay = day(new Date(window.meetingDate.getTime() + (8 - (window.meetingDate.getUTCDay() || 7)) * 86_400_000));
  const open = data.actions.filter((action) => !action.finished);
  const overdue = open.filter((action) => action.dueDate !== null && action.dueDate < meetingDay).toSorted((a, b) => a.dueDate!.localeCompare(b.dueDate!));
  const dueThisWeek = open.filter((action) => action.dueDate !== null && action.dueDate >= meetingDay && action.dueDate < weekEndDay);
  const reachesSeriesTeam = escalationReach(data.teams, data.series.teamId, data.graceDays, window.meetingDate);
  const escalated = overdue.filter((action) => action.teamId !== data.series.teamId && reachesSeriesTeam(action.teamId, action.dueDate!));
  const completed = data.actions.filter((action) => inWindow(action.completedAt, window));
  const coesOpened = data.coes.filter((coe) => inWindow(coe.createdAt, window));
  const coesApproved = data.coes.filter((coe) => inWindow(coe.approvedAt, window));
  const toReview = data.coes
    .filter((coe) => inWindow(coe.approvedAt, window) || (coe.status === "IN_REVIEW" && coe.submittedAt !== null && coe.submittedAt < window.to.toISOString()))
    .toSorted((a, b) => (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) || a.title.localeCompare(b.title));
  const lessons: LessonRef[] = coesApproved
    .filter((coe) => coe.lessonsLearned.trim() !== "")
    .map((coe) => ({ coeId: coe.id, coeTitle: coe.title, lessons: coe.lessonsLearned.slice(0, 600) }));
  const strip = <T extends object>(rows: T[]) => rows.map(stripInternal) as unknown as T[];

  const items: BuiltItem[] = [
    {
      key: "successes",
      section: "successes",
      title: "Share successes and failings",
      slots: 1,
      typical: true,
      detail: {
        kind: "successes",
        coesOpened: strip(coesOpened),
        coesApproved: strip(coesApproved),
        actionsCompleted: strip(completed),
        submissions: data.submissions.filter((submission) => submission.kind !== "BEST_PRACTICE"),
        sources: data.sources?.successes ?? [],
      },
    },
    {
      key: "actions",
      section: "actions",
      title: `Action items follow-up (${overdue.length} overdue, ${dueThisWeek.length} due this week)`,
      slots: overdue.length + dueThisWeek.length > 8 ? 2 : 1,
      typical: true,
      detail: { kind: "actions", overdue: strip(overdue), dueThisWeek: strip(dueThisWeek), escalated: strip(escalated) },
    },
    {
      key: "coes",
      section: "coes",
      title: toReview.length === 0 ? "Review COEs (none this week)" : `Review COEs (${toReview.length})`,
      slots: coeSlots(toReview.length),
      minSlots: 1,
      typical: true,
      detail: { kind: "coeList", coes: strip(toReview), deferred: [] },
    },
    metricsItem(data),
  ];
  if (data.wheel.service) {
    items.push({
      key: "wheel",
      section: "metrics",
      title: `Wheel: ${data.wheel.service.name} presents its dashboard`,
      slots: 1,
      detail: { kind: "wheel", ...data.wheel },
    });
  }
  items.push({
    key: "best-practices",
    section: "bestPractices",
    title: "Identify new best practices",
    slots: 1,
    typical: true,
    detail: { kind: "bestPractices", lessons, proposals: data.submissions.filter((submission) => submission.kind === "BEST_PRACTICE") },
  });
  return items;
}

/** More flagged metrics and findings to discuss than this take a second slot. */
const METRICS_ITEM_ROWS_PER_SLOT = 8;

/**
 * "Key service metrics": the flagged metrics, and the subtree's policy findings beside them (the
 * title counts the flagged metrics, the new findings and the ending waivers).
 */
function metricsItem(data: WeekData): BuiltItem {
  const findings = data.findings ?? NO_FINDINGS;
  const flagged = data.flaggedMetrics.length;
  const parts = [
    ...(flagged > 0 ? [`${flagged} flagged`] : []),
    ...(findings.newThisWeek > 0 ? [`${findings.newThisWeek} new finding${findings.newThisWeek === 1 ? "" : "s"}`] : []),
    ...(findings.expiring > 0 ? [`${findings.expiring} waiver${findings.expiring === 1 ? "" : "s"} ending`] : []),
  ];
  return {
    key: "metrics",
    section: "metrics",
    title: parts.length > 0 ? `Key service metrics: ${parts.join(", ")}` : "Key service metrics",
    slots: flagged + findings.open + findings.expiring > METRICS_ITEM_ROWS_PER_SLOT ? 2 : 1,
    typical: true,
    detail: { kind: "metrics", metrics: data.flaggedMetrics, sources: [...(data.sources?.metrics ?? []), findingsBlock(findings, data.window)] },
  };
}

/** The slots the COE review asks for: one per COES_PER_SLOT COEs, at least one, at most MAX_COE_SLOTS. */
export function coeSlots(count: number): number {
  return Math.min(MAX_COE_SLOTS, Math.max(1, Math.ceil(count / COES_PER_SLOT)));
}

/**
 * The COE review as scheduled: the COEs its slots hold, most severe first, are reviewed; the rest
 * are deferred to next week (the least severe first). A deferred item reviews none of them.
 */
function splitCoeReview<T extends { key: string; title: string; slots: number; detail: AgendaDetail }>(item: T, scheduled: boolean): T {
  if (item.detail.kind !== "coeList") return item;
  const all = [...item.detail.coes, ...(item.detail.deferred ?? [])];
  const room = scheduled ? item.slots * COES_PER_SLOT : 0;
  const reviewed = all.slice(0, room);
  const deferred = all.slice(room);
  const title = scheduled && deferred.length > 0 ? `Review COEs (${reviewed.length} of ${all.length}; ${deferred.length} less severe deferred)` : item.title;
  return { ...item, title, detail: { kind: "coeList", coes: reviewed, deferred } };
}

/**
 * Whether an overdue action of a team has escalated up to the series' team: `escalationOf`'s
 * chain, with one ancestor chain per team instead of one tree lookup per action.
 */
function escalationReach(teams: readonly TeamNode[], seriesTeamId: string, graceDays: readonly number[], meetingDate: Date) {
  const chains = new Map<string, string[]>();
  return (teamId: string, dueDate: string): boolean => {
    const level = escalationLevel(daysOverdue(new Date(`${dueDate}T00:00:00Z`), meetingDate), graceDays);
    if (level === null) return false;
    let chain = chains.get(teamId);
    if (!chain) {
      chain = ancestorIds(teams, teamId);
      chains.set(teamId, chain);
    }
    const position = chain.indexOf(seriesTeamId);
    return position >= 0 && position <= Math.min(level, chain.length - 1);
  };
}

function stripInternal<T extends object>(row: T): Omit<T, "teamId" | "lessonsLearned" | "completedAt" | "finished"> {
  const { teamId: _teamId, lessonsLearned: _lessons, completedAt: _completed, finished: _finished, ...rest } = row as T & Record<string, unknown>;
  return rest as Omit<T, "teamId" | "lessonsLearned" | "completedAt" | "finished">;
}

export function composeAgenda(data: WeekData): Agenda {
  const built = builtItems(data);
  const items = applyEdits(built, data.carried, data.edits);
  const removedKeys = new Set(data.edits.removed);
  const removed = [...built, ...data.carried].filter((item) => removedKeys.has(item.key)).map((item) => ({ key: item.key, title: item.title }));
  const plan = planSlots(items, data.series.lengthMinutes, data.window.meetingStartsAt);
  return {
    series: data.series,
    isoWeek: data.isoWeek,
    window: {
      from: data.window.from.toISOString(),
      to: data.window.to.toISOString(),
      meetingDate: day(data.window.meetingDate),
      meetingStartsAt: data.window.meetingStartsAt.toISOString(),
    },
    review: data.review,
    items: plan.scheduled.map((item) => ({
      ...splitCoeReview(item, true),
      startsAt: item.startsAt.toISOString(),
      startLabel: localTimeLabel(item.startsAt, data.series.timeZone),
    })),
    deferred: plan.deferred.map((item) => splitCoeReview(item, false)),
    removed: removed.filter((item, index) => removed.findIndex((other) => other.key === item.key) === index),
    totalSlots: plan.totalSlots,
    usedSlots: plan.usedSlots,
    overrunSlots: plan.overrunSlots,
    subTeams: data.subTeams,
  };
}
