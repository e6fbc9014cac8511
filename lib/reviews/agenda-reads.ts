import "server-only";
import { FINISHED_ACTION_STATUSES } from "@/lib/actions/labels";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { COUNTED_STATUSES, DAY_MS, utc } from "@/lib/metrics/incident-sql";
import { AGENDA_FINDING_LIMIT, type AgendaFindings } from "@/lib/policies/agenda-source";
import type { WeekWindow } from "@/lib/reviews/iso-week";

/**
 * Everything one week's agenda reads, in one statement: the series' two reviews (this week's and
 * last week's), its wheel picks, the organization's grace days, and one section per subquery over
 * the subtree's COEs, actions, metrics and policy findings. Each section walks an index to exactly the rows it
 * shows, and each comes back as one JSON value (dates as ISO strings): a few hundred rows cost
 * the server one JSON.parse instead of a driver conversion per column and row.
 */
type AgendaScope = { organizationId: string; teamIds: readonly string[] };

const ACTION_LIMIT = 300;
const COE_LIMIT = 200;

type AgendaCoeRow = {
  id: string;
  title: string;
  severity: string;
  status: string;
  teamId: string;
  approvedAt: string | null;
  submittedAt: string | null;
  createdAt: string;
  lessonsLearned: string;
};
type AgendaActionRow = {
  id: string;
  title: string;
  status: string;
  priority: string;
  dueDate: string | null;
  teamId: string;
  completedAt: string | null;
  version: number;
  ownerName: string | null;
};
export type AgendaMetricRow = {
  id: string;
  name: string;
  unit: string;
  direction: "UP" | "DOWN";
  target: number | null;
  anomalyThresholdPct: number | null;
  serviceId: string;
  serviceName: string;
  teamId: string;
  latestValue: number | null;
  thisWeek: number | null;
  lastWeek: number | null;
};
export type SubTeamCounts = { childId: string; overdue: number; newCoes: number; recentTtr: number | null; previousTtr: number | null };
type AgendaSubmissionRow = { id: string; kind: "SUCCESS" | "FAILING" | "BEST_PRACTICE"; title: string; body: string; authorName: string | null };
type AgendaReviewRow = {
  id: string;
  isoWeek: string;
  status: "PLANNED" | "RUNNING" | "PUBLISHED";
  version: number;
  agendaEdits: unknown;
  carriedOver: unknown;
  submissions: AgendaSubmissionRow[];
};

export type AgendaRows = {
  graceDays: number[] | null;
  reviews: AgendaReviewRow[];
  wheelPicks: { serviceId: string; isoWeek: string }[];
  coes: AgendaCoeRow[];
  actions: AgendaActionRow[];
  metrics: AgendaMetricRow[];
  subTeams: SubTeamCounts[];
  findings: AgendaFindings;
};

export type AgendaReadInput = {
  seriesId: string;
  isoWeeks: readonly string[];
  scope: AgendaScope;
  window: WeekWindow;
  /** `[teamId, childId]` for every team under each direct sub-team; empty skips the sub-team counts. */
  subTeamPairs: readonly (readonly [string, string])[];
};

/** The timestamp(3) columns (UTC) as `Date#toISOString` writes them. */
const iso = (column: string) => Prisma.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** A metric row as metricsJson selects it. */
type MetricTuple = [
  id: string,
  name: string,
  unit: string,
  direction: "UP" | "DOWN",
  target: number | null,
  anomalyThresholdPct: number | null,
  serviceId: string,
  serviceName: string,
  teamId: string,
  latestValue: number | null,
  thisWeek: number | null,
  lastWeek: number | null,
];

