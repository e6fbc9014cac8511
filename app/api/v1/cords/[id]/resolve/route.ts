import { apiRoute } from "@/lib/api/handler";
import { cordIdParamsSchema, resolveCordBodySchema } from "@/lib/cords/api-schemas";
import { resolveCord } from "@/lib/cords/mutations";

/** Resolves the cord (owning team, member or above); a second resolve is a 409. */
export const POST = apiRoute({ params: cordIdParamsSchema, body: resolveCordBodySchema }, async ({ user, params, body }) =>
  resolveCord(user, { cordId: params.id, resolutionNote: body.resolutionNote }),
);
