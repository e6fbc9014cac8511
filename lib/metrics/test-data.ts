// Builders for the metrics tests: COEs with exact incident timestamps, categories and actions.
// (Test-only; the COE domain's own factories may replace these once they exist.)
import type { PrismaClient } from "@/lib/generated/prisma/client";

const MINUTE = 60_000;

export type CoeSpec = {
  teamId: string;
  severity?: "SEV1" | "SEV2" | "SEV3" | "SEV4";
  status?: "DRAFT" | "IN_REVIEW" | "APPROVED" | "CLOSED";
  startedAt: Date;
  /** Minutes from start; null leaves the timestamp empty. */
  detectMin?: number | null;
  mitigateMin?: number | null;
  resolveMin?: number | null;
  serviceIds?: string[];
  categoryIds?: string[];
  title?: string;
  restricted?: boolean;
  /** Days from start to approval (the recurrence rule counts from it); approved and closed COEs default to one. */
  approveDays?: number;
};

export async function createCoe(db: PrismaClient, organizationId: string, spec: CoeSpec) {
  const status = spec.status ?? "APPROVED";
  const at = (minutes: number | null | undefined) => (minutes === null || minutes === undefined ? null : new Date(spec.startedAt.getTime() + minutes * MINUTE));
  return db.coe.create({
    data: {
      organizationId,
      teamId: spec.teamId,
      title: spec.title ?? `Incident ${spec.startedAt.toISOString()}`,
      severity: spec.severity ?? "SEV2",
      status,
      restricted: spec.restricted ?? false,
      startedAt: spec.startedAt,
      detectedAt: at(spec.detectMin === undefined ? 5 : spec.detectMin),
      mitigatedAt: at(spec.mitigateMin),
      resolvedAt: at(spec.resolveMin),
      approvedAt: status === "APPROVED" || status === "CLOSED" ? new Date(spec.startedAt.getTime() + (spec.approveDays ?? 1) * 1440 * MINUTE) : null,
      services: { create: (spec.serviceIds ?? []).map((serviceId) => ({ serviceId })) },
      factors: { create: (spec.categoryIds ?? []).map((categoryId, position) => ({ categoryId, description: "factor", position })) },
    },
    select: { id: true },
  });
}

export async function createCategory(db: PrismaClient, organizationId: string, name: string) {
  return db.factorCategory.create({ data: { organizationId, name }, select: { id: true, name: true } });
}

export function daysAgo(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
