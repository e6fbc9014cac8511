import { z } from "zod";

export const serviceIdParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const verificationsQuerySchema = z.object({
  teamId: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
/** The API's record body: the service comes from the path. */
export const recordVerificationBodySchema = z.record(z.string(), z.unknown());

export const dimensionIdParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const dimensionsQuerySchema = z.object({
  includeArchived: z
    .enum(["true", "false"], "true or false.")
    .default("false")
    .transform((value) => value === "true"),
});
const days = z.int("Whole days.").min(1, "At least one day.").max(3650, "At most ten years.");
/**
 * A partial change with the version it was read at; what is left out keeps its value. The merged
 * dimension is parsed again with the settings form's schema (updateDimensionSchema).
 */
export const dimensionPatchSchema = z.strictObject({
  version: z.int().min(1),
  name: z.string().max(100).optional(),
  description: z.string().max(1000).optional(),
  intervalDays: days.optional(),
  tier1IntervalDays: days.nullable().optional(),
  tier2IntervalDays: days.nullable().optional(),
  tier3IntervalDays: days.nullable().optional(),
  archived: z.boolean().optional(),
});

export const recordAttachmentParamsSchema = z.object({ id: z.string().min(1).max(64), recordId: z.string().min(1).max(64) });
export const attachmentIdParamsSchema = z.object({ id: z.string().min(1).max(64) });
/** An evidence file through the API: its name and its bytes in base64 (5 MB at most once decoded). */
export const attachmentBodySchema = z.object({
  fileName: z.string().trim().min(1, "Name the file.").max(200),
  contentBase64: z.base64("The content must be base64.").max(7_000_000, "Evidence files can be at most 5 MB."),
});
