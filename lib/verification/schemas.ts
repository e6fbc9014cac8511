import { z } from "zod";
import { calendarDaySchema, instantStringSchema } from "@/lib/validation/dates";
import { markdownTextSchema } from "@/lib/markdown-limits";
import { VERIFICATION_HOWS, VERIFICATION_RESULTS } from "@/lib/verification/dimensions";

const id = z.string().trim().min(1, "Required.").max(64);
const minutes = z.coerce.number().int("Whole minutes.").min(0, "Zero or more minutes.").max(525_600, "At most a year.");
const optionalMinutes = z.preprocess((value) => (value === "" || value === null ? undefined : value), minutes.optional());
const link = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^https?:\/\/\S+$/.test(value), "A link starting with http:// or https://.");

/** One verification performed on a service in a dimension (form and API). */
export const recordVerificationSchema = z
  .object({
    serviceId: id,
    dimensionId: id,
    result: z.enum(VERIFICATION_RESULTS, "Choose passed, failed or not applicable."),
    method: z.enum(VERIFICATION_HOWS, "Choose how it was verified.").optional(),
    /** YYYY-MM-DD or an ISO timestamp; defaults to now. Never in the future. */
    performedAt: instantStringSchema().or(calendarDaySchema()).optional(),
    // Rendered as Markdown: refused when written if it would be costly to render, as COE answers are.
    evidence: markdownTextSchema(20_000, { trim: true, tooLong: "At most 20,000 characters." }).default(""),
    links: z.array(link).max(20).default([]),
    notApplicableReason: z.string().trim().max(2000).optional(),
    rtoTargetMinutes: optionalMinutes,
    rpoTargetMinutes: optionalMinutes,
    rtoObservedMinutes: optionalMinutes,
    rpoObservedMinutes: optionalMinutes,
  })
  .superRefine((input, context) => {
    if (input.result === "NOT_APPLICABLE" && !input.notApplicableReason) {
      context.addIssue({ code: "custom", path: ["notApplicableReason"], message: "Say why this dimension does not apply to the service." });
    }
    if (input.result !== "NOT_APPLICABLE" && !input.method) {
      context.addIssue({ code: "custom", path: ["method"], message: "Choose how it was verified." });
    }
    if (input.result !== "NOT_APPLICABLE" && input.evidence.length === 0 && input.links.length === 0) {
      context.addIssue({ code: "custom", path: ["evidence"], message: "Describe the evidence or add a link: a verification without evidence proves nothing." });
    }
    if (input.performedAt && new Date(input.performedAt).getTime() > Date.now() + 5 * 60_000) {
      context.addIssue({ code: "custom", path: ["performedAt"], message: "A verification cannot be in the future." });
    }
  });

const intervalDays = z.coerce.number().int("Whole days.").min(1, "At least one day.").max(3650, "At most ten years.");
const optionalInterval = z.preprocess((value) => (value === "" || value === undefined ? null : value), intervalDays.nullable());

const dimensionName = z.string().trim().min(1, "Name the dimension.").max(100, "At most 100 characters.");
const dimensionDescription = z.string().trim().max(1000, "At most 1,000 characters.").default("");

/**
 * A dimension as its settings form saves it: all fields with the version they were read at (a stale
 * version is a conflict). `archived` hides an organization's own dimension from the grid and the
 * forms (its history stays); the five built-in ones cannot be archived.
 */
export const updateDimensionSchema = z.object({
  dimensionId: id,
  version: z.coerce.number().int().min(1),
  name: dimensionName,
  description: dimensionDescription,
  intervalDays,
  tier1IntervalDays: optionalInterval,
  tier2IntervalDays: optionalInterval,
  tier3IntervalDays: optionalInterval,
  archived: z.boolean().optional(),
});

/** A new dimension of the organization's own; the tier-1 interval defaults to 30 days, empty means "use the interval". */
export const createDimensionSchema = z.object({
  name: dimensionName,
  description: dimensionDescription,
  intervalDays: intervalDays.default(90),
  tier1IntervalDays: optionalInterval.default(30),
  tracksRecovery: z.boolean().default(false),
});

export const setServiceTierSchema = z.object({
  serviceId: id,
  tier: z.preprocess((value) => (value === "" || value === "none" ? null : value), z.coerce.number().int().min(1).max(3).nullable()),
});

export const removeVerificationAttachmentSchema = z.object({ serviceId: id, recordId: id, attachmentId: id });

export const GRID_PAGE_SIZE = 50;

export const gridQuerySchema = z.object({
  teamId: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
