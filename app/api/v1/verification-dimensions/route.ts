import { apiRoute } from "@/lib/api/handler";
import { dimensionJson } from "@/lib/verification/api-json";
import { dimensionsQuerySchema } from "@/lib/verification/api-schemas";
import { createDimension } from "@/lib/verification/dimension-mutations";
import { dimensionSettings } from "@/lib/verification/dimension-queries";
import { createDimensionSchema } from "@/lib/verification/schemas";

/** The organization's verification dimensions in grid order (everyone in the organization reads them). */
export const GET = apiRoute({ query: dimensionsQuerySchema }, async ({ user, query }) => ({
  data: (await dimensionSettings(user, { includeArchived: query.includeArchived })).map(dimensionJson),
}));

/** Adds a dimension of the organization's own (an admin or a manager of a top-level team; checked in the mutation). */
export const POST = apiRoute({ body: createDimensionSchema }, async ({ user, body }) =>
  Response.json(dimensionJson(await createDimension(user, body)), { status: 201 }),
);
