import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { CollectedFact, FactProvider } from "@/lib/policies/fact-provider";

// Facts Andon knows from its own data. Each provider reads every service of the organization (or
// the given ones) in one statement; a service missing from a result gets an explicit value (0,
// false or null) so a rule sees "none" rather than an unknown fact.

const DAY = 86_400_000;

/** A UTC instant as the `timestamp(3)` (without time zone, holding UTC) columns Prisma writes. */
function utc(date: Date): Prisma.Sql {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

function serviceFilter(alias: string, serviceIds: string[] | null): Prisma.Sql {
  return serviceIds === null ? Prisma.sql`TRUE` : Prisma.sql`${Prisma.raw(alias)}.id = ANY(${serviceIds}::text[])`;
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

type ActionRow = { service_id: string; overdue: number; wont_do_sev1: number };

const actionFactProvider: FactProvider = {
  source: "andon.actions",
  facts: [
    { key: "actions.overdueCount", type: "number", description: "Open corrective actions past their due date, on COEs that name the service." },
    { key: "actions.wontDoOnSev1Count", type: "number", description: 'Corrective actions closed as "won\'t do" on SEV1 COEs that name the service.' },
  ],
  async collect(organizationId, serviceIds) {
    const today = new Date(new Date().toISOString().slice(0, 10));
    const rows = await db.$queryRaw<ActionRow[]>`
      SELECT s.id AS service_id,
        count(a.id) FILTER (WHERE a.status IN ('OPEN', 'IN_PROGRESS') AND a.due_date < ${today})::int AS overdue,
        count(a.id) FILTER (WHERE a.status = 'WONT_DO' AND c.severity = 'SEV1')::int AS wont_do_sev1
      FROM services s
      LEFT JOIN coe_services cs ON cs.service_id = s.id
      LEFT JOIN coes c ON c.id = cs.coe_id
      LEFT JOIN corrective_actions a ON a.coe_id = c.id
      WHERE s.organization_id = ${organizationId} AND ${serviceFilter("s", serviceIds)}
      GROUP BY s.id`;
    return rows.flatMap((row): CollectedFact[] => [
      { serviceId: row.service_id, key: "actions.overdueCount", value: row.overdue },
      { serviceId: row.service_id, key: "actions.wontDoOnSev1Count", value: row.wont_do_sev1 },
    ]);
  },
};

type CoeRow = {
  service_id: string;
  last_started: Date | null;
  recent: number;
  oldest_draft: Date | null;
  ttr_recent: number | null;
  ttr_before: number | null;
};

const coeFactProvider: FactProvider = {
  source: "andon.coes",
  facts: [
    { key: "coes.daysSinceLast", type: "number", description: "Days since the last incident with a COE on the service (empty when there never was one)." },
    { key: "coes.last90Days", type: "number", description: "COEs on the service whose incident started in the last 90 days." },
    { key: "coes.oldestDraftAgeDays", type: "number", description: "Age in days of the oldest COE on the service still in draft (0 when none)." },
    {
      key: "incidents.mttrRatio90d",
      type: "number",
      description: "Mean time to resolve of the last 90 days divided by that of the 90 days before (empty without both).",
    },
  ],
  async collect(organizationId, serviceIds) {
    const now = new Date();
    const ninety = new Date(now.getTime() - 90 * DAY);
    const oneEighty = new Date(now.getTime() - 180 * DAY);
    const rows = await db.$queryRaw<CoeRow[]>`
      SELECT s.id AS service_id,
        max(c.started_at) AS last_started,
        count(c.id) FILTER (WHERE c.started_at >= ${utc(ninety)})::int AS recent,
        min(c.created_at) FILTER (WHERE c.status = 'DRAFT') AS oldest_draft,
        avg(EXTRACT(EPOCH FROM c.resolved_at - c.started_at)) FILTER (
          WHERE c.status IN ('APPROVED', 'CLOSED') AND c.resolved_at >= c.started_at AND c.started_at >= ${utc(ninety)})::float8 AS ttr_recent,
        avg(EXTRACT(EPOCH FROM c.resolved_at - c.started_at)) FILTER (
          WHERE c.status IN ('APPROVED', 'CLOSED') AND c.resolved_at >= c.started_at
            AND c.started_at >= ${utc(oneEighty)} AND c.started_at < ${utc(ninety)})::float8 AS ttr_before
      FROM services s
      LEFT JOIN coe_services cs ON cs.service_id = s.id
      LEFT JOIN coes c ON c.id = cs.coe_id
      WHERE s.organization_id = ${organizationId} AND ${serviceFilter("s", serviceIds)}
      GROUP BY s.id`;
    return rows.flatMap((row): CollectedFact[] => {
      const recent = toNumber(row.ttr_recent);
      const before = toNumber(row.ttr_before);
      return [
        {
          serviceId: row.service_id,
          key: "coes.daysSinceLast",
          value: row.last_started ? Math.floor((now.getTime() - row.last_started.getTime()) / DAY) : null,
        },
        { serviceId: row.service_id, key: "coes.last90Days", value: row.recent },
        {
          serviceId: row.service_id,
          key: "coes.oldestDraftAgeDays",
          value: row.oldest_draft ? Math.floor((now.getTime() - row.oldest_draft.getTime()) / DAY) : 0,
        },
        { serviceId: row.service_id, key: "incidents.mttrRatio90d", value: recent !== null && before ? Math.round((recent / before) * 100) / 100 : null },
      ];
    });
  },
};

type MetricWeekRow = { service_id: string; metric_id: string; week: Date; below: boolean };

/** How many weeks in a row, counting back from the latest week, a metric was on the wrong side of its target. */
function weeksRunningBelow(weeks: { week: Date; below: boolean }[]): number {
  const sorted = [...weeks].sort((a, b) => b.week.getTime() - a.week.getTime());
  let count = 0;
  for (const week of sorted) {
    if (!week.below) break;
    count += 1;
  }
  return count;
}

const metricFactProvider: FactProvider = {
  source: "andon.metrics",
  facts: [
    {
      key: "metrics.weeksBelowTarget",
      type: "number",
      description: "The longest current run of weeks a key service metric's weekly mean missed its target (0 when every metric met it last week).",
    },
  ],
  async collect(organizationId, serviceIds) {
    const since = new Date(Date.now() - 8 * 7 * DAY);
    const rows = await db.$queryRaw<MetricWeekRow[]>`
      SELECT m.service_id, m.id AS metric_id, date_trunc('week', v.recorded_at) AS week,
        CASE WHEN m.direction = 'UP' THEN avg(v.value::numeric)::float8 < m.target ELSE avg(v.value::numeric)::float8 > m.target END AS below
      FROM service_metrics m
      JOIN services s ON s.id = m.service_id
      JOIN metric_values v ON v.metric_id = m.id AND v.recorded_at >= ${utc(since)}
      WHERE m.organization_id = ${organizationId} AND m.target IS NOT NULL AND m.archived_at IS NULL AND ${serviceFilter("s", serviceIds)}
      GROUP BY m.service_id, m.id, m.direction, m.target, date_trunc('week', v.recorded_at)`;
    const byMetric = new Map<string, { serviceId: string; weeks: { week: Date; below: boolean }[] }>();
    for (const row of rows) {
      const entry = byMetric.get(row.metric_id) ?? { serviceId: row.service_id, weeks: [] };
      entry.weeks.push({ week: row.week, below: row.below });
      byMetric.set(row.metric_id, entry);
    }
    const worst = new Map<string, number>();
    for (const { serviceId, weeks } of byMetric.values()) worst.set(serviceId, Math.max(worst.get(serviceId) ?? 0, weeksRunningBelow(weeks)));
    const services = await db.service.findMany({
      where: { organizationId, ...(serviceIds ? { id: { in: serviceIds } } : {}) },
      select: { id: true },
    });
    return services.map((service) => ({ serviceId: service.id, key: "metrics.weeksBelowTarget", value: worst.get(service.id) ?? 0 }));
  },
};

type OwnerRow = { service_id: string; members: number; managers: number };

const ownerFactProvider: FactProvider = {
  source: "andon.org",
  facts: [
    { key: "owner.hasManager", type: "boolean", description: "The service's owning team has a manager of its own (a membership on the team itself)." },
    { key: "owner.memberCount", type: "number", description: "People with a role on the service's owning team itself." },
  ],
  async collect(organizationId, serviceIds) {
    const rows = await db.$queryRaw<OwnerRow[]>`
      SELECT s.id AS service_id,
        count(m.id) FILTER (WHERE u.deactivated_at IS NULL)::int AS members,
        count(m.id) FILTER (WHERE u.deactivated_at IS NULL AND m.role = 'MANAGER')::int AS managers
      FROM services s
      LEFT JOIN memberships m ON m.team_id = s.team_id
      LEFT JOIN users u ON u.id = m.user_id
      WHERE s.organization_id = ${organizationId} AND ${serviceFilter("s", serviceIds)}
      GROUP BY s.id`;
    return rows.flatMap((row): CollectedFact[] => [
      { serviceId: row.service_id, key: "owner.hasManager", value: row.managers > 0 },
      { serviceId: row.service_id, key: "owner.memberCount", value: row.members },
    ]);
  },
};

export const builtInFactProviders: FactProvider[] = [actionFactProvider, coeFactProvider, metricFactProvider, ownerFactProvider];
