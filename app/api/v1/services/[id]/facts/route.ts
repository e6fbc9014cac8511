import { apiRoute } from "@/lib/api/handler";
import { idParamsSchema } from "@/lib/policies/api-schemas";
import { factListJson, pushServiceFacts } from "@/lib/policies/fact-api";
import { factPushSchema } from "@/lib/policies/schemas";

export const GET = apiRoute({ params: idParamsSchema }, async ({ user, params }) => factListJson(user, params.id));

// policy.facts on the service's owning team is checked in pushServiceFacts.
export const PUT = apiRoute({ params: idParamsSchema, body: factPushSchema }, async ({ user, params, body }) =>
  pushServiceFacts(user, params.id, body.facts, body.source),
);
