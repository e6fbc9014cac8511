import { MetricCadence, MetricDirection, PilotMetric } from "@/lib/generated/prisma/enums";
import { SEVERITIES } from "@/lib/coes/questions";
import type { CoeSeverity } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import { isYearInRange } from "@/lib/validation/dates";

// What the metrics pages and endpoints accept. Page query strings fall back to defaults on bad
// values (a hand-edited URL should still show a page); forms and the API are strict.

export const WINDOWS = ["30", "90", "180", "365"] as const;
export const TREND_WEEKS = ["12", "26", "52"] as const;

export const metricsViewSchema = z.object({
  team: z.string().trim().min(1).max(40).optional().catch(undefined),
  severity: z
    .enum(["all", ...SEVERITIES])
    .default("all")
    .catch("all"),
  window: z.enum(WINDOWS).default("90").catch("90"),
  weeks: z.enum(TREND_WEEKS).default("26").catch("26"),
  /** The team table: the team and its direct sub-teams, or its whole subtree. */
  teams: z.enum(["children", "all"]).default("children").catch("children"),
  /** Recurring incidents: the newest few, or all (up to the CSV's 50). */
  recurrences: z.enum(["newest", "all"]).default("newest").catch("newest"),
  /** Key service metric cards: the first dozen (flagged first), or up to two dozen. */
  metrics: z.enum(["first", "all"]).default("first").catch("first"),
});
export type MetricsView = z.output<typeof metricsViewSchema>;

/** The view as the queries take it. */
export type IncidentFilter = { severity: CoeSeverity | null; windowDays: number; weeks: number };

export function incidentFilter(view: MetricsView): IncidentFilter {
  return { severity: view.severity === "all" ? null : view.severity, windowDays: Number(view.window), weeks: Number(view.weeks) };
}

const id = (what: string) => z.string().trim().min(1, `Choose a ${what}.`).max(40);
const optionalNumber = (message: string) =>
  z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.coerce.number({ error: message }).refine(Number.isFinite, message).nullable(),
  );

export const metricDefinitionSchema = z.object({
  serviceId: id("service"),
  name: z.string().trim().min(1, "Name the metric, e.g. “Availability”.").max(80, "Keep the name under 80 characters."),
  unit: z.string().trim().max(20, "Keep the unit under 20 characters, e.g. “%” or “ms”.").default(""),
  description: z.string().trim().max(500, "Keep the description under 500 characters.").default(""),
  direction: z.enum(MetricDirection, { error: "Say which direction is good." }),
  target: optionalNumber("The target must be a number, e.g. 99.9."),
  cadence: z.enum(MetricCadence, { error: "Choose daily or weekly." }).default("DAILY"),
  anomalyThresholdPct: optionalNumber("The threshold must be a number of percent, e.g. 20.").refine(
    (value) => value === null || (value > 0 && value <= 1000),
    "The threshold must be between 0 and 1000 percent.",
  ),
});

export const metricDefinitionUpdateSchema = metricDefinitionSchema.extend({ metricId: id("metric") });

export const metricArchiveSchema = z.object({ metricId: id("metric") });

/** A moment: an ISO 8601 date-time with an offset, or a plain date (taken as midnight UTC). */
const timestampSchema = z
  .string()
  .trim()
  .min(1, "Give the time of the value.")
  .refine((value) => parseTimestamp(value) !== null, "Use an ISO 8601 time like 2026-11-26T09:00:00Z, or a date like 2026-11-26.");

export function parseTimestamp(value: string): Date | null {
  const trimmed = value.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  if (!dateOnly && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) return null;
  const date = new Date(dateOnly ? `${trimmed}T00:00:00Z` : trimmed);
  if (Number.isNaN(date.getTime())) return null;
  // JavaScript rolls impossible dates over (2026-02-30 becomes March 2nd): refuse them instead.
  const [year, month, day] = trimmed.slice(0, 10).split("-").map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  return date.getUTCFullYear() >= 1970 && isYearInRange(date.getUTCFullYear()) ? date : null;
}

// null and true/false are not numbers, though Number() makes them 0 and 1.
const valueSchema = z.preprocess(
  (value) => (value === null || typeof value === "boolean" ? Number.NaN : value),
  z.coerce.number({ error: "The value must be a number." }).refine(Number.isFinite, "The value must be a finite number."),
);

/** The form on a service's metric page. */
export const metricValueFormSchema = z.object({
  metricId: id("metric"),
  timestamp: timestampSchema,
  value: z.preprocess((value) => (value === "" ? undefined : value), valueSchema),
});

const MAX_POINTS_PER_REQUEST = 10_000;

/** One point pushed through the API or a CSV line: service and metric by id or by name. */
export const metricPointSchema = z.object({
  service: z.string().trim().min(1, "Name the service (its id or name).").max(80).meta({ description: "The service's id or name.", example: "checkout-api" }),
  metric: z
    .string()
    .trim()
    .min(1, "Name the metric (its id or name).")
    .max(80)
    .meta({ description: "The metric's id or name on that service.", example: "p99 latency" }),
  timestamp: timestampSchema.meta({
    description: "When the value was measured: ISO 8601 with an offset, or a date (midnight UTC).",
    example: "2026-11-26T00:00:00Z",
  }),
  value: valueSchema.meta({ description: "The measured value, in the metric's unit.", example: 284 }),
});
export type MetricPoint = z.output<typeof metricPointSchema>;

export const metricPointBatchSchema = z
  .object({
    points: z
      .array(metricPointSchema)
      .min(1, "Send at least one point.")
      .max(MAX_POINTS_PER_REQUEST, `Send at most ${MAX_POINTS_PER_REQUEST.toLocaleString("en-US")} points per request.`),
  })
  .meta({ id: "MetricPointBatch" });

export const pilotStartSchema = z.object({
  teamId: id("team"),
  metric: z.enum(PilotMetric).default("MTTR"),
});
export const pilotStopSchema = z.object({ teamId: id("team") });

export const CSV_EXAMPLE = "metric,timestamp,value\nAvailability,2026-11-24,99.95\np99 latency,2026-11-24T00:00:00Z,284\n";

/** Server actions accept 1 MB bodies (Next.js default); larger batches go through the API. */
export const MAX_CSV_BYTES = 800 * 1024;
export const CSV_TOO_LARGE = "The file is larger than 800 kB: split it, or push the values through POST /api/v1/metrics (up to 10,000 points a request).";
export const csvUploadSchema = z.object({
  serviceId: id("service"),
  csv: z.string().min(1, "Choose a CSV file.").max(MAX_CSV_BYTES, CSV_TOO_LARGE),
});