export async function readAgendaRows(input: AgendaReadInput): Promise<AgendaRows> {
  const { scope } = input;
  // As text, parsed here: the driver's JSON handling of a value this size costs several times JSON.parse.
  const [row] = await db.$queryRaw<{ data: string }[]>`
    SELECT json_build_object(
      'graceDays', (SELECT o.escalation_grace_days FROM organizations o WHERE o.id = ${scope.organizationId}),
      'reviews', ${reviewsJson(input)},
      'wheelPicks', (SELECT coalesce(json_agg(json_build_object('serviceId', w.service_id, 'isoWeek', w.iso_week)), '[]') FROM review_wheel_picks w WHERE w.series_id = ${input.seriesId}),
      'coes', ${coesJson(scope, input.window)},
      'actions', ${actionsJson(scope, input.window)},
      'metrics', ${metricsJson(scope)},
      'findings', ${findingsJson(scope, input.window)},
      'subTeams', ${input.subTeamPairs.length > 0 ? subTeamsJson(scope.organizationId, input.subTeamPairs, input.window) : Prisma.sql`'[]'::json`}
    )::text AS data`;
  const rows = JSON.parse(row!.data) as Omit<AgendaRows, "metrics"> & { metrics: MetricTuple[] };
  return {
    ...rows,
    metrics: rows.metrics.map(([id, name, unit, direction, target, anomalyThresholdPct, serviceId, serviceName, teamId, latestValue, thisWeek, lastWeek]) => ({
      id,
      name,
      unit,
      direction,
      target,
      anomalyThresholdPct,
      serviceId,
      serviceName,
      teamId,
      latestValue,
      thisWeek,
      lastWeek,
    })),
  };
}

/** The series' reviews of the given weeks, with their submissions in the order they came in. */
function reviewsJson(input: AgendaReadInput): Prisma.Sql {
  return Prisma.sql`(
    SELECT coalesce(json_agg(json_build_object(
      'id', r.id, 'isoWeek', r.iso_week, 'status', r.status::text, 'version', r.version, 'agendaEdits', r.agenda_edits, 'carriedOver', r.carried_over,
      'submissions', (
        SELECT coalesce(json_agg(json_build_object('id', s.id, 'kind', s.kind::text, 'title', s.title, 'body', s.body, 'authorName', u.name) ORDER BY s.created_at, s.id), '[]')
        FROM review_submissions s LEFT JOIN users u ON u.id = s.author_id
        WHERE s.review_id = r.id))), '[]')
    FROM weekly_reviews r
    WHERE r.series_id = ${input.seriesId} AND r.organization_id = ${input.scope.organizationId} AND r.iso_week = ANY(${[...input.isoWeeks]}::text[]))`;
}

/**
 * COEs opened or approved in the week, and every one still awaiting review: the newest 200. One
 * indexed branch per reason (created_at, approved_at, and the team/status index for IN_REVIEW)
 * instead of an OR the planner can only answer by reading every COE of the organization.
 */
function coesJson(scope: AgendaScope, window: WeekWindow): Prisma.Sql {
  const teamIds = [...scope.teamIds];
  return Prisma.sql`(
    WITH picked AS (
      SELECT id, created_at FROM coes
      WHERE organization_id = ${scope.organizationId} AND team_id = ANY(${teamIds}::text[]) AND created_at >= ${utc(window.from)} AND created_at < ${utc(window.to)}
      UNION
      SELECT id, created_at FROM coes
      WHERE organization_id = ${scope.organizationId} AND team_id = ANY(${teamIds}::text[]) AND approved_at >= ${utc(window.from)} AND approved_at < ${utc(window.to)}
      UNION
      SELECT id, created_at FROM coes
      WHERE organization_id = ${scope.organizationId} AND team_id = ANY(${teamIds}::text[]) AND status = 'IN_REVIEW' AND submitted_at < ${utc(window.to)}
      ORDER BY created_at DESC, id
      LIMIT ${COE_LIMIT})
    SELECT coalesce(json_agg(json_build_object(
      'id', c.id, 'title', c.title, 'severity', c.severity::text, 'status', c.status::text, 'teamId', c.team_id,
      'approvedAt', ${iso("c.approved_at")}, 'submittedAt', ${iso("c.submitted_at")}, 'createdAt', ${iso("c.created_at")},
      -- Only a COE approved in the week lends its lessons to the agenda; the others' would be dropped unread.
      'lessonsLearned', CASE WHEN c.approved_at >= ${utc(window.from)} AND c.approved_at < ${utc(window.to)} THEN c.lessons_learned ELSE '' END
    ) ORDER BY p.created_at DESC, p.id), '[]')
    FROM picked p JOIN coes c ON c.id = p.id)`;
}

