import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { ForbiddenError, NotFoundError, UserError, ValidationError, type FieldErrors } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Principal } from "@/lib/permissions";
import { DAY_MS } from "@/lib/metrics/incident-sql";
import { measureSummary } from "@/lib/metrics/incident-queries";
import { resolvePoints } from "@/lib/metrics/resolve-points";
import { REFRESH_METRIC_SUMMARIES_SQL } from "@/lib/metrics/summary-mutations";
import { parseTimestamp, type MetricPoint, type metricDefinitionSchema, type metricDefinitionUpdateSchema, type pilotStartSchema } from "@/lib/metrics/schemas";
import { orgTeams } from "@/lib/metrics/scope";
import { PILOT_MEASURE } from "@/lib/metrics/pilot-queries";
import { subtreeIds } from "@/lib/org/tree";

// The one write path for key service metrics and pilots. Permissions depend on the rows (the
// owning team of each service), so they are checked here, where the rows are loaded.

async function serviceFor(actor: Principal, serviceId: string) {
  const service = await db.service.findFirst({
    where: { id: serviceId, organizationId: actor.organizationId },
    select: { id: true, name: true, teamId: true },
  });
  if (!service || !can(actor, "team.view", service.teamId)) throw new NotFoundError("The service");
  return service;
}

function duplicateMetric(name: string): UserError {
  return new UserError(`This service already has a metric named “${name}”.`, { name: ["Choose another name, or edit the existing metric."] });
}

export async function createMetric(actor: Principal, input: z.output<typeof metricDefinitionSchema>) {
  const service = await serviceFor(actor, input.serviceId);
  if (!can(actor, "metric.define", service.teamId)) throw new ForbiddenError("Only managers of the owning team can define its service metrics.");
  try {
    return await db.$transaction(async (tx) => {
      const metric = await tx.serviceMetric.create({
        data: {
          organizationId: actor.organizationId,
          serviceId: service.id,
          name: input.name,
          unit: input.unit,
          description: input.description,
          direction: input.direction,
          target: input.target,
          cadence: input.cadence,
          anomalyThresholdPct: input.anomalyThresholdPct,
        },
        select: { id: true, name: true },
      });
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorId: actor.userId,
        action: "metric.created",
        entityType: "service_metric",
        entityId: metric.id,
        summary: `Defined metric ${metric.name} on ${service.name}`,
        changes: { direction: input.direction, target: input.target, cadence: input.cadence, anomalyThresholdPct: input.anomalyThresholdPct },
      });
      return metric;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateMetric(input.name);
    throw error;
  }
}

async function metricFor(actor: Principal, metricId: string) {
  const metric = await db.serviceMetric.findFirst({
    where: { id: metricId, organizationId: actor.organizationId, archivedAt: null },
    select: {
      id: true,
      name: true,
      unit: true,
      description: true,
      direction: true,
      target: true,
      cadence: true,
      anomalyThresholdPct: true,
      service: { select: { id: true, name: true, teamId: true } },
    },
  });
  if (!metric || !can(actor, "team.view", metric.service.teamId)) throw new NotFoundError("The metric");
  if (!can(actor, "metric.define", metric.service.teamId)) throw new ForbiddenError("Only managers of the owning team can change its service metrics.");
  return metric;
}

