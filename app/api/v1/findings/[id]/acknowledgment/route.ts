import { apiRoute } from "@/lib/api/handler";
import { acknowledgmentJson } from "@/lib/policies/api-json";
import { idParamsSchema } from "@/lib/policies/api-schemas";
import { requestAcknowledgment } from "@/lib/policies/finding-mutations";
import { requestAcknowledgmentSchema } from "@/lib/policies/schemas";

const bodySchema = requestAcknowledgmentSchema.omit({ findingId: true });

// A member of the owning team (policy.facts) asks; a manager decides on the finding's page.
export const POST = apiRoute({ params: idParamsSchema, body: bodySchema }, async ({ user, params, body }) => {
  const ack = await requestAcknowledgment(user, { ...body, findingId: params.id });
  return Response.json(acknowledgmentJson(ack), { status: 201 });
});