/**
 * Unfinished actions due before the week ends and actions completed in it, by due date: the first
 * 300, ids first, then their owners' names for those 300 only. The due date is compared as a date,
 * as the column is one (the week's end instant cast to its UTC date).
 */
function actionsJson(scope: AgendaScope, window: WeekWindow): Prisma.Sql {
  return Prisma.sql`(
    WITH picked AS (
      SELECT a.id, a.due_date FROM corrective_actions a
      WHERE a.organization_id = ${scope.organizationId} AND a.team_id = ANY(${[...scope.teamIds]}::text[])
        AND ((a.status <> ALL(${[...FINISHED_ACTION_STATUSES]}::"CorrectiveActionStatus"[]) AND a.due_date < ${window.to.toISOString()}::date)
          OR (a.completed_at >= ${utc(window.from)} AND a.completed_at < ${utc(window.to)}))
      ORDER BY a.due_date, a.id
      LIMIT ${ACTION_LIMIT})
    SELECT coalesce(json_agg(json_build_object(
      'id', a.id, 'title', a.title, 'status', a.status::text, 'priority', a.priority::text, 'dueDate', to_char(a.due_date, 'YYYY-MM-DD'),
      'teamId', a.team_id, 'completedAt', ${iso("a.completed_at")}, 'version', a.version, 'ownerName', u.name
    ) ORDER BY p.due_date, p.id), '[]')
    FROM picked p JOIN corrective_actions a ON a.id = p.id LEFT JOIN users u ON u.id = a.owner_id)`;
}

/**
 * Every active metric of the subtree's services, by service and name, with its latest value and
 * the means of the seven days up to it and the seven before (the figures of lib/metrics'
 * overview, kept on the metric by lib/metrics/summary-mutations.ts). Rows are arrays (MetricTuple): a
 * large subtree has hundreds of metrics, and their keys were half the bytes.
 */
function metricsJson(scope: AgendaScope): Prisma.Sql {
  return Prisma.sql`(
    SELECT coalesce(json_agg(json_build_array(
      m.id, m.name, m.unit, m.direction::text, m.target, m.anomaly_threshold_pct, s.id, s.name, s.team_id, m.latest_value, m.this_week_mean, m.last_week_mean
    ) ORDER BY s.name, m.name), '[]')
    FROM service_metrics m
    JOIN services s ON s.id = m.service_id
    WHERE m.organization_id = ${scope.organizationId} AND s.organization_id = ${scope.organizationId}
      AND s.team_id = ANY(${[...scope.teamIds]}::text[]) AND m.archived_at IS NULL)`;
}

/**
 * The subtree's policy findings of enforced rules: every open one, and the acknowledged ones whose
 * approved waiver ends before next week's meeting; counted in full, listed most severe first (then
 * newest) up to AGENDA_FINDING_LIMIT. Walks the findings' (organization, team, status) index.
 */
