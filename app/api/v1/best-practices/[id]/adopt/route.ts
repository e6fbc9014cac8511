import { apiRoute } from "@/lib/api/handler";
import { idParamsSchema } from "@/lib/learnings/api-schemas";
import { decideAdoption } from "@/lib/learnings/mutations";
import { adoptionDecisionSchema } from "@/lib/learnings/schemas";

// A team's decision (adopted → a corrective action for the team, or not applicable with a reason):
// members and managers of the team (checked in decideAdoption).
export const POST = apiRoute({ params: idParamsSchema, body: adoptionDecisionSchema }, async ({ user, params, body }) =>
  Response.json(await decideAdoption(user, { ...body, bestPracticeId: params.id }), { status: 201 }),
);
