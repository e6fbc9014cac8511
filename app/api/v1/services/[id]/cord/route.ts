import { apiRoute } from "@/lib/api/handler";
import { pullCordBodySchema, serviceIdParamsSchema } from "@/lib/cords/api-schemas";
import { pullCord } from "@/lib/cords/mutations";
import { openCordForService } from "@/lib/cords/queries";
import { cordJson } from "@/lib/cords/api-json";
import { NotFoundError } from "@/lib/errors";
import { findService } from "@/lib/org/queries";

/** The service's open cord, or `{ "cord": null }` while its line runs. */
export const GET = apiRoute({ params: serviceIdParamsSchema }, async ({ user, params }) => {
  if (!(await findService(user, params.id))) throw new NotFoundError("The service");
  const open = await openCordForService(user, params.id);
  return { cord: open ? cordJson(open) : null };
});

/**
 * Pulls the cord: any valid token of the organization may. 201 with the new cord, or 200 with
 * `plusOne: true` when the service was already stopped. Unknown service → 404.
 */
export const POST = apiRoute({ params: serviceIdParamsSchema, body: pullCordBodySchema }, async ({ user, params, body }) => {
  const result = await pullCord(user, { ...body, serviceId: params.id });
  return Response.json(result, { status: result.plusOne ? 200 : 201 });
});
