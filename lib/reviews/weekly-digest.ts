import "server-only";
import type { DbClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { daysOverdue } from "@/lib/actions/escalation";
import { breachesTarget } from "@/lib/metrics/stats";
import { DIGEST_LIST_LIMIT, type DigestMetricBreach, type WeeklyDigestContent } from "@/lib/webhooks/digest-format";

const OPEN_STATUSES = ["OPEN", "IN_PROGRESS"] as const;

/**
 * One subtree's weekly digest, read in the announcing transaction: its corrective actions overdue
 * today, the COEs opened in the review's week, and the active metrics whose latest value breaches
 * their target (the agenda's breach rule, lib/metrics/stats.ts). A restricted COE is counted and
 * linked, but its title stays in Andon: a digest goes to chat channels wider than the team's readers.
 */
export async function readWeeklyDigest(
  client: DbClient,
  scope: { organizationId: string; teamIds: readonly string[]; window: { from: Date; to: Date }; now: Date },
): Promise<WeeklyDigestContent> {
  const teamIds = [...scope.teamIds];
  const today = new Date(`${scope.now.toISOString().slice(0, 10)}T00:00:00Z`);
  const overdueWhere: Prisma.CorrectiveActionWhereInput = {
    organizationId: scope.organizationId,
    teamId: { in: teamIds },
    status: { in: [...OPEN_STATUSES] },
    dueDate: { lt: today },
  };
  const coeWhere: Prisma.CoeWhereInput = {
    organizationId: scope.organizationId,
    teamId: { in: teamIds },
    createdAt: { gte: scope.window.from, lt: scope.window.to },
  };
  const [overdueTotal, overdue, coeTotal, coes, metrics] = await Promise.all([
    client.correctiveAction.count({ where: overdueWhere }),
    client.correctiveAction.findMany({
      where: overdueWhere,
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: DIGEST_LIST_LIMIT,
      select: { id: true, title: true, dueDate: true, team: { select: { name: true } }, owner: { select: { name: true } } },
    }),
    client.coe.count({ where: coeWhere }),
    client.coe.findMany({
      where: coeWhere,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: DIGEST_LIST_LIMIT,
      select: { id: true, title: true, severity: true, status: true, restricted: true, createdAt: true, team: { select: { name: true } } },
    }),
    client.$queryRaw<
      {
        id: string;
        name: string;
        unit: string;
        direction: "UP" | "DOWN";
        target: number;
        service_id: string;
        service_name: string;
        team_name: string;
        value: number;
      }[]
    >`
      SELECT m.id, m.name, m.unit, m.direction::text AS direction, m.target, s.id AS service_id, s.name AS service_name, t.name AS team_name, m.latest_value AS value
      FROM service_metrics m
      JOIN services s ON s.id = m.service_id
      JOIN teams t ON t.id = s.team_id
      WHERE m.organization_id = ${scope.organizationId} AND s.organization_id = ${scope.organizationId}
        AND s.team_id = ANY(${teamIds}::text[]) AND m.archived_at IS NULL AND m.target IS NOT NULL AND m.latest_value IS NOT NULL
      ORDER BY s.name, m.name`,
  ]);
  const breaches: DigestMetricBreach[] = metrics
    .filter((metric) => breachesTarget(metric.value, metric.target, metric.direction))
    .map((metric) => ({
      id: metric.id,
      name: metric.name,
      unit: metric.unit,
      serviceId: metric.service_id,
      serviceName: metric.service_name,
      teamName: metric.team_name,
      latestValue: metric.value,
      target: metric.target,
      direction: metric.direction,
      path: `/metrics/services/${metric.service_id}`,
    }));
  return {
    overdueActions: {
      total: overdueTotal,
      items: overdue.map((action) => ({
        id: action.id,
        title: action.title,
        teamName: action.team.name,
        ownerName: action.owner?.name ?? null,
        dueDate: action.dueDate!.toISOString().slice(0, 10),
        daysOverdue: daysOverdue(action.dueDate!, today),
        path: `/actions/${action.id}`,
      })),
    },
    newCoes: {
      total: coeTotal,
      items: coes.map((coe) => ({
        id: coe.id,
        title: coe.restricted ? "Restricted COE" : coe.title,
        severity: coe.severity,
        status: coe.status,
        teamName: coe.team.name,
        createdAt: coe.createdAt.toISOString(),
        path: `/coes/${coe.id}`,
      })),
    },
    metricBreaches: { total: breaches.length, items: breaches.slice(0, DIGEST_LIST_LIMIT) },
  };
}
