import "server-only";
import { db } from "@/lib/db";
import type { FieldErrors } from "@/lib/errors";
import { can, type Principal } from "@/lib/permissions";
import { parseTimestamp, type MetricPoint } from "@/lib/metrics/schemas";

export type ResolvedPoint = { serviceId: string; metricId: string; recordedAt: string; value: number };

/**
 * Turns points that name their service and metric (by id or by name) into rows, with two queries
 * whatever the batch size. Every problem is reported, keyed `<prefix>.<index>.<field>`. (Services
 * are part of the org tree, which everyone in the organization may read, so naming one that is
 * not yours is answered with the role it needs.)
 */
export async function resolvePoints(
  actor: Principal,
  points: readonly MetricPoint[],
  prefix: string,
): Promise<{ resolved: ResolvedPoint[]; errors: FieldErrors }> {
  const serviceKeys = [...new Set(points.map((point) => point.service))];
  const services = await db.service.findMany({
    where: { organizationId: actor.organizationId, OR: [{ id: { in: serviceKeys } }, { name: { in: serviceKeys } }] },
    select: { id: true, name: true, teamId: true },
  });
  const serviceByKey = new Map<string, (typeof services)[number]>();
  for (const service of services) {
    serviceByKey.set(service.name, service);
    serviceByKey.set(service.id, service);
  }
  const metrics = await db.serviceMetric.findMany({
    where: { organizationId: actor.organizationId, archivedAt: null, serviceId: { in: [...new Set([...serviceByKey.values()].map((service) => service.id))] } },
    select: { id: true, name: true, serviceId: true },
  });
  const metricByKey = new Map<string, string>();
  for (const metric of metrics) {
    metricByKey.set(`${metric.serviceId}|${metric.id}`, metric.id);
    metricByKey.set(`${metric.serviceId}|${metric.name.toLowerCase()}`, metric.id);
  }

  const errors: FieldErrors = {};
  const resolved: ResolvedPoint[] = [];
  points.forEach((point, index) => {
    const fail = (field: string, message: string) => ((errors[`${prefix}.${index}.${field}`] ??= []).push(message), undefined);
    const service = serviceByKey.get(point.service);
    if (!service) return fail("service", `There is no service “${point.service}” (by id or name).`);
    if (!can(actor, "metric.record", service.teamId))
      return fail("service", `You may not record values for ${service.name}: that needs the member role on its team.`);
    const metricId = metricByKey.get(`${service.id}|${point.metric}`) ?? metricByKey.get(`${service.id}|${point.metric.toLowerCase()}`);
    if (!metricId) return fail("metric", `${service.name} has no metric “${point.metric}”. Define it on the service's metrics page first.`);
    const recordedAt = parseTimestamp(point.timestamp);
    if (!recordedAt) return fail("timestamp", "Use an ISO 8601 time like 2026-11-26T09:00:00Z, or a date like 2026-11-26.");
    resolved.push({ serviceId: service.id, metricId, recordedAt: recordedAt.toISOString(), value: point.value });
  });
  return { resolved, errors };
}
