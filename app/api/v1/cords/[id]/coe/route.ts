import { apiRoute } from "@/lib/api/handler";
import { cordIdParamsSchema } from "@/lib/cords/api-schemas";
import { startCoeFromCord } from "@/lib/cords/mutations";

/** "Start the COE": a prefilled draft linked to the cord; the one already started when there is one. */
export const POST = apiRoute({ params: cordIdParamsSchema }, async ({ user, params }) => {
  const result = await startCoeFromCord(user, params.id);
  return Response.json(result, { status: result.created ? 201 : 200 });
});
