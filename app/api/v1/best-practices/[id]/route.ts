import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { idParamsSchema } from "@/lib/learnings/api-schemas";
import { bestPracticeJson } from "@/lib/learnings/api-json";
import { bestPracticeForApi } from "@/lib/learnings/queries";

export const GET = apiRoute({ params: idParamsSchema }, async ({ user, params }) => {
  const row = await bestPracticeForApi(user, params.id);
  if (!row) throw new NotFoundError("The best practice");
  return bestPracticeJson(row);
});
