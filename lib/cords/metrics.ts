import "server-only";
import { db } from "@/lib/db";
import { preparedSql } from "@/lib/prepared-statements";
import { utc } from "@/lib/metrics/incident-sql";
import type { MetricsScope } from "@/lib/metrics/scope";
import { summarize, type Summary } from "@/lib/metrics/stats";
import { isoWeekMonday, isoWeekOfDate, formatIsoWeek } from "@/lib/reviews/iso-week";
import { subtreeIds } from "@/lib/org/tree";

const DAY_MS = 24 * 60 * 60 * 1000;
/** More cords than this in one window is an org far beyond what one page summarizes; the figures say so. */
const MAX_CORDS = 5000;
const TREND_WEEKS = 13;

type CordFigures = {
  cords: number;
  /** How long the line stayed stopped, over the cords resolved (open ones are still running). */
  stopped: Summary;
  stillStopped: number;
  blockedDeploys: number;
  overrides: number;
  customerFacing: number;
  coeDue: number;
};
type CordTeamRow = CordFigures & { id: string; name: string; depth: number };
type CordServiceRow = { id: string; name: string; cords: number; stoppedSec: number; blockedDeploys: number; stillStopped: boolean };
type CordWeek = { week: string; monday: string; cords: number; stoppedMedianSec: number | null };
export type CordMetrics = { figures: CordFigures; teams: CordTeamRow[]; services: CordServiceRow[]; weeks: CordWeek[]; truncated: boolean };

type CordFact = {
  teamId: string;
  serviceId: string;
  serviceName: string;
  pulledAt: Date;
  resolvedAt: Date | null;
  customerFacing: boolean;
  coeDue: boolean;
  blocked: number;
  overrides: number;
};

/** The figures of a set of cords, pure: what every row of the section computes. */
function figuresOf(cords: readonly CordFact[]): CordFigures {
  const resolved = cords.filter((cord) => cord.resolvedAt !== null);
  return {
    cords: cords.length,
    stopped: summarize(resolved.map((cord) => (cord.resolvedAt!.getTime() - cord.pulledAt.getTime()) / 1000)),
    stillStopped: cords.length - resolved.length,
    blockedDeploys: cords.reduce((sum, cord) => sum + cord.blocked, 0),
    overrides: cords.reduce((sum, cord) => sum + cord.overrides, 0),
    customerFacing: cords.filter((cord) => cord.customerFacing).length,
    coeDue: cords.filter((cord) => cord.coeDue).length,
  };
}

/**
 * The Andon cord on the metrics page, for one team's subtree over the view's window: cords (by the
 * team that owned the service when pulled, rolled up the tree), how long the line stayed stopped
 * (median / p90), deploys the gate blocked, break-glass overrides, per service, and per ISO week.
 * One read: the window's cords with their blocked-attempt and override counts.
 */
export async function cordMetrics(scope: MetricsScope, windowDays: number, now = new Date()): Promise<CordMetrics> {
  const since = new Date(now.getTime() - windowDays * DAY_MS);
  // Plain SQL, prepared once per connection: Prisma's form of this read (a lateral join per relation
  // and count, the team list as one parameter each) cost more to parse and plan than to run.
  const rows = await db.$queryRaw<CordFact[]>(preparedSql`
    SELECT c.team_id AS "teamId", s.id AS "serviceId", s.name AS "serviceName", c.pulled_at AS "pulledAt", c.resolved_at AS "resolvedAt",
      c.severity = 'CUSTOMER_DEFECT' AS "customerFacing",
      (c.severity = 'CUSTOMER_DEFECT' AND (coe.id IS NULL OR coe.status = 'DRAFT')) AS "coeDue",
      (SELECT count(*)::int FROM cord_events e WHERE e.cord_id = c.id AND e.kind = 'DEPLOY_BLOCKED') AS blocked,
      (SELECT count(*)::int FROM cord_overrides o WHERE o.cord_id = c.id) AS overrides
    FROM cords c
    JOIN services s ON s.id = c.service_id
    LEFT JOIN coes coe ON coe.id = c.coe_id
    WHERE c.organization_id = ${scope.organizationId} AND c.team_id = ANY(${[...scope.teamIds]}::text[])
      AND c.pulled_at >= ${utc(since)} AND c.pulled_at <= ${utc(now)}
    ORDER BY c.pulled_at DESC, c.id DESC
    LIMIT ${MAX_CORDS + 1}`);
  const cords = rows.slice(0, MAX_CORDS);

  // The team and its direct sub-teams, each over its whole subtree (as the incident table does).
  const byTeam = new Map<string, CordFact[]>();
  for (const cord of cords) byTeam.set(cord.teamId, [...(byTeam.get(cord.teamId) ?? []), cord]);
  const rowFor = (teamId: string, depth: number): CordTeamRow => {
    const team = scope.orgTeams.find((candidate) => candidate.id === teamId)!;
    return { id: team.id, name: team.name, depth, ...figuresOf(subtreeIds(scope.orgTeams, teamId).flatMap((id) => byTeam.get(id) ?? [])) };
  };
  const children = scope.orgTeams.filter((team) => team.parentId === scope.team.id).toSorted((a, b) => a.name.localeCompare(b.name));
  const teams = [rowFor(scope.team.id, 0), ...children.map((child) => rowFor(child.id, 1))];

  const byService = new Map<string, CordServiceRow>();
  for (const cord of cords) {
    const row = byService.get(cord.serviceId) ?? {
      id: cord.serviceId,
      name: cord.serviceName,
      cords: 0,
      stoppedSec: 0,
      blockedDeploys: 0,
      stillStopped: false,
    };
    row.cords += 1;
    row.stoppedSec += ((cord.resolvedAt ?? now).getTime() - cord.pulledAt.getTime()) / 1000;
    row.blockedDeploys += cord.blocked;
    row.stillStopped ||= cord.resolvedAt === null;
    byService.set(cord.serviceId, row);
  }
  const services = [...byService.values()].sort((a, b) => b.cords - a.cords || b.stoppedSec - a.stoppedSec || a.name.localeCompare(b.name)).slice(0, 10);

  // The last quarter at most: a year of weekly bars reads as noise, and the newest weeks matter.
  return { figures: figuresOf(cords), teams, services, weeks: weeklyTrend(cords, since, now).slice(-TREND_WEEKS), truncated: rows.length > MAX_CORDS };
}

/** Cords per ISO week (UTC) from the window's first week to this one, with the median time stopped. */
function weeklyTrend(cords: readonly CordFact[], since: Date, now: Date): CordWeek[] {
  const weeks: CordWeek[] = [];
  const grouped = new Map<string, CordFact[]>();
  for (const cord of cords) {
    const key = formatIsoWeek(isoWeekOfDate(cord.pulledAt));
    grouped.set(key, [...(grouped.get(key) ?? []), cord]);
  }
  const last = formatIsoWeek(isoWeekOfDate(now));
  for (let monday = isoWeekMonday(isoWeekOfDate(since)); weeks.length < 60; monday = new Date(monday.getTime() + 7 * DAY_MS)) {
    const key = formatIsoWeek(isoWeekOfDate(monday));
    const inWeek = grouped.get(key) ?? [];
    weeks.push({ week: key, monday: monday.toISOString().slice(0, 10), cords: inWeek.length, stoppedMedianSec: figuresOf(inWeek).stopped.median });
    if (key === last) break;
  }
  return weeks;
}
