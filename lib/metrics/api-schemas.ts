import { MetricCadence, MetricDirection } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import { instantStringSchema } from "@/lib/validation/dates";
import { bigintIdStringSchema } from "@/lib/validation/numbers";
import { pageSchema, paginationQuerySchema } from "@/lib/api/pagination";
import type { MetricOverview } from "@/lib/metrics/service-queries";
import type { MeasureSummaries, SeverityRow } from "@/lib/metrics/incident-queries";
import { TREND_WEEKS, WINDOWS } from "@/lib/metrics/schemas";
import { SEVERITIES } from "@/lib/coes/questions";
import type { Summary } from "@/lib/metrics/stats";

// Shapes of /api/v1/metrics. Request bodies reuse lib/metrics/schemas.ts.

const id = z.string().trim().min(1).max(40);

export const recordResultSchema = z
  .object({
    received: z.number().int().meta({ description: "Points in the request." }),
    inserted: z.number().int().meta({ description: "New values." }),
    updated: z.number().int().meta({ description: "Values that replaced a different value at the same timestamp." }),
    unchanged: z.number().int().meta({ description: "Values already recorded exactly so (a retried push), and later duplicates within the batch." }),
  })
  .meta({ id: "MetricRecordResult" });

const flagSchema = z
  .union([
    z.object({ kind: z.literal("breach"), value: z.number(), target: z.number() }),
    z.object({ kind: z.literal("anomaly"), changePct: z.number(), thresholdPct: z.number(), worse: z.boolean() }),
  ])
  .meta({
    id: "MetricFlag",
    description: "`breach`: the latest value misses the target. `anomaly`: the last seven days moved more than the threshold against the seven before.",
  });

const serviceMetricSchema = z
  .object({
    id: z.string(),
    serviceId: z.string(),
    serviceName: z.string(),
    name: z.string(),
    unit: z.string(),
    direction: z.enum(MetricDirection).meta({ description: "Which direction is good." }),
    target: z.number().nullable(),
    cadence: z.enum(MetricCadence),
    anomalyThresholdPct: z.number().nullable(),
    latestValue: z.number().nullable(),
    latestAt: z.iso.datetime().nullable(),
    flags: z.array(flagSchema),
  })
  .meta({ id: "ServiceMetric" });
export type ServiceMetricJson = z.infer<typeof serviceMetricSchema>;

export function serviceMetricJson(metric: MetricOverview): ServiceMetricJson {
  return {
    id: metric.id,
    serviceId: metric.serviceId,
    serviceName: metric.serviceName,
    name: metric.name,
    unit: metric.unit,
    direction: metric.direction,
    target: metric.target,
    cadence: metric.cadence,
    anomalyThresholdPct: metric.anomalyThresholdPct,
    latestValue: metric.latestValue,
    latestAt: metric.latestAt?.toISOString() ?? null,
    flags: metric.flags,
  };
}

export const serviceMetricPageSchema = pageSchema(serviceMetricSchema).meta({ id: "ServiceMetricPage" });

export const metricListQuerySchema = paginationQuerySchema.extend({
  serviceId: id.optional().meta({ description: "Only this service's metrics." }),
  teamId: id.optional().meta({ description: "Only metrics of services owned by this team or any team below it." }),
});

export const idCursorSchema = z.tuple([z.string().min(1).max(40)]);

export const incidentQuerySchema = z.object({
  teamId: id.optional().meta({ description: "The team (with its sub-teams). Defaults to the caller's highest team." }),
  severity: z.enum(SEVERITIES).optional().meta({ description: "Only incidents of this severity." }),
  window: z.enum(WINDOWS).default("90").meta({ description: "The window in days, ending now." }),
  weeks: z.enum(TREND_WEEKS).default("12").meta({ description: "How many weeks of weekly trend." }),
});

const summarySchema = z
  .object({
    count: z.number().int().meta({ description: "Incidents with this duration recorded." }),
    median: z.number().nullable(),
    p90: z.number().nullable(),
    mean: z.number().nullable(),
  })
  .meta({ id: "DurationSummary", description: "Seconds. Percentiles by linear interpolation (PostgreSQL percentile_cont)." });

const measuresSchema = z
  .object({ incidents: z.number().int(), timeToDetect: summarySchema, timeToMitigate: summarySchema, timeToResolve: summarySchema })
  .meta({ id: "IncidentMeasures" });

export const incidentMetricsSchema = z
  .object({
    team: z.object({ id: z.string(), name: z.string() }),
    window: z.object({ from: z.iso.datetime(), to: z.iso.datetime(), days: z.number().int() }),
    countedStatuses: z.array(z.string()).meta({ description: "COEs counted: approved and closed." }),
    current: measuresSchema,
    previous: measuresSchema,
    yearBefore: measuresSchema,
    bySeverity: z.array(measuresSchema.extend({ severity: z.enum(SEVERITIES) })),
    weeklyTrend: z.array(
      z.object({
        weekStart: z.string(),
        incidents: z.number().int(),
        ttrMedian: z.number().nullable(),
        ttrP90: z.number().nullable(),
        ttdMedian: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: "IncidentMetrics" });

function summaryJson(summary: Summary) {
  return { count: summary.count, median: summary.median, p90: summary.p90, mean: summary.mean };
}

export function measuresJson(measures: MeasureSummaries | SeverityRow) {
  return {
    incidents: measures.incidents,
    timeToDetect: summaryJson(measures.ttd),
    timeToMitigate: summaryJson(measures.ttm),
    timeToResolve: summaryJson(measures.ttr),
  };
}

export const metricValueListQuerySchema = paginationQuerySchema
  .extend({
    metricId: id.meta({ description: "The metric (see `GET /api/v1/metrics`)." }),
    from: instantStringSchema("from must be an ISO 8601 time with an offset, e.g. 2026-11-01T00:00:00Z")
      .optional()
      .meta({ description: "Only values at or after this time." }),
    to: instantStringSchema("to must be an ISO 8601 time with an offset, e.g. 2026-11-30T00:00:00Z")
      .optional()
      .meta({ description: "Only values before this time." }),
  })
  .refine((query) => !query.from || !query.to || new Date(query.from) < new Date(query.to), { path: ["to"], message: "to must be after from." });

const metricValueSchema = z.object({ timestamp: z.iso.datetime(), value: z.number() }).meta({ id: "MetricValue" });
export const metricValuePageSchema = pageSchema(metricValueSchema).meta({ id: "MetricValuePage" });

/** Keyset cursor of the value list: the last timestamp and row id of the page. */
export const valueCursorSchema = z.tuple([instantStringSchema(), bigintIdStringSchema]);