export async function updateMetric(actor: Principal, input: z.output<typeof metricDefinitionUpdateSchema>) {
  const metric = await metricFor(actor, input.metricId);
  const next = {
    name: input.name,
    unit: input.unit,
    description: input.description,
    direction: input.direction,
    target: input.target,
    cadence: input.cadence,
    anomalyThresholdPct: input.anomalyThresholdPct,
  };
  const changes = changedFields(metric, next);
  try {
    return await db.$transaction(async (tx) => {
      const updated = await tx.serviceMetric.update({ where: { id: metric.id }, data: next, select: { id: true, name: true } });
      if (Object.keys(changes).length > 0) {
        await recordAudit(tx, {
          organizationId: actor.organizationId,
          actorId: actor.userId,
          action: "metric.updated",
          entityType: "service_metric",
          entityId: metric.id,
          summary: `Changed metric ${updated.name} on ${metric.service.name}`,
          changes,
        });
      }
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateMetric(input.name);
    throw error;
  }
}

/** Archived metrics keep their values for the record but leave the pages and stop taking values. */
export async function archiveMetric(actor: Principal, metricId: string) {
  const metric = await metricFor(actor, metricId);
  await db.$transaction(async (tx) => {
    // The name is freed for a new definition; the archived one keeps a suffix that says when.
    await tx.serviceMetric.update({
      where: { id: metric.id },
      data: { archivedAt: new Date(), name: `${metric.name} (archived ${new Date().toISOString().slice(0, 16)})` },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: "metric.archived",
      entityType: "service_metric",
      entityId: metric.id,
      summary: `Archived metric ${metric.name} on ${metric.service.name}`,
    });
  });
}

export type RecordResult = { received: number; inserted: number; updated: number; unchanged: number };

const CHUNK_SIZE = 5_000;

/**
 * Records metric values, all or nothing: every point is resolved and checked first (unknown
 * service or metric, no permission: errors keyed by the point's index), then written in one
 * transaction, one multi-row INSERT … ON CONFLICT per chunk. The same metric and timestamp again
 * replaces the value, so a retried push changes nothing. Within one batch the last point wins.
 */
export async function recordMetricValues(actor: Principal, points: readonly MetricPoint[], options: { pathPrefix?: string } = {}): Promise<RecordResult> {
  const { resolved, errors } = await resolvePoints(actor, points, options.pathPrefix ?? "points");
  if (Object.keys(errors).length > 0) throw new ValidationError(pointErrorsMessage(errors), errors);

  const unique = new Map<string, { serviceId: string; metricId: string; recordedAt: string; value: number }>();
  for (const point of resolved) unique.set(`${point.metricId}|${point.recordedAt}`, point);
  // A fixed order, so two concurrent batches that touch the same values lock them in the same order.
  const rows = [...unique.values()].sort((a, b) => (a.metricId === b.metricId ? a.recordedAt.localeCompare(b.recordedAt) : a.metricId < b.metricId ? -1 : 1));

  const metricIds = [...new Set(rows.map((row) => row.metricId))];
  const serviceIds = [...new Set(rows.map((row) => row.serviceId))];
  const totals = await db.$transaction(
    async (tx) => {
      // The metrics first, in one order: a concurrent batch for the same metric waits here, so the
      // figures refreshed below count its values too (each statement reads what has committed).
      // Their services before them, as the values' foreign keys would take them: deleting a service
      // locks it before its metrics, so taking them the other way round could deadlock with it.
      await tx.$queryRaw`SELECT id FROM services WHERE id = ANY(${serviceIds}::text[]) ORDER BY id FOR KEY SHARE`;
      await tx.$queryRaw`SELECT id FROM service_metrics WHERE id = ANY(${metricIds}::text[]) ORDER BY id FOR UPDATE`;
      let inserted = 0;
      let updated = 0;
      for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
        const chunk = rows.slice(start, start + CHUNK_SIZE);
        const [counts] = await tx.$queryRaw<{ inserted: number; updated: number }[]>`
          WITH upserted AS (
            INSERT INTO metric_values (organization_id, service_id, metric_id, recorded_at, value, recorded_by_id)
            SELECT ${actor.organizationId}, p.service_id, p.metric_id, (p.recorded_at::timestamptz AT TIME ZONE 'UTC'), p.value, ${actor.userId}
            FROM unnest(${chunk.map((row) => row.serviceId)}::text[], ${chunk.map((row) => row.metricId)}::text[],
                        ${chunk.map((row) => row.recordedAt)}::text[], ${chunk.map((row) => row.value)}::float8[])
              AS p(service_id, metric_id, recorded_at, value)
            ON CONFLICT (service_id, metric_id, recorded_at) DO UPDATE
              SET value = EXCLUDED.value, recorded_by_id = EXCLUDED.recorded_by_id, updated_at = now()
              WHERE metric_values.value IS DISTINCT FROM EXCLUDED.value
            RETURNING (xmax = 0) AS inserted
          )
          SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM upserted`;
        inserted += Number(counts?.inserted ?? 0);
        updated += Number(counts?.updated ?? 0);
      }
      await refreshMetricSummaries(tx, metricIds);
      const perService = new Map<string, number>();
      for (const row of rows) perService.set(row.serviceId, (perService.get(row.serviceId) ?? 0) + 1);
      for (const [serviceId, count] of perService) {
        await recordAudit(tx, {
          organizationId: actor.organizationId,
          actorId: actor.userId,
          action: "metric.values_recorded",
          entityType: "service",
          entityId: serviceId,
          summary: `Recorded ${count} metric value${count === 1 ? "" : "s"}`,
          changes: { count },
        });
      }
      return { inserted, updated };
    },
    { timeout: 60_000 },
  );
  return { received: points.length, inserted: totals.inserted, updated: totals.updated, unchanged: points.length - totals.inserted - totals.updated };
}

/**
 * Recomputes the overview figures kept on these metrics from their values (lib/metrics/summary-mutations.ts),
 * in the caller's transaction; returns how many changed. Whoever writes metric_values calls it for the metrics it touched.
 */
export async function refreshMetricSummaries(client: Pick<Prisma.TransactionClient, "$executeRawUnsafe">, metricIds: readonly string[]): Promise<number> {
  return metricIds.length > 0 ? client.$executeRawUnsafe(REFRESH_METRIC_SUMMARIES_SQL, [...metricIds]) : 0;
}

/** Metrics repaired per transaction: each batch holds its metrics' row locks only briefly. */
const REPAIR_BATCH = 500;

/**
 * Recomputes the kept overview figures of every metric and writes those that differ: a repair for
 * values written without the refresh (by an instance of an earlier version during a rolling
 * upgrade). Run by a job at startup and hourly. Each batch locks its metrics first (FOR NO KEY
 * UPDATE, the lock its own UPDATE takes), skipping any that another transaction holds: a recording
 * write (which refreshes them itself before it commits), a definition edit or another repair pass.
 * So a figure is never computed from values a concurrent recording has not yet committed and then
 * written over that recording's newer one. The lock does not conflict with the key-share lock a
 * value insert's foreign key takes, so an earlier version's writes neither wait for the repair nor
 * make it skip; what they commit after a pass is repaired by the next one.
 */
export async function repairMetricSummaries(): Promise<{ metrics: number; repaired: number }> {
  let after = "";
  let metrics = 0;
  let repaired = 0;
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM service_metrics WHERE id > ${after} ORDER BY id LIMIT ${REPAIR_BATCH} FOR NO KEY UPDATE SKIP LOCKED`;
      const ids = locked.map((row) => row.id);
      return { last: ids.at(-1), count: ids.length, changed: await refreshMetricSummaries(tx, ids) };
    });
    if (!batch.last) return { metrics, repaired };
    metrics += batch.count;
    repaired += batch.changed;
    after = batch.last;
  }
}

function pointErrorsMessage(errors: FieldErrors): string {
  const count = Object.keys(errors).length;
  return `${count} point${count === 1 ? " has a problem" : "s have problems"}; nothing was recorded.`;
}

/** Records one value from the form on a service's metric page. */
export async function recordMetricValue(actor: Principal, input: { metricId: string; timestamp: string; value: number }) {
  const metric = await db.serviceMetric.findFirst({
    where: { id: input.metricId, organizationId: actor.organizationId, archivedAt: null },
    select: { id: true, serviceId: true },
  });
  if (!metric) throw new NotFoundError("The metric");
  if (!parseTimestamp(input.timestamp)) throw new ValidationError("Check the time.", { timestamp: ["Use a date and time."] });
  return recordMetricValues(actor, [{ service: metric.serviceId, metric: metric.id, timestamp: input.timestamp, value: input.value }], { pathPrefix: "form" });
}

const BASELINE_DAYS = 365;

/**
 * Marks a team as a pilot for one incident metric and captures its baseline now: the metric over
 * the team's subtree in the year before. Marking again restarts the pilot with a fresh baseline.
 */
export async function startPilot(actor: Principal, input: z.output<typeof pilotStartSchema>, now = new Date()) {
  const teams = await orgTeams(actor.organizationId);
  const team = teams.find((candidate) => candidate.id === input.teamId);
  if (!team || !can(actor, "team.view", team.id)) throw new NotFoundError("The team");
  if (!can(actor, "metric.define", team.id)) throw new ForbiddenError("Only managers of the team can make it a pilot.");
  const baselineFrom = new Date(now.getTime() - BASELINE_DAYS * DAY_MS);
  const baseline = await measureSummary(
    { organizationId: actor.organizationId, teamIds: subtreeIds(teams, team.id) },
    PILOT_MEASURE[input.metric],
    baselineFrom,
    now,
  );
  const data = {
    metric: input.metric,
    baselineMedianSec: baseline.median,
    baselineP90Sec: baseline.p90,
    baselineMeanSec: baseline.mean,
    baselineCount: baseline.count,
    baselineFrom,
    startedAt: now,
    startedById: actor.userId,
  } satisfies Prisma.ImprovementPilotUncheckedUpdateInput;
  return db.$transaction(async (tx) => {
    const pilot = await tx.improvementPilot.upsert({
      where: { teamId: team.id },
      create: { organizationId: actor.organizationId, teamId: team.id, ...data },
      update: data,
      select: { id: true, metric: true, baselineMedianSec: true, baselineCount: true },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: "pilot.started",
      entityType: "team",
      entityId: team.id,
      summary: `${team.name} became a pilot for ${input.metric} (baseline over ${baseline.count} incident${baseline.count === 1 ? "" : "s"})`,
      changes: { metric: input.metric, baselineMedianSec: baseline.median, baselineCount: baseline.count },
    });
    return pilot;
  });
}

export async function stopPilot(actor: Principal, teamId: string) {
  const team = await db.team.findFirst({ where: { id: teamId, organizationId: actor.organizationId }, select: { id: true, name: true } });
  if (!team || !can(actor, "team.view", team.id)) throw new NotFoundError("The team");
  if (!can(actor, "metric.define", team.id)) throw new ForbiddenError("Only managers of the team can end its pilot.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.improvementPilot.deleteMany({ where: { teamId: team.id, organizationId: actor.organizationId } });
    if (count > 0) {
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorId: actor.userId,
        action: "pilot.ended",
        entityType: "team",
        entityId: team.id,
        summary: `${team.name} ended its pilot`,
      });
    }
  });
}
