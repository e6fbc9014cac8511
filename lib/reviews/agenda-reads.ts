import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { COUNTED_STATUSES, num, utc } from "@/lib/metrics/incident-sql";
import type { WeekWindow } from "@/lib/reviews/iso-week";

/**
 * The agenda's reads of other domains' tables (COEs, corrective actions, service metrics), in
 * SQL written for one subtree and one week: each statement walks an index to exactly the rows a
 * section shows, and none builds nested relations for rows a LIMIT then drops.
 */
export type AgendaScope = { organizationId: string; teamIds: readonly string[] };

export const FINISHED_ACTION_STATUSES = ["DONE", "VERIFIED", "WONT_DO"] as const;
const ACTION_LIMIT = 300;
const COE_LIMIT = 200;

export type AgendaCoeRow = { id: string; title: string; severity: string; status: string; teamId: string; approvedAt: Date | null; submittedAt: Date | null; createdAt: Date; lessonsLearned: string };

/**
 * COEs opened or approved in the week, and every one still awaiting review: the newest 200. One
 * indexed branch per reason (created_at, approved_at, and the team/status index for IN_REVIEW)
 * instead of an OR the planner can only answer by reading every COE of the organization.
 */
export async function agendaCoes(scope: AgendaScope, window: WeekWindow): Promise<AgendaCoeRow[]> {
  const teamIds = [...scope.teamIds];
  const rows = await db.$queryRaw<{ id: string; title: string; severity: string; status: string; team_id: string; approved_at: Date | null; submitted_at: Date | null; created_at: Date; lessons_learned: string }[]>`
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
    SELECT c.id, c.title, c.severity::text AS severity, c.status::text AS status, c.team_id, c.approved_at, c.submitted_at, c.created_at, c.lessons_learned
    FROM picked p JOIN coes c ON c.id = p.id
    ORDER BY p.created_at DESC, p.id`;
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    severity: row.severity,
    status: row.status,
    teamId: row.team_id,
    approvedAt: row.approved_at,
    submittedAt: row.submitted_at,
    createdAt: row.created_at,
    lessonsLearned: row.lessons_learned,
  }));
}

export type AgendaActionRow = { id: string; title: string; status: string; priority: string; dueDate: string | null; teamId: string; completedAt: Date | null; version: number; ownerName: string | null };

/**
 * Unfinished actions due before the week ends and actions completed in it, by due date: the first
 * 300, ids first, then their owners' names for those 300 only. The due date is compared as a date,
 * as the column is one (the week's end instant cast to its UTC date).
 */
export async function agendaActions(scope: AgendaScope, window: WeekWindow): Promise<AgendaActionRow[]> {
  const rows = await db.$queryRaw<{ id: string; title: string; status: string; priority: string; due_date: string | null; team_id: string; completed_at: Date | null; version: number; owner_name: string | null }[]>`
    WITH picked AS (
      SELECT a.id, a.due_date FROM corrective_actions a
      WHERE a.organization_id = ${scope.organizationId} AND a.team_id = ANY(${[...scope.teamIds]}::text[])
        AND ((a.status <> ALL(${[...FINISHED_ACTION_STATUSES]}::"CorrectiveActionStatus"[]) AND a.due_date < ${window.to.toISOString()}::date)
          OR (a.completed_at >= ${utc(window.from)} AND a.completed_at < ${utc(window.to)}))
      ORDER BY a.due_date, a.id
      LIMIT ${ACTION_LIMIT})
    SELECT a.id, a.title, a.status::text AS status, a.priority::text AS priority, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.team_id, a.completed_at, a.version, u.name AS owner_name
    FROM picked p JOIN corrective_actions a ON a.id = p.id LEFT JOIN users u ON u.id = a.owner_id
    ORDER BY p.due_date, p.id`;
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    priority: row.priority,
    dueDate: row.due_date,
    teamId: row.team_id,
    completedAt: row.completed_at,
    version: Number(row.version),
    ownerName: row.owner_name,
  }));
}

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

/**
 * Every active metric of the subtree's services, by service and name, with its latest value and
 * the means of the seven days up to it and the seven before (the figures of lib/metrics'
 * overview): the latest value is one backward index probe, both means one range scan.
 */
export async function agendaMetrics(scope: AgendaScope): Promise<AgendaMetricRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT m.id, m.name, m.unit, m.direction::text AS direction, m.target, m.anomaly_threshold_pct,
      s.id AS service_id, s.name AS service_name, s.team_id, latest.value AS latest_value, weeks.this_week, weeks.last_week
    FROM service_metrics m
    JOIN services s ON s.id = m.service_id
    LEFT JOIN LATERAL (
      SELECT v.value, v.recorded_at FROM metric_values v WHERE v.metric_id = m.id ORDER BY v.recorded_at DESC LIMIT 1
    ) latest ON TRUE
    LEFT JOIN LATERAL (
      SELECT avg(v.value) FILTER (WHERE v.recorded_at > latest.recorded_at - interval '7 days') AS this_week,
        avg(v.value) FILTER (WHERE v.recorded_at <= latest.recorded_at - interval '7 days') AS last_week
      FROM metric_values v
      WHERE v.metric_id = m.id AND v.recorded_at > latest.recorded_at - interval '14 days' AND v.recorded_at <= latest.recorded_at
    ) weeks ON TRUE
    WHERE m.organization_id = ${scope.organizationId} AND s.organization_id = ${scope.organizationId}
      AND s.team_id = ANY(${[...scope.teamIds]}::text[]) AND m.archived_at IS NULL
    ORDER BY s.name, m.name`;
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name),
    unit: String(row.unit),
    direction: row.direction === "UP" ? "UP" : "DOWN",
    target: num(row.target),
    anomalyThresholdPct: num(row.anomaly_threshold_pct),
    serviceId: String(row.service_id),
    serviceName: String(row.service_name),
    teamId: String(row.team_id),
    latestValue: num(row.latest_value),
    thisWeek: num(row.this_week),
    lastWeek: num(row.last_week),
  }));
}

export type SubTeamCounts = { childId: string; overdue: number; newCoes: number; recentTtr: number | null; previousTtr: number | null };

/**
 * Per direct sub-team (each with its whole subtree, as `[teamId, childId]` pairs): open actions
 * overdue at the meeting, COEs opened in the week, and the median time to resolve of the counted
 * COEs that started in the last four weeks and the four before. Three aggregates, one statement.
 */
export async function subTeamCounts(organizationId: string, pairs: readonly (readonly [string, string])[], window: WeekWindow, recentFrom: Date, previousFrom: Date): Promise<SubTeamCounts[]> {
  const rows = await db.$queryRaw<{ child_id: string; overdue: number; new_coes: number; recent: unknown; previous: unknown }[]>`
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
    SELECT k.child_id, coalesce(o.n, 0) AS overdue, coalesce(f.n, 0) AS new_coes, t.recent, t.previous
    FROM (SELECT DISTINCT child_id FROM map) k
    LEFT JOIN overdue o ON o.child_id = k.child_id LEFT JOIN fresh f ON f.child_id = k.child_id LEFT JOIN ttr t ON t.child_id = k.child_id`;
  return rows.map((row) => ({ childId: row.child_id, overdue: Number(row.overdue), newCoes: Number(row.new_coes), recentTtr: num(row.recent), previousTtr: num(row.previous) }));
}
