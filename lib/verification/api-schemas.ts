import { z } from "zod";

export const serviceIdParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const verificationsQuerySchema = z.object({
  teamId: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
/** The API's record body: the service comes from the path. */
export const recordVerificationBodySchema = z.record(z.string(), z.unknown());
