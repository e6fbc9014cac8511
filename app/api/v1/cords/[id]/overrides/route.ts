import { apiRoute } from "@/lib/api/handler";
import { cordIdParamsSchema, overrideBodySchema } from "@/lib/cords/api-schemas";
import { grantOverride } from "@/lib/cords/mutations";

/** Break glass: one deploy may pass the gate within an hour (a manager of the owning subtree). */
export const POST = apiRoute({ params: cordIdParamsSchema, body: overrideBodySchema }, async ({ user, params, body }) =>
  Response.json(await grantOverride(user, { cordId: params.id, justification: body.justification }), { status: 201 }),
);