function findingsJson(scope: AgendaScope, window: WeekWindow): Prisma.Sql {
  const horizon = new Date(window.to.getTime() + 7 * DAY_MS);
  return Prisma.sql`(
    WITH picked AS (
      SELECT f.id, f.rule_id, f.service_id, f.status::text AS status, f.opened_at, r.name AS rule_name, r.severity, r.kind::text AS kind, w.ends_at
      FROM policy_findings f
      JOIN policy_rules r ON r.id = f.rule_id AND r.status = 'ENFORCED'
      LEFT JOIN LATERAL (
        SELECT min(k.expires_at) AS ends_at FROM finding_acknowledgments k WHERE k.finding_id = f.id AND k.status = 'APPROVED'
      ) w ON f.status = 'ACKNOWLEDGED'
      WHERE f.organization_id = ${scope.organizationId} AND f.team_id = ANY(${[...scope.teamIds]}::text[]) AND f.opened_at < ${utc(window.to)}
        AND (f.status = 'OPEN' OR (f.status = 'ACKNOWLEDGED' AND w.ends_at < ${utc(horizon)}))),
    listed AS (SELECT * FROM picked ORDER BY severity, opened_at DESC, id LIMIT ${AGENDA_FINDING_LIMIT})
    SELECT json_build_object(
      'open', (SELECT count(*) FROM picked WHERE status = 'OPEN'),
      'newThisWeek', (SELECT count(*) FROM picked WHERE status = 'OPEN' AND opened_at >= ${utc(window.from)}),
      'expiring', (SELECT count(*) FROM picked WHERE status = 'ACKNOWLEDGED'),
      'rows', (SELECT coalesce(json_agg(json_build_object(
        'id', p.id, 'ruleId', p.rule_id, 'ruleName', p.rule_name, 'severity', p.severity::text, 'kind', p.kind, 'serviceName', s.name,
        'status', p.status, 'openedAt', ${iso("p.opened_at")}, 'waiverEndsAt', ${iso("p.ends_at")}
      ) ORDER BY p.severity, p.opened_at DESC, p.id), '[]') FROM listed p JOIN services s ON s.id = p.service_id)))`;
}

/**
 * Per direct sub-team (each with its whole subtree): open actions overdue at the meeting, COEs
 * opened in the week, and the median time to resolve (seconds) of the counted COEs that started
 * in the last four weeks and in the four before.
 */
function subTeamsJson(organizationId: string, pairs: readonly (readonly [string, string])[], window: WeekWindow): Prisma.Sql {
  const recentFrom = new Date(window.to.getTime() - 28 * DAY_MS);
  const previousFrom = new Date(window.to.getTime() - 56 * DAY_MS);
  return Prisma.sql`(
    WITH map AS (SELECT * FROM unnest(${pairs.map((pair) => pair[0])}::text[], ${pairs.map((pair) => pair[1])}::text[]) AS m(team_id, child_id)),
    overdue AS (
      SELECT m.child_id, count(*)::int AS n FROM corrective_actions a JOIN map m ON m.team_id = a.team_id
      WHERE a.organization_id = ${organizationId} AND a.status IN ('OPEN', 'IN_PROGRESS') AND a.due_date < ${window.meetingDate.toISOString().slice(0, 10)}::date
      GROUP BY 1),
    fresh AS (
      SELECT m.child_id, count(*)::int AS n FROM coes c JOIN map m ON m.team_id = c.team_id
      WHERE c.organization_id = ${organizationId} AND c.created_at >= ${utc(window.from)} AND c.created_at < ${utc(window.to)}
      GROUP BY 1),
    ttr AS (
      SELECT m.child_id,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM c.resolved_at - c.started_at)) FILTER (WHERE c.started_at >= ${utc(recentFrom)}) AS recent,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM c.resolved_at - c.started_at)) FILTER (WHERE c.started_at < ${utc(recentFrom)}) AS previous
      FROM coes c JOIN map m ON m.team_id = c.team_id
      WHERE c.organization_id = ${organizationId} AND c.status::text IN (${Prisma.join([...COUNTED_STATUSES])})
        AND c.resolved_at >= c.started_at AND c.started_at >= ${utc(previousFrom)} AND c.started_at < ${utc(window.to)}
      GROUP BY 1)
    SELECT coalesce(json_agg(json_build_object('childId', k.child_id, 'overdue', coalesce(o.n, 0), 'newCoes', coalesce(f.n, 0), 'recentTtr', t.recent, 'previousTtr', t.previous)), '[]')
    FROM (SELECT DISTINCT child_id FROM map) k
    LEFT JOIN overdue o ON o.child_id = k.child_id LEFT JOIN fresh f ON f.child_id = k.child_id LEFT JOIN ttr t ON t.child_id = k.child_id)`;
}
