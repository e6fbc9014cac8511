import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { dimensionJson } from "@/lib/verification/api-json";
import { dimensionIdParamsSchema, dimensionPatchSchema } from "@/lib/verification/api-schemas";
import { assertDimensionAdmin, updateDimension } from "@/lib/verification/dimension-mutations";
import { findDimension } from "@/lib/verification/dimension-queries";
import { updateDimensionSchema } from "@/lib/verification/schemas";

export const GET = apiRoute({ params: dimensionIdParamsSchema }, async ({ user, params }) => {
  const dimension = await findDimension(user, params.id);
  if (!dimension) throw new NotFoundError("The dimension");
  return dimensionJson(dimension);
});

/**
 * Renames, changes intervals, archives or restores. Fields left out keep their value; `version` must
 * be the one the caller read (a stale one is a 409 carrying the current dimension).
 */
export const PATCH = apiRoute({ params: dimensionIdParamsSchema, body: dimensionPatchSchema }, async ({ user, params, body }) => {
  // Rights first, so a caller who may not change dimensions learns nothing from validation errors.
  await assertDimensionAdmin(user);
  const current = await findDimension(user, params.id);
  if (!current) throw new NotFoundError("The dimension");
  const input = updateDimensionSchema.parse({
    dimensionId: current.id,
    version: body.version,
    name: body.name ?? current.name,
    description: body.description ?? current.description,
    intervalDays: body.intervalDays ?? current.intervalDays,
    tier1IntervalDays: body.tier1IntervalDays !== undefined ? body.tier1IntervalDays : current.tier1IntervalDays,
    tier2IntervalDays: body.tier2IntervalDays !== undefined ? body.tier2IntervalDays : current.tier2IntervalDays,
    tier3IntervalDays: body.tier3IntervalDays !== undefined ? body.tier3IntervalDays : current.tier3IntervalDays,
    archived: body.archived,
  });
  return dimensionJson(await updateDimension(user, input));
});
