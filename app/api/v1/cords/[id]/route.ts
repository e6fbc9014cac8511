import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { cordIdParamsSchema } from "@/lib/cords/api-schemas";
import { cordDetailJson } from "@/lib/cords/queries";

export const GET = apiRoute({ params: cordIdParamsSchema }, async ({ user, params }) => {
  const cord = await cordDetailJson(user, params.id);
  if (!cord) throw new NotFoundError("The cord");
  return cord;
});
