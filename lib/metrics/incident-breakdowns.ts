import "server-only";
import { db } from "@/lib/db";
import { DAY_MS, num, scopedCoes, utc, type CoeScope } from "@/lib/metrics/incident-sql";
import type { Windows } from "@/lib/metrics/incident-queries";
import type { Severity } from "@/lib/metrics/schemas";
import { rollUp } from "@/lib/metrics/stats";
import type { TeamNode } from "@/lib/org/tree";

// Incident counts by contributing-factor category, recurrences, and corrective-action health.

export type CategoryRow = { categoryId: string; name: string; incidents: number; ttrMedian: number | null; ttrTotal: number };

/** Incidents per contributing-factor category (a COE counts once per category), most frequent first. */
export async function byCategory(scope: CoeScope, windows: Windows, severity: Severity | null): Promise<CategoryRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    WITH scoped AS (${scopedCoes(scope, windows.from, windows.to, severity)}),
    tagged AS (SELECT DISTINCT cf.coe_id, cf.category_id FROM contributing_factors cf WHERE cf.coe_id IN (SELECT id FROM scoped))
    SELECT fc.id AS category_id, fc.name, count(*)::int AS incidents,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY scoped.ttr) AS ttr_median,
      coalesce(sum(scoped.ttr), 0)::float8 AS ttr_total
    FROM tagged
    JOIN scoped ON scoped.id = tagged.coe_id
    JOIN factor_categories fc ON fc.id = tagged.category_id
    GROUP BY fc.id, fc.name
    ORDER BY incidents DESC, ttr_total DESC, fc.name`;
  return rows.map((row) => ({
    categoryId: String(row.category_id),
    name: String(row.name),
    incidents: num(row.incidents) ?? 0,
    ttrMedian: num(row.ttr_median),
    ttrTotal: num(row.ttr_total) ?? 0,
  }));
}

export const RECURRENCE_DAYS = 90;

export type RecurrenceRow = {
  coeId: string;
  title: string;
  startedAt: Date;
  earlierCoeId: string;
  earlierTitle: string;
  earlierStartedAt: Date;
  serviceName: string;
  categoryName: string;
  daysApart: number;
};

/**
 * Recurrences: a COE in the window that shares a service and a contributing-factor category with
 * an earlier COE of the scope that started at most 90 days before it, paired with the latest such
 * COE (one window-function pass, not a self-join, so it stays fast on a large organization).
 * Newest first.
 */
export async function recurrences(scope: CoeScope, windows: Windows, limit = 50): Promise<RecurrenceRow[]> {
  const lookbackFrom = new Date(windows.from.getTime() - RECURRENCE_DAYS * DAY_MS);
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    WITH scoped AS (${scopedCoes(scope, lookbackFrom, windows.to, null)}),
    keyed AS (
      SELECT DISTINCT s.id, s.title, s.started_at, cs.service_id, cf.category_id
      FROM scoped s
      JOIN coe_services cs ON cs.coe_id = s.id
      JOIN contributing_factors cf ON cf.coe_id = s.id
    ),
    paired AS (
      SELECT keyed.*,
        lag(id) OVER same_cause AS earlier_id,
        lag(title) OVER same_cause AS earlier_title,
        lag(started_at) OVER same_cause AS earlier_started_at
      FROM keyed
      WINDOW same_cause AS (PARTITION BY service_id, category_id ORDER BY started_at, id)
    )
    SELECT p.id AS coe_id, p.title, p.started_at, p.earlier_id, p.earlier_title, p.earlier_started_at,
      svc.name AS service_name, fc.name AS category_name,
      EXTRACT(EPOCH FROM p.started_at - p.earlier_started_at)::float8 / 86400 AS days_apart
    FROM paired p
    JOIN services svc ON svc.id = p.service_id
    JOIN factor_categories fc ON fc.id = p.category_id
    WHERE p.earlier_id IS NOT NULL
      AND p.started_at >= ${utc(windows.from)}
      AND p.started_at - p.earlier_started_at <= make_interval(days => ${RECURRENCE_DAYS}::int)
    ORDER BY p.started_at DESC, svc.name, fc.name
    LIMIT ${limit}`;
  return rows.map((row) => ({
    coeId: String(row.coe_id),
    title: String(row.title),
    startedAt: asUtcDate(row.started_at),
    earlierCoeId: String(row.earlier_id),
    earlierTitle: String(row.earlier_title),
    earlierStartedAt: asUtcDate(row.earlier_started_at),
    serviceName: String(row.service_name),
    categoryName: String(row.category_name),
    daysApart: num(row.days_apart) ?? 0,
  }));
}

/** A `timestamp` column read back through $queryRaw: the driver gives a Date already in UTC. */
function asUtcDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

const ACTION_KEYS = ["created", "closed", "wontDo", "open", "overdue"] as const;
export type ActionFigures = Record<(typeof ACTION_KEYS)[number], number>;

/**
 * Corrective actions per team, rolled up the tree: created in the window and how many of those
 * are done (done or verified), and what is open or overdue right now whenever it was created.
 */
export async function actionFiguresByTeam(scope: CoeScope, teams: readonly TeamNode[], windows: Windows): Promise<Map<string, ActionFigures>> {
  const today = windows.to.toISOString().slice(0, 10);
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT a.team_id,
      count(*) FILTER (WHERE a.created_at >= ${utc(windows.from)})::int AS created,
      count(*) FILTER (WHERE a.created_at >= ${utc(windows.from)} AND a.status::text IN ('DONE', 'VERIFIED'))::int AS closed,
      count(*) FILTER (WHERE a.created_at >= ${utc(windows.from)} AND a.status::text = 'WONT_DO')::int AS wont_do,
      count(*) FILTER (WHERE a.status::text IN ('OPEN', 'IN_PROGRESS'))::int AS open,
      count(*) FILTER (WHERE a.status::text IN ('OPEN', 'IN_PROGRESS') AND a.due_date < ${today}::date)::int AS overdue
    FROM corrective_actions a
    WHERE a.organization_id = ${scope.organizationId} AND a.team_id = ANY(${[...scope.teamIds]}::text[])
    GROUP BY a.team_id`;
  const own = new Map<string, ActionFigures>(
    rows.map((row) => [
      String(row.team_id),
      { created: num(row.created) ?? 0, closed: num(row.closed) ?? 0, wontDo: num(row.wont_do) ?? 0, open: num(row.open) ?? 0, overdue: num(row.overdue) ?? 0 },
    ]),
  );
  const inScope = teams.filter((team) => scope.teamIds.includes(team.id));
  return rollUp(inScope.map((team) => ({ id: team.id, parentId: scope.teamIds.includes(team.parentId ?? "") ? team.parentId : null })), own, ACTION_KEYS);
}

/** Done ÷ (created − won't do): the share of committed actions that got finished. Null when none. */
export function closeRate(figures: ActionFigures): number | null {
  const committed = figures.created - figures.wontDo;
  return committed > 0 ? figures.closed / committed : null;
}

