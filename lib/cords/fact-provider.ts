import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { CollectedFact, FactProvider } from "@/lib/policies/fact-provider";

type CordFactRow = { service_id: string; open_cords: number; cords_90d: number; coe_due: number; last_pulled: Date | null };

/**
 * Andon-cord facts per service, read for every service in one statement (services with no cord get
 * 0 / null): a rule can flag a service whose line is stopped, that stops often, or whose
 * customer-facing cord still has no COE.
 */
export const cordFactProvider: FactProvider = {
  source: "andon.cord",
  facts: [
    { key: "andon.openCords", type: "number", description: "Open Andon cords on the service (1 while its line is stopped, else 0)." },
    { key: "andon.cordsLast90Days", type: "number", description: "Andon cords pulled on the service in the last 90 days." },
    { key: "andon.coeDueCount", type: "number", description: "Customer-facing cords on the service without a COE past draft." },
    { key: "andon.lastPulledAt", type: "datetime", description: "When the cord was last pulled on the service (null: never)." },
  ],
  async collect(organizationId, serviceIds) {
    const since = new Date(Date.now() - 90 * 86_400_000);
    const filter = serviceIds === null ? Prisma.sql`TRUE` : Prisma.sql`s.id = ANY(${serviceIds}::text[])`;
    const rows = await db.$queryRaw<CordFactRow[]>`
      SELECT s.id AS service_id,
        count(c.id) FILTER (WHERE c.resolved_at IS NULL)::int AS open_cords,
        count(c.id) FILTER (WHERE c.pulled_at >= (${since.toISOString()}::timestamptz AT TIME ZONE 'UTC'))::int AS cords_90d,
        count(c.id) FILTER (WHERE c.severity = 'CUSTOMER_DEFECT' AND (coe.id IS NULL OR coe.status = 'DRAFT'))::int AS coe_due,
        max(c.pulled_at) AS last_pulled
      FROM services s
      LEFT JOIN cords c ON c.service_id = s.id
      LEFT JOIN coes coe ON coe.id = c.coe_id
      WHERE s.organization_id = ${organizationId} AND ${filter}
      GROUP BY s.id`;
    return rows.flatMap((row): CollectedFact[] => [
      { serviceId: row.service_id, key: "andon.openCords", value: row.open_cords },
      { serviceId: row.service_id, key: "andon.cordsLast90Days", value: row.cords_90d },
      { serviceId: row.service_id, key: "andon.coeDueCount", value: row.coe_due },
      { serviceId: row.service_id, key: "andon.lastPulledAt", value: row.last_pulled },
    ]);
  },
};
